//! Countries and how specific a place name is.
//!
//! The countries are those of the shared lexicon
//! ([`sitrep_text::lexicon::COUNTRIES`]: states and the territories the news
//! names like them, with their short forms), and the US states
//! ([`sitrep_text::lexicon::US_STATES`]) map to the United States, since
//! local US news rarely names the country. Nothing here is specific to any
//! article.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use sitrep_text::lexicon::{CountryKind, COUNTRIES, US_STATES};

use crate::names::{alias, normalize, DIRECTIONS};

/// States named like their largest city: a bare "New York" or "Washington"
/// is the city, so only "New York State" and "Washington State" name the
/// state here.
const CITY_NAMED_STATES: &[&str] = &["New York", "Washington"];

/// The countries and territories of the shared lexicon by normalised name,
/// their names as written, and the US states' normalised names.
struct Index {
    countries: HashMap<String, &'static str>,
    names: HashSet<&'static str>,
    us_states: HashSet<String>,
}

fn places() -> impl Iterator<Item = &'static sitrep_text::lexicon::Country> {
    COUNTRIES
        .iter()
        .filter(|c| matches!(c.kind, CountryKind::State | CountryKind::Territory))
}

static INDEX: LazyLock<Index> = LazyLock::new(|| Index {
    countries: places().map(|c| (normalize(c.name), c.name)).collect(),
    names: places().map(|c| c.name).collect(),
    us_states: US_STATES
        .iter()
        .map(|s| {
            if CITY_NAMED_STATES.contains(&s.name) {
                normalize(&format!("{} State", s.name))
            } else {
                normalize(s.name)
            }
        })
        .collect(),
});

/// The country a place name names (a country itself, or a US state), by
/// its normalised form.
///
/// ```
/// use sitrep_cluster::country_of;
/// assert_eq!(country_of("iraq"), Some("Iraq"));
/// assert_eq!(country_of("us"), Some("United States"));
/// assert_eq!(country_of("ohio"), Some("United States"));
/// assert_eq!(country_of("hamrin mountains"), None);
/// ```
#[must_use]
pub fn country_of(normalized: &str) -> Option<&'static str> {
    let n = normalized.strip_prefix("the ").unwrap_or(normalized);
    let index = &*INDEX;
    if let Some(a) = alias(n).filter(|a| index.names.contains(a)) {
        return Some(a);
    }
    if let Some(c) = index.countries.get(n) {
        return Some(c);
    }
    if index.us_states.contains(n) {
        return Some("United States");
    }
    None
}

/// How specific a place name is: 0 a named place below country level
/// ("Hamrin Mountains", "Gary"), 1 a region of a country ("western Iraq"),
/// 2 a country or US state.
#[must_use]
pub fn specificity(normalized: &str) -> u8 {
    let words: Vec<&str> = normalized.split(' ').collect();
    if words.len() >= 2 && DIRECTIONS.contains(&words[0]) {
        let rest = words[1..].join(" ");
        if country_of(&rest).is_some() {
            return 1;
        }
    }
    if country_of(normalized).is_some() {
        2
    } else {
        0
    }
}

/// Head nouns of facilities: where a victim was treated or a statement was
/// made more often than where an incident happened.
const FACILITIES: &[&str] = &[
    "center",
    "centre",
    "hospital",
    "clinic",
    "base",
    "airport",
    "station",
    "school",
    "university",
    "college",
    "church",
    "mosque",
    "hotel",
    "building",
    "house",
    "office",
    "headquarters",
    "court",
    "courthouse",
    "jail",
    "prison",
    "mall",
    "store",
    "stadium",
];

/// Whether a normalised place name is a facility ("Landstuhl Regional
/// Medical Center").
#[must_use]
pub(crate) fn is_facility(normalized: &str) -> bool {
    normalized
        .rsplit(' ')
        .next()
        .is_some_and(|w| FACILITIES.contains(&w))
}

/// Whether a name is an adjective joining countries ("U.S.-Iraqi",
/// "US-Iraq"), not a place.
#[must_use]
pub(crate) fn is_joint_adjective(written: &str) -> bool {
    let parts: Vec<&str> = written.split(['-', '–', '/']).collect();
    parts.len() >= 2
        && parts.iter().any(|p| country_of(&normalize(p)).is_some())
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// Continents and regions larger than a country.
const WORLD_REGIONS: &[&str] = &[
    "middle east",
    "near east",
    "africa",
    "north africa",
    "east africa",
    "west africa",
    "sub saharan africa",
    "sahel",
    "horn of africa",
    "europe",
    "eastern europe",
    "western europe",
    "asia",
    "central asia",
    "south asia",
    "southeast asia",
    "east asia",
    "levant",
    "gulf",
    "persian gulf",
    "arabian peninsula",
    "caucasus",
    "balkans",
    "latin america",
    "south america",
    "central america",
    "north america",
    "caribbean",
    "pacific",
    "atlantic",
    "mediterranean",
    "scandinavia",
    "oceania",
    "arctic",
];

/// The rank of a place in an event's list: named places first, then
/// facilities, regions of a country, countries, and regions larger than a
/// country ("Middle East").
#[must_use]
pub(crate) fn place_rank(normalized: &str) -> u8 {
    let n = normalized.strip_prefix("the ").unwrap_or(normalized);
    if WORLD_REGIONS.contains(&n) {
        return 4;
    }
    match specificity(normalized) {
        0 if is_facility(normalized) => 1,
        0 => 0,
        1 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks() {
        let rows: &[(&str, u8)] = &[
            ("Hamrin Mountains", 0),
            ("Anbar Desert", 0),
            ("Gary", 0),
            ("Landstuhl Regional Medical Center", 1),
            ("western Iraq", 2),
            ("northern Syria", 2),
            ("Iraq", 3),
            ("U.S.", 3),
            ("Ohio", 3),
            ("the Middle East", 4),
        ];
        for (name, rank) in rows {
            assert_eq!(place_rank(&normalize(name)), *rank, "{name}");
        }
    }

    #[test]
    fn joint_adjectives() {
        assert!(is_joint_adjective("U.S.-Iraqi"));
        assert!(is_joint_adjective("US-Iraq"));
        assert!(!is_joint_adjective("Winston-Salem"));
        assert!(!is_joint_adjective("Hamrin Mountains"));
    }
}
