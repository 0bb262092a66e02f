//! One document as clustering reads it ([`DocInput`]) and what clustering
//! knows about it ([`DocFeatures`]): shared by the feature extraction that
//! reads the one and fills the other, and by the blocking, scoring and
//! linkage that read the features.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_numbers::{Casualty, Toll};
use sitrep_text::{EntityMention, Span};

use crate::dates::EventDate;

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

/// What clustering knows about one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFeatures {
    /// L2-normalised TF-IDF of lead terms, sorted by term hash.
    pub terms: Vec<(u64, f32)>,
    /// L2-normalised IDF weights of canonical entities, sorted by id.
    pub entities: Vec<(u32, f32)>,
    /// Canonical ids of person entities with a full name.
    pub people: Vec<u32>,
    /// Canonical ids of the incident's specific places (below country level).
    pub places: Vec<u32>,
    /// How rare each of `places` is among the documents (aligned with it):
    /// its IDF over the largest possible, in (0, 1]. Empty reads as 0.
    #[serde(default)]
    pub place_rarity: Vec<f32>,
    /// Ages of people the article states, sorted.
    #[serde(default)]
    pub ages: Vec<u8>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The incident's date as the article states it, or its publication
    /// date when it states none ([`crate::Basis::Publication`]).
    pub date: Option<EventDate>,
    /// The article's killed figure as `(low, high)`.
    pub killed: Option<(u64, u64)>,
    /// The article's injured figure as `(low, high)`.
    pub injured: Option<(u64, u64)>,
    /// L2-normalised sentence embedding of the lead.
    pub embedding: Option<Vec<f32>>,
    /// Years the article names (four digits, 1900–2099), sorted.
    pub years: Vec<u16>,
    /// How rare each of `terms` is among the documents (aligned with it):
    /// its IDF over the largest possible, in (0, 1].
    #[serde(default)]
    pub term_rarity: Vec<f32>,
    /// L2-normalised TF-IDF of the headline's terms alone, sorted by hash.
    #[serde(default)]
    pub title_terms: Vec<(u64, f32)>,
    /// Every day the article names (`October 22`, `Jan. 19, 2015`,
    /// `Wednesday`), resolved against its date, sorted: a follow-up names
    /// the day of the incident it follows up.
    #[serde(default)]
    pub days: Vec<NaiveDate>,
    /// Distinct content words of the article's own text (headline and
    /// boilerplate left out, first 4,000 bytes): near 0 when a scraper
    /// kept only a cookie notice.
    #[serde(default)]
    pub content_terms: u32,
    /// The hashes of its most salient lead terms, sorted (see
    /// [`DocFeatures::top_terms`]); computed from `terms` when empty.
    #[serde(default)]
    pub top: Vec<u64>,
    /// How rare each of `entities` is among the documents (aligned with
    /// it), as [`DocFeatures::term_rarity`].
    #[serde(default)]
    pub entity_rarity: Vec<f32>,
}

impl DocFeatures {
    /// The hashes of the twelve highest-weighted `terms`, sorted: what
    /// [`PairFeatures::top_terms`](crate::PairFeatures::top_terms) compares, and what `top` caches.
    #[must_use]
    pub fn top_terms(&self) -> Vec<u64> {
        let mut t: Vec<&(u64, f32)> = self.terms.iter().collect();
        t.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut out: Vec<u64> = t.into_iter().take(TOP_TERMS).map(|x| x.0).collect();
        out.sort_unstable();
        out
    }

    pub(crate) fn top_or_compute(&self) -> std::borrow::Cow<'_, [u64]> {
        if self.top.is_empty() {
            std::borrow::Cow::Owned(self.top_terms())
        } else {
            std::borrow::Cow::Borrowed(&self.top)
        }
    }
}

/// The `(low, high)` reading of a toll's figure.
#[must_use]
pub(crate) fn figure_range(t: &Toll, killed: bool) -> Option<(u64, u64)> {
    let f = if killed {
        t.killed.as_ref()?
    } else {
        t.injured.as_ref()?
    };
    let low = f.low.or(f.best)?;
    let high = f.high.or(f.best).unwrap_or(low).max(low);
    Some((low, high))
}

/// Salient lead terms compared by
/// [`PairFeatures::top_terms`](crate::PairFeatures::top_terms).
pub(crate) const TOP_TERMS: usize = 12;
