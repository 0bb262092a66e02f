//! Named entities for sitrep from BERT-family token classifiers, run in Rust.
//!
//! - [`NerModel`] loads a model folder (`config.json`, `tokenizer.json` or
//!   `vocab.txt`, `model.safetensors`; see [`ModelFolder`]) and finds PER, LOC,
//!   ORG and MISC entities with byte spans into the text. Texts of any length
//!   are read whole, in overlapping windows of the model's length; windows of
//!   many documents are sorted by length into padded batches.
//! - Inference runs at a [`Precision`]: f32, bf16 (the default where the CPU
//!   has native bfloat16: same CoNLL F1, about twice as fast) or dynamic int8.
//!   The figures are in the repository's `BENCHMARKS.md`.
//! - [`SentenceEncoder`] gives mean-pooled sentence embeddings
//!   (all-MiniLM-L6-v2), the same as Python sentence-transformers.
//! - [`train`] fine-tunes a model on CoNLL data; [`evaluate_conll`] scores one
//!   with the conlleval rules.
//!
//! ```
//! use std::path::Path;
//! use sitrep_ner::{NerModel, Precision};
//!
//! // The model shipped with sitrep.
//! let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/sitrep-ner-minilm");
//! let mut model = NerModel::load(&dir)?;
//! let text = "Colonel Mara Velasquez arrived in Port Halden on Tuesday.";
//! let found = model.recognize(&[text])?;
//! let names: Vec<(&str, &str)> = found[0]
//!     .iter()
//!     .map(|e| (e.label.as_str(), &text[e.span.start..e.span.end]))
//!     .collect();
//! assert!(names.contains(&("PER", "Mara Velasquez")), "{names:?}");
//! assert!(names.contains(&("LOC", "Port Halden")), "{names:?}");
//!
//! // Another precision: the weights are converted once. The entities are the
//! // same here; their scores (mean tag probabilities) differ in the rounding.
//! let mut settings = model.settings();
//! settings.precision = Precision::F32;
//! model.set_settings(settings)?;
//! let spans = |found: &[Vec<sitrep_text::EntityMention>]| -> Vec<(sitrep_text::Span, String)> {
//!     found[0].iter().map(|e| (e.span, e.label.clone())).collect()
//! };
//! assert_eq!(spans(&model.recognize(&[text])?), spans(&found));
//! # Ok::<(), sitrep_ner::Error>(())
//! ```
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
mod viterbi;

pub use embed::{cosine, SentenceEncoder};
pub use error::{Error, Result};
pub use evaluate::evaluate_conll;
pub use folder::{EncoderConfig, ModelFolder, SitrepConfig, TokenizerFile, WEIGHT_FILES};
pub use ner::{NerModel, NerSettings, NerTimings, WordTag};
pub use precision::Precision;
pub use train::{train, write_model_card, TrainEvent, TrainOptions, TrainSummary, TrainUnit};

pub mod conll;
pub mod score;
pub mod tags;

/// Sets how many threads libtorch uses inside each operation (process-wide).
pub fn set_torch_threads(n: usize) {
    tch::set_num_threads(i32::try_from(n.max(1)).unwrap_or(i32::MAX));
}
