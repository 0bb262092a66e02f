//! Events for sitrep: canonical entities across documents, same-incident
//! clustering that keeps look-alike incidents apart, and figures reconciled
//! across outlets with every claim kept.
//!
//! ```
//! use sitrep_cluster::{canonicalize, same_person, same_thing, normalize};
//!
//! assert!(same_person(&normalize("Pat Ryder"), &normalize("Maj. Gen. Patrick Ryder")));
//! assert!(same_thing("CENTCOM", &normalize("CENTCOM"), "U.S. Central Command", &normalize("U.S. Central Command")));
//! ```
//!
//! The whole path, from analysed documents to events, is [`group_events`];
//! [`eval`] scores a grouping against gold labels (B³ and pairwise).
#![deny(missing_docs)]

mod blocking;
mod cluster;
mod dates;
mod document;
mod entities;
pub mod eval;
mod events;
mod features;
mod linkage;
pub(crate) mod names;
mod options;
mod pair;
mod pair_model;
mod places;
mod scoring;

pub use blocking::candidates;
pub use cluster::cluster;
pub use dates::{event_date, find_dates, Basis, EventDate, Precision};
pub use document::{DocFeatures, DocInput};
pub use entities::{canonicalize, Canonical, CanonicalEntity};
pub use events::{group_events, Event, Grouping};
pub use features::{doc_features, document_date, event_sentences, PlaceMention};
pub use linkage::average_linkage;
pub use names::{is_acronym_of, normalize, same_person, same_thing, skeleton};
pub use options::ClusterOptions;
pub use pair::{PairFeatures, PAIR_FEATURES};
pub use pair_model::{PairModel, PairModelError, PAIR_MODEL_FORMAT};
pub use places::{country_of, specificity};
pub use scoring::{pair_features, score_pairs};
