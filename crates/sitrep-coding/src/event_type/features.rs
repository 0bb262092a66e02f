//! What the event-type model reads: trigger groups, hashed word n-grams and
//! casualty facts of the incident's own sentences, and the lead embedding.
//!
//! The incident's sentences are the title, the first [`LEAD_SENTENCES`]
//! sentences and every sentence holding a casualty fact about the
//! document's own incident ([`Scope::Event`]); background paragraphs further
//! down are not read.

use std::sync::LazyLock;

use sitrep_numbers::{Casualty, Group, Outcome, Scope};
use sitrep_text::Span;

use super::triggers::{self, Phrase, TRIGGER_GROUPS};
use super::TypeInput;

/// Sentences of the lead read in full (as the pipeline's lead embedding).
pub const LEAD_SENTENCES: usize = 3;

/// The most n-gram buckets a model may use; feature dumps use this many.
/// A model's bucket count is a power of two dividing it, so dumped buckets
/// fold onto a model's by keeping their low bits.
pub const MAX_BUCKETS: u32 = 1 << 14;

/// The casualty features, after the trigger features.
const CASUALTY_FEATURES: &[&str] = &[
    "cas:killed",
    "cas:injured",
    "cas:kidnapped",
    "cas:arrested",
    "cas:missing",
    "cas:militants",
    "cas:military",
    "cas:police",
    "cas:civilians",
    "cas:log_killed",
    "cas:none",
];

/// Names of the dense features, in order: `trig:<group>` (the group occurs
/// in the incident's sentences), `lead:<group>` (in the title or the first
/// sentence), then the casualty features (`cas:…`).
#[must_use]
pub fn dense_feature_names() -> Vec<String> {
    TRIGGER_GROUPS
        .iter()
        .map(|g| format!("trig:{}", g.name))
        .chain(TRIGGER_GROUPS.iter().map(|g| format!("lead:{}", g.name)))
        .chain(CASUALTY_FEATURES.iter().map(|s| (*s).to_string()))
        .collect()
}

/// Number of dense features.
#[must_use]
pub fn dense_len() -> usize {
    2 * TRIGGER_GROUPS.len() + CASUALTY_FEATURES.len()
}

/// One document's features.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// Dense features, named by [`dense_feature_names`].
    pub dense: Vec<f32>,
    /// The distinct n-gram buckets (sorted); each counts 1/√n where n is
    /// their number.
    pub ngrams: Vec<u32>,
    /// The lead embedding scaled to unit length (`None` without one, or
    /// when it is all zeros or not finite).
    pub embedding: Option<Vec<f32>>,
    /// The incident's sentences with what each holds, for the evidence.
    pub(crate) units: Vec<Unit>,
}

/// What one of the incident's sentences (or the title) holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// The sentence; `None` for the title.
    pub span: Option<Span>,
    /// Trigger groups found in it (indices into [`TRIGGER_GROUPS`]).
    pub groups: Vec<usize>,
    /// Its n-gram buckets.
    pub ngrams: Vec<u32>,
}

impl Features {
    /// The value of each bucket in [`Features::ngrams`].
    #[must_use]
    pub fn ngram_value(&self) -> f32 {
        if self.ngrams.is_empty() {
            0.0
        } else {
            1.0 / (self.ngrams.len() as f32).sqrt()
        }
    }
}

static PHRASES: LazyLock<Vec<Vec<Phrase>>> = LazyLock::new(triggers::parsed);

/// The features of a document, with n-grams hashed into `buckets` buckets.
/// `buckets` is rounded down to a power of two within 1..=[`MAX_BUCKETS`].
#[must_use]
pub fn features(input: &TypeInput<'_>, buckets: u32) -> Features {
    let buckets = power_of_two_at_most(buckets.clamp(1, MAX_BUCKETS));
    let mut units = Vec::new();
    if let Some(t) = input.title.filter(|t| !t.trim().is_empty()) {
        units.push((None, t));
    }
    for s in incident_sentences(input) {
        if let Some(t) = input.text.get(s.range()) {
            units.push((Some(s), t));
        }
    }
    if units.is_empty() && !input.text.trim().is_empty() {
        // No sentence spans given: read the start of the text as one unit.
        let end = floor_char_boundary(input.text, 600);
        units.push((Some(Span::new(0, end)), &input.text[..end]));
    }
    let n_groups = TRIGGER_GROUPS.len();
    let mut dense = vec![0f32; dense_len()];
    let mut all_ngrams = Vec::new();
    let mut out_units = Vec::with_capacity(units.len());
    let first_sentence = units.iter().position(|(s, _)| s.is_some());
    for (k, (span, text)) in units.iter().enumerate() {
        let words = words(text);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let groups = groups_in(&refs);
        let lead = span.is_none() || Some(k) == first_sentence;
        for &g in &groups {
            dense[g] = 1.0;
            if lead {
                dense[n_groups + g] = 1.0;
            }
        }
        let mut ngrams = ngram_buckets(&refs, buckets);
        all_ngrams.extend_from_slice(&ngrams);
        ngrams.sort_unstable();
        ngrams.dedup();
        out_units.push(Unit {
            span: *span,
            groups,
            ngrams,
        });
    }
    all_ngrams.sort_unstable();
    all_ngrams.dedup();
    casualty_features(input.casualties, &mut dense[2 * n_groups..]);
    Features {
        dense,
        ngrams: all_ngrams,
        embedding: input.embedding.and_then(unit_length),
        units: out_units,
    }
}

/// The first [`LEAD_SENTENCES`] sentences and those holding a casualty
/// fact of the document's own incident, in order.
fn incident_sentences(input: &TypeInput<'_>) -> Vec<Span> {
    let valid = |s: &&Span| s.start <= s.end && input.text.get(s.range()).is_some();
    let mut out: Vec<Span> = input
        .sentences
        .iter()
        .filter(valid)
        .take(LEAD_SENTENCES)
        .copied()
        .collect();
    for c in input.casualties.iter().filter(|c| c.scope == Scope::Event) {
        if let Some(s) = input
            .sentences
            .iter()
            .filter(valid)
            .find(|s| s.start <= c.span.start && c.span.start < s.end)
        {
            out.push(*s);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn casualty_features(casualties: &[Casualty], out: &mut [f32]) {
    let mut any = false;
    let mut killed = 0u64;
    for c in casualties.iter().filter(|c| c.scope == Scope::Event) {
        any = true;
        let slot = match c.outcome {
            Outcome::Killed => 0,
            Outcome::Injured | Outcome::Hit => 1,
            Outcome::Kidnapped => 2,
            Outcome::Arrested => 3,
            Outcome::Missing => 4,
        };
        out[slot] = 1.0;
        let group = match c.group {
            Group::Militants => Some(5),
            Group::Military => Some(6),
            Group::Police => Some(7),
            Group::Civilians => Some(8),
            Group::Unknown => None,
        };
        if let Some(g) = group {
            out[g] = 1.0;
        }
        if c.outcome == Outcome::Killed {
            killed = killed.max(c.count.point().unwrap_or(1));
        }
    }
    out[9] = (killed as f32).ln_1p();
    out[10] = if any { 0.0 } else { 1.0 };
}

/// Lower-case words: runs of letters and digits; numbers become `#`.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut flush = |cur: &mut String| {
        if !cur.is_empty() {
            if cur.chars().all(|c| c.is_ascii_digit()) {
                out.push("#".to_string());
            } else {
                out.push(std::mem::take(cur));
            }
            cur.clear();
        }
    };
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else {
            flush(&mut cur);
        }
    }
    flush(&mut cur);
    out
}

/// The trigger groups with a phrase in `words` (indices, ascending).
fn groups_in(words: &[&str]) -> Vec<usize> {
    PHRASES
        .iter()
        .enumerate()
        .filter(|(_, phrases)| {
            (0..words.len()).any(|at| phrases.iter().any(|p| triggers::matches_at(p, words, at)))
        })
        .map(|(g, _)| g)
        .collect()
}

/// Buckets of the unigrams and bigrams of `words`.
fn ngram_buckets(words: &[&str], buckets: u32) -> Vec<u32> {
    let mask = u64::from(buckets - 1);
    let mut out = Vec::with_capacity(2 * words.len());
    for (k, w) in words.iter().enumerate() {
        out.push((fnv1a(&[b"u:", w.as_bytes()]) & mask) as u32);
        if let Some(next) = words.get(k + 1) {
            out.push((fnv1a(&[b"b:", w.as_bytes(), b" ", next.as_bytes()]) & mask) as u32);
        }
    }
    out
}

/// 64-bit FNV-1a over the concatenated parts.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn power_of_two_at_most(n: u32) -> u32 {
    1 << (31 - n.leading_zeros())
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut k = at.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

fn unit_length(v: &[f32]) -> Option<Vec<f32>> {
    let norm = v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    (norm.is_finite() && norm > 0.0)
        .then(|| v.iter().map(|x| (f64::from(*x) / norm) as f32).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_with_numbers_folded() {
        assert_eq!(
            words("U.S.-led air-strikes killed 12 ISIS fighters"),
            ["u", "s", "led", "air", "strikes", "killed", "#", "isis", "fighters"]
        );
    }

    #[test]
    fn every_group_matches_its_example_and_the_table_is_sorted() {
        for (k, g) in TRIGGER_GROUPS.iter().enumerate() {
            let w = words(g.example);
            let refs: Vec<&str> = w.iter().map(String::as_str).collect();
            assert!(
                groups_in(&refs).contains(&k),
                "{} misses {:?}",
                g.name,
                g.example
            );
            if k > 0 {
                assert!(
                    TRIGGER_GROUPS[k - 1].name < g.name,
                    "{} out of order",
                    g.name
                );
            }
            for p in g.phrases {
                assert!(
                    !p.is_empty() && *p == p.to_lowercase() && !p.contains("  "),
                    "{}: bad phrase {p:?}",
                    g.name
                );
            }
        }
    }

    #[test]
    fn buckets_fold_from_the_dump_size_by_their_low_bits() {
        let w = ["warplanes", "pounded", "the", "village"];
        let big = ngram_buckets(&w, MAX_BUCKETS);
        let small = ngram_buckets(&w, 1 << 10);
        assert_eq!(big.len(), 7);
        for (b, s) in big.iter().zip(&small) {
            assert_eq!(b & ((1 << 10) - 1), *s);
        }
        assert_eq!(power_of_two_at_most(5000), 4096);
        assert_eq!(power_of_two_at_most(1), 1);
    }

    #[test]
    fn only_the_incident_sentences_are_read() {
        let text = "Rebels attacked a base. Troops fought back. Two died. \
                    It was calm. Years ago a flood hit the town.";
        let sentences = sitrep_text::split_sentences(text);
        let input = TypeInput {
            text,
            title: Some("Clashes near the base"),
            sentences: &sentences,
            casualties: &[],
            embedding: None,
        };
        let f = features(&input, 1024);
        let names = dense_feature_names();
        let on = |n: &str| f.dense[names.iter().position(|x| x == n).unwrap()] > 0.0;
        assert!(on("trig:battle") && on("lead:battle") && on("trig:force_attack"));
        assert!(
            !on("trig:natural_disaster"),
            "the fifth sentence is background"
        );
        assert!(on("cas:none"));
        assert_eq!(f.units.len(), 4);
        assert_eq!(f.units[0].span, None);
        assert!(f.embedding.is_none());
    }
}
