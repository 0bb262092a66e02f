//! Word tokens in the style of CoNLL-2003 / the Penn Treebank.
//!
//! The NER model is trained on CoNLL tokens, so [`word_tokens`] splits text the
//! same way, in one pass over the characters, without allocating per token:
//!
//! - Whitespace (all of Unicode's) separates tokens and is never part of one.
//!   Invisible format characters (zero-width space, word joiner, BOM, bidi
//!   marks, control characters) separate tokens too.
//! - A **word** is a run of letters and digits (any script), with combining
//!   marks, variation selectors, ZWJ/ZWNJ and soft hyphens kept inside it. A
//!   word goes on across these connectors when a letter or digit follows:
//!   - hyphens `-`, U+2010, U+2011 (`al-Mazrouei`, `al‑Mazrouei`,
//!     `18-year-old`, `5-7`, `mid-2010s`);
//!   - `.` (`U.S`, `1.5`, `example.com`), unless it is a glued sentence end
//!     (`discussions.CNN`, see the `sentences` module); `.` followed by a
//!     hyphen after an abbreviation (`U.S.-Iraqi`, `U.S.-led`);
//!   - `,` and `:` between digits (`2,500`, `10:30`);
//!   - `/`, `&`, `_` (`and/or`, `AT&T`, `24/7`);
//!   - apostrophes `'`, `’`, `‘` between letters (`O'Brien`), except clitics.
//! - **Clitics** are split off PTB-style: `'s`, `'re`, `'ve`, `'ll`, `'d`,
//!   `'m` at the end of a word (`Qader’s` → `Qader` `’s`, `1990's` → `1990`
//!   `'s`) and `n't` (`don't` → `do` `n't`).
//! - A **final period** stays on a word that is an abbreviation (the tables of
//!   the `periods` module: titles `Gen.`, months `Oct.`, `Jr.`, `etc.`;
//!   numeric ones such as `No.` only before a number), an initialism (`U.S.`,
//!   `D.C.`, `a.m.`) or a single uppercase letter (`F.`); otherwise it is a
//!   token of its own.
//! - Every other character is a token of its own: quotes, brackets, commas,
//!   `$` (`$6` → `$` `6`), `%`, dashes (`al‑Mazrouei—` → `al‑Mazrouei` `—`),
//!   symbols, emoji (with their modifiers, ZWJ sequences and flag pairs). Runs
//!   of `.` (`...`), of `-` (`--`) and of `?`/`!` (`?!`) are one token.

use crate::chars::{char_at, class, Class};
use crate::periods::{classify_abbrev, glued_break, Abbrev};
use crate::Span;

fn is_word(c: char) -> bool {
    class(c) == Class::Word
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// The part of a word after its last hyphen, slash, ampersand, underscore or
/// apostrophe: what decides whether its final period is an abbreviation's
/// (`Lt.-Col` → `Col`, `Iraqi-U.S` → `U.S`).
fn last_segment(word: &str) -> &str {
    word.rsplit(|c: char| is_hyphen(c) || is_apostrophe(c) || matches!(c, '/' | '&' | '_'))
        .next()
        .unwrap_or(word)
}

/// Whether the first non-whitespace character at or after `i` is a digit.
fn digit_follows(text: &str, mut i: usize) -> bool {
    while let Some(c) = char_at(text, i) {
        if !c.is_whitespace() {
            return c.is_numeric();
        }
        i += c.len_utf8();
    }
    false
}

/// If the apostrophe at `j` (of `n` bytes) starts a clitic (`'s`, `'re`,
/// `'ve`, `'ll`, `'d`, `'m`) that ends the word, the clitic's end.
fn clitic_end(text: &str, j: usize, n: usize) -> Option<usize> {
    let k = j + n;
    let mut end = k;
    while let Some(c) = char_at(text, end) {
        if !c.is_ascii_alphabetic() || end - k >= 2 {
            break;
        }
        end += 1;
    }
    let letters = text.get(k..end)?;
    let clitic = ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(letters));
    if !clitic {
        return None;
    }
    match char_at(text, end).map(class) {
        Some(Class::Word | Class::Extend) => None,
        _ => Some(end),
    }
}

/// Scans the word starting at `start`, pushes its token(s) and returns where
/// scanning goes on.
fn scan_word(text: &str, start: usize, out: &mut Vec<Span>) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut last: Option<char> = None;
    loop {
        // Fast path: a run of ASCII letters and digits.
        let run = j;
        while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        if j > run {
            last = Some(bytes[j - 1] as char);
        }
        let Some(c) = char_at(text, j) else { break };
        let n = c.len_utf8();
        match class(c) {
            Class::Word => {
                last = Some(c);
                j += n;
                continue;
            }
            Class::Extend => {
                j += n;
                continue;
            }
            _ => {}
        }
        let Some(prev) = last else { break };
        let next = char_at(text, j + n);
        let next_word = next.is_some_and(is_word);
        match c {
            '-' | '\u{2010}' | '\u{2011}' if next_word => j += n,
            '.' if next_word && !glued_break(text, j) => j += n,
            '.' if next.is_some_and(is_hyphen)
                && next
                    .and_then(|h| char_at(text, j + n + h.len_utf8()))
                    .is_some_and(is_word)
                && classify_abbrev(last_segment(text.get(start..j).unwrap_or("")))
                    != Abbrev::None =>
            {
                j += n;
            }
            ',' | ':' if prev.is_numeric() && next.is_some_and(char::is_numeric) => j += n,
            '/' | '&' | '_' if prev.is_alphanumeric() && next_word => j += n,
            '\'' | '’' | '‘' if prev.is_alphanumeric() && next.is_some_and(char::is_alphabetic) =>
            {
                // `n't`: the `n` goes with the clitic.
                // (The `n` right before the apostrophe, not across a mark.)
                if j > start
                    && matches!(bytes.get(j - 1), Some(b'n' | b'N'))
                    && matches!(next, Some('t' | 'T'))
                    && !char_at(text, j + n + 1)
                        .is_some_and(|d| matches!(class(d), Class::Word | Class::Extend))
                {
                    let n_at = j - 1;
                    let end = j + n + 1;
                    if n_at > start {
                        out.push(Span::new(start, n_at));
                    }
                    out.push(Span::new(n_at, end));
                    return end;
                }
                if let Some(end) = clitic_end(text, j, n) {
                    out.push(Span::new(start, j));
                    out.push(Span::new(j, end));
                    return end;
                }
                if !prev.is_alphabetic() {
                    break;
                }
                j += n;
            }
            _ => break,
        }
    }
    // A final period stays on an abbreviation.
    if char_at(text, j) == Some('.') && char_at(text, j + 1) != Some('.') {
        let attach = match classify_abbrev(last_segment(text.get(start..j).unwrap_or(""))) {
            Abbrev::None => false,
            Abbrev::Numeric => digit_follows(text, j + 1),
            Abbrev::Prefix | Abbrev::Ambiguous => true,
        };
        if attach {
            j += 1;
        }
    }
    out.push(Span::new(start, j));
    j
}

/// Emoji and other pictographic symbols, which a zero-width joiner joins.
fn is_pictographic(c: char) -> bool {
    matches!(
        c as u32,
        0xA9 | 0xAE
            | 0x203C
            | 0x2049
            | 0x2122
            | 0x2139
            | 0x2194..=0x2BFF
            | 0x3030
            | 0x303D
            | 0x3297
            | 0x3299
            | 0x1F000..=0x1FAFF
    )
}

/// Scans the punctuation or symbol token starting with `c` at `i`; returns its
/// end.
fn scan_punct(text: &str, i: usize, c: char) -> usize {
    let mut j = i + c.len_utf8();
    match c {
        '.' | '-' => {
            while char_at(text, j) == Some(c) {
                j += 1;
            }
        }
        '?' | '!' => {
            while matches!(char_at(text, j), Some('?' | '!')) {
                j += 1;
            }
        }
        // A pair of regional indicators is one flag.
        '\u{1F1E6}'..='\u{1F1FF}' => {
            if matches!(char_at(text, j), Some('\u{1F1E6}'..='\u{1F1FF}')) {
                j += 4;
            }
        }
        _ => {}
    }
    // Modifiers, and whatever a zero-width joiner joins.
    while let Some(d) = char_at(text, j) {
        if class(d) != Class::Extend {
            break;
        }
        j += d.len_utf8();
        if d == '\u{200D}' {
            // Joins pictographs (emoji sequences), never quotes or markup.
            if let Some(e) = char_at(text, j).filter(|&e| is_pictographic(e)) {
                j += e.len_utf8();
            }
        }
    }
    j
}

/// Splits `text` into CoNLL-2003 / Penn-Treebank-like word tokens.
///
/// Returns byte spans in order, non-overlapping and never empty. Whitespace
/// separates tokens; punctuation is split off words (quotes, brackets,
/// commas, dashes, `$`, `%`), clitics are split (`Qader’s` → `Qader` `’s`,
/// `don't` → `do` `n't`), while hyphenated words (`al-Mazrouei`,
/// `U.S.-Iraqi`), numbers (`2,500`, `1.5`, `5-7`) and abbreviations with their
/// period (`U.S.`, `Gen.`, `Oct.`, `F.`) stay whole.
///
/// ```
/// use sitrep_text::word_tokens;
///
/// let text = "Maj. Gen. Ryder said Qader’s men—about 2,500—fled the U.S.-Iraqi raid.";
/// let got: Vec<&str> = word_tokens(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(
///     got,
///     [
///         "Maj.", "Gen.", "Ryder", "said", "Qader", "’s", "men", "—", "about", "2,500", "—",
///         "fled", "the", "U.S.-Iraqi", "raid", ".",
///     ]
/// );
/// ```
#[must_use]
pub fn word_tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0usize;
    while let Some(c) = char_at(text, i) {
        match class(c) {
            Class::Space | Class::Invisible => i += c.len_utf8(),
            Class::Word | Class::Extend => i = scan_word(text, i, &mut out),
            Class::Punct => {
                let end = scan_punct(text, i, c);
                out.push(Span::new(i, end));
                i = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        word_tokens(text)
            .iter()
            .map(|s| s.slice(text).expect("span slices its text"))
            .collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            ("", &[]),
            (" \t\n\u{a0}\u{3000} ", &[]),
            ("Hello world", &["Hello", "world"]),
            ("It ended.", &["It", "ended", "."]),
            ("Intel, news", &["Intel", ",", "news"]),
            // Quotes and brackets.
            (
                "“Overnight, CENTCOM said.”",
                &["“", "Overnight", ",", "CENTCOM", "said", ".", "”"],
            ),
            (
                "\"Go!\" (now) [x] {y}",
                &[
                    "\"", "Go", "!", "\"", "(", "now", ")", "[", "x", "]", "{", "y", "}",
                ],
            ),
            (
                "‘stable condition.'”",
                &["‘", "stable", "condition", ".", "'", "”"],
            ),
            (
                "Why? No! Really?!",
                &["Why", "?", "No", "!", "Really", "?!"],
            ),
            ("a: b; c", &["a", ":", "b", ";", "c"]),
            // Clitics.
            ("Qader’s men", &["Qader", "’s", "men"]),
            ("Iraq‘s desert", &["Iraq", "‘s", "desert"]),
            (
                "CNN's and ISIS’ ability",
                &["CNN", "'s", "and", "ISIS", "’", "ability"],
            ),
            (
                "don't can’t won't",
                &["do", "n't", "ca", "n’t", "wo", "n't"],
            ),
            (
                "I'd we're they've you'll I'm",
                &[
                    "I", "'d", "we", "'re", "they", "'ve", "you", "'ll", "I", "'m",
                ],
            ),
            ("the 1990's", &["the", "1990", "'s"]),
            ("n\u{301}‘t n't", &["n\u{301}‘t", "n't"]),
            ("O'Brien d'Artagnan", &["O'Brien", "d'Artagnan"]),
            ("'90s", &["'", "90s"]),
            // Hyphens.
            ("al-Mazrouei al‑Mazrouei", &["al-Mazrouei", "al‑Mazrouei"]),
            (
                "al‑Mazrouei—the leader",
                &["al‑Mazrouei", "—", "the", "leader"],
            ),
            ("al‑Mazrouei—", &["al‑Mazrouei", "—"]),
            ("18-year-old mid-2010s", &["18-year-old", "mid-2010s"]),
            ("U.S.-Iraqi U.S.-led", &["U.S.-Iraqi", "U.S.-led"]),
            ("Lt.-Col. Smith", &["Lt.-Col.", "Smith"]),
            ("end.-Start", &["end", ".", "-", "Start"]),
            ("pre- and post-war", &["pre", "-", "and", "post-war"]),
            ("a -- b", &["a", "--", "b"]),
            ("5–7 and 5-7", &["5", "–", "7", "and", "5-7"]),
            // Numbers and money.
            (
                "2,500 troops, 1.5 million",
                &["2,500", "troops", ",", "1.5", "million"],
            ),
            (
                "$6 and $6.5 billion",
                &["$", "6", "and", "$", "6.5", "billion"],
            ),
            ("50% of 1,2", &["50", "%", "of", "1,2"]),
            ("at 10:30, 3.", &["at", "10:30", ",", "3", "."]),
            ("cost 6.5.", &["cost", "6.5", "."]),
            // Abbreviations and initials.
            ("U.S. U.N. U.K. D.C.", &["U.S.", "U.N.", "U.K.", "D.C."]),
            (
                "Maj. Gen. Patrick Ryder, Gen. Michael Erik Kurilla",
                &[
                    "Maj.", "Gen.", "Patrick", "Ryder", ",", "Gen.", "Michael", "Erik", "Kurilla",
                ],
            ),
            ("Oct. 22 and Sept. 5", &["Oct.", "22", "and", "Sept.", "5"]),
            (
                "John F. Kennedy Jr. spoke",
                &["John", "F.", "Kennedy", "Jr.", "spoke"],
            ),
            (
                "No. 10 and said No.",
                &["No.", "10", "and", "said", "No", "."],
            ),
            (
                "at 5 p.m. and e.g. this",
                &["at", "5", "p.m.", "and", "e.g.", "this"],
            ),
            ("the US.", &["the", "US", "."]),
            ("wait... what…", &["wait", "...", "what", "…"]),
            ("the U.S...", &["the", "U.S", "..."]),
            ("discussions.CNN", &["discussions", ".", "CNN"]),
            ("said.The end", &["said", ".", "The", "end"]),
            (
                "example.com and/or AT&T",
                &["example.com", "and/or", "AT&T"],
            ),
            // Markup and debris.
            ("[/caption]", &["[", "/", "caption", "]"]),
            ("Iraq[/caption]", &["Iraq", "[", "/", "caption", "]"]),
            ("•  Iraqi", &["•", "Iraqi"]),
            // Non-ASCII.
            ("Zürich police", &["Zürich", "police"]),
            ("Zu\u{308}rich", &["Zu\u{308}rich"]),
            ("بغداد، العراق", &["بغداد", "،", "العراق"]),
            ("party 🎉 time", &["party", "🎉", "time"]),
            ("hi🎉🎉", &["hi", "🎉", "🎉"]),
            ("👍🏽 ok", &["👍🏽", "ok"]),
            (
                "👨\u{200D}👩\u{200D}👧 family",
                &["👨\u{200D}👩\u{200D}👧", "family"],
            ),
            ("🇺🇸🇮🇶", &["🇺🇸", "🇮🇶"]),
            ("€5 £3 ¥2", &["€", "5", "£", "3", "¥", "2"]),
            ("zero\u{200B}width", &["zero", "width"]),
            ("soft\u{AD}hyphen", &["soft\u{AD}hyphen"]),
        ];
        for &(input, want) in rows {
            assert_eq!(tokens(input), want, "input: {input:?}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use crate::split_sentences;
    use proptest::prelude::*;

    /// Characters that exercise every branch: ASCII punctuation, letters,
    /// whitespace and line breaks, multi-byte letters, marks, joiners, emoji.
    const ALPHABET: &[char] = &[
        'a', 'e', 'n', 's', 't', 'G', 'S', 'U', 'T', 'I', '1', '5', '0', '.', '.', '.', ',', ':',
        ';', '?', '!', '-', '/', '&', '_', '$', '%', '\'', '"', '(', ')', '[', ']', '<', '>', '=',
        ' ', ' ', ' ', '\n', '\r', '\t', '\u{a0}', '\u{2028}', '“', '”', '‘', '’', '—', '–', '‑',
        '…', 'ü', 'Ö', 'ß', '中', '。', 'ب', '،', '\u{301}', '\u{200B}', '\u{200D}', '\u{AD}',
        '\u{FE0F}', '🎉', '🏽', '🇺', '\u{0}', '\u{85}',
    ];

    /// Pieces of news text glued together at random.
    const PIECES: &[&str] = &[
        "U.S.",
        "Gen.",
        "Maj.",
        "Oct.",
        "No.",
        "etc.",
        "F.",
        "1.5",
        "2,500",
        "$6.5",
        "...",
        "…",
        "The",
        "the",
        "said",
        ".",
        "?”",
        ".”",
        ".'”",
        "[/caption]",
        "[caption id=\"1\"]",
        "<p>",
        "</p>",
        "Qader’s",
        "don't",
        "al‑Mazrouei—",
        "U.S.-Iraqi",
        "said.The",
        "discussions.CNN",
        "\n",
        "\n\n",
        " ",
        "  ",
        "(",
        ")",
        "“",
        "e.g.",
        "1.",
        "🇺🇸",
        "👨\u{200D}👩",
        "Zürich",
    ];

    fn alphabet_string() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..120)
            .prop_map(|v| v.into_iter().collect())
    }

    fn pieces_string() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(PIECES),
                prop::sample::select(&[" ", "", "\n", " "][..]),
            ),
            0..40,
        )
        .prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect())
    }

    fn check_spans(text: &str, spans: &[Span], what: &str) -> Result<(), TestCaseError> {
        let mut prev_end = 0;
        for s in spans {
            prop_assert!(
                text.get(s.range()).is_some(),
                "{what} {s:?} does not slice {text:?}"
            );
            prop_assert!(!s.is_empty(), "{what} empty span {s:?} in {text:?}");
            prop_assert!(
                s.start >= prev_end,
                "{what} {s:?} overlaps or is out of order in {text:?}"
            );
            prev_end = s.end;
        }
        Ok(())
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let sentences = split_sentences(text);
        check_spans(text, &sentences, "sentence")?;
        let mut covered = vec![false; text.len()];
        for s in &sentences {
            let slice = &text[s.range()];
            prop_assert_eq!(slice, slice.trim(), "untrimmed sentence in {:?}", text);
            covered[s.range()].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            prop_assert!(
                c.is_whitespace() || covered[i],
                "{c:?} at {i} not in a sentence of {text:?}"
            );
        }

        let words = word_tokens(text);
        check_spans(text, &words, "word")?;
        let mut covered = vec![false; text.len()];
        for w in &words {
            let slice = &text[w.range()];
            prop_assert!(
                !slice.chars().any(char::is_whitespace),
                "whitespace in token {slice:?}"
            );
            covered[w.range()].iter_mut().for_each(|c| *c = true);
        }
        // No token straddles a sentence boundary.
        let mut boundary = vec![false; text.len() + 1];
        for s in &sentences {
            boundary[s.start] = true;
            boundary[s.end] = true;
        }
        for w in &words {
            prop_assert!(
                !boundary[w.start + 1..w.end].iter().any(|&b| b),
                "token {:?} straddles a sentence boundary in {:?}",
                &text[w.range()],
                text
            );
        }
        for (i, c) in text.char_indices() {
            let skipped = matches!(class(c), Class::Space | Class::Invisible);
            prop_assert!(
                skipped || covered[i],
                "{c:?} at {i} not in a token of {text:?}"
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_string(text in any::<String>()) {
            check(&text)?;
        }

        #[test]
        fn punctuation_mix(text in alphabet_string()) {
            check(&text)?;
        }

        #[test]
        fn news_pieces(text in pieces_string()) {
            check(&text)?;
        }
    }
}
