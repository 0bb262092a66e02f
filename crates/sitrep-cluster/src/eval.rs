//! Scores of a clustering against gold labels: B³ (Bagga & Baldwin 1998)
//! and pairwise precision, recall and F1.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

fn groups<T: std::hash::Hash + Eq>(labels: &[T]) -> Vec<usize> {
    let mut ids: HashMap<&T, usize> = HashMap::new();
    labels
        .iter()
        .map(|l| {
            let n = ids.len();
            *ids.entry(l).or_insert(n)
        })
        .collect()
}

/// Cluster ids of both labelings and the sizes of their clusters and of
/// their intersections.
struct Contingency {
    p: Vec<usize>,
    g: Vec<usize>,
    both: HashMap<(usize, usize), f64>,
    psize: HashMap<usize, f64>,
    gsize: HashMap<usize, f64>,
}

fn contingency<P: std::hash::Hash + Eq, G: std::hash::Hash + Eq>(
    predicted: &[P],
    gold: &[G],
) -> Contingency {
    let p = groups(predicted);
    let g = groups(gold);
    let mut both: HashMap<(usize, usize), f64> = HashMap::new();
    let mut psize: HashMap<usize, f64> = HashMap::new();
    let mut gsize: HashMap<usize, f64> = HashMap::new();
    for (&pi, &gi) in p.iter().zip(&g) {
        *both.entry((pi, gi)).or_default() += 1.0;
        *psize.entry(pi).or_default() += 1.0;
        *gsize.entry(gi).or_default() += 1.0;
    }
    Contingency {
        p,
        g,
        both,
        psize,
        gsize,
    }
}

/// B³ over items labelled by `predicted` and `gold` cluster labels (one
/// per item, same order): per item, the share of its predicted cluster that
/// is in its gold cluster (precision) and the converse (recall), averaged.
///
/// ```
/// use sitrep_cluster::eval::b_cubed;
/// let s = b_cubed(&[1, 1, 2, 2], &["a", "a", "a", "b"]);
/// assert!((s.precision - 0.75).abs() < 1e-9);
/// assert!((s.recall - 2.0 / 3.0).abs() < 1e-9); // (2/3 + 2/3 + 1/3 + 1) / 4
/// ```
#[must_use]
pub fn b_cubed<P: std::hash::Hash + Eq, G: std::hash::Hash + Eq>(
    predicted: &[P],
    gold: &[G],
) -> Prf {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return Prf::new(0.0, 0.0);
    }
    let Contingency {
        p,
        g,
        both,
        psize,
        gsize,
    } = contingency(&predicted[..n], &gold[..n]);
    let (mut pr, mut rc) = (0.0, 0.0);
    for i in 0..n {
        let c = both[&(p[i], g[i])];
        pr += c / psize[&p[i]];
        rc += c / gsize[&g[i]];
    }
    Prf::new(pr / n as f64, rc / n as f64)
}

/// Pairwise scores: over all pairs of items, a pair is predicted same when
/// both share a predicted cluster, and gold same when they share a gold one.
///
/// ```
/// use sitrep_cluster::eval::pairwise;
/// let s = pairwise(&[1, 1, 2, 2], &["a", "a", "a", "b"]);
/// assert!((s.precision - 0.5).abs() < 1e-9); // (0,1) right, (2,3) wrong
/// assert!((s.recall - 1.0 / 3.0).abs() < 1e-9); // of (0,1) (0,2) (1,2)
/// ```
#[must_use]
pub fn pairwise<P: std::hash::Hash + Eq, G: std::hash::Hash + Eq>(
    predicted: &[P],
    gold: &[G],
) -> Prf {
    let n = predicted.len().min(gold.len());
    let Contingency {
        both, psize, gsize, ..
    } = contingency(&predicted[..n], &gold[..n]);
    let tp = pair_count(both.values());
    let pp = pair_count(psize.values());
    let gp = pair_count(gsize.values());
    let precision = if pp > 0.0 { tp / pp } else { 1.0 };
    let recall = if gp > 0.0 { tp / gp } else { 1.0 };
    Prf::new(precision, recall)
}

fn pair_count<'a>(sizes: impl Iterator<Item = &'a f64>) -> f64 {
    sizes.map(|c| c * (c - 1.0) / 2.0).sum()
}
