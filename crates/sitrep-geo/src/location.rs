//! An event's location from the resolved places of its documents.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sitrep_text::{EntityMention, Span};

use crate::gazetteer::{Feature, Gazetteer};
use crate::resolve::Geo;

/// Where an event happened, ACLED-style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place: a town, a natural feature, a province or a country.
    pub name: String,
    /// Latitude (WGS84 degrees).
    pub latitude: f64,
    /// Longitude (WGS84 degrees).
    pub longitude: f64,
    /// First-level unit (province, governorate, state).
    pub admin1: Option<String>,
    /// Second-level unit (county, district), when known.
    pub admin2: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-3 code of the country.
    pub iso3: Option<String>,
    /// ACLED's geo-precision: 1 the town itself; 2 a part of a region or
    /// near a town (a natural feature, a district, a street of a town);
    /// 3 only the province or region (or the country).
    pub geo_precision: u8,
    /// GeoNames id of the place, when it has one.
    pub geonames_id: Option<u64>,
}

impl Location {
    /// The location of the resolved place `g`, with the country given and
    /// ACLED's `geo_precision`; `admin1` is the place itself when it is a
    /// province.
    #[must_use]
    pub fn at(g: &Geo, country: Option<String>, iso3: Option<String>, geo_precision: u8) -> Self {
        Location {
            name: g.name.clone(),
            latitude: g.latitude,
            longitude: g.longitude,
            admin1: if g.feature == "admin1" {
                Some(g.name.clone())
            } else {
                g.admin1.clone()
            },
            admin2: g.admin2.clone(),
            country,
            iso3,
            geo_precision,
            geonames_id: g.geonames_id,
        }
    }
}

/// One document of an event, as [`event_location`] reads it.
#[derive(Debug, Clone, Copy)]
pub struct DocPlaces<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its entities.
    pub entities: &'a [EntityMention],
    /// The place of each entity, as [`resolve_places`](crate::resolve_places)
    /// returns them (aligned with `entities`).
    pub places: &'a [Option<Geo>],
    /// The sentences that state the incident itself (its casualty
    /// sentences): places there weigh most.
    pub incident: &'a [Span],
    /// Where the lead (title, dateline and first sentences) ends, in bytes;
    /// places before it weigh more than the rest.
    pub lead_end: usize,
    /// Sentences about other incidents or background, whose places do not
    /// count.
    pub elsewhere: &'a [Span],
    /// The place its outlet's web address names ([`outlet_home`](crate::outlet_home)),
    /// when known: a weak vote for the incident's town, province and country.
    pub home: Option<&'a Geo>,
}

/// Weight of the outlet's home: less than one mention in the article.
const W_HOME: f32 = 0.75;

/// Weight of a mention in the incident's own sentences, in the lead, and
/// elsewhere.
const W_INCIDENT: f32 = 3.0;
const W_LEAD: f32 = 2.0;
const W_OTHER: f32 = 1.0;

/// How much a specific place needs: its own weight and that of its province.
const MIN_SPECIFIC: f32 = 2.0;

/// Bonus of the first town (or district) a document names: local news
/// names the incident's place first.
const FIRST_PLACE: f32 = 1.0;

/// Words just before a place that say someone was taken there, not that the
/// incident happened there ("airlifted to an Oklahoma City hospital", "flown
/// to Landstuhl").
const TAKEN_TO: &[&str] = &[
    "airlifted to",
    "evacuated to",
    "flown to",
    "rushed to",
    "taken to",
    "transferred to",
    "transported to",
];

/// Words just after a place that make it a hospital's.
const HOSPITAL: &[&str] = &["health", "hospital", "medical", "regional medical"];

/// Whether a mention is where someone was taken for treatment.
fn is_taken_to(text: &str, e: &EntityMention) -> bool {
    let start = (0..=e.span.start.saturating_sub(40))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = text.get(start..e.span.start).unwrap_or("").to_lowercase();
    let clause = before.rsplit(['.', ';', '!', '?']).next().unwrap_or("");
    let end = (e.span.end..=text.len().min(e.span.end + 24))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(e.span.end);
    let after = text.get(e.span.end..end).unwrap_or("").to_lowercase();
    let after = after.trim_start();
    TAKEN_TO.iter().any(|w| clause.contains(w)) || HOSPITAL.iter().any(|w| after.starts_with(w))
}

#[derive(Debug, Clone)]
struct Tally {
    geo: Geo,
    weight: f32,
    first: usize,
}

/// The location of an event from its documents' resolved places.
///
/// Each place mention weighs by where it is (the incident's own sentences,
/// then the lead, then the rest; names only contained in a unit weigh
/// half), and the documents add up. The country is the one that weighs
/// most; within it, the most specific place that is named in the incident's
/// sentences or lead (or by several mentions) and agrees with the province
/// most named, else that province, else the country. `None` when no place
/// of any document lies in a country.
#[must_use]
pub fn event_location(gaz: &Gazetteer, docs: &[DocPlaces<'_>]) -> Option<Location> {
    let mut mentions: Vec<(Geo, f32, usize)> = Vec::new();
    let mut order = 0usize;
    for d in docs {
        let inside = |spans: &[Span], e: &EntityMention| {
            spans
                .iter()
                .any(|s| s.start <= e.span.start && e.span.end <= s.end)
        };
        let mut first = true;
        for (e, g) in d.entities.iter().zip(d.places) {
            let Some(g) = g else { continue };
            order += 1;
            if g.country_code.is_empty() || inside(d.elsewhere, e) && !inside(d.incident, e) {
                continue;
            }
            let mut w = if inside(d.incident, e) {
                W_INCIDENT
            } else if e.span.start < d.lead_end {
                W_LEAD
            } else {
                W_OTHER
            };
            if !g.exact {
                w *= 0.5;
            }
            if is_taken_to(d.text, e) {
                w *= 0.25;
            } else if first && g.exact && matches!(g.feature.as_str(), "city" | "admin2") {
                w += FIRST_PLACE;
                first = false;
            }
            mentions.push((g.clone(), w, order));
        }
        if let Some(h) = d.home.filter(|h| !h.country_code.is_empty()) {
            order += 1;
            mentions.push((
                Geo {
                    exact: false,
                    ..h.clone()
                },
                W_HOME,
                order,
            ));
        }
    }
    let mut countries: HashMap<&str, (f32, usize)> = HashMap::new();
    for (g, w, o) in &mentions {
        let e = countries.entry(&g.country_code).or_insert((0.0, *o));
        e.0 += w;
    }
    let (cc, _) = countries
        .iter()
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(c, v)| ((*c).to_string(), *v))?;

    // Places and provinces of that country.
    let mut places: HashMap<(String, String, Option<String>), Tally> = HashMap::new();
    let mut admin1: HashMap<String, (f32, usize)> = HashMap::new();
    for (g, w, o) in mentions.iter().filter(|m| m.0.country_code == cc) {
        if let Some(a) = &g.admin1 {
            let e = admin1.entry(a.clone()).or_insert((0.0, *o));
            e.0 += w;
        } else if g.feature == "admin1" {
            let e = admin1.entry(g.name.clone()).or_insert((0.0, *o));
            e.0 += w;
        }
        if matches!(g.feature.as_str(), "city" | "natural" | "admin2") {
            let key = (g.feature.clone(), g.name.clone(), g.admin1.clone());
            let t = places.entry(key).or_insert(Tally {
                geo: g.clone(),
                weight: 0.0,
                first: *o,
            });
            t.weight += w;
            t.geo.exact |= g.exact;
        }
    }
    let best_admin1 = admin1
        .iter()
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(n, v)| (n.clone(), v.0));
    let support = |t: &Tally| {
        t.weight
            + 0.5
                * t.geo
                    .admin1
                    .as_ref()
                    .and_then(|a| admin1.get(a))
                    .map_or(0.0, |x| x.0)
    };
    // A county's mentions support the towns in it; a town is more specific.
    let county = |t: &Tally| {
        t.geo.admin2.as_ref().map_or(0.0, |a2| {
            places
                .iter()
                .filter(|(k, _)| k.0 == "admin2" && &k.1 == a2 && k.2 == t.geo.admin1)
                .map(|(_, c)| c.weight)
                .sum::<f32>()
        })
    };
    let pick = |features: &[&str]| {
        places
            .values()
            .filter(|t| features.contains(&t.geo.feature.as_str()))
            .map(|t| {
                (
                    t,
                    support(t)
                        + if t.geo.feature == "city" {
                            county(t)
                        } else {
                            0.0
                        },
                )
            })
            .filter(|(t, s)| {
                *s >= MIN_SPECIFIC
                    && (t.geo.feature != "city" || t.weight >= 1.0)
                    && best_admin1.as_ref().is_none_or(|(a, aw)| {
                        t.geo.admin1.as_deref() == Some(a.as_str()) || *s >= 0.5 * aw
                    })
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.first.cmp(&a.0.first)))
    };
    // An operation in the mountains or the desert is coded to the feature,
    // not to the town a spokesman spoke from: a natural feature named in the
    // incident's sentences or the lead comes before towns.
    let feature = places
        .values()
        .filter(|t| t.geo.feature == "natural" && t.geo.exact && t.weight >= W_LEAD)
        .map(|t| (t, t.weight))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.first.cmp(&a.0.first)));
    let specific = feature
        .or_else(|| pick(&["city", "natural"]))
        .or_else(|| pick(&["admin2"]));

    let (country, iso3) = gaz.country_of_code(&cc).map_or((None, None), |(n, i)| {
        (Some(n.to_string()), Some(i.to_string()))
    });
    let loc = |g: &Geo, precision: u8| Location::at(g, country.clone(), iso3.clone(), precision);
    if let Some((t, _)) = specific {
        let precision = match (t.geo.feature.as_str(), t.geo.exact) {
            ("city", true) => 1,
            _ => 2,
        };
        return Some(loc(&t.geo, precision));
    }
    if let Some((a, _)) = best_admin1 {
        let g = mentions
            .iter()
            .find(|m| m.0.country_code == cc && m.0.feature == "admin1" && m.0.name == a)
            .map(|m| m.0.clone())
            .or_else(|| gaz.admin1_geo(&cc, &a));
        if let Some(g) = g {
            return Some(loc(&g, 3));
        }
    }
    let g = gaz.find_country(&cc).or_else(|| {
        mentions
            .iter()
            .find(|m| m.0.country_code == cc)
            .map(|m| m.0.clone())
    })?;
    Some(loc(&g, 3))
}

impl Gazetteer {
    /// The [`Geo`] of a first-level unit by country code and name.
    fn admin1_geo(&self, cc: &str, name: &str) -> Option<Geo> {
        self.find(name)
            .into_iter()
            .find(|g| g.feature == Feature::Admin1.as_str() && g.country_code == cc)
    }

    /// The [`Geo`] of a country by its code.
    fn find_country(&self, cc: &str) -> Option<Geo> {
        let (name, _) = self.country_of_code(cc)?;
        self.find(name)
            .into_iter()
            .find(|g| g.feature == Feature::Country.as_str() && g.country_code == cc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_to() {
        let rows = [
            (
                "He was airlifted to an Oklahoma City hospital.",
                "Oklahoma City",
                true,
            ),
            (
                "They were flown to Landstuhl Regional Medical Center.",
                "Landstuhl",
                true,
            ),
            ("A man was shot in Ardmore on Monday.", "Ardmore", false),
            (
                "He was taken to jail. Police in Ardmore said",
                "Ardmore",
                false,
            ),
        ];
        for (text, name, want) in rows {
            let start = text.find(name).unwrap();
            let e = EntityMention {
                span: Span::new(start, start + name.len()),
                label: "LOC".into(),
                score: 1.0,
            };
            assert_eq!(is_taken_to(text, &e), want, "{text}");
        }
        assert!(TAKEN_TO.windows(2).all(|w| w[0] < w[1]));
        assert!(HOSPITAL.windows(2).all(|w| w[0] < w[1]));
    }
}
