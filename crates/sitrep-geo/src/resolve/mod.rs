//! Toponym resolution: which place each place name of a document is.
//!
//! A careful reader's cues, in this order: the unit written right after the
//! name ("Ardmore, Okla.") or before it ("Iraq's Anbar province"); the other
//! places of the article and its dateline ("BAGHDAD (Reuters) —"), which
//! vote for countries and provinces; and population as the prior. A name
//! the tables lack resolves to the smallest known unit that contains it
//! ("Anbar Desert" → Al Anbar; a street → the article's town), marked
//! inexact. Demonyms and joint adjectives ("U.S.-Iraqi") are no place.

mod candidates;

use candidates::{agency_place, clean, is_adjective, is_dateline, Cand, Qual};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sitrep_text::EntityMention;

use crate::gazetteer::{Feature, Gazetteer, NONE};
use crate::normalize::fold;

/// A place name resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// The gazetteer's name of the place (of the containing unit when
    /// [`exact`](Self::exact) is false).
    pub name: String,
    /// GeoNames id, when the entry has one (cities, countries, continents).
    pub geonames_id: Option<u64>,
    /// Latitude (WGS84 degrees).
    pub latitude: f64,
    /// Longitude (WGS84 degrees).
    pub longitude: f64,
    /// `"city"`, `"admin1"`, `"admin2"`, `"country"`, `"natural"`,
    /// `"region"` or `"continent"` (see [`Feature`]).
    pub feature: String,
    /// ISO 3166-1 alpha-2 code; empty for a region across borders.
    pub country_code: String,
    /// Name of its first-level unit (province, governorate, state).
    pub admin1: Option<String>,
    /// Name of its second-level unit (county, district), when known.
    pub admin2: Option<String>,
    /// Whether the name itself is this place; false when it is only the
    /// smallest known unit containing it ("Anbar Desert" → Al Anbar,
    /// "northern Iraq" → Iraq, a street → its town).
    pub exact: bool,
}

/// Labels of the recogniser that mark a place.
fn is_place_label(label: &str) -> bool {
    matches!(label, "LOC" | "GPE")
}

/// One distinct name of a document and what is known about it.
#[derive(Debug, Default)]
struct Name {
    cands: Vec<Cand>,
    mentions: Vec<usize>,
    quals: Vec<Qual>,
    weight: f32,
    choice: Option<usize>,
    /// Per mention: an organisation named after the place.
    agency: Vec<bool>,
    /// Entities of the places it is said to be in ("… in Germany").
    inside: Vec<usize>,
}

/// Resolves the place names among `entities` (those labelled `LOC` or
/// `GPE`) in the context of the whole `text`: one result per entity, `None`
/// for other labels, demonyms and names no unit can be found for. The same
/// name gets the same place throughout a document. An organisation named
/// after the place it serves ("Little Rock Police Department") gets that
/// place, marked inexact, when the place is known.
#[must_use]
pub fn resolve_places(gaz: &Gazetteer, text: &str, entities: &[EntityMention]) -> Vec<Option<Geo>> {
    resolve_places_from(gaz, text, entities, None)
}

/// One name's own votes: per country code, and per gazetteer entry.
type OwnVotes = (Vec<([u8; 2], f32)>, Vec<(u32, f32)>);

/// The votes of the outlet's home for its country and province: less than
/// one mention's.
const HOME_VOTE: f32 = 1.0;

/// [`resolve_places`] for an article whose web address is `url`: the place
/// the outlet's address names ([`outlet_home`](crate::outlet_home)) votes for
/// its country and province, as a weak extra mention would, so that
/// "Madison" in an article of a Tennessee outlet leans to Tennessee.
#[must_use]
pub fn resolve_places_from(
    gaz: &Gazetteer,
    text: &str,
    entities: &[EntityMention],
    url: Option<&str>,
) -> Vec<Option<Geo>> {
    let home: Option<(([u8; 2], u32), f32)> = url
        .and_then(|u| crate::outlet::outlet_home_id(gaz, u))
        .map(|h| {
            let p = gaz.place(h);
            let a1 = if p.feature == crate::gazetteer::Feature::Admin1 {
                h
            } else {
                p.admin1
            };
            ((p.cc, a1), HOME_VOTE)
        });
    let mut out: Vec<Option<Geo>> = vec![None; entities.len()];
    let mut names: Vec<Name> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut name_of: Vec<Option<usize>> = vec![None; entities.len()];
    for (m, e) in entities.iter().enumerate() {
        let Some(written) = e.span.slice(text) else {
            continue;
        };
        let agency = !is_place_label(&e.label);
        let written = if agency {
            // "Little Rock Police Department": the place it serves.
            match agency_place(written) {
                Some(w) if e.label == "ORG" => w,
                _ => continue,
            }
        } else {
            written
        };
        let written = clean(written);
        if written.is_empty() || is_adjective(gaz, written) {
            continue;
        }
        let key = fold(written);
        if key.is_empty() {
            continue;
        }
        let n = *by_key.entry(key).or_insert_with(|| {
            names.push(Name {
                cands: gaz.candidates(written),
                ..Name::default()
            });
            names.len() - 1
        });
        name_of[m] = Some(n);
        let name = &mut names[n];
        name.mentions.push(m);
        name.agency.push(agency);
        // "… Medical Center in Germany": the place it is in.
        if let Some(next) = entities.get(m + 1).filter(|x| is_place_label(&x.label)) {
            let gap = text.get(e.span.end..next.span.start).unwrap_or("x");
            if matches!(gap, " in " | ", " | " of ") {
                name.inside.push(m + 1);
            }
        }
        let dateline = is_dateline(text, e.span.start, e.span.end);
        name.weight += if dateline { 3.0 } else { 1.0 };
        if let Some((q, _)) = gaz.qualifier_after(text, e.span.end) {
            name.quals.push(q);
        }
        // "Iraq's Anbar province": the unit before a possessive.
        if let Some(prev) = m.checked_sub(1).and_then(|p| entities.get(p)) {
            let gap = text.get(prev.span.end..e.span.start).unwrap_or("x");
            if matches!(gap, "'s " | "’s ") {
                if let Some(q) = prev
                    .span
                    .slice(text)
                    .and_then(|w| gaz.qualifier_words(clean(w)))
                {
                    name.quals.push(q);
                }
            }
        }
    }
    for name in &mut names {
        if !name.quals.is_empty() {
            let quals = name.quals.clone();
            let kept: Vec<Cand> = name
                .cands
                .iter()
                .copied()
                .filter(|c| quals.iter().any(|q| gaz.within(c.place, *q)))
                .collect();
            if !kept.is_empty() {
                name.cands = kept;
            }
        }
        name.weight = name.weight.min(6.0);
    }

    // Pass 1: every candidate votes, shared among its name's countries.
    let mut country_votes: HashMap<[u8; 2], f32> = HashMap::new();
    let mut admin1_votes: HashMap<u32, f32> = HashMap::new();
    let mut own: Vec<OwnVotes> = Vec::with_capacity(names.len());
    for name in &names {
        let mut ccs: Vec<[u8; 2]> = name
            .cands
            .iter()
            .map(|c| gaz.place(c.place).cc)
            .filter(|cc| *cc != [0, 0])
            .collect();
        ccs.sort_unstable();
        ccs.dedup();
        let mut a1s: Vec<u32> = name
            .cands
            .iter()
            .map(|c| gaz.place(c.place).admin1)
            .filter(|a| *a != NONE)
            .collect();
        a1s.sort_unstable();
        a1s.dedup();
        let cw = name.weight / ccs.len().max(1) as f32;
        let aw = name.weight / a1s.len().max(1) as f32;
        let mine_c: Vec<([u8; 2], f32)> = ccs.iter().map(|cc| (*cc, cw)).collect();
        let mine_a: Vec<(u32, f32)> = a1s.iter().map(|a| (*a, aw)).collect();
        for (cc, w) in &mine_c {
            *country_votes.entry(*cc).or_default() += w;
        }
        for (a, w) in &mine_a {
            *admin1_votes.entry(*a).or_default() += w;
        }
        own.push((mine_c, mine_a));
    }
    add_home(&mut country_votes, &mut admin1_votes, home);
    choose(gaz, &mut names, &country_votes, &admin1_votes, &own);

    // Pass 2: the chosen places vote.
    let mut country_votes: HashMap<[u8; 2], f32> = HashMap::new();
    let mut admin1_votes: HashMap<u32, f32> = HashMap::new();
    let mut own2 = Vec::with_capacity(names.len());
    for name in &names {
        let mut mine = (Vec::new(), Vec::new());
        if let Some(c) = name.choice.map(|i| name.cands[i]) {
            let p = gaz.place(c.place);
            if p.cc != [0, 0] {
                *country_votes.entry(p.cc).or_default() += name.weight;
                mine.0.push((p.cc, name.weight));
            }
            if p.admin1 != NONE {
                *admin1_votes.entry(p.admin1).or_default() += name.weight;
                mine.1.push((p.admin1, name.weight));
            }
        }
        own2.push(mine);
    }
    add_home(&mut country_votes, &mut admin1_votes, home);
    choose(gaz, &mut names, &country_votes, &admin1_votes, &own2);

    // Names the tables lack (a street, a building, a region): the place they
    // are said to be in, else the article's own town (or province, country),
    // marked inexact. (On GeoWebNews' tuned folds this beats leaving them
    // out or placing only the country.)
    let focus = focus(gaz, &names, &country_votes);
    for name in &names {
        let geo = match name.choice {
            Some(i) => Some(gaz.geo(name.cands[i].place, name.cands[i].exact)),
            None => name
                .inside
                .iter()
                .filter_map(|&m| name_of[m])
                .find_map(|k| names[k].choice.map(|i| names[k].cands[i].place))
                .or_else(|| {
                    name.quals
                        .first()
                        .map(|q| match *q {
                            Qual::Admin1(a) => a,
                            Qual::Country(cc) => gaz.country(cc).unwrap_or(NONE),
                        })
                        .filter(|&p| p != NONE)
                })
                .or(focus)
                .map(|p| gaz.geo(p, false)),
        };
        for (&m, &agency) in name.mentions.iter().zip(&name.agency) {
            out[m] = match (&geo, agency) {
                // Only a known place: the organisation is not a street.
                (Some(g), true) if name.choice.is_some() => Some(Geo {
                    exact: false,
                    ..g.clone()
                }),
                (_, true) => None,
                (g, false) => g.clone(),
            };
        }
    }
    out
}

/// The outlet's home votes for its country and province.
fn add_home(
    country_votes: &mut HashMap<[u8; 2], f32>,
    admin1_votes: &mut HashMap<u32, f32>,
    home: Option<(([u8; 2], u32), f32)>,
) {
    let Some(((cc, a1), w)) = home else {
        return;
    };
    if cc != [0, 0] {
        *country_votes.entry(cc).or_default() += w;
    }
    if a1 != NONE {
        *admin1_votes.entry(a1).or_default() += w;
    }
}

/// Picks each name's best candidate given the votes of the others.
fn choose(
    gaz: &Gazetteer,
    names: &mut [Name],
    country_votes: &HashMap<[u8; 2], f32>,
    admin1_votes: &HashMap<u32, f32>,
    own: &[OwnVotes],
) {
    let total_c: f32 = country_votes.values().sum();
    let total_a: f32 = admin1_votes.values().sum();
    for (name, (mine_c, mine_a)) in names.iter_mut().zip(own) {
        let own_c: f32 = mine_c.iter().map(|x| x.1).sum();
        let own_a: f32 = mine_a.iter().map(|x| x.1).sum();
        let rest_c = (total_c - own_c).max(0.0);
        let rest_a = (total_a - own_a).max(0.0);
        let quals = &name.quals;
        name.choice = name
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let p = gaz.place(c.place);
                let mut s = gaz.prior(c);
                if rest_c > 0.0 && p.cc != [0, 0] {
                    let v = country_votes.get(&p.cc).copied().unwrap_or(0.0)
                        - mine_c.iter().find(|x| x.0 == p.cc).map_or(0.0, |x| x.1);
                    s += 2.5 * (v / rest_c).clamp(0.0, 1.0);
                }
                if rest_a > 0.0 && p.admin1 != NONE {
                    let v = admin1_votes.get(&p.admin1).copied().unwrap_or(0.0)
                        - mine_a.iter().find(|x| x.0 == p.admin1).map_or(0.0, |x| x.1);
                    s += 1.5 * (v / rest_a).clamp(0.0, 1.0);
                }
                if !quals.is_empty() {
                    s += if quals.iter().any(|q| gaz.within(c.place, *q)) {
                        6.0
                    } else {
                        -6.0
                    };
                }
                (i, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|x| x.0);
    }
}

/// The article's own place: its most named town in its most named country,
/// else that country's most named province, else the country.
fn focus(gaz: &Gazetteer, names: &[Name], country_votes: &HashMap<[u8; 2], f32>) -> Option<u32> {
    let top = country_votes
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|x| *x.0)?;
    let chosen = || {
        names.iter().filter_map(|n| {
            let c = n.cands[n.choice?];
            let p = gaz.place(c.place);
            (c.exact && p.cc == top).then_some((c.place, p.feature, n.weight))
        })
    };
    let best = |f: Feature| {
        chosen()
            .filter(|x| x.1 == f)
            .max_by(|a, b| {
                a.2.total_cmp(&b.2)
                    .then(gaz.place(a.0).population.cmp(&gaz.place(b.0).population))
            })
            .map(|x| x.0)
    };
    best(Feature::City)
        .or_else(|| best(Feature::Admin2))
        .or_else(|| best(Feature::Admin1))
        .or_else(|| gaz.country(top))
}

/// Great-circle distance in kilometres between two points (degrees).
#[must_use]
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().clamp(0.0, 1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Baghdad to Kirkuk: about 240 km.
        let d = distance_km(33.34, 44.40, 35.47, 44.39);
        assert!((230.0..250.0).contains(&d), "{d}");
        assert!(distance_km(10.0, 20.0, 10.0, 20.0).abs() < 1e-9);
    }
}
