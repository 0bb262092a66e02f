//! The words around a date expression: the clause before it, the words
//! after it, and whether a future verb governs it.

use std::sync::LazyLock;

use regex::Regex;

/// The largest char boundary at or below `i`.
pub(super) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The words of the clause right before byte `at`: at most `max` bytes, cut
/// at a line break or at the end of a sentence (a full stop after a word of
/// four letters or more, so that "p.m." and "Jan." do not cut).
pub(super) fn clause_before(text: &str, at: usize, max: usize) -> &str {
    let at = floor_boundary(text, at);
    let from = ceil_boundary(text, at.saturating_sub(max));
    let window = &text[from..at];
    let mut cut = 0;
    for (i, c) in window.char_indices() {
        match c {
            '\n' | ';' | '!' | '?' => cut = i + c.len_utf8(),
            '.' => {
                let word = window[..i]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if word.chars().count() >= 4 {
                    cut = i + 1;
                }
            }
            _ => {}
        }
    }
    &window[cut..]
}

/// The words right after byte `at`, at most `max` bytes, up to a line break.
pub(super) fn clause_after(text: &str, at: usize, max: usize) -> &str {
    let at = ceil_boundary(text, at);
    let to = floor_boundary(text, at + max);
    let window = &text[at..to.max(at)];
    window.split('\n').next().unwrap_or("")
}

/// Words that put the time they govern after the writing: "will be
/// arraigned", "is scheduled to appear", "set for", "next".
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|\w+'ll|\w+’ll|(?:is|are) (?:scheduled|set|due|expected)|set for|scheduled for|plans? to|planned for|upcoming|next)\b",
    )
    .expect("valid pattern")
});

/// Whether a future verb governs the time expression starting at `at`.
pub(super) fn future_before(text: &str, at: usize) -> bool {
    FUTURE.is_match(clause_before(text, at, 48))
}
