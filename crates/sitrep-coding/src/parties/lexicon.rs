//! The words the party rules read, as sorted tables (lowercase). One list
//! per fact; a test keeps every table sorted and free of duplicates, so that
//! lookups can binary-search and a changed row is easy to review. Countries,
//! their demonyms and titles are the shared ones of [`sitrep_text::lexicon`].

/// Whether `word` (lowercase) is in the sorted `table`.
pub(crate) fn has(table: &[&str], word: &str) -> bool {
    table.binary_search(&word).is_ok()
}

/// Head nouns of a group that is a state's armed or police force.
#[rustfmt::skip]
pub(crate) const STATE_FORCE_NOUNS: &[&str] = &[
    "army", "commandos", "deputies", "forces", "guards", "military", "officers",
    "paratroopers", "personnel", "police", "servicemen", "soldiers", "troopers",
    "troops",
];

/// Head nouns of an armed group fighting a state (or of its members).
#[rustfmt::skip]
pub(crate) const REBEL_NOUNS: &[&str] = &[
    "extremists", "fighters", "gunmen", "insurgents", "jihadists", "militants",
    "militia", "militiamen", "operatives", "rebels", "terrorists",
];

/// Head nouns that name a group only with a modifier ("ISIS members",
/// "U.S. service members"), never alone.
#[rustfmt::skip]
pub(crate) const MEMBER_NOUNS: &[&str] = &[
    "commanders", "leaders", "members",
];

/// Modifiers inside a force phrase that carry no name ("security forces",
/// "special operations forces").
#[rustfmt::skip]
pub(crate) const FORCE_MODIFIERS: &[&str] = &[
    "air", "armed", "coalition", "counter-terrorism", "counterterrorism",
    "elite", "federal", "government", "local", "military", "national",
    "operations", "partner", "police", "security", "service", "special", "state",
];

/// Names (lowercase, one word, or joined with spaces) of armed groups
/// fighting states, with the key their mentions share.
#[rustfmt::skip]
pub(crate) const REBEL_NAMES: &[(&str, &str)] = &[
    ("al-qaeda", "al-qaeda"),
    ("al-qaida", "al-qaeda"),
    ("al-shabaab", "al-shabaab"),
    ("al-shabab", "al-shabaab"),
    ("boko haram", "boko haram"),
    ("daesh", "isis"),
    ("houthi", "houthis"),
    ("houthis", "houthis"),
    ("isil", "isis"),
    ("isis", "isis"),
    ("islamic state", "isis"),
    ("militant group", "militants"),
    ("pkk", "pkk"),
    ("shabaab", "al-shabaab"),
    ("taliban", "taliban"),
];

/// Names of state institutions that command forces ("CENTCOM", "Joint
/// Operations Command"); matched on the name's last word or whole name.
#[rustfmt::skip]
pub(crate) const STATE_FORCE_NAMES: &[&str] = &[
    "army", "centcom", "central command", "command", "department", "forces",
    "military", "navy", "office", "pentagon", "police",
];

/// Titles of police and soldiers before a name ("officer Sean Bolton").
#[rustfmt::skip]
pub(crate) const FORCE_TITLES: &[&str] = &[
    "agent", "capt.", "captain", "corporal", "cpl.", "deputy", "det.",
    "detective", "officer", "patrolman", "pfc.", "private", "sergeant",
    "sgt.", "soldier", "trooper",
];

/// Words that leave a context unchanged when dropped ("was allegedly shot",
/// "has been charged").
#[rustfmt::skip]
pub(crate) const SKIPPED: &[&str] = &[
    "accidentally", "allegedly", "also", "apparently", "critically",
    "eventually", "fatally", "finally", "had", "has", "have", "initially",
    "just", "later", "mortally", "now", "previously", "repeatedly",
    "reportedly", "seriously", "severely", "still", "subsequently", "then",
    "ultimately", "who", "will", "would",
];

/// Forms of "to be", read as "was".
#[rustfmt::skip]
pub(crate) const BE: &[&str] = &[
    "are", "be", "been", "being", "is", "was", "were",
];

/// Words a gap between a cue and a name may not hold: a new clause starts.
#[rustfmt::skip]
pub(crate) const GAP_BREAKS: &[&str] = &[
    "\"", "(", ")", ".", ":", ";", "according", "after", "and", "at",
    "because", "before", "but", "during", "if", "in", "inside", "near", "on",
    "outside", "said", "says", "since", "told", "until", "when", "where",
    "while", "“", "”",
];

/// Words that mark a sentence as a byline or credit line, not the story.
#[rustfmt::skip]
pub(crate) const CREDIT_WORDS: &[&str] = &[
    "contributed", "copyright", "correspondent", "editor", "email", "photo",
    "photographer", "reporter", "reporting", "writer", "written",
];

/// Forces known by a short name, with the country they belong to (its
/// name in [`sitrep_text::lexicon::COUNTRIES`]).
#[rustfmt::skip]
pub(crate) const NAMED_FORCES: &[(&str, &str)] = &[
    ("centcom", "United States"),
    ("idf", "Israel"),
    ("pentagon", "United States"),
    ("u.s. central command", "United States"),
    ("united states central command", "United States"),
];

/// Words in a person's apposition or title that make them a member of a
/// state's forces ("Sean Bolton, a police officer").
#[rustfmt::skip]
pub(crate) const STATE_MEMBER_WORDS: &[&str] = &[
    "agent", "airman", "corporal", "deputy", "guardsman", "marine", "officer",
    "patrolman", "police", "policeman", "policewoman", "sailor", "sergeant",
    "sgt.", "soldier", "trooper",
];

/// Words in a person's apposition that make them a member of an armed group
/// fighting a state ("the militant group's commander").
#[rustfmt::skip]
pub(crate) const REBEL_MEMBER_WORDS: &[&str] = &[
    "daesh", "insurgent", "isil", "isis", "jihadist", "militant", "rebel",
    "taliban", "terrorist",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique(name: &str, words: &[&str]) {
        for w in words.windows(2) {
            assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
        }
        for w in words {
            assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
        }
    }

    #[test]
    fn tables_are_sorted_unique_and_lowercase() {
        let tables: &[(&str, &[&str])] = &[
            ("STATE_FORCE_NOUNS", STATE_FORCE_NOUNS),
            ("REBEL_NOUNS", REBEL_NOUNS),
            ("MEMBER_NOUNS", MEMBER_NOUNS),
            ("FORCE_MODIFIERS", FORCE_MODIFIERS),
            ("STATE_FORCE_NAMES", STATE_FORCE_NAMES),
            ("FORCE_TITLES", FORCE_TITLES),
            ("SKIPPED", SKIPPED),
            ("BE", BE),
            ("GAP_BREAKS", GAP_BREAKS),
            ("CREDIT_WORDS", CREDIT_WORDS),
            ("STATE_MEMBER_WORDS", STATE_MEMBER_WORDS),
            ("REBEL_MEMBER_WORDS", REBEL_MEMBER_WORDS),
        ];
        for (name, t) in tables {
            sorted_unique(name, t);
        }
        let keys = |t: &[(&'static str, &'static str)]| t.iter().map(|p| p.0).collect::<Vec<_>>();
        sorted_unique("REBEL_NAMES", &keys(REBEL_NAMES));
        sorted_unique("NAMED_FORCES", &keys(NAMED_FORCES));
    }

    #[test]
    fn lookups_find_members_only() {
        assert!(has(STATE_FORCE_NOUNS, "troops"));
        assert!(!has(STATE_FORCE_NOUNS, "troop"));
        assert!(has(REBEL_NOUNS, "militants"));
    }
}
