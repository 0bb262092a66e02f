//! Titles, ranks and roles written before a person's name, and the suffixes
//! written after it. The sentence splitter reads the abbreviations (a period
//! after "Gen" ends no sentence); the clustering and the party coder drop
//! both kinds from a name before comparing names ("Staff Sgt. Ann Lee" is
//! "Ann Lee").

/// Abbreviated titles and ranks, as written without their period: civil
/// (`Mr` … `Const`), then military (`Gen` … `Ens`).
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs", "Rev",
    "Revd", "Fr", "Msgr", "Hon", "Rt", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Pres", "Amb",
    "Atty", "Supt", "Insp", "Det", "Const", "Gen", "Gens", "Lt", "Lts", "Maj", "Col", "Cols",
    "Capt", "Cpt", "Cmdr", "Cdr", "Comdr", "Cmdt", "Adm", "Brig", "Sgt", "Sgts", "Cpl", "Pvt",
    "Pfc", "Spc", "Ens",
];

/// Titles, ranks and roles written out (lowercase, sorted), with the words
/// that open a compound rank or role ("first" lieutenant, "staff" sergeant,
/// "press" secretary, "vice" president).
#[rustfmt::skip]
pub const TITLE_WORDS: &[&str] = &[
    "admiral", "agent", "alderman", "attorney", "ayatollah", "brigadier",
    "captain", "chief", "colonel", "commander", "commissioner", "corporal",
    "councilman", "councilwoman", "dame", "deputy", "detective", "father",
    "first", "general", "governor", "gunnery", "imam", "judge", "justice",
    "king", "lady", "lieutenant", "lord", "major", "master", "mayor",
    "minister", "miss", "officer", "pastor", "pope", "premier", "president",
    "press", "prime", "prince", "princess", "private", "professor", "queen",
    "representative", "reverend", "secretary", "senator", "sergeant",
    "shaikh", "sheikh", "sheriff", "sir", "specialist", "spokesman",
    "spokesperson", "spokeswoman", "staff", "superintendent", "trooper",
    "vice",
];

/// Suffixes written after a name (lowercase, sorted: "Jr.", "III").
#[rustfmt::skip]
pub const NAME_SUFFIXES: &[&str] = &[
    "ii", "iii", "iv", "jr", "junior", "senior", "sr",
];

/// Whether `word` is a title or rank, written out or abbreviated, in any
/// case, with or without a period ("Gen.", "general", "SGT").
///
/// ```
/// use sitrep_text::lexicon::{is_name_suffix, is_title};
///
/// assert!(is_title("Gen.") && is_title("sergeant") && is_title("SGT"));
/// assert!(!is_title("Patrick") && !is_title("gen.."));
/// assert!(is_name_suffix("Jr.") && !is_name_suffix("Ryder"));
/// ```
#[must_use]
pub fn is_title(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    TITLE_ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
        || in_lowercase(TITLE_WORDS, w)
}

/// Whether `word` is a name suffix, in any case, with or without a period.
#[must_use]
pub fn is_name_suffix(word: &str) -> bool {
    in_lowercase(NAME_SUFFIXES, word.strip_suffix('.').unwrap_or(word))
}

fn in_lowercase(table: &[&str], w: &str) -> bool {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        table
            .binary_search(&w.to_ascii_lowercase().as_str())
            .is_ok()
    } else {
        table.binary_search(&w).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tables_are_sorted_lowercase_and_free_of_duplicates() {
        for table in [TITLE_WORDS, NAME_SUFFIXES] {
            for w in table.windows(2) {
                assert!(w[0] < w[1], "{:?} before {:?}", w[0], w[1]);
            }
            for w in table {
                assert_eq!(*w, w.to_lowercase());
            }
        }
        let mut seen = HashSet::new();
        for w in TITLE_ABBREVIATIONS
            .iter()
            .chain(TITLE_WORDS)
            .chain(NAME_SUFFIXES)
        {
            assert!(seen.insert(w.to_lowercase()), "{w} twice");
            assert!(!w.ends_with('.'), "{w}");
        }
    }
}
