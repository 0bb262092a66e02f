//! How clustering is tuned ([`ClusterOptions`]): the blocking's limits, the
//! pair model and the linkage threshold.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::pair_model::PairModel;

/// Tuning of [`cluster`](crate::cluster()).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterOptions {
    /// Merge clusters while their average pair probability is at least
    /// this. By default 0.5.
    pub threshold: f32,
    /// Most candidates scored per document. By default 64.
    pub max_candidates: usize,
    /// Blocking keys shared by more documents than this are ignored. By
    /// default 64.
    pub max_posting: usize,
    /// Salient lead terms used as blocking keys per document. By default 12.
    pub key_terms: usize,
    /// The pair model. By default [`PairModel::shipped`]. Not serialised:
    /// a model is a file of its own ([`PairModel::from_path`]).
    #[serde(skip, default = "PairModel::shipped")]
    pub model: Arc<PairModel>,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            threshold: 0.5,
            max_candidates: 64,
            max_posting: 64,
            key_terms: 12,
            model: PairModel::shipped(),
        }
    }
}
