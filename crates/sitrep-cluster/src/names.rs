//! Name normalisation and the rules that decide whether two written names
//! can refer to the same person, place or organisation.
//!
//! Everything here works on general evidence: titles and honorifics are
//! stripped, names are compared on a transliteration-tolerant *skeleton*
//! ("Eric"/"Erik", "Abdul"/"Abdel"), given names may be short forms
//! ("Pat"/"Patrick") and middle names may be left out ("Michael Erik
//! Kurilla"/"Erik Kurilla"); organisations match their acronyms
//! ("CENTCOM" = "Central Command", by word prefixes) and drop generic
//! designators ("Islamic State group"). The only lists of names are
//! [`ALIASES`], a small table of very common actors whose short forms share
//! no letters with the long ones (major organisations), and the countries'
//! other names in the shared lexicon ([`sitrep_text::lexicon::COUNTRIES`]);
//! titles and name suffixes come from the lexicon too.

use std::collections::HashMap;
use std::sync::LazyLock;

use sitrep_text::lexicon::{self, CountryKind, COUNTRIES};
use unicode_normalization::UnicodeNormalization;

/// Very common actors whose variants no rule can connect, as
/// `(canonical, [variants])`, compared after [`normalize`]. Major
/// international organisations and groups only (the countries' other names
/// are in the shared lexicon, see [`alias`]); not names from any one story.
pub(crate) const ALIASES: &[(&str, &[&str])] = &[
    (
        "Islamic State",
        &[
            "isis",
            "isil",
            "is",
            "daesh",
            "daish",
            "islamic state",
            "islamic state of iraq and syria",
            "islamic state of iraq and the levant",
        ],
    ),
    ("United Nations", &["un", "united nations"]),
    ("European Union", &["eu", "european union"]),
    ("NATO", &["nato", "north atlantic treaty organization"]),
    ("Al-Qaeda", &["al qaeda", "al qaida", "alqaeda", "qaeda"]),
    ("Hezbollah", &["hezbollah", "hizbollah", "hizballah"]),
    (
        "Pentagon",
        &[
            "pentagon",
            "us department of defense",
            "department of defense",
            "dod",
        ],
    ),
];

/// Particles inside names that carry no identity on their own.
const PARTICLES: &[&str] = &[
    "al", "el", "al-", "bin", "ibn", "bint", "abu", "de", "da", "del", "della", "di", "du", "van",
    "von", "der", "den", "la", "le", "mc", "of", "the", "and", "for", "y",
];

/// Generic words an organisation's name may carry or drop ("the Islamic
/// State group" = "Islamic State").
const DESIGNATORS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "the",
    "movement",
    "militia",
    "militants",
    "forces",
    "network",
];

/// Direction and region words that make a place more specific ("western
/// Iraq").
pub(crate) const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "downtown",
    "greater",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Lower-cases, strips accents (NFKD, combining marks dropped), the
/// possessive `'s`, dots inside abbreviations ("U.S." → "us"), and turns
/// other punctuation (hyphens included) into single spaces.
///
/// ```
/// use sitrep_cluster::normalize;
/// assert_eq!(normalize("U.S. Central Command"), "us central command");
/// assert_eq!(normalize("Jassim al-Mazrouei’s"), "jassim al mazrouei");
/// assert_eq!(normalize("Zürich"), "zurich");
/// ```
#[must_use]
pub fn normalize(s: &str) -> String {
    let mut t = s.trim().to_string();
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stripped) = t.strip_suffix(suffix) {
            t = stripped.to_string();
            break;
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut space = true;
    for c in t.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '.' || c == '\'' || c == '’' {
            // "U.S." → "us", "O'Neil" → "oneil"
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The canonical name of a very common actor, if `normalized` is one of
/// its variants in [`ALIASES`], or a name of a country of the shared lexicon
/// that has other names ("us", "britain", "united states").
#[must_use]
pub(crate) fn alias(normalized: &str) -> Option<&'static str> {
    let n = normalized.strip_prefix("the ").unwrap_or(normalized);
    ALIASES
        .iter()
        .find(|(_, vs)| vs.contains(&n))
        .map(|(c, _)| *c)
        .or_else(|| COUNTRY_ALIASES.get(n).copied())
}

/// The countries of the shared lexicon that have other names, by every
/// normalised name (their own included): "us", "america" → "United States".
static COUNTRY_ALIASES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for c in COUNTRIES {
        if c.aliases.is_empty() || c.kind == CountryKind::Region {
            continue;
        }
        for w in std::iter::once(c.name).chain(c.aliases.iter().copied()) {
            m.insert(normalize(w), c.name);
        }
    }
    m
});

/// A transliteration-tolerant key of one word: the first letter, then the
/// consonants with similar-sounding ones merged (c/k/q, z/s, ph/f, v/w,
/// dh/d, kh/k, gh/g, th/t), doubled letters collapsed; vowels after the
/// first letter and `h` after a consonant are dropped.
///
/// ```
/// use sitrep_cluster::skeleton;
/// assert_eq!(skeleton("eric"), skeleton("erik"));
/// assert_eq!(skeleton("abdul"), skeleton("abdel"));
/// assert_ne!(skeleton("ryder"), skeleton("rogers"));
/// ```
#[must_use]
pub fn skeleton(word: &str) -> String {
    let chars: Vec<char> = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out = String::new();
    let mut last: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if i > 0 && vowel {
            last = None;
            continue;
        }
        if c == 'h' && prev.is_some_and(|p| !matches!(p, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
            continue;
        }
        let m = match c {
            'c' | 'q' => 'k',
            'z' => 's',
            'v' => 'w',
            'p' if chars.get(i + 1) == Some(&'h') => 'f',
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' => 'a',
            x => x,
        };
        if last != Some(m) {
            out.push(m);
        }
        last = Some(m);
    }
    out
}

/// Whether a normalised word is a title, rank or role written before a name.
#[must_use]
pub(crate) fn is_title(word: &str) -> bool {
    lexicon::is_title(word)
}

/// The words of a person's name that identify them: titles in front and
/// suffixes at the end dropped.
#[must_use]
pub(crate) fn person_words(normalized: &str) -> Vec<&str> {
    let mut w: Vec<&str> = normalized.split(' ').filter(|s| !s.is_empty()).collect();
    while w.len() > 1 && lexicon::is_title(w[0]) {
        w.remove(0);
    }
    while w.len() > 1 && w.last().is_some_and(|l| lexicon::is_name_suffix(l)) {
        w.pop();
    }
    w
}

/// The words of an organisation's or place's name without generic
/// designators (kept when nothing else is left).
#[must_use]
pub(crate) fn org_words(normalized: &str) -> Vec<&str> {
    let all: Vec<&str> = normalized.split(' ').filter(|s| !s.is_empty()).collect();
    let kept: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| !DESIGNATORS.contains(w))
        .collect();
    if kept.is_empty() {
        all
    } else {
        kept
    }
}

fn words_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Same skeleton and close spelling: "Eric"/"Erik", "Abdul"/"Abdel", but
    // not "Dan"/"Don".
    let (sa, sb) = (skeleton(a), skeleton(b));
    sa.len() >= 2
        && sa == sb
        && a.chars().next() == b.chars().next()
        && strsim::jaro_winkler(a, b) >= 0.85
}

/// Whether a given name may be a short form of the other ("Pat"/"Patrick",
/// "Mike"/"Michael" is not caught; "Bill"/"William" neither).
fn given_names_match(a: &str, b: &str) -> bool {
    if words_match(a, b) {
        return true;
    }
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // An initial ("J.") or a clipped form of three letters or more.
    (s.chars().count() == 1 || s.chars().count() >= 3) && l.starts_with(s)
}

/// Whether two person names can be the same person (both already
/// [`normalize`]d). Needs the family names to agree and the given names to
/// be compatible; middle names and kunyas may be missing from one side.
///
/// ```
/// use sitrep_cluster::same_person;
/// assert!(same_person("pat ryder", "maj gen patrick ryder"));
/// assert!(same_person("michael erik kurilla", "eric kurilla"));
/// assert!(same_person("jassim al mazrouei", "jassim al mazrouei abu abdul qader"));
/// assert!(same_person("jassim al mazrouei abu abdel qader", "jassim al mazrouei abu abdul qader"));
/// assert!(!same_person("john smith", "jane smith"));
/// assert!(!same_person("john smith", "john smithers"));
/// ```
#[must_use]
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (person_words(a), person_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa.len() == 1 || wb.len() == 1 {
        // A single word is only the same person when the other is that word.
        return wa.len() == wb.len() && words_match(wa[0], wb[0]);
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    // Same family name, compatible given names, the rest of the short name
    // found in order in the long one.
    let last_ok = words_match(short[short.len() - 1], long[long.len() - 1]);
    if last_ok && given_names_match(short[0], long[0]) {
        return ordered_subset(&short[1..short.len() - 1], &long[1..long.len() - 1]);
    }
    if last_ok && short.len() == 2 && long.len() >= 3 {
        // "Erik Kurilla" ~ "Michael Erik Kurilla": a middle name used as given name.
        return long[1..long.len() - 1]
            .iter()
            .any(|m| given_names_match(short[0], m));
    }
    // "Jassim al Mazrouei" ~ "Jassim al Mazrouei Abu Abdul Qader": the long
    // form adds a kunya or second name after the full short form.
    let informative = short.iter().filter(|w| !PARTICLES.contains(w)).count();
    informative >= 2
        && given_names_match(short[0], long[0])
        && long.len() > short.len()
        && short
            .iter()
            .zip(long.iter())
            .all(|(s, l)| words_match(s, l) || (PARTICLES.contains(s) && PARTICLES.contains(l)))
}

fn ordered_subset(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short
        .iter()
        .filter(|w| !PARTICLES.contains(w))
        .all(|s| it.any(|l| given_names_match(s, l)))
}

/// Whether `acronym` (as written) abbreviates `expansion` (normalised): its
/// letters split into prefixes of consecutive words, in order, skipping
/// function words and country modifiers; "CENTCOM" = "Central Command",
/// "ISF" = "Iraqi Security Forces", "FBI" = "Federal Bureau of
/// Investigation".
///
/// ```
/// use sitrep_cluster::is_acronym_of;
/// assert!(is_acronym_of("CENTCOM", "us central command"));
/// assert!(is_acronym_of("ISF", "iraqi security forces"));
/// assert!(is_acronym_of("F.B.I.", "federal bureau of investigation"));
/// assert!(!is_acronym_of("CNN", "central command"));
/// ```
#[must_use]
pub fn is_acronym_of(acronym: &str, expansion: &str) -> bool {
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let upper = acronym.chars().filter(|c| c.is_uppercase()).count();
    let alpha = acronym.chars().filter(|c| c.is_alphabetic()).count();
    if letters.len() < 2 || letters.len() > 10 || upper * 2 < alpha.max(1) {
        return false;
    }
    let words: Vec<&str> = expansion.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return false;
    }
    const SKIPPABLE: &[&str] = &[
        "of", "the", "and", "for", "in", "on", "us", "u", "s", "de", "&",
    ];
    fn go(l: &[u8], w: &[&str], skippable: &[&str], used: usize) -> bool {
        if l.is_empty() {
            return used >= 2 && w.iter().all(|x| skippable.contains(x));
        }
        let Some((first, rest)) = w.split_first() else {
            return false;
        };
        let wb = first.as_bytes();
        // Take a prefix of this word.
        for k in (1..=wb.len().min(l.len())).rev() {
            if wb[..k] == l[..k] && go(&l[k..], rest, skippable, used + 1) {
                return true;
            }
        }
        skippable.contains(first) && go(l, rest, skippable, used)
    }
    go(letters.as_bytes(), &words, SKIPPABLE, 0)
}

/// Whether two names of organisations, places or other non-persons (both
/// [`normalize`]d; `a_raw`/`b_raw` as written, for acronyms) can be the same.
///
/// ```
/// use sitrep_cluster::{normalize, same_thing};
/// let same = |a: &str, b: &str| same_thing(a, &normalize(a), b, &normalize(b));
/// assert!(same("CENTCOM", "U.S. Central Command"));
/// assert!(same("US Central Command", "U.S. Central Command"));
/// assert!(same("ISIS", "Islamic State group"));
/// assert!(same("U.S.", "United States"));
/// assert!(!same("Anbar", "Hamrin Mountains"));
/// ```
#[must_use]
pub fn same_thing(a_raw: &str, a: &str, b_raw: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (aa, ab) = (alias(a), alias(b));
    if aa.is_some() || ab.is_some() {
        if aa == ab {
            return true;
        }
        // "Islamic State group" → designators dropped → alias.
        let da = alias(&org_words(a).join(" "));
        let db = alias(&org_words(b).join(" "));
        if da.is_some() || db.is_some() {
            return da.or(aa) == db.or(ab);
        }
    }
    let (wa, wb) = (org_words(a), org_words(b));
    if !wa.is_empty() && wa == wb {
        return true;
    }
    // "Central Command" ~ "US Central Command": extra words are country names.
    let strip_country = |w: &[&str]| -> Vec<String> {
        w.iter()
            .filter(|x| alias(x).is_none_or(|c| c != "United States" && c != "United Kingdom"))
            .map(|x| (*x).to_string())
            .collect()
    };
    let (ca, cb) = (strip_country(&wa), strip_country(&wb));
    if ca.len() >= 2 && ca == cb {
        return true;
    }
    let a_short = !a.contains(' ');
    let b_short = !b.contains(' ');
    (a_short && is_acronym_of(a_raw, b)) || (b_short && is_acronym_of(b_raw, a))
}
