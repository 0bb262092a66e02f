//! GVA news: each document's location on its own against the incident's
//! state and city or county.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_geo::{event_location, fold, DocPlaces, Gazetteer, Location};

use crate::error::Result;
use crate::pipeline::Analysis;

use super::ratio;
use crate::pipeline::incident_spans;

/// The location of one analysed document on its own: its places resolved
/// and [`event_location`] over it.
#[must_use]
pub fn document_location(
    gaz: &Gazetteer,
    text: &str,
    a: &Analysis,
    url: Option<&str>,
) -> Option<Location> {
    let places = sitrep_geo::resolve_places_from(gaz, text, &a.entities, url);
    let home = url.and_then(|u| sitrep_geo::outlet_home(gaz, u));
    let home = home.as_ref();
    let (incident, lead_end, elsewhere) = incident_spans(text, a);
    event_location(
        gaz,
        &[DocPlaces {
            text,
            entities: &a.entities,
            places: &places,
            incident: &incident,
            lead_end,
            elsewhere: &elsewhere,
            home,
        }],
    )
}

/// A GVA incident's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GvaPlace {
    /// US state.
    pub state: String,
    /// City or county (GVA's `city_or_county`).
    pub city_or_county: String,
}

/// Reads GVA incidents (`incidents.jsonl`): incident id → place.
///
/// # Errors
///
/// When the file cannot be read.
pub fn read_gva_places(path: &Path) -> Result<HashMap<String, GvaPlace>> {
    crate::eval::read_keyed(path, "incident_id", |v| {
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        Some(GvaPlace {
            state: s("state")?,
            city_or_county: s("city_or_county")?,
        })
    })
}

/// GVA document-level location figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GvaScores {
    /// Documents scored (with a gold place).
    pub documents: usize,
    /// Documents given a location.
    pub located: usize,
    /// Location's admin1 is the incident's state.
    pub admin1_correct: usize,
    /// Location's name or admin2 is the incident's city or county.
    pub city_correct: usize,
    /// Locations by geo-precision 1, 2, 3.
    pub precision: [usize; 3],
    /// Misses: document id, gold, predicted.
    pub misses: Vec<(String, String, String)>,
}

/// Whether a predicted name is GVA's city or county ("Chicago (Englewood)"
/// is Chicago or its neighbourhood Englewood; "Rice County" and "Rice"
/// agree).
fn same_city(pred: &str, gold: &str) -> bool {
    let core = |s: &str| {
        let k = fold(s);
        k.strip_suffix(" county")
            .or_else(|| k.strip_suffix(" parish"))
            .unwrap_or(&k)
            .to_string()
    };
    let p = core(pred);
    let (city, part) = match gold.split_once(" (") {
        Some((c, rest)) => (c, rest.trim_end_matches(')')),
        None => (gold, ""),
    };
    !p.is_empty() && (p == core(city) || (!part.is_empty() && p == core(part)))
}

/// Scores document-level locations: `docs` are `(id, location, gold)`,
/// the location as whatever is measured gives it (the pipeline's event
/// location for the document alone, or [`document_location`]).
#[must_use]
pub fn score_gva(
    gaz: &Gazetteer,
    docs: &[(&str, Option<Location>, &GvaPlace)],
    max_misses: usize,
) -> GvaScores {
    let mut s = GvaScores {
        documents: 0,
        located: 0,
        admin1_correct: 0,
        city_correct: 0,
        precision: [0; 3],
        misses: Vec::new(),
    };
    for (id, loc, gold) in docs {
        s.documents += 1;
        let loc = loc.clone();
        let (a1, city) = match &loc {
            Some(l) => {
                s.located += 1;
                let p = usize::from(l.geo_precision.clamp(1, 3)) - 1;
                s.precision[p] += 1;
                let a1 = l
                    .admin1
                    .as_deref()
                    .is_some_and(|x| x == gold.state || gaz.same_admin1("US", x, &gold.state));
                let city = same_city(&l.name, &gold.city_or_county)
                    || l.admin2
                        .as_deref()
                        .is_some_and(|x| same_city(x, &gold.city_or_county));
                (a1, city)
            }
            None => (false, false),
        };
        s.admin1_correct += usize::from(a1);
        s.city_correct += usize::from(city);
        if !(a1 && city) && s.misses.len() < max_misses {
            s.misses.push((
                (*id).to_string(),
                format!("{}, {}", gold.city_or_county, gold.state),
                loc.map_or("-".into(), |l| {
                    format!(
                        "{} ({}; {}; {}) p{}",
                        l.name,
                        l.admin2.unwrap_or_default(),
                        l.admin1.unwrap_or_default(),
                        l.iso3.unwrap_or_default(),
                        l.geo_precision
                    )
                }),
            ));
        }
    }
    s
}

impl std::fmt::Display for GvaScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = |x: usize| ratio(x, self.documents);
        writeln!(
            f,
            "GVA news: {} documents, located {:.3}; admin1 = state {:.3}; name or admin2 = city/county {:.3}; precision 1/2/3: {}/{}/{}",
            self.documents,
            r(self.located),
            r(self.admin1_correct),
            r(self.city_correct),
            self.precision[0],
            self.precision[1],
            self.precision[2]
        )?;
        for (id, gold, pred) in &self.misses {
            writeln!(f, "    [{id}] gold {gold} -> {pred}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities() {
        let rows = [
            ("Chicago", "Chicago (Englewood)", true),
            ("Englewood", "Chicago (Englewood)", true),
            ("Chicago", "Polk (county)", false),
            ("Rice County", "Rice", true),
            ("Salt Lake City", "Salt Lake City", true),
            ("Toledo", "Detroit", false),
            ("", "", false),
        ];
        for (p, g, want) in rows {
            assert_eq!(same_city(p, g), want, "{p} vs {g}");
        }
    }
}
