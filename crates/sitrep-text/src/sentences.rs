//! Sentence splitting for news text.
//!
//! [`split_sentences`] makes one pass over the text and returns byte spans of
//! sentences, each trimmed of surrounding whitespace. Together the spans cover
//! every non-whitespace character of the text; nothing is dropped, so debris
//! (bylines, markup, lines of punctuation) comes back as short sentences of its
//! own.
//!
//! # Rules
//!
//! 1. **Line breaks** (`\n`, `\r`, vertical tab, form feed, U+0085, U+2028,
//!    U+2029) always end a sentence: headlines, bylines and captions without a
//!    full stop are sentences of their own, and nothing is merged across lines.
//! 2. **Markup tags** — WordPress-style shortcodes (`[/caption]`,
//!    `[caption id="…" …]`, i.e. a closing tag or a tag with `=` attributes) and
//!    HTML-like tags (`<p>`, `</p>`, `<img src=…>`) — are sentences of their
//!    own, wherever they are on a line. A bare `[name]` (`[sic]`) is prose.
//! 3. A **candidate end** is a run of terminators (`.` `?` `!` `…` and their
//!    CJK/compound forms), plus any closing quotes or brackets right after it
//!    (`."`, `.”`, `.'”`, `?)`), followed by whitespace. The closing quotes
//!    stay in the sentence. A candidate is not a break when the next word
//!    starts with a lowercase letter, or with `,` `;` `:` or a closing quote or
//!    bracket (`“Who?” he asked`, `etc., and`, a detached `”`).
//! 4. `?`, `!` and mixed runs break at every other candidate. Full-width CJK
//!    terminators (`。！？`) break even without whitespace after them, before
//!    a letter, digit, opening quote or bracket.
//! 5. An **ellipsis** (`…`, or two or more dots) breaks only when the next word
//!    starts with an uppercase letter or an opening quote.
//! 6. A **single period** looks at the word before it (letters, digits and
//!    inner dots, so `U.S`, `Gen`, `1.5`; a hyphen starts a new word, so
//!    `Lt.-Col` is looked up as `Col`) and at the next word:
//!    - an enumerator at the start of a sentence (`1.`, `12.`, `A.`) never
//!      breaks;
//!    - a *prefix* abbreviation (titles and ranks, [`TITLE_ABBREVIATIONS`]; [`PREFIX`]: `vs.`, `e.g.`)
//!      never breaks — titles stand before names (`Maj. Gen. Patrick Ryder`);
//!    - a *numeric* abbreviation ([`NUMERIC`]: `No.`, `Vol.`, `approx.`)
//!      does not break before a number, and breaks otherwise;
//!    - an *ambiguous* abbreviation — a month ([`MONTHS`]: `Oct. 22`), a
//!      suffix that may end a sentence ([`AMBIGUOUS`]: `Inc.`, `Jr.`, `etc.`,
//!      `St.`), an initialism (letters of one or two per segment separated by
//!      dots: `U.S.`, `U.N.`, `D.C.`, `a.m.`, `Ph.D.`) or an initial (one
//!      uppercase letter: `John F. Kennedy`) — breaks only when the next word
//!      is a typical sentence opener ([`STARTERS`]: `The`, `He`, `In`,
//!      `However`, …) or begins with an opening quote. So `U.S. Central
//!      Command` and `Oct. 22` stay whole while `… in the U.S. The …` breaks;
//!    - any other word breaks (before an uppercase letter, digit, opening quote
//!      or bracket, or other symbol).
//! 7. A period **glued** to the next word (`…discussions.CNN`) breaks when the
//!    word before it is at least three lowercase letters (not after `.`, `/`,
//!    `@`, `:` or a digit, which would be a URL or address) and the next word
//!    starts with an uppercase letter followed by a letter. Decimals (`1.5`,
//!    `$6.5`), initialisms and domains never match.
//!
//! Matching abbreviations is case-aware: an entry matches as written or in all
//! capitals (`Gen`, `GEN`); an entry written in lowercase also matches
//! capitalised (`etc`, `Etc`). So `Col.` is a rank, but `col.` is not.
//!
//! Known limits: a sentence that really ends with a title (`promoted to
//! Maj.`) is not split; a sentence that ends with an ambiguous abbreviation
//! and is followed by a capitalised word that is not in [`STARTERS`] (`…the
//! U.S. Officials said…`) is not split; a sentence that starts with a
//! lowercase word is merged with the one before.
//!
//! [`PREFIX`]: crate::periods::PREFIX
//! [`TITLE_ABBREVIATIONS`]: crate::lexicon::TITLE_ABBREVIATIONS
//! [`NUMERIC`]: crate::periods::NUMERIC
//! [`MONTHS`]: crate::lexicon::MONTH_ABBREVIATIONS
//! [`AMBIGUOUS`]: crate::periods::AMBIGUOUS

use crate::chars::{char_at, is_extend};
use crate::periods::{classify_abbrev, glued_break, Abbrev, MAX_WORD_BEHIND};
use crate::Span;

/// Words that typically open a sentence (compared case-insensitively): after an
/// ambiguous abbreviation, a capitalised word from this list starts a new
/// sentence, any other capitalised word continues the current one.
pub(crate) const STARTERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "nor",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "since",
    "although",
    "though",
    "because",
    "however",
    "meanwhile",
    "still",
    "also",
    "then",
    "now",
    "thus",
    "therefore",
    "moreover",
    "furthermore",
    "instead",
    "indeed",
    "yesterday",
    "today",
    "tomorrow",
    "earlier",
    "later",
    "last",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "many",
    "some",
    "most",
    "all",
    "both",
    "each",
    "few",
    "for",
    "from",
    "with",
    "without",
    "during",
    "under",
    "over",
    "about",
    "by",
    "to",
    "of",
    "despite",
    "amid",
    "following",
    "what",
    "who",
    "whom",
    "why",
    "how",
    "where",
    "which",
    "whether",
    "such",
    "other",
    "another",
    "more",
    "several",
    "until",
    "unlike",
    "among",
    "once",
    "only",
    "even",
    "just",
    "neither",
    "either",
    "every",
    "any",
    "nothing",
    "nobody",
    "everyone",
    "someone",
];

/// Longest markup tag recognised, in bytes.
const MAX_TAG: usize = 512;

/// Characters that always end a sentence (and a line).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡'
    )
}

fn is_fullwidth_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets kept with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '«' | '‹' | '„' | '‚' | '「' | '『'
    )
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（' | '［' | '｛')
}

/// End of the run of characters from `i` that satisfy `pred`.
fn scan_while(text: &str, mut i: usize, pred: fn(char) -> bool) -> usize {
    while let Some(c) = char_at(text, i) {
        if !pred(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// How the next word after a candidate end starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next<'t> {
    /// End of text or of the line.
    End,
    /// A lowercase letter.
    Lower,
    /// A digit.
    Digit,
    /// An uppercase letter; the run of letters from it.
    Upper(&'t str),
    /// An opening quote.
    OpenQuote,
    /// An opening bracket.
    OpenBracket,
    /// `,` `;` `:` or a closing quote or bracket: the sentence goes on.
    Continuation,
    /// Anything else (symbols, dashes, uncased letters).
    Other,
}

fn next_start(text: &str, from: usize) -> Next<'_> {
    let mut i = from;
    loop {
        let Some(c) = char_at(text, i) else {
            return Next::End;
        };
        if is_line_break(c) {
            return Next::End;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_lowercase() {
            return Next::Lower;
        }
        if c.is_numeric() {
            return Next::Digit;
        }
        if c.is_uppercase() {
            let end = scan_while(text, i, char::is_alphabetic);
            return Next::Upper(text.get(i..end).unwrap_or(""));
        }
        if matches!(c, ',' | ';' | ':') || (is_closer(c) && !matches!(c, '"' | '\'')) {
            return Next::Continuation;
        }
        if is_open_quote(c) {
            return Next::OpenQuote;
        }
        if is_open_bracket(c) {
            return Next::OpenBracket;
        }
        return Next::Other;
    }
}

fn is_starter(word: &str) -> bool {
    word.len() <= 12 && STARTERS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// The word right before byte `dot`: letters, digits and inner dots, at most
/// [`MAX_WORD_BEHIND`] bytes back. Returns its start and text.
fn word_before(text: &str, dot: usize) -> (usize, &str) {
    let before = text.get(..dot).unwrap_or("");
    let mut start = dot;
    for (i, c) in before.char_indices().rev() {
        if !(c.is_alphanumeric() || c == '.') || dot - i > MAX_WORD_BEHIND {
            break;
        }
        start = i;
    }
    // Leading dots belong to an ellipsis or other punctuation, not the word.
    let mut w = before.get(start..).unwrap_or("");
    while let Some(rest) = w.strip_prefix('.') {
        start += 1;
        w = rest;
    }
    (start, w)
}

/// Whether `w` at the start of a sentence is a list enumerator ("1.", "A.").
fn is_enumerator(w: &str) -> bool {
    let n = w.chars().count();
    (n == 1 && w.chars().all(char::is_alphanumeric))
        || ((1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a candidate end breaks: `s` is the sentence start, `run` the
/// terminator run starting at byte `run_start`, `close_end` the end of the
/// closing quotes after it (followed by whitespace).
fn candidate_breaks(text: &str, s: usize, run_start: usize, run: &str, close_end: usize) -> bool {
    let next = next_start(text, close_end);
    match next {
        Next::End => return true,
        Next::Lower | Next::Continuation => return false,
        _ => {}
    }
    if run.chars().any(|c| c != '.' && c != '…') {
        return true;
    }
    if run != "." {
        // Ellipsis.
        return matches!(next, Next::Upper(_) | Next::OpenQuote);
    }
    let (w_start, w) = word_before(text, run_start);
    if w_start == s && is_enumerator(w) {
        return false;
    }
    match classify_abbrev(w) {
        Abbrev::None => true,
        Abbrev::Prefix => false,
        Abbrev::Numeric => !matches!(next, Next::Digit),
        Abbrev::Ambiguous => match next {
            Next::Upper(word) => is_starter(word),
            Next::OpenQuote => true,
            _ => false,
        },
    }
}

/// If a markup tag starts at byte `i` (rule 2 of the module docs), its end.
fn markup_tag(bytes: &[u8], i: usize) -> Option<usize> {
    let open = *bytes.get(i)?;
    let close = match open {
        b'[' => b']',
        b'<' => b'>',
        _ => return None,
    };
    let mut j = i + 1;
    let slash = bytes.get(j) == Some(&b'/');
    if slash {
        j += 1;
    }
    if !bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while bytes
        .get(j)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        j += 1;
    }
    match *bytes.get(j)? {
        b if b == close => {
            // `[/name]`, `</name>`, `<name>`; a bare `[name]` is prose.
            return (slash || open == b'<').then_some(j + 1);
        }
        b'/' if open == b'<' && !slash && bytes.get(j + 1) == Some(&b'>') => return Some(j + 2),
        b' ' | b'\t' if !slash => {}
        _ => return None,
    }
    let limit = (i + MAX_TAG).min(bytes.len());
    let mut has_eq = false;
    while j < limit {
        match bytes[j] {
            b'\n' | b'\r' | b'[' | b'<' => return None,
            b'=' => has_eq = true,
            b if b == close => return has_eq.then_some(j + 1),
            _ => {}
        }
        j += 1;
    }
    None
}

/// Splits `text` into sentences.
///
/// Returns byte spans in order, non-overlapping, never empty, each trimmed of
/// surrounding whitespace; together they cover every non-whitespace character
/// of `text`. Line breaks always end a sentence; within a line, sentences end
/// at `.`, `?`, `!` and ellipses according to rules (documented in the
/// `sentences` module source) that keep abbreviations ("Maj. Gen.",
/// "U.S. Central Command", "Oct. 22"), initials, decimals and closing quotes
/// intact.
///
/// ```
/// use sitrep_text::split_sentences;
///
/// let text = "Maj. Gen. Patrick Ryder said two U.S. soldiers were hurt. “Both are stable.”\nNext line";
/// let got: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(
///     got,
///     ["Maj. Gen. Patrick Ryder said two U.S. soldiers were hurt.", "“Both are stable.”", "Next line"]
/// );
/// ```
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    // Start of the current sentence, and end of its last non-whitespace char.
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut i = 0usize;

    fn close(out: &mut Vec<Span>, start: &mut Option<usize>, end: usize) {
        if let Some(s) = start.take() {
            if end > s {
                out.push(Span::new(s, end));
            }
        }
    }

    while let Some(c) = char_at(text, i) {
        let n = c.len_utf8();
        if c.is_whitespace() {
            if is_line_break(c) {
                close(&mut out, &mut start, end);
            }
            i += n;
            continue;
        }
        if is_terminator(c) {
            let s = *start.get_or_insert(i);
            let run_end = scan_while(text, i, is_terminator);
            // Closing quotes, and marks that word tokens keep with them.
            let close_end = scan_while(text, run_end, |c| is_closer(c) || is_extend(c));
            end = close_end;
            let run = text.get(i..run_end).unwrap_or("");
            let brk = match char_at(text, close_end) {
                None => false,
                Some(nc) if nc.is_whitespace() => candidate_breaks(text, s, i, run, close_end),
                Some(nc) => {
                    (run.chars().last().is_some_and(is_fullwidth_terminator)
                        && (nc.is_alphanumeric() || is_open_quote(nc) || is_open_bracket(nc)))
                        || (run == "." && close_end == run_end && glued_break(text, i))
                }
            };
            if brk {
                out.push(Span::new(s, close_end));
                start = None;
            }
            i = close_end;
            continue;
        }
        if c == '[' || c == '<' {
            if let Some(tag_end) = markup_tag(bytes, i) {
                let tag_end = scan_while(text, tag_end, is_extend);
                close(&mut out, &mut start, end);
                out.push(Span::new(i, tag_end));
                i = tag_end;
                continue;
            }
        }
        start.get_or_insert(i);
        i += n;
        end = i;
    }
    close(&mut out, &mut start, end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text).expect("span slices its text"))
            .collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[&str])] = &[
            // Basics.
            ("", &[]),
            ("   \n\n \t ", &[]),
            ("One sentence.", &["One sentence."]),
            ("  padded  ", &["padded"]),
            ("It rained. It poured.", &["It rained.", "It poured."]),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            ("What?! No way.", &["What?!", "No way."]),
            ("Born in 1990. 25 people came.", &["Born in 1990.", "25 people came."]),
            // Titles and ranks never end a sentence.
            (
                "Pentagon press secretary Maj. Gen. Patrick Ryder said it. He left.",
                &["Pentagon press secretary Maj. Gen. Patrick Ryder said it.", "He left."],
            ),
            (
                "CENTCOM commander Gen. Michael Erik Kurilla stated it.",
                &["CENTCOM commander Gen. Michael Erik Kurilla stated it."],
            ),
            (
                "Lt. Col. Jane Doe met Sgt. Al Smith and Dr. Who. Mr. and Mrs. Smith came.",
                &["Lt. Col. Jane Doe met Sgt. Al Smith and Dr. Who.", "Mr. and Mrs. Smith came."],
            ),
            ("They prayed at St. Mary's church.", &["They prayed at St. Mary's church."]),
            ("He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
            ("He said No. Then he left.", &["He said No.", "Then he left."]),
            ("A Lt.-Col. Smith spoke.", &["A Lt.-Col. Smith spoke."]),
            // Initialisms.
            (
                "Two U.S. soldiers and U.N. staff left D.C. on Monday.",
                &["Two U.S. soldiers and U.N. staff left D.C. on Monday."],
            ),
            (
                "It is led by the U.S. The U.K. agreed.",
                &["It is led by the U.S.", "The U.K. agreed."],
            ),
            (
                "according to U.S. Central Command (CENTCOM) on Wednesday.",
                &["according to U.S. Central Command (CENTCOM) on Wednesday."],
            ),
            (
                "Troops left the U.S. In May they returned.",
                &["Troops left the U.S.", "In May they returned."],
            ),
            (
                "Support came from the U.S. “We are grateful,” he said.",
                &["Support came from the U.S.", "“We are grateful,” he said."],
            ),
            ("They met at 5 p.m. Eastern time.", &["They met at 5 p.m. Eastern time."]),
            ("They met at 5 p.m. The talks failed.", &["They met at 5 p.m.", "The talks failed."]),
            ("Apple Inc. said so. Co. staff agreed.", &["Apple Inc. said so.", "Co. staff agreed."]),
            ("Guns, bombs, etc. The rest burned.", &["Guns, bombs, etc.", "The rest burned."]),
            ("Guns, bombs, etc., were seized.", &["Guns, bombs, etc., were seized."]),
            // Months.
            ("The raid on Oct. 22 killed nine.", &["The raid on Oct. 22 killed nine."]),
            ("Talks resume Sept. 5 and Jan. 12.", &["Talks resume Sept. 5 and Jan. 12."]),
            ("It ended in Jan. The war went on.", &["It ended in Jan.", "The war went on."]),
            // Initials.
            ("John F. Kennedy was shot.", &["John F. Kennedy was shot."]),
            ("He took vitamin C. The pain eased.", &["He took vitamin C.", "The pain eased."]),
            // Enumerators.
            ("1. The first point", &["1. The first point"]),
            // Decimals and money.
            (
                "About 1.5 million fled. It cost $6.5 billion.",
                &["About 1.5 million fled.", "It cost $6.5 billion."],
            ),
            // Ellipses.
            ("He paused... then went on.", &["He paused... then went on."]),
            ("He paused... Then he went on.", &["He paused...", "Then he went on."]),
            ("Wait… What happened?", &["Wait…", "What happened?"]),
            ("The count ... 5 dead.", &["The count ... 5 dead."]),
            // Quotes.
            (
                "He said, “We are ready.” Then he left.",
                &["He said, “We are ready.”", "Then he left."],
            ),
            ("He said \"Go.\" They went.", &["He said \"Go.\"", "They went."]),
            (
                "They are in ‘stable condition.'” This underscores risk.",
                &["They are in ‘stable condition.'”", "This underscores risk."],
            ),
            ("“Who are you?” he asked.", &["“Who are you?” he asked."]),
            ("It was seized (mostly.) Then burned.", &["It was seized (mostly.)", "Then burned."]),
            (
                "the end of the agreement. development. ”",
                &["the end of the agreement. development. ”"],
            ),
            // Lowercase continuation after a period.
            ("the Command. died.", &["the Command. died."]),
            // Glued periods.
            (
                "postponed these discussions.CNN reported it.",
                &["postponed these discussions.", "CNN reported it."],
            ),
            ("Visit example.com or www.example.Com today.", &["Visit example.com or www.example.Com today."]),
            // Line breaks.
            (
                "Intel, news\n\nU.S.-Iraqi Raid in Northern Iraq Kills 9 ISIS Militants, Injures 2 U.S. Soldiers\n\nIraqi Raid\n\nA joint operation began.",
                &[
                    "Intel, news",
                    "U.S.-Iraqi Raid in Northern Iraq Kills 9 ISIS Militants, Injures 2 U.S. Soldiers",
                    "Iraqi Raid",
                    "A joint operation began.",
                ],
            ),
            ("first line\r\nsecond line", &["first line", "second line"]),
            ("a line\u{2028}another", &["a line", "another"]),
            ("security forces\n—\nA joint raid", &["security forces", "—", "A joint raid"]),
            ("  • Iraqi forces raided\n  • Two wounded", &["• Iraqi forces raided", "• Two wounded"]),
            ("Praised the Gen.\nNew line.", &["Praised the Gen.", "New line."]),
            // Markup debris.
            (
                "killed by the US and Iraq[/caption]\nIt is understood",
                &["killed by the US and Iraq", "[/caption]", "It is understood"],
            ),
            (
                "[caption id=\"attachment_1\" align=\"alignnone\"] Troops patrol.[/caption] Next.",
                &["[caption id=\"attachment_1\" align=\"alignnone\"]", "Troops patrol.", "[/caption]", "Next."],
            ),
            ("He said [sic] it.", &["He said [sic] it."]),
            ("Text<br/>more <p>para</p>", &["Text", "<br/>", "more", "<p>", "para", "</p>"]),
            ("if a<b and c>d then", &["if a<b and c>d then"]),
            // CJK full stops.
            ("你好。我很好。", &["你好。", "我很好。"]),
            ("好。\u{301}x", &["好。\u{301}", "x"]),
            ("[/caption]\u{301} Next", &["[/caption]\u{301}", "Next"]),
            // Non-ASCII around terminators.
            ("Zürich fell. Überall Rauch.", &["Zürich fell.", "Überall Rauch."]),
            ("Party 🎉. Then sleep.", &["Party 🎉.", "Then sleep."]),
        ];
        for &(input, want) in rows {
            assert_eq!(split(input), want, "input: {input:?}");
        }
    }
}
