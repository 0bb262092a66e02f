//! From analysed documents to clustering features: [`doc_features`] puts
//! together what its submodules read from each document (lead terms,
//! incident places and date, ages and years).

mod ages_years;
mod incident;
mod terms;

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::document::{figure_range, DocFeatures, DocInput};
use crate::entities::Canonical;
use crate::names::{normalize, person_words};

use ages_years::{ages_named, years_named};
pub(crate) use incident::incident_places;
pub use incident::{document_date, event_sentences, PlaceMention};
use terms::{boilerplate_sentences, idf, lead_terms, lead_terms_and_content, normalise};

/// Clustering features of every document. `canonical` must come from
/// [`crate::canonicalize`] over the same documents in the same order.
#[must_use]
pub fn doc_features(docs: &[DocInput<'_>], canonical: &Canonical) -> Vec<DocFeatures> {
    let n = docs.len();
    let boilerplate = boilerplate_sentences(docs);
    let raw_terms: Vec<(Vec<(u64, f32)>, usize)> = docs
        .par_iter()
        .zip(&boilerplate)
        .map(|(d, skip)| lead_terms_and_content(d.text, d.title, skip))
        .collect();
    let mut df: HashMap<u64, usize> = HashMap::new();
    for (t, _) in &raw_terms {
        for (h, _) in t {
            *df.entry(*h).or_default() += 1;
        }
    }
    let ent_df: Vec<usize> = canonical.entities.iter().map(|e| e.documents).collect();
    let places_of: Vec<Vec<u32>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| {
            let mut places: Vec<u32> = incident_places(doc, canonical, d)
                .into_iter()
                .filter(|p| p.in_scope && crate::places::place_rank(&p.norm) <= 1)
                .map(|p| p.entity)
                .collect();
            places.sort_unstable();
            places.dedup();
            places
        })
        .collect();
    // How many documents name each place as their incident's: a place few
    // documents share (a street, a venue) says more than a big city.
    let mut place_df: HashMap<u32, usize> = HashMap::new();
    for ps in &places_of {
        for p in ps {
            *place_df.entry(*p).or_default() += 1;
        }
    }
    let max_idf = idf(n, 1).max(f32::MIN_POSITIVE);
    let title_raw: Vec<Vec<(u64, f32)>> = docs
        .par_iter()
        .map(|d| {
            d.title
                .map(|t| lead_terms(t, None, &[]))
                .unwrap_or_default()
        })
        .collect();
    let mut title_df: HashMap<u64, usize> = HashMap::new();
    for t in &title_raw {
        for (h, _) in t {
            *title_df.entry(*h).or_default() += 1;
        }
    }
    docs.par_iter()
        .zip(places_of)
        .zip(raw_terms)
        .enumerate()
        .map(|(d, ((doc, places), (raw, content)))| {
            let mut terms: Vec<(u64, f32)> = raw
                .into_iter()
                .map(|(h, tf)| {
                    (
                        h,
                        (1.0 + tf).ln() * idf(n, df.get(&h).copied().unwrap_or(1)),
                    )
                })
                .filter(|x| x.1 > 0.0)
                .collect();
            normalise(&mut terms);
            let term_rarity: Vec<f32> = terms
                .iter()
                .map(|(h, _)| (idf(n, df.get(h).copied().unwrap_or(1)) / max_idf).clamp(0.0, 1.0))
                .collect();
            let mut title_terms: Vec<(u64, f32)> = title_raw[d]
                .iter()
                .map(|&(h, tf)| {
                    (
                        h,
                        (1.0 + tf).ln() * idf(n, title_df.get(&h).copied().unwrap_or(1)),
                    )
                })
                .collect();
            normalise(&mut title_terms);
            let content_terms = u32::try_from(content).unwrap_or(u32::MAX);
            let mut days: Vec<NaiveDate> = crate::dates::find_dates(doc.text, doc.published)
                .into_iter()
                .filter(|x| x.precision == crate::dates::Precision::Day)
                .filter_map(|x| x.date())
                .collect();
            days.sort_unstable();
            days.dedup();
            let ids: Vec<usize> = canonical
                .mentions
                .get(d)
                .map(|v| v.iter().flatten().copied().collect())
                .unwrap_or_default();
            let mut uniq = ids.clone();
            uniq.sort_unstable();
            uniq.dedup();
            let mut entities: Vec<(u32, f32)> = uniq
                .iter()
                .map(|&e| (e as u32, idf(n, ent_df.get(e).copied().unwrap_or(1))))
                .collect();
            normalise(&mut entities);
            let entity_rarity: Vec<f32> = entities
                .iter()
                .map(|(e, _)| {
                    (idf(n, ent_df.get(*e as usize).copied().unwrap_or(1)) / max_idf)
                        .clamp(0.0, 1.0)
                })
                .collect();
            let mut people: Vec<u32> = uniq
                .iter()
                .filter(|&&e| {
                    canonical.entities.get(e).is_some_and(|c| {
                        c.label == "PER" && person_words(&normalize(&c.name)).len() >= 2
                    })
                })
                .map(|&e| e as u32)
                .collect();
            people.sort_unstable();
            let place_rarity: Vec<f32> = places
                .iter()
                .map(|p| (idf(n, place_df.get(p).copied().unwrap_or(1)) / max_idf).clamp(0.0, 1.0))
                .collect();
            let date = document_date(doc);
            let embedding = doc.embedding.map(|e| {
                let mut v = e.to_vec();
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| *x /= norm);
                }
                v
            });
            let mut f = DocFeatures {
                years: years_named(doc.text, doc.published),
                ages: ages_named(doc.text, doc.entities),
                place_rarity,
                terms,
                entities,
                people,
                places,
                published: doc.published,
                date,
                killed: figure_range(doc.toll, true),
                injured: figure_range(doc.toll, false),
                embedding,
                term_rarity,
                title_terms,
                days,
                content_terms,
                top: Vec::new(),
                entity_rarity,
            };
            f.top = f.top_terms();
            f
        })
        .collect()
}
