//! Word lists that several crates share, one definition of each fact: the
//! sentence splitter's abbreviations, the date reader, the number and
//! casualty readers and the clustering's term weights all read the months
//! and weekdays from here; the clustering, the casualty reader, the party
//! coder and the geocoder read the [`COUNTRIES`] and their demonyms; the
//! clustering and the geocoder the [`US_STATES`]; the sentence splitter, the
//! clustering and the party coder the titles ([`TITLE_ABBREVIATIONS`],
//! [`TITLE_WORDS`]); the HTML reader the months of other languages
//! ([`FOREIGN_MONTH_NAMES`]). Each table keeps the order its doc states; the tests
//! keep them in that order and free of duplicates.
//!
//! ```
//! use sitrep_text::lexicon::{country_by_word, is_title, is_weekday, month_number};
//!
//! assert_eq!(month_number("Sept."), Some(9));
//! assert_eq!(month_number("march"), Some(3));
//! assert_eq!(month_number("Marc"), None);
//! assert!(is_weekday("tuesday") && is_weekday("Tuesday") && !is_weekday("Tues"));
//! assert_eq!(country_by_word("Syrian").map(|c| c.name), Some("Syria"));
//! assert!(is_title("Maj.") && !is_title("Mazrouei"));
//! ```

mod countries;
mod months;
mod titles;
mod us_states;

pub use countries::{country_by_word, written_forms, Country, CountryKind, COUNTRIES};
pub use months::{foreign_month_number, FOREIGN_MONTH_NAMES};
pub use titles::{is_name_suffix, is_title, NAME_SUFFIXES, TITLE_ABBREVIATIONS, TITLE_WORDS};
pub use us_states::{UsState, US_STATES};

/// The months' English names as written, in calendar order (the month's
/// number is its place + 1).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months' written abbreviations (without the period) and their numbers,
/// in calendar order, a longer form before a shorter one of the same month
/// ("Sept" before "Sep", as a regular expression's alternation needs). May
/// has none.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// The weekdays' English names as written, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The number of the month `word` names, in full or abbreviated, in any
/// case, with or without a period after it ("Oct.", "october", "SEPT").
#[must_use]
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if let Some(k) = MONTH_NAMES.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return u32::try_from(k + 1).ok();
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// Whether `word` is a weekday's name, in any case.
#[must_use]
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// The months as a regular-expression alternation, in parentheses: the full
/// names, then the abbreviations with an optional period
/// (`(January|…|December|Jan\.?|…|Dec\.?)`).
#[must_use]
pub fn month_alternation() -> String {
    let names = MONTH_NAMES.iter().map(|m| (*m).to_owned());
    let abbreviations = MONTH_ABBREVIATIONS.iter().map(|(a, _)| format!(r"{a}\.?"));
    format!(
        "({})",
        names.chain(abbreviations).collect::<Vec<_>>().join("|")
    )
}

/// The weekdays as a regular-expression alternation, in parentheses.
#[must_use]
pub fn weekday_alternation() -> String {
    format!("({})", WEEKDAYS.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_duplicates(table: &[&str]) {
        let mut seen = std::collections::HashSet::new();
        for w in table {
            assert!(seen.insert(w.to_ascii_lowercase()), "{w} twice");
        }
    }

    #[test]
    fn tables_are_in_their_order_and_free_of_duplicates() {
        no_duplicates(&MONTH_NAMES);
        no_duplicates(&WEEKDAYS);
        let abbreviations: Vec<&str> = MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a).collect();
        no_duplicates(&abbreviations);
        for w in MONTH_ABBREVIATIONS.windows(2) {
            assert!(w[0].1 <= w[1].1, "{:?} before {:?}", w[0], w[1]);
            if w[0].1 == w[1].1 {
                assert!(w[1].0.starts_with(w[0].0) || w[0].0.starts_with(w[1].0));
                assert!(w[0].0.len() > w[1].0.len(), "longer first: {:?}", w);
            }
        }
        for (a, n) in MONTH_ABBREVIATIONS {
            let name = MONTH_NAMES[n as usize - 1];
            assert!(name.starts_with(a), "{a} is not {name}");
        }
    }

    #[test]
    fn months_and_weekdays_are_read_in_any_case() {
        let rows = [
            ("January", Some(1)),
            ("jan", Some(1)),
            ("Jan.", Some(1)),
            ("MAY", Some(5)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("December", Some(12)),
            ("Ja", None),
            ("Mayday", None),
            ("", None),
            (".", None),
        ];
        for (w, want) in rows {
            assert_eq!(month_number(w), want, "{w}");
        }
        assert!(is_weekday("Sunday") && is_weekday("sunday") && !is_weekday("Sun"));
    }

    #[test]
    fn alternations_compile_the_usual_way() {
        assert!(month_alternation().starts_with("(January|February|"));
        assert!(month_alternation().ends_with(r"|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"));
        assert_eq!(
            weekday_alternation(),
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        );
    }
}
