//! Blocking: which pairs of documents are worth scoring.
//!
//! Each document emits keys (its most salient terms and its place
//! entities, combined with its publication week when known; its top three
//! terms and its places also with a 30-day window, and its full person names
//! on their own, so follow-ups weeks later still meet) and only documents
//! sharing a key are compared, each document against at most
//! [`ClusterOptions::max_candidates`] others. Keys shared by more than
//! [`ClusterOptions::max_posting`] documents are too common to say anything
//! and are dropped. The cost is near linear in the number of documents.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::document::DocFeatures;
use crate::options::ClusterOptions;

/// A blocking key: a hash.
type Key = u64;

fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 of the combination: keys from different families differ.
    let mut z = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Lead terms of a document that also key the 30-day window.
const LONG_WINDOW_TERMS: usize = 3;

fn keys_of(f: &DocFeatures, key_terms: usize) -> Vec<Key> {
    let mut out = Vec::new();
    // Weeks: a document in week w emits w and w+1, so that two documents
    // at most a week apart always share one.
    let weeks: Vec<u64> = match f.published {
        Some(d) => {
            let w = (d - NaiveDate::MIN).num_days().div_euclid(7) as u64;
            vec![w, w + 1]
        }
        None => vec![u64::MAX],
    };
    let mut terms = f.terms.clone();
    terms.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for (t, _) in terms.iter().take(key_terms) {
        for w in &weeks {
            out.push(mix(mix(1, *t), *w));
        }
    }
    for p in &f.places {
        for w in &weeks {
            out.push(mix(mix(2, u64::from(*p)), *w));
        }
    }
    for p in &f.people {
        out.push(mix(3, u64::from(*p)));
    }
    // Follow-ups (arrests, funerals, trials) come weeks later: the most
    // salient terms and the places also key a 30-day window.
    if let Some(d) = f.published {
        let m = (d - NaiveDate::MIN).num_days().div_euclid(30) as u64;
        for (t, _) in terms.iter().take(LONG_WINDOW_TERMS) {
            for w in [m, m + 1] {
                out.push(mix(mix(4, *t), w));
            }
        }
        for p in &f.places {
            for w in [m, m + 1] {
                out.push(mix(mix(5, u64::from(*p)), w));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Candidate pairs `(i, j)` with `i < j`, each document with at most
/// `max_candidates` partners (the ones sharing most keys).
#[must_use]
pub fn candidates(features: &[DocFeatures], opts: &ClusterOptions) -> Vec<(u32, u32)> {
    let keys: Vec<Vec<Key>> = features
        .par_iter()
        .map(|f| keys_of(f, opts.key_terms))
        .collect();
    let mut postings: HashMap<Key, Vec<u32>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in ks {
            postings.entry(*k).or_default().push(i as u32);
        }
    }
    postings.retain(|_, v| v.len() >= 2 && v.len() <= opts.max_posting);
    let mut pairs: Vec<(u32, u32)> = keys
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, ks)| {
            let i = i as u32;
            let mut counts: Vec<u32> = ks
                .iter()
                .filter_map(|k| postings.get(k))
                .flatten()
                .copied()
                .filter(|&j| j != i)
                .collect();
            counts.sort_unstable();
            let mut partners: Vec<(u32, u32)> = Vec::new();
            for j in counts {
                match partners.last_mut() {
                    Some((pj, c)) if *pj == j => *c += 1,
                    _ => partners.push((j, 1)),
                }
            }
            partners.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            partners.truncate(opts.max_candidates);
            partners
                .into_iter()
                .map(move |(j, _)| if i < j { (i, j) } else { (j, i) })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_need_a_shared_key() {
        let doc = |t: &[(u64, f32)], m: u32, d: u32| DocFeatures {
            terms: t.to_vec(),
            published: NaiveDate::from_ymd_opt(2024, m, d),
            ..DocFeatures::default()
        };
        let f = vec![
            doc(&[(1, 0.8), (2, 0.6)], 1, 1),
            doc(&[(1, 0.6), (3, 0.8)], 1, 3),
            doc(&[(4, 1.0)], 1, 3),
            doc(&[(1, 1.0)], 4, 28),
            // Three weeks after the first: its top term keys the 30-day window.
            doc(&[(2, 1.0)], 1, 22),
            // A lesser term (fourth by weight) keys only the week.
            doc(&[(5, 0.9), (6, 0.8), (7, 0.7), (3, 0.1)], 1, 24),
        ];
        let p = candidates(&f, &ClusterOptions::default());
        assert_eq!(
            p,
            vec![(0, 1), (0, 4)],
            "doc 3 shares a term but not the month, doc 5 only a minor term 3 weeks on"
        );
    }
}
