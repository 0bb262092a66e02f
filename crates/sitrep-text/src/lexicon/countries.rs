//! Countries, the territories and regions the news names like them, their
//! other names and their demonyms: one table that the clustering (is this
//! place a country?), the casualty reader ("Iraqi soldiers" belong to Iraq),
//! the party coder (which state's forces) and the geocoder (short forms
//! GeoNames lacks) all read. Each crate folds the written forms its own way.
//!
//! Names and ISO codes follow GeoNames' country table (CC BY 4.0, the same
//! source the geocoder ships); demonyms are GeoNames' with the usual
//! alternatives added ("Argentine", "Saudi"). Nothing here is specific to any
//! article.

/// What kind of unit a [`Country`] row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CountryKind {
    /// A state with an ISO 3166-1 code (Kosovo and Palestine included).
    State,
    /// A territory the news names as its own place of events ("Gaza", "West
    /// Bank"), without a code of its own.
    Territory,
    /// An autonomous region with forces of its own ("Kurdistan Region"):
    /// read in "Kurdish forces", never taken for the country of a place.
    Region,
}

/// One row of [`COUNTRIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// The name English-language news uses ("United States").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code, for [`CountryKind::State`] rows.
    pub iso2: Option<&'static str>,
    /// What kind of unit it is.
    pub kind: CountryKind,
    /// Other names and short forms, as written ("U.S.", "America").
    pub aliases: &'static [&'static str],
    /// Nationality adjectives, as written ("American").
    pub demonyms: &'static [&'static str],
}

const fn c(
    name: &'static str,
    iso2: Option<&'static str>,
    kind: CountryKind,
    aliases: &'static [&'static str],
    demonyms: &'static [&'static str],
) -> Country {
    Country {
        name,
        iso2,
        kind,
        aliases,
        demonyms,
    }
}

use CountryKind::{Region, State, Territory};

/// The countries, territories and regions, sorted by name. No written form
/// (name, alias or demonym) appears twice, in any case (tested).
#[rustfmt::skip]
pub const COUNTRIES: &[Country] = &[
    c("Afghanistan", Some("AF"), State, &[], &["Afghan"]),
    c("Albania", Some("AL"), State, &[], &["Albanian"]),
    c("Algeria", Some("DZ"), State, &[], &["Algerian"]),
    c("Angola", Some("AO"), State, &[], &["Angolan"]),
    c("Argentina", Some("AR"), State, &[], &["Argentine", "Argentinean", "Argentinian"]),
    c("Armenia", Some("AM"), State, &[], &["Armenian"]),
    c("Australia", Some("AU"), State, &[], &["Australian"]),
    c("Austria", Some("AT"), State, &[], &["Austrian"]),
    c("Azerbaijan", Some("AZ"), State, &[], &["Azerbaijani"]),
    c("Bahrain", Some("BH"), State, &[], &["Bahraini"]),
    c("Bangladesh", Some("BD"), State, &[], &["Bangladeshi"]),
    c("Belarus", Some("BY"), State, &[], &["Belarusian"]),
    c("Belgium", Some("BE"), State, &[], &["Belgian"]),
    c("Benin", Some("BJ"), State, &[], &["Beninese"]),
    c("Bolivia", Some("BO"), State, &[], &["Bolivian"]),
    c("Bosnia", Some("BA"), State, &["Bosnia and Herzegovina"], &["Bosnian"]),
    c("Brazil", Some("BR"), State, &[], &["Brazilian"]),
    c("Bulgaria", Some("BG"), State, &[], &["Bulgarian"]),
    c("Burkina Faso", Some("BF"), State, &[], &["Burkinabe"]),
    c("Burundi", Some("BI"), State, &[], &["Burundian"]),
    c("Cambodia", Some("KH"), State, &[], &["Cambodian"]),
    c("Cameroon", Some("CM"), State, &[], &["Cameroonian"]),
    c("Canada", Some("CA"), State, &[], &["Canadian"]),
    c("Cape Verde", Some("CV"), State, &["Cabo Verde"], &["Cape Verdean"]),
    c("Chad", Some("TD"), State, &[], &["Chadian"]),
    c("Chile", Some("CL"), State, &[], &["Chilean"]),
    c("China", Some("CN"), State, &["PRC", "People's Republic of China"], &["Chinese"]),
    c("Colombia", Some("CO"), State, &[], &["Colombian"]),
    c("Congo", Some("CG"), State, &["Republic of the Congo"], &[]),
    c("Croatia", Some("HR"), State, &[], &["Croatian"]),
    c("Cuba", Some("CU"), State, &[], &["Cuban"]),
    c("Cyprus", Some("CY"), State, &[], &["Cypriot"]),
    c("Czech Republic", Some("CZ"), State, &["Czechia"], &["Czech"]),
    c("Democratic Republic of the Congo", Some("CD"), State, &["DRC", "DR Congo"], &["Congolese"]),
    c("Denmark", Some("DK"), State, &[], &["Danish"]),
    c("Djibouti", Some("DJ"), State, &[], &["Djiboutian"]),
    c("East Timor", Some("TL"), State, &["Timor-Leste"], &["Timorese"]),
    c("Ecuador", Some("EC"), State, &[], &["Ecuadorean", "Ecuadorian"]),
    c("Egypt", Some("EG"), State, &[], &["Egyptian"]),
    c("El Salvador", Some("SV"), State, &[], &["Salvadoran"]),
    c("Eritrea", Some("ER"), State, &[], &["Eritrean"]),
    c("Estonia", Some("EE"), State, &[], &["Estonian"]),
    c("Eswatini", Some("SZ"), State, &["Swaziland"], &["Swazi"]),
    c("Ethiopia", Some("ET"), State, &[], &["Ethiopian"]),
    c("Finland", Some("FI"), State, &[], &["Finnish"]),
    c("France", Some("FR"), State, &[], &["French"]),
    c("Gabon", Some("GA"), State, &[], &["Gabonese"]),
    c("Gambia", Some("GM"), State, &[], &["Gambian"]),
    c("Gaza", None, Territory, &[], &[]),
    c("Georgia", Some("GE"), State, &[], &["Georgian"]),
    c("Germany", Some("DE"), State, &[], &["German"]),
    c("Ghana", Some("GH"), State, &[], &["Ghanaian"]),
    c("Greece", Some("GR"), State, &[], &["Greek"]),
    c("Guatemala", Some("GT"), State, &[], &["Guatemalan"]),
    c("Guinea", Some("GN"), State, &[], &["Guinean"]),
    c("Haiti", Some("HT"), State, &[], &["Haitian"]),
    c("Honduras", Some("HN"), State, &[], &["Honduran"]),
    c("Hungary", Some("HU"), State, &[], &["Hungarian"]),
    c("India", Some("IN"), State, &[], &["Indian"]),
    c("Indonesia", Some("ID"), State, &[], &["Indonesian"]),
    c("Iran", Some("IR"), State, &[], &["Iranian"]),
    c("Iraq", Some("IQ"), State, &[], &["Iraqi"]),
    c("Ireland", Some("IE"), State, &[], &["Irish"]),
    c("Israel", Some("IL"), State, &[], &["Israeli"]),
    c("Italy", Some("IT"), State, &[], &["Italian"]),
    c("Ivory Coast", Some("CI"), State, &["Côte d'Ivoire"], &["Ivorian"]),
    c("Jamaica", Some("JM"), State, &[], &["Jamaican"]),
    c("Japan", Some("JP"), State, &[], &["Japanese"]),
    c("Jordan", Some("JO"), State, &[], &["Jordanian"]),
    c("Kazakhstan", Some("KZ"), State, &[], &["Kazakh", "Kazakhstani"]),
    c("Kenya", Some("KE"), State, &[], &["Kenyan"]),
    c("Kosovo", Some("XK"), State, &[], &["Kosovar"]),
    c("Kurdistan Region", None, Region, &["Iraqi Kurdistan"], &["Kurdish"]),
    c("Kuwait", Some("KW"), State, &[], &["Kuwaiti"]),
    c("Kyrgyzstan", Some("KG"), State, &[], &["Kyrgyz"]),
    c("Laos", Some("LA"), State, &[], &["Lao", "Laotian"]),
    c("Latvia", Some("LV"), State, &[], &["Latvian"]),
    c("Lebanon", Some("LB"), State, &[], &["Lebanese"]),
    c("Liberia", Some("LR"), State, &[], &["Liberian"]),
    c("Libya", Some("LY"), State, &[], &["Libyan"]),
    c("Lithuania", Some("LT"), State, &[], &["Lithuanian"]),
    c("Madagascar", Some("MG"), State, &[], &["Malagasy"]),
    c("Malawi", Some("MW"), State, &[], &["Malawian"]),
    c("Malaysia", Some("MY"), State, &[], &["Malaysian"]),
    c("Mali", Some("ML"), State, &[], &["Malian"]),
    c("Mauritania", Some("MR"), State, &[], &["Mauritanian"]),
    c("Mexico", Some("MX"), State, &[], &["Mexican"]),
    c("Moldova", Some("MD"), State, &[], &["Moldovan"]),
    c("Mongolia", Some("MN"), State, &[], &["Mongolian"]),
    c("Montenegro", Some("ME"), State, &[], &["Montenegrin"]),
    c("Morocco", Some("MA"), State, &[], &["Moroccan"]),
    c("Mozambique", Some("MZ"), State, &[], &["Mozambican"]),
    c("Myanmar", Some("MM"), State, &["Burma"], &["Burmese"]),
    c("Namibia", Some("NA"), State, &[], &["Namibian"]),
    c("Nepal", Some("NP"), State, &[], &["Nepalese", "Nepali"]),
    c("Netherlands", Some("NL"), State, &["Holland"], &["Dutch"]),
    c("New Zealand", Some("NZ"), State, &[], &["New Zealander"]),
    c("Nicaragua", Some("NI"), State, &[], &["Nicaraguan"]),
    c("Niger", Some("NE"), State, &[], &["Nigerien"]),
    c("Nigeria", Some("NG"), State, &[], &["Nigerian"]),
    c("North Korea", Some("KP"), State, &["DPRK"], &["North Korean"]),
    c("North Macedonia", Some("MK"), State, &["Macedonia"], &["Macedonian"]),
    c("Norway", Some("NO"), State, &[], &["Norwegian"]),
    c("Oman", Some("OM"), State, &[], &["Omani"]),
    c("Pakistan", Some("PK"), State, &[], &["Pakistani"]),
    c("Palestine", Some("PS"), State, &["Palestinian Territories"], &["Palestinian"]),
    c("Panama", Some("PA"), State, &[], &["Panamanian"]),
    c("Paraguay", Some("PY"), State, &[], &["Paraguayan"]),
    c("Peru", Some("PE"), State, &[], &["Peruvian"]),
    c("Philippines", Some("PH"), State, &[], &["Filipino", "Philippine"]),
    c("Poland", Some("PL"), State, &[], &["Polish"]),
    c("Portugal", Some("PT"), State, &[], &["Portuguese"]),
    c("Qatar", Some("QA"), State, &[], &["Qatari"]),
    c("Romania", Some("RO"), State, &[], &["Romanian"]),
    c("Russia", Some("RU"), State, &["Russian Federation"], &["Russian"]),
    c("Rwanda", Some("RW"), State, &[], &["Rwandan"]),
    c("Saudi Arabia", Some("SA"), State, &[], &["Saudi", "Saudi Arabian"]),
    c("Senegal", Some("SN"), State, &[], &["Senegalese"]),
    c("Serbia", Some("RS"), State, &[], &["Serbian"]),
    c("Sierra Leone", Some("SL"), State, &[], &["Sierra Leonean"]),
    c("Singapore", Some("SG"), State, &[], &["Singaporean"]),
    c("Slovakia", Some("SK"), State, &[], &["Slovak"]),
    c("Slovenia", Some("SI"), State, &[], &["Slovene", "Slovenian"]),
    c("Somalia", Some("SO"), State, &[], &["Somali"]),
    c("South Africa", Some("ZA"), State, &[], &["South African"]),
    c("South Korea", Some("KR"), State, &[], &["South Korean"]),
    c("South Sudan", Some("SS"), State, &[], &["South Sudanese"]),
    c("Spain", Some("ES"), State, &[], &["Spanish"]),
    c("Sri Lanka", Some("LK"), State, &[], &["Sri Lankan"]),
    c("Sudan", Some("SD"), State, &[], &["Sudanese"]),
    c("Sweden", Some("SE"), State, &[], &["Swedish"]),
    c("Switzerland", Some("CH"), State, &[], &["Swiss"]),
    c("Syria", Some("SY"), State, &[], &["Syrian"]),
    c("Taiwan", Some("TW"), State, &[], &["Taiwanese"]),
    c("Tajikistan", Some("TJ"), State, &[], &["Tajik"]),
    c("Tanzania", Some("TZ"), State, &[], &["Tanzanian"]),
    c("Thailand", Some("TH"), State, &[], &["Thai"]),
    c("Togo", Some("TG"), State, &[], &["Togolese"]),
    c("Tunisia", Some("TN"), State, &[], &["Tunisian"]),
    c("Turkey", Some("TR"), State, &["Türkiye"], &["Turkish"]),
    c("Turkmenistan", Some("TM"), State, &[], &["Turkmen"]),
    c("Uganda", Some("UG"), State, &[], &["Ugandan"]),
    c("Ukraine", Some("UA"), State, &[], &["Ukrainian"]),
    c("United Arab Emirates", Some("AE"), State, &["UAE"], &["Emirati"]),
    c("United Kingdom", Some("GB"), State, &["U.K.", "UK", "Britain", "Great Britain"], &["British"]),
    c("United States", Some("US"), State, &["U.S.", "U. S.", "U.S.A.", "US", "USA", "America", "United States of America"], &["American"]),
    c("Uruguay", Some("UY"), State, &[], &["Uruguayan"]),
    c("Uzbekistan", Some("UZ"), State, &[], &["Uzbek", "Uzbekistani"]),
    c("Vatican City", Some("VA"), State, &["Vatican"], &[]),
    c("Venezuela", Some("VE"), State, &[], &["Venezuelan"]),
    c("Vietnam", Some("VN"), State, &[], &["Vietnamese"]),
    c("West Bank", None, Territory, &[], &[]),
    c("Yemen", Some("YE"), State, &[], &["Yemeni"]),
    c("Zambia", Some("ZM"), State, &[], &["Zambian"]),
    c("Zimbabwe", Some("ZW"), State, &[], &["Zimbabwean"]),
];

/// Every written form of a country row: its name, aliases and demonyms.
pub fn written_forms(country: &Country) -> impl Iterator<Item = &'static str> {
    std::iter::once(country.name)
        .chain(country.aliases.iter().copied())
        .chain(country.demonyms.iter().copied())
}

/// The row a single word or name names, by its name, an alias or a demonym,
/// in any case, a period at its end ignored ("iraqi", "U.S.", "u.s",
/// "Britain").
///
/// ```
/// use sitrep_text::lexicon::country_by_word;
///
/// assert_eq!(country_by_word("iraqi").map(|c| c.name), Some("Iraq"));
/// assert_eq!(country_by_word("u.s").map(|c| c.name), Some("United States"));
/// assert_eq!(country_by_word("Britain").map(|c| c.iso2), Some(Some("GB")));
/// assert_eq!(country_by_word("kurdish").map(|c| c.name), Some("Kurdistan Region"));
/// assert!(country_by_word("soldiers").is_none());
/// ```
#[must_use]
pub fn country_by_word(word: &str) -> Option<&'static Country> {
    use std::collections::HashMap;
    use std::sync::LazyLock;
    static INDEX: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
        let mut m = HashMap::new();
        for (i, row) in COUNTRIES.iter().enumerate() {
            for w in written_forms(row) {
                m.insert(key(w), i);
            }
        }
        m
    });
    INDEX.get(&key(word)).map(|&i| &COUNTRIES[i])
}

fn key(word: &str) -> String {
    let w = word.trim();
    w.strip_suffix('.')
        .unwrap_or(w)
        .to_lowercase()
        .replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rows_are_sorted_and_no_form_is_written_twice() {
        for w in COUNTRIES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
        let mut seen = HashSet::new();
        for row in COUNTRIES {
            for w in written_forms(row) {
                assert!(seen.insert(key(w)), "{w} twice");
            }
        }
    }

    #[test]
    fn kinds_and_codes_agree() {
        let mut codes = HashSet::new();
        for row in COUNTRIES {
            match row.kind {
                CountryKind::State => {
                    let code = row
                        .iso2
                        .unwrap_or_else(|| panic!("{} has no code", row.name));
                    assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()));
                    assert!(codes.insert(code), "{code} twice");
                }
                CountryKind::Territory | CountryKind::Region => {
                    assert!(row.iso2.is_none(), "{}", row.name);
                }
            }
        }
    }

    #[test]
    fn words_find_their_rows() {
        let rows = [
            ("Iraq", Some("Iraq")),
            ("IRAQI", Some("Iraq")),
            ("U.S.", Some("United States")),
            ("us", Some("United States")),
            ("america", Some("United States")),
            ("uk", Some("United Kingdom")),
            ("Dutch", Some("Netherlands")),
            ("Côte d’Ivoire", Some("Ivory Coast")),
            ("gaza", Some("Gaza")),
            ("Iraqis", None),
            ("", None),
        ];
        for (w, want) in rows {
            assert_eq!(country_by_word(w).map(|c| c.name), want, "{w}");
        }
    }
}
