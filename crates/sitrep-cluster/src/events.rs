//! From clusters of documents to event records: the reconciled toll, the
//! date, the places and the actors.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sitrep_numbers::{Claim, Figure, Toll};

use crate::cluster::cluster;
use crate::dates::{Basis, EventDate, Precision};
use crate::document::{DocFeatures, DocInput};
use crate::entities::{canonicalize, Canonical};
use crate::features::{doc_features, incident_places};
use crate::names::normalize;
use crate::options::ClusterOptions;
use crate::places::{country_of, place_rank, specificity};

/// One incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Indices of its documents (into the input), ascending.
    pub documents: Vec<usize>,
    /// When it happened.
    pub date: Option<EventDate>,
    /// Country, when the places name one.
    pub country: Option<String>,
    /// Places, most specific first.
    pub places: Vec<String>,
    /// People and organisations named in its reports, most reported first.
    pub actors: Vec<String>,
    /// A one-line summary.
    pub headline: Option<String>,
    /// Outlets (or document ids when the outlet is unknown), as first seen.
    pub sources: Vec<String>,
    /// The reconciled toll: every document's claims together.
    pub toll: Toll,
    /// Remarks for an analyst.
    pub notes: Vec<String>,
}

/// The result of [`group_events`].
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// Canonical entities over all documents.
    pub canonical: Canonical,
    /// Each document's features.
    pub features: Vec<DocFeatures>,
    /// The events, in order of their first document.
    pub events: Vec<Event>,
}

/// Most places listed per event.
const MAX_PLACES: usize = 6;

/// Most actors listed per event.
const MAX_ACTORS: usize = 8;

/// Groups documents into events and reconciles each event's figures.
///
/// Every document belongs to exactly one event (a lone report is an event
/// of its own). The result depends only on the documents and their order.
#[must_use]
pub fn group_events(docs: &[DocInput<'_>], opts: &ClusterOptions) -> Grouping {
    let mention_lists: Vec<(&str, &[sitrep_text::EntityMention])> =
        docs.iter().map(|d| (d.text, d.entities)).collect();
    let canonical = canonicalize(&mention_lists);
    let features = doc_features(docs, &canonical);
    let clusters = cluster(&features, opts);
    let events = clusters
        .iter()
        .map(|c| {
            let idx: Vec<usize> = c.iter().map(|&i| i as usize).collect();
            build_event(docs, &canonical, &features, &idx)
        })
        .collect();
    Grouping {
        canonical,
        features,
        events,
    }
}

fn build_event(
    docs: &[DocInput<'_>],
    canonical: &Canonical,
    features: &[DocFeatures],
    idx: &[usize],
) -> Event {
    // Toll: all claims of all documents.
    let mut killed: Vec<Claim> = Vec::new();
    let mut injured: Vec<Claim> = Vec::new();
    for &d in idx {
        if let Some(f) = &docs[d].toll.killed {
            killed.extend(f.claims.iter().cloned());
        }
        if let Some(f) = &docs[d].toll.injured {
            injured.extend(f.claims.iter().cloned());
        }
    }
    let toll = Toll {
        killed: Figure::from_claims(killed),
        injured: Figure::from_claims(injured),
    };

    // Date: the date most documents agree on, the most precise first; a
    // date stated in a report before one taken from a publication date.
    let mut dates: Vec<EventDate> = idx.iter().filter_map(|&d| features[d].date).collect();
    if dates.iter().any(|d| d.basis == Basis::Stated) {
        dates.retain(|d| d.basis == Basis::Stated);
    }
    let date = dates
        .iter()
        .map(|d| {
            let support = dates.iter().filter(|o| o.agrees(d)).count();
            (
                support,
                std::cmp::Reverse(d.precision),
                d.year.is_some(),
                *d,
            )
        })
        .max_by(|a, b| {
            (a.0, a.1, a.2)
                .cmp(&(b.0, b.1, b.2))
                .then_with(|| b.3.iso().cmp(&a.3.iso()))
        })
        .map(|x| x.3);

    // Places: by specificity, then by how many documents name them.
    // Score: documents naming the place, plus one for each that names it in
    // its lead or casualty sentences.
    let mut places: BTreeMap<String, (u8, usize, usize)> = BTreeMap::new();
    let mut countries: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut order = 0usize;
    for &d in idx {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut seen_countries: BTreeSet<&'static str> = BTreeSet::new();
        for p in incident_places(&docs[d], canonical, d) {
            let spec = specificity(&p.norm);
            let rank = place_rank(&p.norm);
            // A direction + country is its own place ("western Iraq"); else
            // the canonical name.
            let name = if spec == 1 {
                p.text.clone()
            } else {
                canonical
                    .entities
                    .get(p.entity as usize)
                    .map_or(p.text.clone(), |e| e.name.clone())
            };
            let norm = normalize(&name);
            let country = country_of(&norm)
                .or_else(|| norm.split_once(' ').and_then(|(_, rest)| country_of(rest)));
            if let Some(c) = country {
                if seen_countries.insert(c) {
                    *countries.entry(c).or_default() += 1;
                }
            }
            let e = places.entry(name.clone()).or_insert((rank, 0, order));
            order += 1;
            if seen.insert(name.clone()) {
                e.1 += 2;
            }
            if p.in_scope && seen.insert(format!("{name}\u{0}scope")) {
                e.1 += 1;
            }
        }
    }
    let mut place_list: Vec<(String, (u8, usize, usize))> = places.into_iter().collect();
    place_list.sort_by(|a, b| {
        a.1 .0
            .cmp(&b.1 .0)
            .then(b.1 .1.cmp(&a.1 .1))
            .then(a.1 .2.cmp(&b.1 .2))
    });
    // Kept: places named in a lead or casualty sentence, or by two reports.
    let places: Vec<String> = place_list
        .into_iter()
        .filter(|p| p.1 .1 >= 3)
        .take(MAX_PLACES)
        .map(|p| p.0)
        .collect();
    let country = countries
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| (*c).to_string());

    // Actors: people and organisations by number of documents naming them.
    let mut actors: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut first = 0usize;
    for &d in idx {
        let mut ids: Vec<usize> = canonical
            .mentions
            .get(d)
            .map(|v| v.iter().flatten().copied().collect())
            .unwrap_or_default();
        ids.dedup();
        let mut seen = BTreeSet::new();
        for e in ids {
            let Some(ent) = canonical.entities.get(e) else {
                continue;
            };
            // Names of one letter, or cut short ("Resistance of"), are
            // recogniser noise, not actors.
            let last = ent.name.rsplit(' ').next().unwrap_or("");
            if (ent.label != "PER" && ent.label != "ORG")
                || ent.name.chars().filter(|c| c.is_alphanumeric()).count() < 2
                || matches!(last, "of" | "the" | "and" | "for" | "in")
                || normalize(&ent.name).split(' ').all(crate::names::is_title)
            {
                continue;
            }
            if seen.insert(e) {
                let a = actors.entry(e).or_insert((0, first));
                a.0 += 1;
                first += 1;
            }
        }
    }
    let mut actor_list: Vec<(usize, (usize, usize))> = actors.into_iter().collect();
    actor_list.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    let actors: Vec<String> = actor_list
        .into_iter()
        .take(MAX_ACTORS)
        .filter_map(|(e, _)| canonical.entities.get(e).map(|x| x.name.clone()))
        .collect();

    // Sources.
    let mut sources: Vec<String> = Vec::new();
    for &d in idx {
        let s = docs[d].source.unwrap_or(docs[d].id).to_string();
        if !sources.contains(&s) {
            sources.push(s);
        }
    }

    let headline = headline(&toll, &places, docs, idx);
    let mut notes = Vec::new();
    for (what, f) in [("killed", &toll.killed), ("injured", &toll.injured)] {
        if let Some(f) = f {
            if f.conflict {
                notes.push(conflict_note(what, f, docs));
            }
        }
    }
    if let Some(d) = &date {
        if d.year.is_none() {
            notes
                .push("the year of the date is not stated and no publication date is known".into());
        }
        if d.basis == Basis::Publication {
            notes.push(
                "no report states the day: the date is the earliest report's publication date"
                    .into(),
            );
        } else if d.precision != Precision::Day {
            notes.push(format!("date known to the {} only", d.precision.as_str()));
        }
    }
    Event {
        documents: idx.to_vec(),
        date,
        country,
        places,
        actors,
        headline,
        sources,
        toll,
        notes,
    }
}

fn range_text(f: &Figure) -> Option<String> {
    match (f.best, f.low, f.high) {
        (_, Some(l), Some(h)) if l != h => Some(format!("{l}–{h}")),
        (Some(b), _, _) => Some(b.to_string()),
        (None, Some(l), _) => Some(format!("at least {l}")),
        _ => None,
    }
}

fn headline(
    toll: &Toll,
    places: &[String],
    docs: &[DocInput<'_>],
    idx: &[usize],
) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(k) = toll.killed.as_ref().and_then(range_text) {
        parts.push(format!("{k} killed"));
    }
    if let Some(i) = toll.injured.as_ref().and_then(range_text) {
        parts.push(format!("{i} injured"));
    }
    let place = places.first().cloned();
    match (place, parts.is_empty()) {
        (Some(p), false) => Some(format!("{}: {}", p, parts.join(", "))),
        (None, false) => Some(parts.join(", ")),
        (p, true) => {
            let title = idx.iter().find_map(|&d| docs[d].title.map(str::to_string));
            title
                .or_else(|| {
                    let d = &docs[*idx.first()?];
                    let s = d.sentences.first()?.slice(d.text)?;
                    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    let cut: String = s.chars().take(120).collect();
                    Some(if cut.len() < s.len() {
                        format!("{cut}…")
                    } else {
                        cut
                    })
                })
                .or(p)
        }
    }
}

fn conflict_note(what: &str, f: &Figure, docs: &[DocInput<'_>]) -> String {
    let mut by_figure: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in f
        .claims
        .iter()
        .filter(|c| c.qualifier != sitrep_numbers::Qualifier::Vague)
    {
        let fig = match (c.value, c.low, c.high) {
            (Some(v), _, _) => match c.qualifier {
                sitrep_numbers::Qualifier::AtLeast | sitrep_numbers::Qualifier::MoreThan => {
                    format!("at least {v}")
                }
                sitrep_numbers::Qualifier::Approximately => format!("about {v}"),
                _ => v.to_string(),
            },
            (None, Some(l), Some(h)) => format!("{l}–{h}"),
            (None, Some(l), None) => format!("{l}+"),
            (None, None, Some(h)) => format!("up to {h}"),
            _ => continue,
        };
        let who = c
            .claimed_by
            .clone()
            .unwrap_or_else(|| "unattributed".into());
        let doc = docs
            .iter()
            .find(|d| d.id == c.document)
            .map_or(c.document.clone(), |d| d.source.unwrap_or(d.id).to_string());
        let entry = format!("{who} in {doc}");
        let v = by_figure.entry(fig).or_default();
        if !v.contains(&entry) {
            v.push(entry);
        }
    }
    let parts: Vec<String> = by_figure
        .into_iter()
        .map(|(fig, who)| format!("{fig} ({})", who.join("; ")))
        .collect();
    format!("{what}: sources disagree: {}", parts.join(" vs "))
}
