//! Evaluation of geocoding ([`sitrep_geo`]) on labelled data:
//!
//! - GeoWebNews (Gritta et al. 2019): every toponym of 200 news articles
//!   with its GeoNames coordinates. End to end, from raw text (the
//!   pipeline's LOC entities, then [`resolve_places`]): the share of gold
//!   toponyms found (span overlap) and placed within 161 km, and the mean
//!   error; and the same given the gold spans. Articles are split into five
//!   seeded folds so that figures on folds never looked at while tuning can
//!   be reported beside the whole set.
//! - GVA news: per document, the document-level location
//!   ([`event_location`] over that one document) against the incident's
//!   state and city or county.

mod gva;
mod gwn;

pub use crate::pipeline::incident_spans;
pub use gva::{document_location, read_gva_places, score_gva, GvaPlace, GvaScores};
pub use gwn::{
    gwn_folds, read_gwn, score_gwn, GeoMiss, GoldToponym, GwnArticle, GwnScores,
    GWN_ADJECTIVE_TYPES, GWN_PLACE_TYPES,
};

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Accuracy radius of the field: 161 km (100 miles).
pub const ACCURACY_KM: f64 = 161.0;

fn bad_data(path: &Path, msg: String) -> Error {
    Error::Read {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, msg),
    }
}

/// Counts behind the geocoding figures of one set of toponyms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GeoCounts {
    /// Gold toponyms.
    pub gold: usize,
    /// Found: a predicted place entity overlaps the gold span.
    pub found: usize,
    /// Found and resolved to a place.
    pub resolved: usize,
    /// Found and placed within [`ACCURACY_KM`].
    pub within: usize,
    /// Sum of the errors of the resolved ones, in km.
    pub error_km: f64,
}

impl GeoCounts {
    fn add(&mut self, o: &GeoCounts) {
        self.gold += o.gold;
        self.found += o.found;
        self.resolved += o.resolved;
        self.within += o.within;
        self.error_km += o.error_km;
    }

    /// Share of gold toponyms found and placed within 161 km.
    #[must_use]
    pub fn accuracy(&self) -> f64 {
        ratio(self.within, self.gold)
    }

    /// Share of gold toponyms found.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Mean error of the resolved ones, in km.
    #[must_use]
    pub fn mean_error_km(&self) -> f64 {
        if self.resolved == 0 {
            0.0
        } else {
            self.error_km / self.resolved as f64
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Figures per fold and over groups of folds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldedCounts {
    /// Each fold.
    pub folds: Vec<GeoCounts>,
    /// The folds tuned on (0–2).
    pub tuned: GeoCounts,
    /// The folds never looked at while tuning (3–4).
    pub untuned: GeoCounts,
    /// The whole set.
    pub whole: GeoCounts,
}

impl FoldedCounts {
    fn new(folds: Vec<GeoCounts>) -> FoldedCounts {
        let mut tuned = GeoCounts::default();
        let mut untuned = GeoCounts::default();
        let mut whole = GeoCounts::default();
        for (k, c) in folds.iter().enumerate() {
            if k < TUNED_FOLDS {
                tuned.add(c);
            } else {
                untuned.add(c);
            }
            whole.add(c);
        }
        FoldedCounts {
            folds,
            tuned,
            untuned,
            whole,
        }
    }
}

/// Folds 0..TUNED_FOLDS are the ones looked at while tuning.
pub const TUNED_FOLDS: usize = 3;

/// Resident memory of this process, in MB (Linux; `None` elsewhere).
#[must_use]
pub fn resident_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

impl std::fmt::Display for GeoCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:>5} gold  found {:.3}  acc@161km {:.3}  mean error {:>6.0} km",
            self.gold,
            self.recall(),
            self.accuracy(),
            self.mean_error_km()
        )
    }
}
