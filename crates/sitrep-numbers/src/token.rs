//! A small hand-written tokenizer: words, numbers and single punctuation marks,
//! each with its byte span. ASCII lowercasing keeps byte offsets, so one
//! lowercased copy of the text serves every case-insensitive comparison.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a fast hash for the crate's small word tables.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A word table with the FNV hash.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A word table from a static list.
pub(crate) fn table<T: Copy>(rows: &'static [(&'static str, T)]) -> FastMap<&'static str, T> {
    rows.iter().copied().collect()
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (apostrophes split words: `Iraq` `’` `s`).
    Word,
    /// Digits, with `,ddd` groups and a `.d` decimal part; an attached
    /// ordinal suffix (`3rd`) stays in the token.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace separates it from the previous token (or it is first).
    pub space_before: bool,
    /// For numbers: an ordinal suffix (`st`, `nd`, `rd`, `th`) is attached.
    pub ordinal: bool,
}

/// A tokenized text with its ASCII-lowercased copy.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// Lowercased words with invisible characters removed, for the few
    /// tokens that contain them (token index, word).
    clean: Vec<(usize, String)>,
}

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        let mut clean = Vec::new();
        if text.bytes().any(|b| b >= 0x80) {
            for (i, t) in toks.iter().enumerate() {
                let w = &lower[t.start..t.end];
                // Invisible characters are all non-ASCII: skip ASCII words.
                if t.kind == Kind::Word
                    && !w.is_ascii()
                    && w.contains(['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}'])
                {
                    clean.push((
                        i,
                        w.chars()
                            .filter(|c| {
                                !matches!(
                                    c,
                                    '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
                                )
                            })
                            .collect(),
                    ));
                }
            }
        }
        Doc {
            text,
            lower,
            toks,
            clean,
        }
    }

    /// Lowercased text of token `i` (empty when out of range).
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => {
                if !self.clean.is_empty() {
                    if let Ok(k) = self.clean.binary_search_by_key(&i, |(j, _)| *j) {
                        return &self.clean[k].1;
                    }
                }
                &self.lower[t.start..t.end]
            }
            None => "",
        }
    }

    /// Original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    #[inline]
    pub fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.w(i) == s
    }

    /// Whether token `i` is one of `set`.
    #[inline]
    pub fn is_any(&self, i: usize, set: &[&str]) -> bool {
        if i >= self.toks.len() {
            return false;
        }
        let w = self.w(i);
        set.contains(&w)
    }

    /// Whether tokens from `i` spell the words of `phrase` (space separated;
    /// punctuation tokens are written as themselves, e.g. `"u . s ."`).
    pub fn seq(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for part in phrase.split(' ') {
            if !self.is(j, part) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Whether token `i` starts with an uppercase letter (in the original text).
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    #[inline]
    pub fn tight(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| !t.space_before)
    }
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let n = b.len();
    let mut toks = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    let mut space = true;
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, end, ordinal) = if is_digit(c) {
            let mut j = i;
            while j < n && is_digit(b[j]) {
                j += 1;
            }
            // Thousands groups "2,500" (exactly three digits after the comma),
            // and decimals "1.5".
            loop {
                if j + 4 <= n
                    && b[j] == b','
                    && is_digit(b[j + 1])
                    && is_digit(b[j + 2])
                    && is_digit(b[j + 3])
                    && (j + 4 == n || !is_digit(b[j + 4]))
                {
                    j += 4;
                    continue;
                }
                if j + 1 < n && b[j] == b'.' && is_digit(b[j + 1]) {
                    let mut k = j + 1;
                    while k < n && is_digit(b[k]) {
                        k += 1;
                    }
                    j = k;
                    // Only one decimal point.
                    break;
                }
                break;
            }
            // Ordinal suffix.
            let mut ordinal = false;
            if j + 2 <= n {
                let suf = [b[j].to_ascii_lowercase(), b[j + 1].to_ascii_lowercase()];
                let ok = matches!(&suf, b"st" | b"nd" | b"rd" | b"th");
                let after_ok = j + 2 == n || !b[j + 2].is_ascii_alphanumeric();
                if ok && after_ok {
                    j += 2;
                    ordinal = true;
                }
            }
            (Kind::Num, j, ordinal)
        } else if c.is_ascii_alphabetic() {
            // ASCII fast path; a non-ASCII letter continues the word below.
            let mut j = i;
            while j < n && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            if j < n && b[j] >= 0x80 {
                let mut k = j;
                for (off, ch) in text[j..].char_indices() {
                    if ch.is_alphabetic()
                        || (off > 0
                            && k == j + off
                            && matches!(
                                ch,
                                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
                            ))
                        || (off == 0
                            && matches!(
                                ch,
                                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
                            ))
                    {
                        k = j + off + ch.len_utf8();
                    } else {
                        break;
                    }
                }
                while k > j
                    && matches!(
                        text[..k].chars().next_back(),
                        Some('\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
                    )
                {
                    k -= text[..k].chars().next_back().map_or(1, char::len_utf8);
                }
                j = k;
            }
            (Kind::Word, j, false)
        } else if let Some(ch) = text[i..].chars().next() {
            if ch.is_alphabetic() {
                let mut j = i;
                for (k, ch) in text[i..].char_indices() {
                    // Soft hyphens and zero-width characters inside words
                    // ("at\u{ad}temp\u{ad}ted") stay in the word.
                    if ch.is_alphabetic()
                        || (j == i + k
                            && k > 0
                            && matches!(
                                ch,
                                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
                            ))
                    {
                        j = i + k + ch.len_utf8();
                    } else {
                        break;
                    }
                }
                // Do not end a word on an invisible character.
                while j > i
                    && matches!(
                        text[..j].chars().next_back(),
                        Some('\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
                    )
                {
                    j -= text[..j].chars().next_back().map_or(1, char::len_utf8);
                }
                (Kind::Word, j, false)
            } else {
                (Kind::Punct, i + ch.len_utf8(), false)
            }
        } else {
            break;
        };
        toks.push(Tok {
            start,
            end,
            kind,
            space_before: space,
            ordinal,
        });
        space = false;
        i = end;
    }
    toks
}

/// Parses a number token's digits ("2,500", "1.5", "3rd") into a value.
pub(crate) fn num_value(s: &str) -> Option<f64> {
    let mut buf = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' {
            buf.push(c);
        } else if c == ',' {
            continue;
        } else {
            break;
        }
    }
    buf.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_spans() {
        let text = "At least 2,500 U.S. troops; 1.5 million, 3rd, 18-year-old, $6bn";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "At", "least", "2,500", "U", ".", "S", ".", "troops", ";", "1.5", "million", ",",
                "3rd", ",", "18", "-", "year", "-", "old", ",", "$", "6", "bn"
            ]
        );
        assert!(toks[12].ordinal);
        assert_eq!(num_value("2,500"), Some(2500.0));
        assert_eq!(num_value("3rd"), Some(3.0));
    }

    #[test]
    fn comma_groups_need_three_digits() {
        let text = "in 2015,25 people and 1,23";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["in", "2015", ",", "25", "people", "and", "1", ",", "23"]
        );
    }
}
