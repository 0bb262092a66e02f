//! What a period after a word means, for sentences and word tokens alike:
//! the abbreviation tables, and the test for a period glued to the next
//! word that ends a sentence.

use crate::lexicon::{MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS};

/// Abbreviations that stand before a name or term and never end a sentence,
/// besides the titles and ranks of
/// [`TITLE_ABBREVIATIONS`](crate::lexicon::TITLE_ABBREVIATIONS): places
/// before a name (`Mt`, `Ft`) and abbreviations before a term (`vs`, `cf`,
/// `viz`, `e.g`, `i.e`).
pub(crate) const PREFIX: &[&str] = &["Mt", "Ft", "vs", "cf", "viz", "e.g", "i.e"];

/// Abbreviations that stand before a number ("No. 5", "Vol. 2", "approx. 300").
pub(crate) const NUMERIC: &[&str] = &[
    "No", "Nos", "Vol", "Vols", "Art", "Arts", "Fig", "Figs", "Ch", "Chap", "Sec", "Para", "pp",
    "Pt", "Ref", "Tel", "approx", "est", "ca",
];

/// Abbreviations that follow a name or end a list and may end a sentence.
pub(crate) const AMBIGUOUS: &[&str] = &[
    "Inc", "Co", "Cos", "Corp", "Ltd", "Plc", "Bros", "Jr", "Sr", "Esq", "Ret", "etc", "al",
    "Dept", "Univ", "Assn", "Govt", "Intl", "Natl", "Ave", "Blvd", "Rd", "St", "Hwy", "Sq",
];

/// How a word before a period behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Not an abbreviation.
    None,
    /// Never ends a sentence (a title or [`PREFIX`]).
    Prefix,
    /// Does not end a sentence before a number ([`NUMERIC`]).
    Numeric,
    /// May end a sentence: months, [`AMBIGUOUS`], initialisms, initials.
    Ambiguous,
}

/// Longest entry of the abbreviation tables, in bytes.
const MAX_ENTRY: usize = 6;

/// Longest word looked at behind a period, in bytes.
pub(crate) const MAX_WORD_BEHIND: usize = 64;

/// Whether `w` is `entry` as written, in all capitals, or capitalised when the
/// entry is lowercase.
fn matches_entry(w: &str, entry: &str) -> bool {
    if w.len() != entry.len() {
        return false;
    }
    if w == entry {
        return true;
    }
    if !w.eq_ignore_ascii_case(entry) {
        return false;
    }
    if !w.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let (wb, eb) = (w.as_bytes(), entry.as_bytes());
    eb[0].is_ascii_lowercase() && wb[0].is_ascii_uppercase() && wb[1..] == eb[1..]
}

fn in_table(w: &str, table: &[&str]) -> bool {
    table.iter().any(|e| matches_entry(w, e))
}

/// A month's abbreviation ([`MONTH_ABBREVIATIONS`]: "Oct. 22", "Sept. 5");
/// ambiguous: it can end a sentence ("…since Oct. The …").
fn is_month_abbreviation(w: &str) -> bool {
    MONTH_ABBREVIATIONS.iter().any(|(e, _)| matches_entry(w, e))
}

/// Whether `w` is an initialism: two or more dot-separated segments of one or
/// two ASCII letters ("U.S", "D.C", "a.m", "Ph.D").
fn is_initialism(w: &str) -> bool {
    let mut segments = 0;
    for seg in w.split('.') {
        if seg.is_empty() || seg.len() > 2 || !seg.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// Classifies a word written before a period (without the period).
pub(crate) fn classify_abbrev(w: &str) -> Abbrev {
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return Abbrev::None,
        (Some(c), None) => {
            return if c.is_uppercase() {
                Abbrev::Ambiguous
            } else {
                Abbrev::None
            }
        }
        _ => {}
    }
    if w.len() <= MAX_ENTRY {
        if in_table(w, TITLE_ABBREVIATIONS) || in_table(w, PREFIX) {
            return Abbrev::Prefix;
        }
        if in_table(w, NUMERIC) {
            return Abbrev::Numeric;
        }
        if is_month_abbreviation(w) || in_table(w, AMBIGUOUS) {
            return Abbrev::Ambiguous;
        }
    }
    if is_initialism(w) {
        return Abbrev::Ambiguous;
    }
    Abbrev::None
}

/// Whether the period at byte `dot`, glued to the next word, ends a sentence
/// (rule 7 of the `sentences` module docs): `…discussions.CNN`, `…said.The`.
pub(crate) fn glued_break(text: &str, dot: usize) -> bool {
    let mut after = text.get(dot + 1..).unwrap_or("").chars();
    match (after.next(), after.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_alphabetic() => {}
        _ => return false,
    }
    let before = text.get(..dot).unwrap_or("");
    let mut lower = 0usize;
    for c in before.chars().rev() {
        if c.is_lowercase() {
            lower += 1;
            if lower > MAX_WORD_BEHIND {
                return true;
            }
            continue;
        }
        if c.is_alphabetic() {
            return false;
        }
        return lower >= 3 && !matches!(c, '.' | '/' | '@' | ':') && !c.is_numeric();
    }
    lower >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_classes() {
        assert_eq!(classify_abbrev("Gen"), Abbrev::Prefix);
        assert_eq!(classify_abbrev("GEN"), Abbrev::Prefix);
        assert_eq!(classify_abbrev("gen"), Abbrev::None);
        assert_eq!(classify_abbrev("Col"), Abbrev::Prefix);
        assert_eq!(classify_abbrev("col"), Abbrev::None);
        assert_eq!(classify_abbrev("etc"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("Etc"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("Oct"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("No"), Abbrev::Numeric);
        assert_eq!(classify_abbrev("no"), Abbrev::None);
        assert_eq!(classify_abbrev("U.S"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("Ph.D"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("F"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("Ö"), Abbrev::Ambiguous);
        assert_eq!(classify_abbrev("f"), Abbrev::None);
        assert_eq!(classify_abbrev("1.5"), Abbrev::None);
        assert_eq!(classify_abbrev("US"), Abbrev::None);
        assert_eq!(classify_abbrev("Iraq"), Abbrev::None);
        assert_eq!(classify_abbrev(""), Abbrev::None);
        let months: Vec<&str> = MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a).collect();
        for table in [TITLE_ABBREVIATIONS, PREFIX, &months, NUMERIC, AMBIGUOUS] {
            for e in table {
                assert!(e.len() <= MAX_ENTRY && e.len() >= 2, "{e}");
                assert_ne!(classify_abbrev(e), Abbrev::None, "{e}");
            }
        }
    }

    #[test]
    fn glued() {
        let t = "discussions.CNN";
        assert!(glued_break(t, t.find('.').unwrap_or(0)));
        for t in ["U.S", "1.5", "www.example.Com", "A.B", "said.X"] {
            let dot = t.rfind('.').unwrap_or(0);
            assert!(!glued_break(t, dot), "{t}");
        }
    }
}
