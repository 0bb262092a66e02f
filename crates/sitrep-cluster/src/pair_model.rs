//! The pair model: gradient-boosted decision trees that read
//! [`PairFeatures`] and give the probability that two documents report one
//! incident.
//!
//! The shipped model (`models/sitrep-pair-model/pair-model.json`, see its
//! model card) is trained by `scripts/fit-pair-model.py` on the candidate
//! pairs of the GVA-news and ECB+ dev sets; [`PairModel::from_json`] loads
//! another one written in the same format:
//!
//! ```json
//! {"format": "sitrep-pair-trees/1",
//!  "features": ["terms", "entities", ...],
//!  "base": -1.2,
//!  "trees": [{"feature": [3, -1, -1], "threshold": [0.5, 0, 0],
//!             "left": [1, 0, 0], "right": [2, 0, 0], "value": [0, -0.4, 0.7]}]}
//! ```
//!
//! Node 0 is each tree's root; an inner node (`feature` ≥ 0) sends a pair
//! left when its feature is at most `threshold`; a leaf (`feature` = −1)
//! adds its `value` to `base`, and the sum is a log-odds.

use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use crate::pair::{PairFeatures, PAIR_FEATURES};

/// The format tag a model file must carry.
pub const PAIR_MODEL_FORMAT: &str = "sitrep-pair-trees/1";

/// Why a pair model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PairModelError {
    /// Not JSON, or not the model's shape.
    #[error("the pair model is not valid JSON of the expected shape")]
    Json(#[source] serde_json::Error),
    /// Reading the file failed.
    #[error("cannot read the pair model {path}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Valid JSON that is not a usable model.
    #[error("invalid pair model: {0}")]
    Invalid(String),
}

/// One regression tree, as parallel arrays indexed by node (the file's
/// layout).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Tree {
    feature: Vec<i32>,
    threshold: Vec<f64>,
    left: Vec<u32>,
    right: Vec<u32>,
    value: Vec<f64>,
}

/// The model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ModelFile {
    format: String,
    features: Vec<String>,
    base: f64,
    trees: Vec<Tree>,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    training: serde_json::Value,
}

/// A node as the model walks it: all trees in one array, children as
/// absolute indices, a leaf's value in `threshold`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    threshold: f64,
    /// The feature tested; [`LEAF`] for a leaf.
    feature: u32,
    left: u32,
    right: u32,
}

const LEAF: u32 = u32::MAX;

/// Gradient-boosted trees over [`PairFeatures`]. Made by
/// [`PairModel::from_json`], [`PairModel::from_path`] or
/// [`PairModel::shipped`], which check it. The file format and how the
/// shipped model was trained are in `models/sitrep-pair-model/MODEL_CARD.md`.
///
/// ```
/// use sitrep_cluster::{PairFeatures, PairModel};
///
/// let model = PairModel::shipped();
/// // Two reports sharing their words, people, place, day and toll.
/// let same = PairFeatures {
///     terms: 0.6, entities: 0.6, people: 2.0, places: 1.0, rare_place: 0.9,
///     embedding: 0.8, has_embedding: 1.0, has_days: 1.0, dates: 1.0,
///     killed: 1.0, killed_size: 1.4, title: 0.5, named_day: 1.0, content: 4.0,
///     ..PairFeatures::default()
/// };
/// // Two that share little, weeks apart, with other tolls.
/// let apart = PairFeatures {
///     terms: 0.03, embedding: 0.1, has_embedding: 1.0, log_days: 3.5, has_days: 1.0,
///     places: -1.0, dates: -1.0, killed: -1.0, content: 4.0,
///     ..PairFeatures::default()
/// };
/// assert!(model.probability(&same) > 0.9);
/// assert!(model.probability(&apart) < 0.1);
///
/// // A model written for other features is refused, with the reason.
/// let err = PairModel::from_json(r#"{"format": "sitrep-pair-trees/1",
///     "features": ["words"], "base": 0, "trees": []}"#).unwrap_err();
/// assert!(err.to_string().contains("features"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    file: ModelFile,
    nodes: Vec<Node>,
    roots: Vec<u32>,
}

fn check(m: &ModelFile) -> Result<(), PairModelError> {
    let bad = |s: String| Err(PairModelError::Invalid(s));
    if m.format != PAIR_MODEL_FORMAT {
        return bad(format!(
            "format {:?}, expected {PAIR_MODEL_FORMAT:?}",
            m.format
        ));
    }
    if m.features.len() != PAIR_FEATURES
        || m.features
            .iter()
            .zip(PairFeatures::NAMES)
            .any(|(a, b)| a != b)
    {
        return bad(format!(
            "features {:?}, expected {:?}",
            m.features,
            PairFeatures::NAMES
        ));
    }
    if !m.base.is_finite() {
        return bad("base is not finite".into());
    }
    for (t, tree) in m.trees.iter().enumerate() {
        let n = tree.feature.len();
        if n == 0
            || [
                tree.threshold.len(),
                tree.left.len(),
                tree.right.len(),
                tree.value.len(),
            ]
            .iter()
            .any(|&l| l != n)
        {
            return bad(format!("tree {t}: empty or arrays of unequal length"));
        }
        for k in 0..n {
            let f = tree.feature[k];
            if f < 0 {
                if !tree.value[k].is_finite() {
                    return bad(format!("tree {t}, node {k}: value is not finite"));
                }
                continue;
            }
            let (l, r) = (tree.left[k] as usize, tree.right[k] as usize);
            if f as usize >= PAIR_FEATURES
                || !tree.threshold[k].is_finite()
                || l <= k
                || r <= k
                || l >= n
                || r >= n
            {
                return bad(format!(
                    "tree {t}, node {k}: feature, threshold or children out of range"
                ));
            }
        }
    }
    Ok(())
}

static SHIPPED: LazyLock<Arc<PairModel>> = LazyLock::new(|| {
    Arc::new(
        PairModel::from_json(include_str!(
            "../../../models/sitrep-pair-model/pair-model.json"
        ))
        .expect("the shipped pair model is valid (tested by shipped_model_loads)"),
    )
});

impl PairModel {
    /// The model shipped with sitrep.
    #[must_use]
    pub fn shipped() -> Arc<PairModel> {
        Arc::clone(&SHIPPED)
    }

    /// Parses and checks a model.
    ///
    /// # Errors
    ///
    /// [`PairModelError::Json`] when the text is not the model's JSON,
    /// [`PairModelError::Invalid`] when the format tag or the feature names
    /// differ from this version's, or a tree is malformed (arrays of unequal
    /// length, a feature out of range, a child that does not lie after its
    /// parent, a value that is not finite).
    pub fn from_json(text: &str) -> Result<PairModel, PairModelError> {
        let file: ModelFile = serde_json::from_str(text).map_err(PairModelError::Json)?;
        check(&file)?;
        let mut nodes = Vec::new();
        let mut roots = Vec::with_capacity(file.trees.len());
        for t in &file.trees {
            let at = u32::try_from(nodes.len())
                .map_err(|_| PairModelError::Invalid("too many nodes".into()))?;
            roots.push(at);
            for k in 0..t.feature.len() {
                nodes.push(if t.feature[k] < 0 {
                    Node {
                        threshold: t.value[k],
                        feature: LEAF,
                        left: 0,
                        right: 0,
                    }
                } else {
                    Node {
                        threshold: t.threshold[k],
                        feature: t.feature[k] as u32,
                        left: at + t.left[k],
                        right: at + t.right[k],
                    }
                });
            }
        }
        Ok(PairModel { file, nodes, roots })
    }

    /// Number of trees.
    #[must_use]
    pub fn trees(&self) -> usize {
        self.roots.len()
    }

    /// How the model was made, as its file states it (free-form JSON).
    #[must_use]
    pub fn training(&self) -> &serde_json::Value {
        &self.file.training
    }

    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// As [`PairModel::from_json`], and [`PairModelError::Read`].
    pub fn from_path(path: &std::path::Path) -> Result<PairModel, PairModelError> {
        let text = std::fs::read_to_string(path).map_err(|source| PairModelError::Read {
            path: path.display().to_string(),
            source,
        })?;
        PairModel::from_json(&text)
    }

    /// The log-odds that a pair reports one incident.
    #[must_use]
    pub fn log_odds(&self, f: &PairFeatures) -> f64 {
        let x = f.to_vec();
        let mut z = self.file.base;
        for &root in &self.roots {
            // Checked on load: children lie after their parent within the
            // tree, so this ends, and every index is in range.
            let mut k = root as usize;
            while let Some(n) = self.nodes.get(k) {
                if n.feature == LEAF {
                    z += n.threshold;
                    break;
                }
                let v = x.get(n.feature as usize).copied().unwrap_or(0.0);
                k = if f64::from(v) <= n.threshold {
                    n.left
                } else {
                    n.right
                } as usize;
            }
        }
        z
    }

    /// The probability that a pair reports one incident.
    #[must_use]
    pub fn probability(&self, f: &PairFeatures) -> f32 {
        (1.0 / (1.0 + (-self.log_odds(f)).exp())) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> String {
        serde_json::to_string(&PairFeatures::NAMES).unwrap()
    }

    #[test]
    fn shipped_model_loads() {
        let m = PairModel::shipped();
        assert!(m.trees() > 0);
        assert!(m.training()["learner"].is_string());
        let same = PairFeatures {
            terms: 0.6,
            entities: 0.6,
            people: 2.0,
            places: 1.0,
            embedding: 0.8,
            has_embedding: 1.0,
            has_days: 1.0,
            dates: 1.0,
            killed: 1.0,
            rare_place: 0.9,
            rare_term: 0.9,
            top_terms: 0.5,
            title: 0.6,
            named_day: 1.0,
            content: 4.0,
            killed_size: 1.5,
            ..PairFeatures::default()
        };
        let apart = PairFeatures {
            terms: 0.02,
            embedding: 0.1,
            has_embedding: 1.0,
            log_days: 5.0,
            has_days: 1.0,
            places: -1.0,
            dates: -1.0,
            killed: -1.0,
            content: 4.0,
            ..PairFeatures::default()
        };
        assert!(m.probability(&same) > 0.9, "{}", m.probability(&same));
        assert!(m.probability(&apart) < 0.1, "{}", m.probability(&apart));
    }

    #[test]
    fn a_tree_is_walked_left_at_or_below_its_threshold() {
        // terms ≤ 0.5 → −1, else places ≤ 0 → 0.5, else 2.
        let text = format!(
            r#"{{"format": "sitrep-pair-trees/1", "features": {}, "base": 0.25,
                "trees": [{{"feature": [0, -1, 3, -1, -1],
                            "threshold": [0.5, 0, 0, 0, 0],
                            "left": [1, 0, 3, 0, 0], "right": [2, 0, 4, 0, 0],
                            "value": [0, -1, 0, 0.5, 2]}}]}}"#,
            names()
        );
        let m = PairModel::from_json(&text).unwrap();
        let f = |terms: f32, places: f32| PairFeatures {
            terms,
            places,
            ..PairFeatures::default()
        };
        assert_eq!(m.log_odds(&f(0.5, 1.0)), -0.75);
        assert_eq!(m.log_odds(&f(0.7, 0.0)), 0.75);
        assert_eq!(m.log_odds(&f(0.7, 1.0)), 2.25);
        assert!((m.probability(&f(0.7, 1.0)) - 0.904_651).abs() < 1e-5);
    }

    #[test]
    fn malformed_models_are_refused_with_the_reason() {
        let tree = |feature: &str, left: &str| {
            format!(
                r#"{{"format": "sitrep-pair-trees/1", "features": {}, "base": 0,
                    "trees": [{{"feature": {feature}, "threshold": [0.5, 0, 0],
                                "left": {left}, "right": [2, 0, 0], "value": [0, 1, 2]}}]}}"#,
                names()
            )
        };
        assert!(PairModel::from_json(&tree("[0, -1, -1]", "[1, 0, 0]")).is_ok());
        for (text, why) in [
            (tree("[0, -1, -1]", "[0, 0, 0]"), "children"),
            (tree("[0, -1, -1]", "[7, 0, 0]"), "children"),
            (tree("[99, -1, -1]", "[1, 0, 0]"), "feature"),
            (tree("[0, -1]", "[1, 0, 0]"), "unequal"),
            (
                tree("[0, -1, -1]", "[1, 0, 0]").replace("terms", "words"),
                "features",
            ),
            (
                tree("[0, -1, -1]", "[1, 0, 0]").replace("trees/1", "trees/9"),
                "format",
            ),
        ] {
            let e = PairModel::from_json(&text).unwrap_err().to_string();
            assert!(e.contains(why), "{e}");
        }
        assert!(matches!(
            PairModel::from_json("{not json"),
            Err(PairModelError::Json(_))
        ));
        assert!(matches!(
            PairModel::from_path(std::path::Path::new("/nonexistent/model.json")),
            Err(PairModelError::Read { .. })
        ));
    }
}
