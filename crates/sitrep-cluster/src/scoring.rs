//! Scoring: the features of a candidate pair ([`pair_features`]) and the
//! pair model's probability that the two documents report one incident
//! ([`score_pairs`]).

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::dates::EventDate;
use crate::document::{DocFeatures, TOP_TERMS};
use crate::pair::PairFeatures;
use crate::pair_model::PairModel;

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
