//! Named entities for sitrep from BERT-family token classifiers, run in Rust.
#![deny(missing_docs)]

mod batch;
mod embed;
mod encoder;
mod error;
mod evaluate;
mod folder;
mod ner;
mod precision;
mod tagger;
mod train;

pub use embed::{cosine, SentenceEncoder};
pub use error::{Error, Result};
pub use evaluate::evaluate_conll;
pub use folder::{EncoderConfig, ModelFolder, SitrepConfig, TokenizerFile, WEIGHT_FILES};
pub use ner::{NerModel, NerSettings, NerTimings, WordTag};
pub use precision::Precision;
pub use tagger::{casing_class, CASING_CLASSES};
pub use train::{
    reproduce_command, train, write_model_card, TrainEvent, TrainOptions, TrainSummary, TrainUnit,
};

pub mod conll;
pub mod score;
pub mod tags;

/// Sets how many threads libtorch uses inside each operation (process-wide).
pub fn set_torch_threads(n: usize) {
    tch::set_num_threads(i32::try_from(n.max(1)).unwrap_or(i32::MAX));
}
