//! Checks on the casualty rules' own tables; their behaviour is tested in
//! the crate's `tests/`.

use super::attribution::{CASUALTY_WORDS, SOURCE_WORDS};
use super::groups::{CIVILIAN_WORDS, MILITANT_WORDS, MILITARY_WORDS, POLICE_WORDS};
use super::lexicon::{
    AUX, BE, CLAUSE_STOP, DETERMINERS, INCIDENT_NOUNS, NOT_NAMES, PERSONS, PRONOUNS_PL,
    PRONOUNS_SG, SPEECH,
};

fn assert_sorted<'a>(table: &str, mut words: impl Iterator<Item = &'a str>) {
    let Some(mut previous) = words.next() else {
        return;
    };
    for word in words {
        assert!(
            word > previous,
            "{word:?} should be sorted before {previous:?} in `{table}` (sorted, no duplicates)"
        );
        previous = word;
    }
}

/// The word lists the rules only look words up in (`contains`, `is_any`, a
/// map, or `find` by key), so their order is free: each is sorted, which
/// also keeps it free of duplicates. Weekdays are `sitrep_text::lexicon`'s.
#[test]
fn word_lists_are_sorted_and_unique() {
    let lists: &[(&str, &[&str])] = &[
        ("INCIDENT_NOUNS", INCIDENT_NOUNS),
        ("NOT_NAMES", NOT_NAMES),
        ("AUX", AUX),
        ("BE", BE),
        ("CLAUSE_STOP", CLAUSE_STOP),
        ("SPEECH", SPEECH),
        ("PRONOUNS_SG", PRONOUNS_SG),
        ("PRONOUNS_PL", PRONOUNS_PL),
        ("DETERMINERS", DETERMINERS),
        ("MILITANT_WORDS", MILITANT_WORDS),
        ("MILITARY_WORDS", MILITARY_WORDS),
        ("POLICE_WORDS", POLICE_WORDS),
        ("CIVILIAN_WORDS", CIVILIAN_WORDS),
        ("SOURCE_WORDS", SOURCE_WORDS),
        ("CASUALTY_WORDS", CASUALTY_WORDS),
    ];
    for &(table, words) in lists {
        assert_sorted(table, words.iter().copied());
    }
    assert_sorted("PERSONS", PERSONS.iter().map(|&(w, _)| w));
}
