//! Lead terms: the position-weighted words of an article's headline and
//! lead, with sentences repeated across documents (boilerplate) left out,
//! and the TF-IDF weighting of them.

use std::collections::HashMap;

use rayon::prelude::*;
use sitrep_text::{lexicon, Span};

use crate::document::DocInput;

/// Bytes of the article read for lead terms; later text is background more
/// often than not.
const LEAD_BYTES: usize = 4000;
/// Position (in bytes) at which a term's weight has halved.
const HALF_WEIGHT_AT: f32 = 1500.0;

/// Words too common to tell incidents apart (weekdays too: [`lexicon::is_weekday`]).
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "his",
    "her",
    "hers",
    "him",
    "she",
    "they",
    "them",
    "their",
    "this",
    "these",
    "those",
    "from",
    "but",
    "not",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "said",
    "says",
    "say",
    "also",
    "about",
    "after",
    "before",
    "into",
    "over",
    "than",
    "then",
    "there",
    "its",
    "our",
    "out",
    "one",
    "all",
    "any",
    "can",
    "did",
    "does",
    "more",
    "most",
    "other",
    "some",
    "such",
    "only",
    "own",
    "same",
    "very",
    "just",
    "now",
    "new",
    "while",
    "during",
    "because",
    "may",
    "might",
    "must",
    "told",
    "according",
    "you",
    "your",
    "we",
    "per",
    "via",
    "both",
    "each",
    "few",
    "many",
    "much",
    "off",
    "under",
    "again",
    "further",
    "once",
    "here",
    "between",
    "through",
    "against",
    "above",
    "below",
    "down",
    "up",
    "until",
    "too",
    "nor",
    "yet",
    "get",
    "got",
    "year",
    "years",
    "old",
    "time",
    "day",
    "week",
    "news",
    "report",
    "reported",
    "reports",
    "people",
    "last",
    "first",
    "two",
    "three",
    "four",
    "five",
    "like",
    "don",
    "didn",
    "isn",
    "wasn",
    "it's",
    "he's",
    "if",
    "an",
    "at",
    "by",
    "in",
    "of",
    "on",
    "or",
    "to",
    "is",
    "be",
    "as",
    "it",
    "he",
    "a",
    "i",
    "so",
    "no",
    "do",
];

fn term_hash(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Sentences of at least this many words found in this many documents or
/// more are boilerplate (an outlet's standing paragraphs, a scraper's cookie
/// notice, background repeated in every report of a campaign): they say
/// nothing about which incident a document reports.
const BOILERPLATE_WORDS: usize = 6;
const BOILERPLATE_DOCUMENTS: usize = 3;

/// A sentence's words, lower-cased, as a hash; `None` when it is short.
fn sentence_key(s: &str) -> Option<u64> {
    let mut words = 0;
    let mut norm = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        norm.extend(w.chars().flat_map(char::to_lowercase));
        norm.push(' ');
    }
    (words >= BOILERPLATE_WORDS).then(|| term_hash(&norm))
}

/// Per document, the spans of its boilerplate sentences (sorted).
pub(super) fn boilerplate_sentences(docs: &[DocInput<'_>]) -> Vec<Vec<Span>> {
    let keys: Vec<Vec<(u64, Span)>> = docs
        .par_iter()
        .map(|d| {
            let mut k: Vec<(u64, Span)> = d
                .sentences
                .iter()
                .filter_map(|sp| sentence_key(sp.slice(d.text)?).map(|h| (h, *sp)))
                .collect();
            k.sort_by_key(|x| (x.1.start, x.1.end));
            k
        })
        .collect();
    let mut df: HashMap<u64, usize> = HashMap::new();
    for k in &keys {
        let mut seen: Vec<u64> = k.iter().map(|x| x.0).collect();
        seen.sort_unstable();
        seen.dedup();
        for h in seen {
            *df.entry(h).or_default() += 1;
        }
    }
    keys.into_iter()
        .map(|k| {
            k.into_iter()
                .filter(|(h, _)| df.get(h).copied().unwrap_or(0) >= BOILERPLATE_DOCUMENTS)
                .map(|(_, sp)| sp)
                .collect()
        })
        .collect()
}

/// Weighted term counts of the lead (and title, weighted double). Words
/// inside the `skip` spans of `text` (sorted, not overlapping) are left out.
pub(super) fn lead_terms(text: &str, title: Option<&str>, skip: &[Span]) -> Vec<(u64, f32)> {
    lead_terms_and_content(text, title, skip).0
}

/// [`lead_terms`], and how many distinct terms come from `text` itself
/// (see [`DocFeatures::content_terms`](crate::DocFeatures::content_terms)).
pub(super) fn lead_terms_and_content(
    text: &str,
    title: Option<&str>,
    skip: &[Span],
) -> (Vec<(u64, f32)>, usize) {
    // Weight, and whether the term occurs in `text`.
    let mut counts: HashMap<u64, (f32, bool)> = HashMap::new();
    let mut add = |s: &str, w: f32, skip: &[Span], in_text: bool| {
        let mut skip = skip.iter().peekable();
        let mut buf = String::new();
        let mut start = 0usize;
        let bytes = s.len();
        let mut flush = |buf: &mut String, at: usize| {
            while skip.next_if(|sp| sp.end <= at).is_some() {}
            let skipped = skip.peek().is_some_and(|sp| sp.start <= at);
            let long_enough = buf.chars().count() >= 3
                || (buf.len() >= 2 && buf.bytes().all(|b| b.is_ascii_digit()));
            if long_enough
                && !skipped
                && !STOPWORDS.contains(&buf.as_str())
                && !lexicon::is_weekday(buf)
            {
                let pos_w = w / (1.0 + at as f32 / HALF_WEIGHT_AT);
                let e = counts.entry(term_hash(buf)).or_default();
                e.0 += pos_w;
                e.1 |= in_text;
            }
            buf.clear();
        };
        for (i, c) in s.char_indices() {
            if i >= LEAD_BYTES.min(bytes) && buf.is_empty() {
                break;
            }
            if c.is_alphanumeric() {
                if buf.is_empty() {
                    start = i;
                }
                buf.extend(c.to_lowercase());
            } else if !buf.is_empty() {
                flush(&mut buf, start);
            }
        }
        if !buf.is_empty() {
            flush(&mut buf, start);
        }
    };
    if let Some(t) = title {
        add(t, 2.0, &[], false);
    }
    add(text, 1.0, skip, true);
    let content = counts.values().filter(|x| x.1).count();
    let mut v: Vec<(u64, f32)> = counts.into_iter().map(|(h, (w, _))| (h, w)).collect();
    v.sort_unstable_by_key(|x| x.0);
    (v, content)
}

pub(super) fn normalise<K>(v: &mut [(K, f32)]) {
    let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            x.1 /= n;
        }
    }
}

pub(super) fn idf(n: usize, df: usize) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_numbers::Toll;

    #[test]
    fn sentences_repeated_in_three_documents_are_boilerplate() {
        let shared = "Get email notifications whenever new stories are posted here.";
        let texts = [
            format!("Two men were shot on Elm Street. {shared}"),
            format!("{shared} A fire closed the bridge on Sunday morning."),
            format!("Voters went to the polls today. {shared} Short one."),
            "Two men were shot on Elm Street. Nothing else happened.".to_string(),
        ];
        let sentences: Vec<Vec<Span>> = texts
            .iter()
            .map(|t| sitrep_text::split_sentences(t))
            .collect();
        let toll = Toll {
            killed: None,
            injured: None,
        };
        let docs: Vec<DocInput<'_>> = texts
            .iter()
            .zip(&sentences)
            .map(|(t, s)| DocInput {
                id: "d",
                text: t,
                title: None,
                published: None,
                source: None,
                sentences: s,
                entities: &[],
                casualties: &[],
                toll: &toll,
                embedding: None,
            })
            .collect();
        let b = boilerplate_sentences(&docs);
        let found: Vec<Vec<&str>> = b
            .iter()
            .zip(&texts)
            .map(|(spans, t)| spans.iter().map(|s| s.slice(t).unwrap().trim()).collect())
            .collect();
        // In three documents: boilerplate. In two ("Two men were shot…"): not.
        assert_eq!(
            found,
            vec![vec![shared], vec![shared], vec![shared], vec![]]
        );
        // Its words are left out of the lead terms, the others kept.
        let with = lead_terms(&texts[0], None, &[]);
        let without = lead_terms(&texts[0], None, &b[0]);
        assert!(without.len() < with.len());
        assert!(without.iter().any(|(h, _)| *h == term_hash("elm")));
        assert!(!without
            .iter()
            .any(|(h, _)| *h == term_hash("notifications")));
    }

    #[test]
    fn lead_terms_weight_the_start() {
        let filler = "filler words here. ".repeat(200);
        let text = format!("Gunman shot Alvarez downtown. {filler} Alvarez again.");
        let t = lead_terms(&text, None, &[]);
        let w = |s: &str| t.iter().find(|x| x.0 == term_hash(s)).map_or(0.0, |x| x.1);
        assert!(w("gunman") > 0.9, "{}", w("gunman"));
        assert!(w("alvarez") > w("gunman"), "counted twice");
        assert!(
            w("alvarez") < 2.0,
            "the late mention weighs less (or is cut)"
        );
        assert_eq!(w("the"), 0.0);
    }
}
