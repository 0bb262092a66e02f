//! Month names of the languages whose pages the HTML reader dates (German,
//! French, Spanish, Italian, Portuguese, Dutch), lower-case, with their
//! numbers: full names and the abbreviations those languages print (without
//! the period). English names are [`MONTH_NAMES`](super::MONTH_NAMES) and
//! [`MONTH_ABBREVIATIONS`](super::MONTH_ABBREVIATIONS).
//!
//! Written by hand from each language's standard month names (Austrian
//! "Jänner" and "Feber" included) and the abbreviations its dated pages print
//! ("Mrz", "févr", "dic"); no third-party data. Chosen for the languages of
//! the HTML dev pages (htmldate's set is mostly German, with French, Spanish
//! and Italian pages), checked only there (BENCHMARKS.md, reading web pages).

/// `(name, month)`, sorted by name for binary search; a name two languages
/// share ("mai", "juni", "marzo") appears once, with the month they agree on.
pub const FOREIGN_MONTH_NAMES: &[(&str, u32)] = &[
    ("abr", 4),
    ("abril", 4),
    ("ago", 8),
    ("agosto", 8),
    ("août", 8),
    ("aprile", 4),
    ("augustus", 8),
    ("avr", 4),
    ("avril", 4),
    ("dez", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("déc", 12),
    ("décembre", 12),
    ("ene", 1),
    ("enero", 1),
    ("febbraio", 2),
    ("feber", 2),
    ("febrero", 2),
    ("februar", 2),
    ("februari", 2),
    ("fev", 2),
    ("fevereiro", 2),
    ("févr", 2),
    ("février", 2),
    ("gen", 1),
    ("gennaio", 1),
    ("giu", 6),
    ("giugno", 6),
    ("janeiro", 1),
    ("januar", 1),
    ("januari", 1),
    ("janv", 1),
    ("janvier", 1),
    ("juil", 7),
    ("juillet", 7),
    ("juin", 6),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("jänner", 1),
    ("lug", 7),
    ("luglio", 7),
    ("maart", 3),
    ("mag", 5),
    ("maggio", 5),
    ("mai", 5),
    ("maio", 5),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("mayo", 5),
    ("mei", 5),
    ("mrt", 3),
    ("mrz", 3),
    ("mär", 3),
    ("märz", 3),
    ("octubre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("ott", 10),
    ("ottobre", 10),
    ("out", 10),
    ("outubro", 10),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("setiembre", 9),
    ("settembre", 9),
];

/// The month a lower-case foreign month name or abbreviation stands for.
#[must_use]
pub fn foreign_month_number(lower: &str) -> Option<u32> {
    FOREIGN_MONTH_NAMES
        .binary_search_by(|(name, _)| name.cmp(&lower))
        .ok()
        .map(|i| FOREIGN_MONTH_NAMES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_unique_and_lower_case() {
        for w in FOREIGN_MONTH_NAMES.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} before {:?}", w[0], w[1]);
        }
        for (name, month) in FOREIGN_MONTH_NAMES {
            assert_eq!(name.to_lowercase(), *name);
            assert!((1..=12).contains(month), "{name}");
            // An English name is the English table's business.
            assert_eq!(super::super::month_number(name), None, "{name}");
        }
    }

    #[test]
    fn names_are_found() {
        let rows = [
            ("märz", Some(3)),
            ("juin", Some(6)),
            ("dezember", Some(12)),
            ("janv", Some(1)),
            ("settembre", Some(9)),
            ("März", None),
            ("march", None),
        ];
        for (w, want) in rows {
            assert_eq!(foreign_month_number(w), want, "{w}");
        }
    }
}
