//! Countries and how specific a place name is.
//!
//! [`COUNTRIES`] is the documented gazetteer of very common places the
//! issue allows: sovereign states (with their common short forms) and the
//! US states (mapped to the United States, since local US news rarely
//! names the country). Nothing here is specific to any article.

use crate::names::{alias, normalize, DIRECTIONS};

/// Countries as `(name, [normalised variants])`.
const COUNTRY_NAMES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Belarus",
    "Belgium",
    "Benin",
    "Bolivia",
    "Bosnia",
    "Brazil",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Congo",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Denmark",
    "Djibouti",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Eritrea",
    "Estonia",
    "Ethiopia",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Guatemala",
    "Guinea",
    "Haiti",
    "Honduras",
    "Hungary",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Liberia",
    "Libya",
    "Lithuania",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Mali",
    "Mauritania",
    "Mexico",
    "Moldova",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "Gaza",
    "West Bank",
];

/// US states, mapped to the United States.
const US_STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york state",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington state",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
];

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
    if let Some(a) = alias(n) {
        if COUNTRY_NAMES.contains(&a) {
            return Some(a);
        }
    }
    if let Some(c) = COUNTRY_NAMES.iter().find(|c| normalize(c) == n) {
        return Some(c);
    }
    if US_STATES.contains(&n) {
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
pub fn is_facility(normalized: &str) -> bool {
    normalized
        .rsplit(' ')
        .next()
        .is_some_and(|w| FACILITIES.contains(&w))
}

/// Whether a name is an adjective joining countries ("U.S.-Iraqi",
/// "US-Iraq"), not a place.
#[must_use]
pub fn is_joint_adjective(written: &str) -> bool {
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
pub fn place_rank(normalized: &str) -> u8 {
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
