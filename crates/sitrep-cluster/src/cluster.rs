//! Grouping documents that report the same incident.
//!
//! 1. **Features** per document ([`DocFeatures`]): a TF-IDF vector of the
//!    lead's content words (position-weighted, so that background
//!    paragraphs shared between look-alike stories weigh little; sentences
//!    found in three or more documents are boilerplate and left out), an
//!    IDF vector of canonical entities, the incident's places (with how rare
//!    each is in the collection), date and toll, the ages of people it
//!    states, and an optional sentence embedding of the lead.
//! 2. **Blocking**: each document emits keys (its most salient terms and
//!    its place entities, combined with its publication week when known;
//!    its top three terms and its places also with a 30-day window, and its
//!    full person names on their own, so follow-ups weeks later still
//!    meet) and only documents sharing a key are compared, each document
//!    against at most [`ClusterOptions::max_candidates`] others. Keys
//!    shared by more than [`ClusterOptions::max_posting`] documents are too
//!    common to say anything and are dropped. The cost is near linear in
//!    the number of documents.
//! 3. **Scoring**: gradient-boosted trees over pair features
//!    ([`PairFeatures`], [`PairModel`]) give the probability that two
//!    documents report one incident.
//! 4. **Linkage**: average-linkage agglomerative clustering over the sparse
//!    graph of scored pairs (a missing pair counts as 0), merging while the
//!    best average is above [`ClusterOptions::threshold`]. Average linkage
//!    does not chain two incidents through one ambiguous report.
//!
//! Every step is deterministic: ties break on document order, and the
//! result does not depend on the number of threads.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::blocking::candidates;
use crate::dates::EventDate;
use crate::document::{DocFeatures, TOP_TERMS};
use crate::linkage::average_linkage;
use crate::options::ClusterOptions;
use crate::pair_model::PairModel;

/// The features of one candidate pair, as the pair model reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PairFeatures {
    /// Cosine of lead-term vectors.
    pub terms: f32,
    /// Cosine of entity vectors.
    pub entities: f32,
    /// Shared full person names (0, 1, 2+ capped at 2).
    pub people: f32,
    /// Places: +1 share a specific place, -1 both have some but none shared, 0 otherwise.
    pub places: f32,
    /// Embedding cosine, 0 when either is missing.
    pub embedding: f32,
    /// Whether both have an embedding.
    pub has_embedding: f32,
    /// log(1 + days) between publication dates, 0 when unknown.
    pub log_days: f32,
    /// Whether both publication dates are known.
    pub has_days: f32,
    /// Incident dates: +1 agree, -1 disagree, 0 unknown.
    pub dates: f32,
    /// Killed figures: +1 overlap, -1 disjoint, 0 unknown.
    pub killed: f32,
    /// Injured figures: +1 overlap, -1 disjoint, 0 unknown.
    pub injured: f32,
    /// Years named: +1 share one, -1 both name years but none shared, 0 otherwise.
    pub years: f32,
    /// The rarity (see [`DocFeatures::place_rarity`]) of the rarest shared
    /// place, 0 when none is shared.
    pub rare_place: f32,
    /// Ages stated: +1 share one, -1 both state ages but none shared, 0 otherwise.
    pub ages: f32,
    /// The rarity (see [`DocFeatures::term_rarity`]) of the rarest lead
    /// term both share, 0 when none is shared.
    pub rare_term: f32,
    /// Share of the twelve most salient lead terms of each that the other
    /// also has among its twelve.
    pub top_terms: f32,
    /// Cosine of the headlines' term vectors.
    pub title: f32,
    /// +1 when one's incident day is a day the other names, 0 otherwise.
    pub named_day: f32,
    /// log(1 + the smaller of the two [`DocFeatures::content_terms`]).
    pub content: f32,
    /// log(1 + the smaller killed figure) when the killed figures agree, 0 otherwise.
    pub killed_size: f32,
    /// log(1 + the smaller injured figure) when the injured figures agree, 0 otherwise.
    pub injured_size: f32,
    /// log(1 + days between the incident dates) when both are known to the
    /// day, −1 otherwise.
    pub date_gap: f32,
    /// The rarity of the rarest canonical entity both name, 0 when none.
    pub rare_entity: f32,
    /// Canonical entities both name.
    pub shared_entities: f32,
}

/// Number of pair features.
pub const PAIR_FEATURES: usize = 24;

impl PairFeatures {
    /// The features as a vector, in [`PairFeatures::NAMES`] order.
    #[must_use]
    pub fn to_vec(&self) -> [f32; PAIR_FEATURES] {
        [
            self.terms,
            self.entities,
            self.people,
            self.places,
            self.embedding,
            self.has_embedding,
            self.log_days,
            self.has_days,
            self.dates,
            self.killed,
            self.injured,
            self.years,
            self.rare_place,
            self.ages,
            self.rare_term,
            self.top_terms,
            self.title,
            self.named_day,
            self.content,
            self.killed_size,
            self.injured_size,
            self.date_gap,
            self.rare_entity,
            self.shared_entities,
        ]
    }

    /// Feature names, for dumps.
    pub const NAMES: [&'static str; PAIR_FEATURES] = [
        "terms",
        "entities",
        "people",
        "places",
        "embedding",
        "has_embedding",
        "log_days",
        "has_days",
        "dates",
        "killed",
        "injured",
        "years",
        "rare_place",
        "ages",
        "rare_term",
        "top_terms",
        "title",
        "named_day",
        "content",
        "killed_size",
        "injured_size",
        "date_gap",
        "rare_entity",
        "shared_entities",
    ];
}

/// Walks two lists sorted by key (keys unique within each) and calls
/// `f(i, j)` for every key both hold.
fn merge_join<A, B, K: Ord>(
    a: &[A],
    b: &[B],
    ka: impl Fn(&A) -> K,
    kb: impl Fn(&B) -> K,
    mut f: impl FnMut(usize, usize),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match ka(&a[i]).cmp(&kb(&b[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

fn sparse_dot<K: Ord + Copy>(a: &[(K, f32)], b: &[(K, f32)]) -> f32 {
    let mut s = 0.0;
    merge_join(a, b, |x| x.0, |x| x.0, |i, j| s += a[i].1 * b[j].1);
    s
}

/// Keys two sparse vectors (sorted by key) share.
fn sparse_shared<K: Ord + Copy>(a: &[(K, f32)], b: &[(K, f32)]) -> usize {
    let mut n = 0;
    merge_join(a, b, |x| x.0, |x| x.0, |_, _| n += 1);
    n
}

fn shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let mut n = 0;
    merge_join(a, b, |x| *x, |x| *x, |_, _| n += 1);
    n
}

/// The largest `rarity` (aligned with `a`) of the keys `a` and `b` share.
fn rarest<K: Ord + Copy>(a: &[(K, f32)], rarity: &[f32], b: &[(K, f32)]) -> f32 {
    let mut best = 0.0f32;
    merge_join(
        a,
        b,
        |x| x.0,
        |x| x.0,
        |i, _| best = best.max(rarity.get(i).copied().unwrap_or(0.0)),
    );
    best
}

fn ranges(a: Option<(u64, u64)>, b: Option<(u64, u64)>) -> f32 {
    match (a, b) {
        (Some((al, ah)), Some((bl, bh))) => {
            // Early reports undercount; allow a little slack.
            let slack = |x: u64| x + x / 4 + 1;
            if al <= slack(bh) && bl <= slack(ah) {
                1.0
            } else {
                -1.0
            }
        }
        _ => 0.0,
    }
}

/// The features of the pair `(a, b)`.
#[must_use]
pub fn pair_features(a: &DocFeatures, b: &DocFeatures) -> PairFeatures {
    let places = if a.places.is_empty() || b.places.is_empty() {
        0.0
    } else if shared(&a.places, &b.places) > 0 {
        1.0
    } else {
        -1.0
    };
    let (embedding, has_embedding) = match (&a.embedding, &b.embedding) {
        (Some(x), Some(y)) => (x.iter().zip(y).map(|(p, q)| p * q).sum(), 1.0),
        _ => (0.0, 0.0),
    };
    let (log_days, has_days) = match (a.published, b.published) {
        (Some(x), Some(y)) => (((x - y).num_days().abs() as f32 + 1.0).ln(), 1.0),
        _ => (0.0, 0.0),
    };
    let dates = match (stated(a), stated(b)) {
        (Some(x), Some(y)) => {
            if x.agrees(y) {
                1.0
            } else {
                -1.0
            }
        }
        _ => 0.0,
    };
    PairFeatures {
        terms: sparse_dot(&a.terms, &b.terms),
        entities: sparse_dot(&a.entities, &b.entities),
        people: shared(&a.people, &b.people).min(2) as f32,
        places,
        embedding,
        has_embedding,
        log_days,
        has_days,
        dates,
        killed: ranges(a.killed, b.killed),
        injured: ranges(a.injured, b.injured),
        years: if a.years.is_empty() || b.years.is_empty() {
            0.0
        } else if shared(&a.years, &b.years) > 0 {
            1.0
        } else {
            -1.0
        },
        rare_place: a
            .places
            .iter()
            .zip(a.place_rarity.iter().chain(std::iter::repeat(&0.0)))
            .filter(|(p, _)| b.places.binary_search(p).is_ok())
            .map(|(_, r)| *r)
            .fold(0.0, f32::max),
        ages: if a.ages.is_empty() || b.ages.is_empty() {
            0.0
        } else if shared(&a.ages, &b.ages) > 0 {
            1.0
        } else {
            -1.0
        },
        rare_term: rarest(&a.terms, &a.term_rarity, &b.terms),
        top_terms: shared(&a.top_or_compute(), &b.top_or_compute()) as f32 / TOP_TERMS as f32,
        title: sparse_dot(&a.title_terms, &b.title_terms),
        named_day: f32::from(u8::from(names_day_of(a, b) || names_day_of(b, a))),
        content: (1.0 + a.content_terms.min(b.content_terms) as f32).ln(),
        killed_size: size_if_agree(a.killed, b.killed),
        injured_size: size_if_agree(a.injured, b.injured),
        date_gap: match (day_of(a), day_of(b)) {
            (Some(x), Some(y)) => ((x - y).num_days().abs() as f32 + 1.0).ln(),
            _ => -1.0,
        },
        rare_entity: rarest(&a.entities, &a.entity_rarity, &b.entities),
        shared_entities: sparse_shared(&a.entities, &b.entities) as f32,
    }
}

/// The incident's date, when the document states it (a date taken from the
/// publication date says nothing the publication dates do not).
fn stated(f: &DocFeatures) -> Option<&EventDate> {
    f.date
        .as_ref()
        .filter(|d| d.basis == crate::dates::Basis::Stated)
}

/// The incident's day, when the document states it to the day.
fn day_of(f: &DocFeatures) -> Option<NaiveDate> {
    stated(f)
        .filter(|d| d.precision == crate::dates::Precision::Day)
        .and_then(EventDate::date)
}

/// Whether `b` names the day `a` dates its incident to.
fn names_day_of(a: &DocFeatures, b: &DocFeatures) -> bool {
    day_of(a).is_some_and(|d| b.days.binary_search(&d).is_ok())
}

fn size_if_agree(a: Option<(u64, u64)>, b: Option<(u64, u64)>) -> f32 {
    match (a, b) {
        (Some((_, ah)), Some((_, bh))) if ranges(a, b) > 0.0 => (1.0 + ah.min(bh) as f32).ln(),
        _ => 0.0,
    }
}

/// Scored candidate pairs: `(i, j, probability)`.
#[must_use]
pub fn score_pairs(
    features: &[DocFeatures],
    pairs: &[(u32, u32)],
    model: &PairModel,
) -> Vec<(u32, u32, f32)> {
    pairs
        .par_iter()
        .map(|&(i, j)| {
            let f = pair_features(&features[i as usize], &features[j as usize]);
            (i, j, model.probability(&f))
        })
        .collect()
}

/// Clusters documents by their features.
#[must_use]
pub fn cluster(features: &[DocFeatures], opts: &ClusterOptions) -> Vec<Vec<u32>> {
    let pairs = candidates(features, opts);
    let scored = score_pairs(features, &pairs, &opts.model);
    average_linkage(features.len(), &scored, opts.threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_features_read_shared_rare_words_days_and_tolls() {
        let day = |m: u32, d: u32| crate::dates::EventDate {
            year: Some(2016),
            month: m,
            day: d,
            precision: crate::dates::Precision::Day,
            basis: crate::dates::Basis::Stated,
            span: sitrep_text::Span::new(0, 1),
        };
        let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2016, m, d).unwrap();
        // The report: terms 1 (rarity 0.9) and 2 (0.2); entities 7 (0.8), 8 (0.1).
        let a = DocFeatures {
            terms: vec![(1, 0.8), (2, 0.6)],
            term_rarity: vec![0.9, 0.2],
            entities: vec![(7, 0.6), (8, 0.8)],
            entity_rarity: vec![0.8, 0.1],
            date: Some(day(6, 12)),
            days: vec![date(6, 12)],
            killed: Some((49, 50)),
            content_terms: 300,
            title_terms: vec![(5, 1.0)],
            ..DocFeatures::default()
        };
        // A follow-up 143 days on: names the day of the incident, and
        // dates its own news to November.
        let b = DocFeatures {
            terms: vec![(1, 0.5), (3, 0.866)],
            term_rarity: vec![0.9, 0.5],
            entities: vec![(7, 1.0)],
            entity_rarity: vec![0.8],
            date: Some(day(11, 2)),
            days: vec![date(6, 12), date(11, 2)],
            killed: Some((49, 49)),
            content_terms: 20,
            title_terms: vec![(5, 0.6), (6, 0.8)],
            ..DocFeatures::default()
        };
        let f = pair_features(&a, &b);
        assert_eq!(f.rare_term, 0.9, "term 1 is shared, term 2 is not");
        assert_eq!(f.top_terms, 1.0 / 12.0);
        assert!((f.title - 0.6).abs() < 1e-6);
        assert_eq!(f.named_day, 1.0, "b names a's day");
        assert_eq!(f.dates, -1.0, "their own dates differ");
        assert!((f.date_gap - (143.0f32 + 1.0).ln()).abs() < 1e-5);
        assert!((f.content - 21.0f32.ln()).abs() < 1e-6);
        assert!((f.killed_size - 50.0f32.ln()).abs() < 1e-6);
        assert_eq!(f.injured_size, 0.0);
        assert_eq!((f.rare_entity, f.shared_entities), (0.8, 1.0));
        // Symmetric, and the cached top terms give the same as computing them.
        let mut a2 = a.clone();
        a2.top = a2.top_terms();
        assert_eq!(pair_features(&b, &a2), f);
        // Nothing shared, no days known.
        let c = DocFeatures {
            terms: vec![(4, 1.0)],
            ..DocFeatures::default()
        };
        let g = pair_features(&a, &c);
        assert_eq!(
            (g.rare_term, g.named_day, g.date_gap, g.killed_size),
            (0.0, 0.0, -1.0, 0.0)
        );
    }

    #[test]
    fn ranges_compare_with_slack() {
        assert_eq!(ranges(Some((7, 9)), Some((9, 9))), 1.0);
        assert_eq!(ranges(Some((7, 9)), Some((15, 15))), -1.0);
        assert_eq!(ranges(Some((3, 3)), Some((4, 4))), 1.0);
        assert_eq!(ranges(None, Some((4, 4))), 0.0);
    }
}
