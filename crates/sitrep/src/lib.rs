//! News articles in, a table of events out.
//!
//! `sitrep` reads articles ([`sitrep_text::read_inputs`]), finds who and where
//! with a transformer NER model run in Rust ([`sitrep_ner`]), extracts figures
//! and casualty facts with who claims them ([`sitrep_numbers`]), and returns
//! serde types ([`Report`]) that keep every claim traceable to its sentence.
//!
//! ```no_run
//! use sitrep::Pipeline;
//! use sitrep_text::{Document, InputItem};
//!
//! let pipeline = Pipeline::builder().threads(2).build()?;
//! let doc = Document::new(
//!     "wire-1",
//!     "Iraq's Joint Operations Command said nine ISIS militants were killed \
//!      in the Hamrin Mountains. Two U.S. service members were injured.",
//! );
//! let report = pipeline.analyze(&[InputItem::Document(doc)]);
//! let record = &report.documents[0];
//! for e in &record.entities {
//!     println!("{:<4} {}", e.label, e.text);
//! }
//! println!("{}", serde_json::to_string_pretty(&record.toll).unwrap());
//! # Ok::<(), sitrep::Error>(())
//! ```
#![deny(missing_docs)]

mod error;
pub mod eval;
pub mod eval_geo;
pub mod eval_roles;
pub mod eval_types;
mod extract;
mod output;
mod pipeline;

pub use error::{DocumentError, DocumentResult, Error, Result};
pub use extract::{extract_record, ExtractRecord};
pub use output::{
    CasualtyRecord, ClaimRecord, CountRecord, DocumentRecord, EntityRecord, EventRecord,
    EvidenceRecord, FigureRecord, LocationRecord, NumberRecord, PartyRecord, Report, SidesRecord,
    Status, TollRecord, TypeRecord,
};
pub use pipeline::{
    default_embedding_model_dir, default_ner_model_dir, Analysis, Pipeline, PipelineBuilder,
};
pub use sitrep_cluster::{ClusterOptions, PairModel, Precision as DatePrecision};
pub use sitrep_coding::{
    ActorType, Category, DisorderType, EventLabel, EventType, Role, SubEventType,
};
pub use sitrep_ner::Precision;
pub use sitrep_numbers::{Group, NumberKind, Outcome, Qualifier, Scope};

/// The JSON Schema of [`Report`] as serialised (`schema/sitrep-output.schema.json`).
pub const OUTPUT_SCHEMA: &str = include_str!("../../../schema/sitrep-output.schema.json");
