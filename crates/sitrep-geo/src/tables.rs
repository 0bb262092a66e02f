//! Vocabulary the GeoNames tables lack, as data: short forms of country
//! names and US state abbreviations (from the shared lexicon), well-known
//! natural features and regions,
//! and the words that turn a name into a part of a place ("Anbar Desert",
//! "northern Iraq"). Each table is sorted and free of duplicates (tested).
//! Nothing here is specific to any article.

use std::collections::HashMap;
use std::sync::LazyLock;

use sitrep_text::lexicon::{CountryKind, COUNTRIES, US_STATES};

use crate::normalize::fold;

/// A well-known natural feature or region: its name, other names, the
/// country it lies in (`""` when it spans several), and a point inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NaturalFeature {
    /// The usual English name.
    pub name: &'static str,
    /// Other names, as written.
    pub alternates: &'static [&'static str],
    /// ISO 3166-1 alpha-2, or `""` for a feature across borders.
    pub country: &'static str,
    /// Latitude of a point inside it.
    pub lat: f32,
    /// Longitude of that point.
    pub lon: f32,
}

const fn nf(
    name: &'static str,
    alternates: &'static [&'static str],
    country: &'static str,
    lat: f32,
    lon: f32,
) -> NaturalFeature {
    NaturalFeature {
        name,
        alternates,
        country,
        lat,
        lon,
    }
}

/// Mountain ranges, deserts, seas, rivers and regions often named in news,
/// sorted by name. The admin1 unit of a one-country feature is found at load
/// time from the town nearest its point.
#[rustfmt::skip]
pub(crate) const NATURAL_FEATURES: &[NaturalFeature] = &[
    nf("Ahaggar Mountains", &["Hoggar Mountains", "Hoggar"], "DZ", 23.3, 5.6),
    nf("Alborz Mountains", &["Alborz", "Elburz Mountains"], "IR", 36.0, 52.0),
    nf("Alps", &["the Alps"], "", 46.5, 10.0),
    nf("Andes", &["Andes Mountains"], "", -15.0, -70.0),
    nf("Appalachian Mountains", &["Appalachians"], "US", 38.0, -80.5),
    nf("Arabian Sea", &[], "", 15.0, 64.0),
    nf("Atlantic Ocean", &["Atlantic"], "", 10.0, -35.0),
    nf("Atlas Mountains", &[], "MA", 31.5, -6.5),
    nf("Balkans", &["Balkan Peninsula"], "", 43.0, 21.0),
    nf("Black Sea", &[], "", 43.4, 34.0),
    nf("Carpathian Mountains", &["Carpathians"], "", 47.5, 25.0),
    nf("Caspian Sea", &[], "", 42.0, 50.5),
    nf("Caucasus", &["Caucasus Mountains"], "", 42.5, 44.0),
    nf("Crimea", &["Crimean Peninsula"], "UA", 45.0, 34.1),
    nf("Darfur", &[], "SD", 13.5, 24.5),
    nf("Donbas", &["Donbass"], "UA", 48.0, 38.0),
    nf("Empty Quarter", &["Rub al Khali"], "SA", 20.0, 50.0),
    nf("Euphrates", &["Euphrates River"], "", 35.0, 40.5),
    nf("Gaza Strip", &[], "PS", 31.42, 34.37),
    nf("Gobi Desert", &["Gobi"], "", 42.5, 103.0),
    nf("Golan Heights", &["Golan"], "SY", 33.0, 35.75),
    nf("Gulf of Aden", &[], "", 12.5, 48.0),
    nf("Gulf of Mexico", &[], "", 25.0, -90.0),
    nf("Hamrin Mountains", &["Hamrin", "Jabal Hamrin", "Hemrin Mountains", "Hamrin mountain range"], "IQ", 34.55, 44.45),
    nf("Himalayas", &["Himalaya", "Himalayan Mountains"], "", 28.5, 84.0),
    nf("Hindu Kush", &[], "AF", 35.5, 70.0),
    nf("Horn of Africa", &[], "", 8.0, 45.0),
    nf("Indian Ocean", &[], "", -20.0, 80.0),
    nf("Kalahari Desert", &["Kalahari"], "BW", -23.0, 22.0),
    nf("Karakoram", &["Karakoram Range"], "PK", 35.8, 76.0),
    nf("Kashmir", &["Kashmir Valley"], "", 34.3, 75.5),
    nf("Lake Chad", &["Lake Chad Basin"], "", 13.0, 14.5),
    nf("Lake Victoria", &[], "", -1.0, 33.0),
    nf("Levant", &["the Levant"], "", 33.5, 36.5),
    nf("Maghreb", &[], "", 31.0, 3.0),
    nf("Mediterranean Sea", &["Mediterranean"], "", 35.0, 18.0),
    nf("Middle East", &["Mideast", "the Middle East"], "", 29.0, 41.0),
    nf("Mississippi River", &[], "US", 35.0, -90.1),
    nf("Mojave Desert", &["Mojave"], "US", 35.0, -116.0),
    nf("Negev", &["Negev Desert"], "IL", 30.8, 34.8),
    nf("Nile", &["Nile River", "River Nile"], "", 22.0, 31.5),
    nf("Nuba Mountains", &[], "SD", 11.5, 30.0),
    nf("Pacific Ocean", &["Pacific"], "", 0.0, -160.0),
    nf("Persian Gulf", &["Arabian Gulf"], "", 27.0, 51.0),
    nf("Pyrenees", &[], "", 42.7, 1.0),
    nf("Qandil Mountains", &["Qandil", "Kandil Mountains"], "IQ", 36.4, 45.0),
    nf("Red Sea", &[], "", 20.0, 38.5),
    nf("Rocky Mountains", &["Rockies"], "US", 40.0, -106.0),
    nf("Sahara", &["Sahara Desert"], "", 23.0, 13.0),
    nf("Sahel", &["the Sahel"], "", 14.5, 0.0),
    nf("Sinai Peninsula", &["Sinai", "Sinai Desert"], "EG", 29.5, 33.8),
    nf("Sinjar Mountains", &["Mount Sinjar", "Jabal Sinjar", "Sinjar mountain"], "IQ", 36.37, 41.85),
    nf("South China Sea", &[], "", 12.0, 113.0),
    nf("Strait of Hormuz", &["Hormuz Strait"], "", 26.6, 56.3),
    nf("Syrian Desert", &["Badia", "Syrian Badia"], "", 33.0, 39.0),
    nf("Tibesti Mountains", &["Tibesti"], "TD", 21.0, 17.5),
    nf("Tigris", &["Tigris River"], "", 34.5, 43.6),
    nf("Tora Bora", &[], "AF", 34.1, 70.2),
    nf("Ural Mountains", &["Urals"], "RU", 60.0, 59.0),
    nf("West Bank", &[], "PS", 31.95, 35.25),
    nf("Zagros Mountains", &["Zagros"], "IR", 33.5, 48.0),
];

/// Words after a name that make it a natural part of a place: the place is
/// the unit named before them, at a lower precision ("Anbar Desert").
pub(crate) const NATURAL_WORDS: &[&str] = &[
    "area",
    "basin",
    "border",
    "coast",
    "countryside",
    "delta",
    "desert",
    "forest",
    "heights",
    "highlands",
    "hill",
    "hills",
    "lake",
    "mountain",
    "mountains",
    "mts",
    "oasis",
    "outskirts",
    "plain",
    "plains",
    "plateau",
    "range",
    "river",
    "valley",
];

/// Words after a name that name an administrative unit ("Anbar province",
/// "Carter County"), with the kind of unit they name.
pub(crate) const ADMIN_WORDS: &[(&str, Unit)] = &[
    ("city", Unit::Town),
    // "Jackson Co., Fla.": US newsrooms' abbreviation of County.
    ("co", Unit::Admin2),
    ("county", Unit::Admin2),
    ("department", Unit::Admin1),
    ("district", Unit::Admin2),
    ("governorate", Unit::Admin1),
    ("municipality", Unit::Admin2),
    ("oblast", Unit::Admin1),
    ("parish", Unit::Admin2),
    ("prefecture", Unit::Admin1),
    ("province", Unit::Admin1),
    ("region", Unit::Admin1),
    ("state", Unit::Admin1),
    ("town", Unit::Town),
    ("township", Unit::Town),
    ("twp", Unit::Town),
    ("village", Unit::Town),
];

/// The kind of unit an administrative word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A first-level unit (province, state).
    Admin1,
    /// A second-level unit (county, district).
    Admin2,
    /// A town or city.
    Town,
}

/// Words before a name that make it a part of the place ("northern Iraq").
pub(crate) const DIRECTION_WORDS: &[&str] = &[
    "central",
    "downtown",
    "east",
    "eastern",
    "lower",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "upper",
    "west",
    "western",
];

/// The shared lexicon's names and short forms of states
/// ([`sitrep_text::lexicon::COUNTRIES`], demonyms left out), folded, with
/// their ISO 3166-1 codes: GeoNames lacks some ("U.S.", "America", "UK"),
/// and a form listed here makes the country a main candidate of the name.
static COUNTRY_FORMS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for c in COUNTRIES {
        if let (CountryKind::State, Some(cc)) = (c.kind, c.iso2) {
            for w in std::iter::once(c.name).chain(c.aliases.iter().copied()) {
                m.insert(fold(w), cc);
            }
        }
    }
    m
});

/// The AP-style abbreviations of the US states
/// ([`sitrep_text::lexicon::US_STATES`]), folded as written ("Okla." →
/// "okla", "N.C." → "nc") and with a space after each period ("N. C." →
/// "n c"), with their postal codes: "Ardmore, Okla.".
static US_STATE_ABBREVIATIONS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for s in US_STATES {
        for a in s.ap {
            m.insert(fold(a), s.postal);
            m.insert(fold(&a.replace('.', ". ")), s.postal);
        }
    }
    m
});

/// The postal code of a US state abbreviation (folded).
pub(crate) fn us_state_code(folded: &str) -> Option<&'static str> {
    US_STATE_ABBREVIATIONS.get(folded).copied()
}

/// The country a name or short form names (folded), as its ISO code.
pub(crate) fn country_alias(folded: &str) -> Option<&'static str> {
    COUNTRY_FORMS.get(folded).copied()
}

/// Every folded name or short form of a country with its ISO code, in a
/// fixed order.
pub(crate) fn country_forms() -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&'static str, &'static str)> = COUNTRY_FORMS
        .iter()
        .map(|(k, &cc)| (k.as_str(), cc))
        .collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique(keys: &[&str], what: &str) {
        for w in keys.windows(2) {
            assert!(w[0] < w[1], "{what} not sorted or duplicated at {:?}", w);
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        let k: Vec<&str> = NATURAL_FEATURES.iter().map(|x| x.name).collect();
        sorted_unique(&k, "NATURAL_FEATURES");
        sorted_unique(NATURAL_WORDS, "NATURAL_WORDS");
        let k: Vec<&str> = ADMIN_WORDS.iter().map(|x| x.0).collect();
        sorted_unique(&k, "ADMIN_WORDS");
        sorted_unique(DIRECTION_WORDS, "DIRECTION_WORDS");
    }

    #[test]
    fn keys_are_folded() {
        assert_eq!(us_state_code("okla"), Some("OK"));
        assert_eq!(us_state_code("n c"), Some("NC"));
        assert_eq!(us_state_code("w va"), Some("WV"));
        assert_eq!(country_alias("us"), Some("US"));
        assert_eq!(country_alias("uk"), Some("GB"));
        assert_eq!(country_alias("iraqi"), None);
        for w in NATURAL_WORDS.iter().chain(DIRECTION_WORDS) {
            assert_eq!(fold(w), *w);
        }
    }

    #[test]
    fn features_are_on_earth_and_named_once() {
        let mut names: Vec<String> = Vec::new();
        for f in NATURAL_FEATURES {
            assert!((-90.0..=90.0).contains(&f.lat) && (-180.0..=180.0).contains(&f.lon));
            assert!(f.country.is_empty() || f.country.len() == 2, "{}", f.name);
            names.push(fold(f.name));
            names.extend(f.alternates.iter().map(|a| fold(a)));
        }
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "a name of two features");
    }

    #[test]
    fn lookups() {
        let rows = [("okla", Some("OK")), ("va", Some("VA")), ("xx", None)];
        for (k, v) in rows {
            assert_eq!(us_state_code(k), v);
        }
        assert_eq!(country_alias("america"), Some("US"));
        assert_eq!(country_alias("iraq"), Some("IQ"));
        assert_eq!(country_alias("iraqis"), None);
    }
}
