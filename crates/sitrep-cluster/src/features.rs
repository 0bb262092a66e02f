//! From analysed documents to clustering features.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use sitrep_numbers::{Casualty, Scope, Toll};
use sitrep_text::{EntityMention, Span};

use crate::dates::{event_date, EventDate};
use crate::document::{figure_range, DocFeatures};
use crate::entities::Canonical;
use crate::names::{normalize, person_words, DIRECTIONS};

/// One analysed document, as clustering reads it.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// Document id.
    pub id: &'a str,
    /// The text every span points into.
    pub text: &'a str,
    /// Headline, when known.
    pub title: Option<&'a str>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Outlet, when known.
    pub source: Option<&'a str>,
    /// Sentence spans.
    pub sentences: &'a [Span],
    /// Named entities.
    pub entities: &'a [EntityMention],
    /// Casualty facts.
    pub casualties: &'a [Casualty],
    /// The document's toll of its own incident.
    pub toll: &'a Toll,
    /// Sentence embedding of the lead, when computed.
    pub embedding: Option<&'a [f32]>,
}

/// Bytes of the article read for lead terms; later text is background more
/// often than not.
const LEAD_BYTES: usize = 4000;
/// Position (in bytes) at which a term's weight has halved.
const HALF_WEIGHT_AT: f32 = 1500.0;

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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
fn boilerplate_sentences(docs: &[DocInput<'_>]) -> Vec<Vec<Span>> {
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
fn lead_terms(text: &str, title: Option<&str>, skip: &[Span]) -> Vec<(u64, f32)> {
    lead_terms_and_content(text, title, skip).0
}

/// [`lead_terms`], and how many distinct terms come from `text` itself
/// (see [`DocFeatures::content_terms`]).
fn lead_terms_and_content(
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
            if long_enough && !skipped && !STOPWORDS.contains(&buf.as_str()) {
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

fn normalise<K>(v: &mut [(K, f32)]) {
    let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            x.1 /= n;
        }
    }
}

fn idf(n: usize, df: usize) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
}

/// Years an article names: four-digit numbers 1900–2099 standing alone
/// (not part of a longer number or a figure such as "2,019"), and the
/// publication year.
/// Ages of people the article states in digits: "a 19-year-old", "19 years
/// old", "aged 19", "age 19", and a person's name followed by ", 19," or
/// "(19)". Sorted, 1–110. Two reports of one incident tend to give the same
/// ages; two look-alike incidents in one city rarely do.
fn ages_named(text: &str, entities: &[EntityMention]) -> Vec<u8> {
    static AGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:(\d{1,3})[- ]years?[- ]old\b|(\d{1,3}) years of age\b|aged? (\d{1,3})\b)",
        )
        .expect("valid pattern")
    });
    static AFTER_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:,\s?(\d{1,3})\s?,|\s?\((\d{1,3})\))").expect("valid pattern")
    });
    let mut ages: Vec<u8> = Vec::new();
    let mut push = |m: Option<regex::Match<'_>>| {
        if let Some(a) = m.and_then(|m| m.as_str().parse::<u8>().ok()) {
            if (1..=110).contains(&a) {
                ages.push(a);
            }
        }
    };
    for c in AGE.captures_iter(text) {
        push(c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)));
    }
    for e in entities.iter().filter(|e| e.label == "PER") {
        if let Some(rest) = text.get(e.span.end..) {
            if let Some(c) = AFTER_NAME.captures(rest) {
                push(c.get(1).or_else(|| c.get(2)));
            }
        }
    }
    ages.sort_unstable();
    ages.dedup();
    ages
}

fn years_named(text: &str, published: Option<NaiveDate>) -> Vec<u16> {
    let b = text.as_bytes();
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b',' || b[i - 1] == b'.'))
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let y = (u16::from(b[i] - b'0') * 1000)
                + (u16::from(b[i + 1] - b'0') * 100)
                + (u16::from(b[i + 2] - b'0') * 10)
                + u16::from(b[i + 3] - b'0');
            if (1900..2100).contains(&y) {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    if let Some(p) = published {
        out.push(u16::try_from(chrono::Datelike::year(&p)).unwrap_or(0));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A place mentioned for the incident: a LOC entity, extended with a
/// direction word written right before it ("western Iraq").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// Canonical entity id.
    pub entity: u32,
    /// The place as written, direction included.
    pub text: String,
    /// Normalised form of `text`.
    pub norm: String,
    /// Byte offset.
    pub start: usize,
    /// Whether it is in the lead or in a sentence stating the incident's
    /// casualties.
    pub in_scope: bool,
}

/// Sentences that state the incident's own casualties.
#[must_use]
pub fn event_sentences(sentences: &[Span], casualties: &[Casualty]) -> Vec<Span> {
    sentences
        .iter()
        .filter(|s| {
            casualties
                .iter()
                .any(|c| c.scope == Scope::Event && s.start <= c.span.start && c.span.start < s.end)
        })
        .copied()
        .collect()
}

/// The date of the incident `doc` reports, as [`event_date`] reads it from
/// its lead and the sentences stating its casualties.
#[must_use]
pub fn document_date(doc: &DocInput<'_>) -> Option<EventDate> {
    let ev = event_sentences(doc.sentences, doc.casualties);
    event_date(doc.text, doc.sentences, &ev, doc.published)
}

/// The lead: the first `n` sentences (or the first 600 bytes).
fn lead_end(text: &str, sentences: &[Span], n: usize) -> usize {
    sentences
        .get(n.min(sentences.len()).saturating_sub(1))
        .map_or(text.len().min(600), |s| s.end)
}

/// Place mentions of a document: LOC entities (the recogniser's and the
/// canonical label agreeing), outside sentences about other incidents or
/// background, with whether each is in the lead (first three sentences) or
/// in a sentence that states the incident's casualties.
#[must_use]
pub fn incident_places(doc: &DocInput<'_>, canonical: &Canonical, d: usize) -> Vec<PlaceMention> {
    let lead = lead_end(doc.text, doc.sentences, 3);
    let ev = event_sentences(doc.sentences, doc.casualties);
    let elsewhere: Vec<Span> =
        doc.sentences
            .iter()
            .filter(|s| {
                doc.casualties.iter().any(|c| {
                    c.scope != Scope::Event && s.start <= c.span.start && c.span.start < s.end
                }) && !ev.contains(s)
            })
            .copied()
            .collect();
    let mut out = Vec::new();
    for (m, e) in doc.entities.iter().enumerate() {
        if e.label != "LOC" && e.label != "GPE" {
            continue;
        }
        let inside = |s: &Span| s.start <= e.span.start && e.span.end <= s.end;
        if elsewhere.iter().any(inside) {
            continue;
        }
        let in_scope = e.span.start < lead || ev.iter().any(inside);
        let Some(id) = canonical
            .mentions
            .get(d)
            .and_then(|v| v.get(m))
            .copied()
            .flatten()
        else {
            continue;
        };
        // A name the model mostly reads as something else is not a place
        // ("the Islamic State group" tagged LOC once).
        if canonical
            .entities
            .get(id)
            .is_some_and(|c| c.label != "LOC" && c.label != "GPE")
        {
            continue;
        }
        let Some(written) = e.span.slice(doc.text) else {
            continue;
        };
        if crate::places::is_joint_adjective(written) {
            continue;
        }
        // A direction word right before: "western Iraq".
        let before = &doc.text[..e.span.start];
        let prev_word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic() && c != '-')
            .next()
            .unwrap_or("");
        let gap_ok = before.len() - before.trim_end().len() == 1;
        let (text, start) = if gap_ok && DIRECTIONS.contains(&prev_word.to_lowercase().as_str()) {
            let s = e.span.start - 1 - prev_word.len();
            (format!("{prev_word} {written}"), s)
        } else {
            (written.to_string(), e.span.start)
        };
        let norm = normalize(&text);
        out.push(PlaceMention {
            entity: id as u32,
            text,
            norm,
            start,
            in_scope,
        });
    }
    out
}

/// Clustering features of every document. `canonical` must come from
/// [`crate::canonicalize`] over the same documents in the same order.
#[must_use]
pub fn doc_features(docs: &[DocInput<'_>], canonical: &Canonical) -> Vec<DocFeatures> {
    let n = docs.len();
    let boilerplate = boilerplate_sentences(docs);
    let raw_terms: Vec<(Vec<(u64, f32)>, usize)> = docs
        .par_iter()
        .zip(&boilerplate)
        .map(|(d, skip)| lead_terms_and_content(d.text, d.title, skip))
        .collect();
    let mut df: HashMap<u64, usize> = HashMap::new();
    for (t, _) in &raw_terms {
        for (h, _) in t {
            *df.entry(*h).or_default() += 1;
        }
    }
    let ent_df: Vec<usize> = canonical.entities.iter().map(|e| e.documents).collect();
    let places_of: Vec<Vec<u32>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| {
            let mut places: Vec<u32> = incident_places(doc, canonical, d)
                .into_iter()
                .filter(|p| p.in_scope && crate::places::place_rank(&p.norm) <= 1)
                .map(|p| p.entity)
                .collect();
            places.sort_unstable();
            places.dedup();
            places
        })
        .collect();
    // How many documents name each place as their incident's: a place few
    // documents share (a street, a venue) says more than a big city.
    let mut place_df: HashMap<u32, usize> = HashMap::new();
    for ps in &places_of {
        for p in ps {
            *place_df.entry(*p).or_default() += 1;
        }
    }
    let max_idf = idf(n, 1).max(f32::MIN_POSITIVE);
    let title_raw: Vec<Vec<(u64, f32)>> = docs
        .par_iter()
        .map(|d| {
            d.title
                .map(|t| lead_terms(t, None, &[]))
                .unwrap_or_default()
        })
        .collect();
    let mut title_df: HashMap<u64, usize> = HashMap::new();
    for t in &title_raw {
        for (h, _) in t {
            *title_df.entry(*h).or_default() += 1;
        }
    }
    docs.par_iter()
        .zip(places_of)
        .zip(raw_terms)
        .enumerate()
        .map(|(d, ((doc, places), (raw, content)))| {
            let mut terms: Vec<(u64, f32)> = raw
                .into_iter()
                .map(|(h, tf)| {
                    (
                        h,
                        (1.0 + tf).ln() * idf(n, df.get(&h).copied().unwrap_or(1)),
                    )
                })
                .filter(|x| x.1 > 0.0)
                .collect();
            normalise(&mut terms);
            let term_rarity: Vec<f32> = terms
                .iter()
                .map(|(h, _)| (idf(n, df.get(h).copied().unwrap_or(1)) / max_idf).clamp(0.0, 1.0))
                .collect();
            let mut title_terms: Vec<(u64, f32)> = title_raw[d]
                .iter()
                .map(|&(h, tf)| {
                    (
                        h,
                        (1.0 + tf).ln() * idf(n, title_df.get(&h).copied().unwrap_or(1)),
                    )
                })
                .collect();
            normalise(&mut title_terms);
            let content_terms = u32::try_from(content).unwrap_or(u32::MAX);
            let mut days: Vec<NaiveDate> = crate::dates::find_dates(doc.text, doc.published)
                .into_iter()
                .filter(|x| x.precision == crate::dates::Precision::Day)
                .filter_map(|x| x.date())
                .collect();
            days.sort_unstable();
            days.dedup();
            let ids: Vec<usize> = canonical
                .mentions
                .get(d)
                .map(|v| v.iter().flatten().copied().collect())
                .unwrap_or_default();
            let mut uniq = ids.clone();
            uniq.sort_unstable();
            uniq.dedup();
            let mut entities: Vec<(u32, f32)> = uniq
                .iter()
                .map(|&e| (e as u32, idf(n, ent_df.get(e).copied().unwrap_or(1))))
                .collect();
            normalise(&mut entities);
            let entity_rarity: Vec<f32> = entities
                .iter()
                .map(|(e, _)| {
                    (idf(n, ent_df.get(*e as usize).copied().unwrap_or(1)) / max_idf)
                        .clamp(0.0, 1.0)
                })
                .collect();
            let mut people: Vec<u32> = uniq
                .iter()
                .filter(|&&e| {
                    canonical.entities.get(e).is_some_and(|c| {
                        c.label == "PER" && person_words(&normalize(&c.name)).len() >= 2
                    })
                })
                .map(|&e| e as u32)
                .collect();
            people.sort_unstable();
            let place_rarity: Vec<f32> = places
                .iter()
                .map(|p| (idf(n, place_df.get(p).copied().unwrap_or(1)) / max_idf).clamp(0.0, 1.0))
                .collect();
            let date = document_date(doc);
            let embedding = doc.embedding.map(|e| {
                let mut v = e.to_vec();
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| *x /= norm);
                }
                v
            });
            let mut f = DocFeatures {
                years: years_named(doc.text, doc.published),
                ages: ages_named(doc.text, doc.entities),
                place_rarity,
                terms,
                entities,
                people,
                places,
                published: doc.published,
                date,
                killed: figure_range(doc.toll, true),
                injured: figure_range(doc.toll, false),
                embedding,
                term_rarity,
                title_terms,
                days,
                content_terms,
                top: Vec::new(),
                entity_rarity,
            };
            f.top = f.top_terms();
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(
            years_named("In 2019 and 2,019 people; 12019; 1850; 2024.", None),
            vec![2019, 2024]
        );
        assert_eq!(
            years_named("no year", NaiveDate::from_ymd_opt(2016, 1, 2)),
            vec![2016]
        );
    }

    #[test]
    fn ages_are_read_from_the_usual_phrasings() {
        let text = "A 19-year-old woman and a man, 45, were hurt. Dana Whitcombe, 23, \
                    and Ilse Marr (67) were not. The boy, aged 7, and a girl age 12 \
                    and someone 30 years old; 2,019 people; 250-year-old oak; \
                    the 18 year old driver; a 3-year old.";
        let per = |name: &str| {
            let start = text.find(name).unwrap();
            EntityMention {
                span: Span::new(start, start + name.len()),
                label: "PER".into(),
                score: 1.0,
            }
        };
        let entities = [per("Dana Whitcombe"), per("Ilse Marr")];
        // "a man, 45," has no name before it; 250 is no one's age.
        assert_eq!(
            ages_named(text, &entities),
            vec![3, 7, 12, 18, 19, 23, 30, 67]
        );
        assert_eq!(
            ages_named("Nobody's age is given; 45 people.", &[]),
            Vec::<u8>::new()
        );
    }

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
