//! NER tag schemes (IOB1, IOB2, BIOES), label parsing, chunk decoding with
//! conlleval's rules, and conversion to IOB2.
//!
//! Decoding follows `conlleval.pl` (the CoNLL-2000/2003 evaluation script):
//! its `startOfChunk`/`endOfChunk` rules are lenient, so an `I-X` after `O` or
//! after a chunk of another type starts a new chunk whatever the scheme, and a
//! `B-X` always starts one. IOB1 and IOB2 input therefore decode to the same
//! chunks. For [`TagScheme::Bioes`], the rules are those of the common Python
//! port of conlleval (also used by seqeval), which adds `E-`/`S-` handling
//! (`E-` and `S-` always end a chunk, `S-` always starts one); on tags without
//! `E-`/`S-` both rule sets give identical chunks.
//!
//! ```
//! use sitrep_ner::tags::{decode, detect_scheme, to_iob2, TagScheme};
//!
//! let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"];
//! let scheme = detect_scheme(iob1);
//! assert_eq!(scheme, TagScheme::Iob1);
//! assert_eq!(to_iob2(&iob1, scheme), ["B-PER", "I-PER", "B-PER", "O", "B-LOC"]);
//! assert_eq!(
//!     decode(&iob1, scheme),
//!     vec![(0, 2, "PER".to_string()), (2, 3, "PER".to_string()), (4, 5, "LOC".to_string())]
//! );
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// A tagging scheme for entity chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TagScheme {
    /// Original CoNLL-2003: a chunk starts with `I-` unless it directly follows
    /// a chunk of the same type, in which case it starts with `B-`.
    Iob1,
    /// Every chunk starts with `B-`; `I-` continues it.
    Iob2,
    /// `B-` begins, `I-` continues and `E-` ends a multi-token chunk; `S-`
    /// marks a single-token chunk.
    Bioes,
}

impl fmt::Display for TagScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TagScheme::Iob1 => "IOB1",
            TagScheme::Iob2 => "IOB2",
            TagScheme::Bioes => "BIOES",
        })
    }
}

/// The prefix part of a tag such as `B-PER`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TagPrefix {
    /// Begin (`B-`).
    B,
    /// Inside (`I-`, also a bare type such as `PER`).
    I,
    /// End (`E-`, also BILOU's `L-`).
    E,
    /// Single (`S-`, also BILOU's `U-`).
    S,
    /// Outside (`O`, also an empty or all-whitespace label).
    O,
}

/// An entity chunk: `(first word, one past the last word, type)`.
pub type Chunk = (usize, usize, String);

/// Parses a label into its prefix and its type.
///
/// Never fails: `"O"`, `""` and labels starting with `O-` are [`TagPrefix::O`]
/// with type `""`; `"B-PER"`, `"I-MISC"`, `"E-ORG"`, `"S-LOC"` split at the
/// first `-` (BILOU's `L-`/`U-` map to `E-`/`S-`); anything else, such as a
/// bare `"PER"` or `"X-Y"`, is treated as `I-` with the whole (trimmed) label
/// as its type.
///
/// ```
/// use sitrep_ner::tags::{parse_label, TagPrefix};
///
/// assert_eq!(parse_label("B-PER"), (TagPrefix::B, "PER"));
/// assert_eq!(parse_label("O"), (TagPrefix::O, ""));
/// assert_eq!(parse_label("LOC"), (TagPrefix::I, "LOC"));
/// ```
#[must_use]
pub fn parse_label(label: &str) -> (TagPrefix, &str) {
    let label = label.trim();
    if label.is_empty() || label == "O" {
        return (TagPrefix::O, "");
    }
    if let Some((head, ty)) = label.split_once('-') {
        let prefix = match head {
            "B" => Some(TagPrefix::B),
            "I" => Some(TagPrefix::I),
            "E" | "L" => Some(TagPrefix::E),
            "S" | "U" => Some(TagPrefix::S),
            "O" => return (TagPrefix::O, ""),
            _ => None,
        };
        if let Some(prefix) = prefix {
            return (prefix, ty);
        }
    }
    (TagPrefix::I, label)
}

/// Guesses the scheme of a tag sequence.
///
/// [`TagScheme::Bioes`] when any tag has an `E-`/`S-` prefix;
/// [`TagScheme::Iob1`] when any chunk starts with `I-` (after `O`, after a
/// chunk of another type, or at the very start); [`TagScheme::Iob2`]
/// otherwise (including when there are no entities at all).
///
/// Pass the tags of several sentences with an `"O"` (or `""`) between
/// sentences, so that an `I-` opening a sentence counts as a chunk start.
pub fn detect_scheme<I>(tags: I) -> TagScheme
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut iob1 = false;
    let mut prev = (TagPrefix::O, String::new());
    for tag in tags {
        let (prefix, ty) = parse_label(tag.as_ref());
        match prefix {
            TagPrefix::E | TagPrefix::S => return TagScheme::Bioes,
            TagPrefix::I if prev.0 == TagPrefix::O || prev.1 != ty => iob1 = true,
            _ => {}
        }
        prev.0 = prefix;
        prev.1.clear();
        prev.1.push_str(ty);
    }
    if iob1 {
        TagScheme::Iob1
    } else {
        TagScheme::Iob2
    }
}

/// A chunk rule: `(previous prefix, prefix, previous type, type) -> bool`.
type Rule = fn(TagPrefix, TagPrefix, &str, &str) -> bool;

/// `conlleval.pl`'s `endOfChunk`: does a chunk end between the previous tag
/// and this one?
fn end_of_chunk_conlleval(prev: TagPrefix, tag: TagPrefix, prev_ty: &str, ty: &str) -> bool {
    use TagPrefix::{B, E, I, O};
    matches!(
        (prev, tag),
        (B, B) | (B, O) | (I, B) | (I, O) | (E, E) | (E, I) | (E, O)
    ) || (prev != O && prev_ty != ty)
}

/// `conlleval.pl`'s `startOfChunk`: does a chunk start at this tag?
fn start_of_chunk_conlleval(prev: TagPrefix, tag: TagPrefix, prev_ty: &str, ty: &str) -> bool {
    use TagPrefix::{B, E, I, O};
    matches!(
        (prev, tag),
        (B, B) | (I, B) | (O, B) | (O, I) | (E, E) | (E, I) | (O, E)
    ) || (tag != O && prev_ty != ty)
}

/// The Python conlleval port's `end_of_chunk`, with `E-`/`S-` handling.
fn end_of_chunk_bioes(prev: TagPrefix, tag: TagPrefix, prev_ty: &str, ty: &str) -> bool {
    use TagPrefix::{B, E, I, O, S};
    matches!(prev, E | S)
        || matches!((prev, tag), (B | I, B | S | O))
        || (prev != O && prev_ty != ty)
}

/// The Python conlleval port's `start_of_chunk`, with `E-`/`S-` handling.
fn start_of_chunk_bioes(prev: TagPrefix, tag: TagPrefix, prev_ty: &str, ty: &str) -> bool {
    use TagPrefix::{B, E, I, O, S};
    matches!(tag, B | S) || matches!((prev, tag), (E | S | O, E | I)) || (tag != O && prev_ty != ty)
}

/// Decodes a tag sequence (one sentence) into chunks
/// `(first word, one past the last word, type)`, in order.
///
/// Uses `conlleval.pl`'s rules for [`TagScheme::Iob1`] and
/// [`TagScheme::Iob2`] (they are the same, and lenient), and those rules plus
/// `E-`/`S-` handling for [`TagScheme::Bioes`]; see the [module
/// docs](self). Labels are read with [`parse_label`]. Never panics.
#[must_use]
pub fn decode<S: AsRef<str>>(tags: &[S], scheme: TagScheme) -> Vec<Chunk> {
    let (end_of_chunk, start_of_chunk): (Rule, Rule) = match scheme {
        TagScheme::Iob1 | TagScheme::Iob2 => (end_of_chunk_conlleval, start_of_chunk_conlleval),
        TagScheme::Bioes => (end_of_chunk_bioes, start_of_chunk_bioes),
    };
    let mut chunks = Vec::new();
    // The open chunk: its first word and its type.
    let mut open: Option<(usize, &str)> = None;
    let mut prev: (TagPrefix, &str) = (TagPrefix::O, "");
    // One extra step with an `O` closes a chunk open at the end.
    for i in 0..=tags.len() {
        let (tag, ty) = match tags.get(i) {
            Some(label) => parse_label(label.as_ref()),
            None => (TagPrefix::O, ""),
        };
        let ends = end_of_chunk(prev.0, tag, prev.1, ty);
        let starts = i < tags.len() && start_of_chunk(prev.0, tag, prev.1, ty);
        if ends || starts || i == tags.len() {
            if let Some((start, open_ty)) = open.take() {
                chunks.push((start, i, open_ty.to_string()));
            }
        }
        if starts {
            open = Some((i, ty));
        }
        prev = (tag, ty);
    }
    chunks
}

/// Writes chunks as IOB2 tags for a sentence of `len` words: `B-TYPE` on each
/// chunk's first word, `I-TYPE` on the rest, `O` elsewhere.
///
/// Chunks are applied in order; words outside `0..len` are ignored and a later
/// chunk overwrites an earlier one where they overlap. Never panics.
#[must_use]
pub fn chunks_to_iob2<S: AsRef<str>>(len: usize, chunks: &[(usize, usize, S)]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); len];
    for (start, end, ty) in chunks {
        let end = (*end).min(len);
        for (i, tag) in tags.iter_mut().enumerate().take(end).skip(*start) {
            let prefix = if i == *start { "B-" } else { "I-" };
            *tag = format!("{prefix}{}", ty.as_ref());
        }
    }
    tags
}

/// Converts a tag sequence (one sentence) in `scheme` to IOB2, by
/// [`decode`]-ing its chunks and writing them back with [`chunks_to_iob2`].
/// The result has the same length as `tags`.
#[must_use]
pub fn to_iob2<S: AsRef<str>>(tags: &[S], scheme: TagScheme) -> Vec<String> {
    chunks_to_iob2(tags.len(), &decode(tags, scheme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chunks(list: &[(usize, usize, &str)]) -> Vec<Chunk> {
        list.iter()
            .map(|&(s, e, t)| (s, e, t.to_string()))
            .collect()
    }

    #[test]
    fn parse_label_table() {
        use TagPrefix::*;
        let cases: &[(&str, (TagPrefix, &str))] = &[
            ("O", (O, "")),
            ("", (O, "")),
            ("  ", (O, "")),
            (" O\r", (O, "")),
            ("O-PER", (O, "")),
            ("B-PER", (B, "PER")),
            ("I-MISC", (I, "MISC")),
            ("S-LOC", (S, "LOC")),
            ("E-ORG", (E, "ORG")),
            ("U-LOC", (S, "LOC")),
            ("L-ORG", (E, "ORG")),
            ("PER", (I, "PER")),
            ("B-", (B, "")),
            ("B-WORK-OF-ART", (B, "WORK-OF-ART")),
            ("X-Y", (I, "X-Y")),
            ("b-per", (I, "b-per")),
            ("-", (I, "-")),
        ];
        for (label, want) in cases {
            assert_eq!(parse_label(label), *want, "label {label:?}");
        }
    }

    #[test]
    fn detect_scheme_table() {
        let cases: &[(&[&str], TagScheme)] = &[
            (&[], TagScheme::Iob2),
            (&["O", "O"], TagScheme::Iob2),
            (&["B-PER", "I-PER", "O", "B-LOC"], TagScheme::Iob2),
            (&["B-PER", "I-PER", "B-PER"], TagScheme::Iob2),
            (&["B-PER", "B-LOC", "I-LOC"], TagScheme::Iob2),
            (&["I-PER", "I-PER", "O"], TagScheme::Iob1),
            (&["O", "I-LOC"], TagScheme::Iob1),
            (&["B-PER", "I-LOC"], TagScheme::Iob1),
            (&["I-PER", "B-PER"], TagScheme::Iob1),
            (&["B-PER", "E-PER", "O"], TagScheme::Bioes),
            (&["S-PER", "O"], TagScheme::Bioes),
            (&["I-PER", "S-PER"], TagScheme::Bioes),
            (&["PER", "PER"], TagScheme::Iob1),
        ];
        for (tags, want) in cases {
            assert_eq!(detect_scheme(tags.iter()), *want, "tags {tags:?}");
        }
        // Works on owned strings too.
        let owned = vec!["I-PER".to_string()];
        assert_eq!(detect_scheme(&owned), TagScheme::Iob1);
        assert_eq!(
            detect_scheme(owned.iter().map(String::as_str)),
            TagScheme::Iob1
        );
    }

    #[test]
    fn decode_table() {
        type Case<'a> = (&'a [&'a str], TagScheme, &'a [(usize, usize, &'a str)]);
        let cases: &[Case] = &[
            (&[], TagScheme::Iob2, &[]),
            (&["O", "O"], TagScheme::Iob2, &[]),
            (
                &["B-PER", "I-PER", "O", "B-LOC"],
                TagScheme::Iob2,
                &[(0, 2, "PER"), (3, 4, "LOC")],
            ),
            (
                &["B-PER", "B-PER", "I-PER"],
                TagScheme::Iob2,
                &[(0, 1, "PER"), (1, 3, "PER")],
            ),
            // IOB1: I- starts, B- only between same-type neighbours.
            (
                &["I-PER", "I-PER", "B-PER", "O", "I-LOC"],
                TagScheme::Iob1,
                &[(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC")],
            ),
            // Lenient: I- after O or another type starts a chunk in IOB2 too.
            (
                &["O", "I-PER", "I-LOC", "I-LOC"],
                TagScheme::Iob2,
                &[(1, 2, "PER"), (2, 4, "LOC")],
            ),
            // A type change inside a B- chunk starts a new one.
            (
                &["B-PER", "I-ORG", "I-ORG"],
                TagScheme::Iob2,
                &[(0, 1, "PER"), (1, 3, "ORG")],
            ),
            // Chunk open at the end of the sentence is closed.
            (
                &["O", "B-MISC", "I-MISC"],
                TagScheme::Iob2,
                &[(1, 3, "MISC")],
            ),
            // Bare types are I- tags.
            (
                &["PER", "PER", "O", "LOC"],
                TagScheme::Iob1,
                &[(0, 2, "PER"), (3, 4, "LOC")],
            ),
            // BIOES.
            (
                &[
                    "B-PER", "E-PER", "S-PER", "O", "S-LOC", "B-ORG", "I-ORG", "E-ORG",
                ],
                TagScheme::Bioes,
                &[(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 8, "ORG")],
            ),
            (
                &["S-PER", "S-PER", "B-LOC", "E-LOC", "B-LOC", "E-LOC"],
                TagScheme::Bioes,
                &[(0, 1, "PER"), (1, 2, "PER"), (2, 4, "LOC"), (4, 6, "LOC")],
            ),
            // Ill-formed BIOES, handled leniently: E- after O starts a chunk,
            // I- after E- starts a chunk.
            (
                &["O", "E-PER", "I-PER", "I-PER"],
                TagScheme::Bioes,
                &[(1, 2, "PER"), (2, 4, "PER")],
            ),
            // conlleval.pl itself has no S- rule: S-PER S-PER is one chunk.
            (&["S-PER", "S-PER"], TagScheme::Iob2, &[(0, 2, "PER")]),
            // Odd labels never panic.
            (
                &["B-", "I-", "O", "-", ""],
                TagScheme::Iob2,
                &[(0, 2, ""), (3, 4, "-")],
            ),
        ];
        for (tags, scheme, want) in cases {
            assert_eq!(
                decode(tags, *scheme),
                chunks(want),
                "tags {tags:?} as {scheme}"
            );
        }
    }

    #[test]
    fn to_iob2_table() {
        type Case<'a> = (&'a [&'a str], TagScheme, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &["I-PER", "I-PER", "B-PER", "O", "I-LOC"],
                TagScheme::Iob1,
                &["B-PER", "I-PER", "B-PER", "O", "B-LOC"],
            ),
            (
                &["O", "I-ORG", "I-MISC", "O"],
                TagScheme::Iob1,
                &["O", "B-ORG", "B-MISC", "O"],
            ),
            (
                &["B-PER", "I-PER", "O"],
                TagScheme::Iob2,
                &["B-PER", "I-PER", "O"],
            ),
            (
                &["S-PER", "B-LOC", "I-LOC", "E-LOC", "O", "S-LOC"],
                TagScheme::Bioes,
                &["B-PER", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC"],
            ),
            (&["LOC", "", "O"], TagScheme::Iob1, &["B-LOC", "O", "O"]),
        ];
        for (tags, scheme, want) in cases {
            assert_eq!(to_iob2(tags, *scheme), *want, "tags {tags:?} as {scheme}");
        }
    }

    #[test]
    fn chunks_to_iob2_clamps() {
        let tags = chunks_to_iob2(3, &[(1, 9, "X"), (7, 8, "Y")]);
        assert_eq!(tags, ["O", "B-X", "I-X"]);
    }

    fn bio_tag() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("O".to_string()),
            Just("B-PER".to_string()),
            Just("I-PER".to_string()),
            Just("B-LOC".to_string()),
            Just("I-LOC".to_string()),
        ]
    }

    proptest! {
        /// On tags without E-/S-, the BIOES rules agree with conlleval.pl's.
        #[test]
        fn bioes_rules_match_conlleval_on_bio(tags in prop::collection::vec(bio_tag(), 0..12)) {
            prop_assert_eq!(decode(&tags, TagScheme::Bioes), decode(&tags, TagScheme::Iob2));
        }

        /// Converting to IOB2 keeps the chunks, and IOB2 decodes as IOB2.
        #[test]
        fn to_iob2_keeps_chunks(tags in prop::collection::vec(bio_tag(), 0..12)) {
            let iob2 = to_iob2(&tags, TagScheme::Iob1);
            prop_assert_eq!(decode(&iob2, TagScheme::Iob2), decode(&tags, TagScheme::Iob1));
            prop_assert_ne!(detect_scheme(&iob2), TagScheme::Iob1);
        }

        /// Chunks are ordered, non-empty, in range and non-overlapping, for any labels.
        #[test]
        fn decode_never_panics(tags in prop::collection::vec("[BIESOUL.-]{0,2}[A-Z-]{0,3}", 0..10)) {
            for scheme in [TagScheme::Iob1, TagScheme::Iob2, TagScheme::Bioes] {
                let chunks = decode(&tags, scheme);
                let mut last = 0;
                for (s, e, _) in &chunks {
                    prop_assert!(last <= *s && s < e && *e <= tags.len());
                    last = *e;
                }
                prop_assert_eq!(to_iob2(&tags, scheme).len(), tags.len());
            }
        }
    }
}
