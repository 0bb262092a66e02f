//! Byte spans into a document's original text, and their conversion to code points.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's original text.
///
/// Inside Rust every offset is a byte offset that lies on a UTF-8 character
/// boundary, so `&text[span.range()]` is always valid for the text the span was
/// made from. Code-point offsets (what Python slicing expects) are produced only
/// at the JSON edge, with [`CharIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span.
    ///
    /// # Panics
    ///
    /// When `start > end`: spans are made by this workspace's own code, never
    /// from input, so an inverted span is a bug.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "inverted span {start}..{end}");
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    #[must_use]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under the span, or `None` when it is out of bounds or not on
    /// character boundaries of `text`.
    #[must_use]
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }

    /// Whether `other` lies within this span.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Built once per document in `O(n)`; each lookup is `O(log n)` (constant for
/// ASCII text).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII character start, with the number of
    /// bytes saved before it (bytes - chars) so far. Empty for ASCII text.
    multibyte: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> CharIndex {
        let mut multibyte = Vec::new();
        let mut saved = 0usize;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                saved += n - 1;
                // After this character, `saved` extra bytes precede any offset.
                multibyte.push((i + n, saved));
            }
        }
        CharIndex {
            multibyte,
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte`. A byte offset inside a
    /// character maps to the character that contains it; offsets past the end
    /// clamp to the end.
    #[must_use]
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Entries whose character ends at or before `byte`.
        let k = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let saved = if k == 0 { 0 } else { self.multibyte[k - 1].1 };
        byte - saved
    }

    /// Converts a byte span to a code-point span.
    #[must_use]
    pub fn span_to_chars(&self, span: Span) -> Span {
        Span::new(self.to_char(span.start), self.to_char(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_python_slicing() {
        let rows: &[(&str, &str)] = &[
            ("plain ascii text", "ascii"),
            ("Zürich police said", "police"),
            ("Qader’s men", "men"),
            ("al‑Mazrouei— the leader", "leader"),
            ("🎉 party in Zürich", "Zürich"),
            ("", ""),
        ];
        for &(text, needle) in rows {
            let b = text.find(needle).unwrap();
            let span = Span::new(b, b + needle.len());
            let idx = CharIndex::new(text);
            let cs = idx.span_to_chars(span);
            let chars: Vec<char> = text.chars().collect();
            let got: String = chars[cs.start..cs.end].iter().collect();
            assert_eq!(got, needle, "in {text:?}");
        }
    }

    #[test]
    fn slice_rejects_non_boundaries() {
        let text = "Zürich";
        assert_eq!(Span::new(0, 2).slice(text), None);
        assert_eq!(Span::new(0, 3).slice(text), Some("Zü"));
        assert_eq!(Span::new(0, 30).slice(text), None);
    }
}
