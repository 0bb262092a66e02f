//! What kind of incident a document reports: one of ACLED's 25 sub-event
//! types, or a [`Category`](crate::Category) outside ACLED (crime,
//! disasters, diplomacy, claims of responsibility).
//!
//! [`EventTypeModel`] is a multinomial logistic regression over the
//! [`features`] of the incident's own sentences (trigger groups, hashed word
//! n-grams, casualty facts) and, when the pipeline has it, the lead's
//! sentence embedding. The shipped model
//! (`models/sitrep-event-types/event-types.json`, see its model card) is
//! fitted by `scripts/fit-event-types.py` on features that
//! `sitrep eval types --dump-features` writes, so the fit and this code read
//! the same numbers.
//!
//! ```
//! use sitrep_coding::event_type::{EventTypeModel, TypeInput};
//! use sitrep_coding::{EventLabel, EventType};
//!
//! let text = "Warplanes bombed a village near the border on Sunday, killing four people. \
//!             Residents said the jets came at dawn.";
//! let sentences = sitrep_text::split_sentences(text);
//! let input = TypeInput { text, title: None, sentences: &sentences, casualties: &[], embedding: None };
//! let reading = EventTypeModel::shipped().classify(&input).unwrap();
//! let EventLabel::Acled(t) = reading.label else { panic!("{:?}", reading.label) };
//! assert_eq!(t.event_type(), EventType::ExplosionsRemoteViolence);
//! let evidence = reading.evidence.unwrap();
//! assert!(text[evidence.range()].starts_with("Warplanes"));
//! ```

pub mod features;
pub mod triggers;

use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};
use sitrep_numbers::Casualty;
use sitrep_text::Span;

use crate::taxonomy::EventLabel;
pub use features::{dense_feature_names, features, Features, LEAD_SENTENCES, MAX_BUCKETS};

/// The format tag a model file must carry.
pub const EVENT_TYPE_MODEL_FORMAT: &str = "sitrep-event-types/1";

/// What the classifier reads of one document.
#[derive(Debug, Clone, Copy)]
pub struct TypeInput<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its title, when known (not part of `text`).
    pub title: Option<&'a str>,
    /// Its sentences (byte spans into `text`, in order).
    pub sentences: &'a [Span],
    /// Its casualty facts; those about the document's own incident point the
    /// classifier at their sentences.
    pub casualties: &'a [Casualty],
    /// The lead's sentence embedding (all-MiniLM-L6-v2, mean-pooled, of the
    /// title and first three sentences), as the pipeline computes it for
    /// clustering. Without it the model's lexical head decides.
    pub embedding: Option<&'a [f32]>,
}

/// The classifier's reading of a document.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TypeReading {
    /// The label with the highest probability.
    pub label: EventLabel,
    /// Its probability (0–1).
    pub score: f32,
    /// The sentence that decided it: the one whose words count most for the
    /// label, else the first sentence (byte span into the text; `None` when
    /// the text has no sentence).
    pub evidence: Option<Span>,
}

/// Why an event-type model could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EventTypeModelError {
    /// Reading the file failed.
    #[error("cannot read the event-type model {path}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Not JSON, or not the model's shape.
    #[error("the event-type model is not valid JSON of the expected shape")]
    Json(#[source] serde_json::Error),
    /// Valid JSON that is not a usable model.
    #[error("invalid event-type model: {0}")]
    Invalid(String),
}

/// One linear head: a bias and a row of weights per label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Head {
    bias: Vec<f32>,
    weights: Vec<Vec<f32>>,
}

/// The model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ModelFile {
    format: String,
    /// CASE 2021 codes, one per label.
    labels: Vec<String>,
    /// Dense feature names (must equal [`dense_feature_names`]).
    dense_features: Vec<String>,
    /// N-gram buckets (a power of two up to [`MAX_BUCKETS`]).
    buckets: u32,
    /// Width of the lead embedding.
    embedding_dim: usize,
    /// Weights over dense, n-gram and embedding features.
    with_embedding: Head,
    /// Weights over dense and n-gram features, for documents without an
    /// embedding.
    without_embedding: Head,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    training: serde_json::Value,
}

/// A multinomial logistic regression over [`Features`]: one weight row per
/// label, softmax over the labels. Made by [`EventTypeModel::from_json`],
/// [`EventTypeModel::from_path`] or [`EventTypeModel::shipped`], which check
/// it. The file format and how the shipped model was trained are in
/// `models/sitrep-event-types/MODEL_CARD.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTypeModel {
    file: ModelFile,
    labels: Vec<EventLabel>,
}

static SHIPPED: LazyLock<Arc<EventTypeModel>> = LazyLock::new(|| {
    Arc::new(
        EventTypeModel::from_json(include_str!(
            "../../../../models/sitrep-event-types/event-types.json"
        ))
        .expect("the shipped event-type model is valid (tested by shipped_model_loads)"),
    )
});

fn check(m: &ModelFile) -> Result<Vec<EventLabel>, EventTypeModelError> {
    let bad = |s: String| Err(EventTypeModelError::Invalid(s));
    if m.format != EVENT_TYPE_MODEL_FORMAT {
        return bad(format!(
            "format {:?}, expected {EVENT_TYPE_MODEL_FORMAT:?}",
            m.format
        ));
    }
    let mut labels = Vec::with_capacity(m.labels.len());
    for code in &m.labels {
        match EventLabel::from_code(code) {
            Some(l) if !labels.contains(&l) => labels.push(l),
            Some(_) => return bad(format!("label {code:?} is listed twice")),
            None => return bad(format!("label {code:?} is no CASE 2021 code")),
        }
    }
    if labels.is_empty() {
        return bad("no labels".into());
    }
    let names = dense_feature_names();
    if m.dense_features != names {
        return bad(format!(
            "dense features {:?}, expected this version's {:?}",
            m.dense_features, names
        ));
    }
    if !m.buckets.is_power_of_two() || m.buckets > MAX_BUCKETS {
        return bad(format!(
            "{} n-gram buckets: not a power of two up to {MAX_BUCKETS}",
            m.buckets
        ));
    }
    if m.embedding_dim == 0 {
        return bad("embedding_dim is 0".into());
    }
    let lexical = names.len() + m.buckets as usize;
    for (name, head, width) in [
        (
            "with_embedding",
            &m.with_embedding,
            lexical + m.embedding_dim,
        ),
        ("without_embedding", &m.without_embedding, lexical),
    ] {
        if head.bias.len() != labels.len() || head.weights.len() != labels.len() {
            return bad(format!(
                "{name}: {} biases and {} weight rows for {} labels",
                head.bias.len(),
                head.weights.len(),
                labels.len()
            ));
        }
        if let Some(k) = head.weights.iter().position(|r| r.len() != width) {
            return bad(format!(
                "{name}: weight row {k} has {} values, expected {width}",
                head.weights[k].len()
            ));
        }
        if head
            .bias
            .iter()
            .chain(head.weights.iter().flatten())
            .any(|v| !v.is_finite())
        {
            return bad(format!("{name}: a weight is not finite"));
        }
    }
    Ok(labels)
}

impl EventTypeModel {
    /// The model shipped with sitrep (`models/sitrep-event-types/event-types.json`).
    #[must_use]
    pub fn shipped() -> Arc<EventTypeModel> {
        Arc::clone(&SHIPPED)
    }

    /// Parses and checks a model.
    ///
    /// # Errors
    ///
    /// [`EventTypeModelError::Json`] when the text is not the model's JSON,
    /// [`EventTypeModelError::Invalid`] when the format tag or the dense
    /// feature names differ from this version's, a label is not a CASE 2021
    /// code or is repeated, the bucket count is not a power of two up to
    /// [`MAX_BUCKETS`], or a head has the wrong shape or a weight that is
    /// not finite.
    pub fn from_json(text: &str) -> Result<EventTypeModel, EventTypeModelError> {
        let file: ModelFile = serde_json::from_str(text).map_err(EventTypeModelError::Json)?;
        let labels = check(&file)?;
        Ok(EventTypeModel { file, labels })
    }

    /// Reads, parses and checks a model file.
    ///
    /// # Errors
    ///
    /// [`EventTypeModelError::Read`] when the file cannot be read, else as
    /// [`from_json`](Self::from_json).
    pub fn from_path(path: &Path) -> Result<EventTypeModel, EventTypeModelError> {
        let text = std::fs::read_to_string(path).map_err(|source| EventTypeModelError::Read {
            path: path.display().to_string(),
            source,
        })?;
        EventTypeModel::from_json(&text)
    }

    /// The labels, in the model's order.
    #[must_use]
    pub fn labels(&self) -> &[EventLabel] {
        &self.labels
    }

    /// N-gram buckets the model reads.
    #[must_use]
    pub fn buckets(&self) -> u32 {
        self.file.buckets
    }

    /// How the model was made, as its file states it (free-form JSON).
    #[must_use]
    pub fn training(&self) -> &serde_json::Value {
        &self.file.training
    }

    /// The probability of each label (in [`labels`](Self::labels) order)
    /// for features made with this model's bucket count.
    #[must_use]
    pub fn probabilities(&self, f: &Features) -> Vec<f32> {
        let scores = self.scores(f);
        softmax(&scores)
    }

    /// Classifies a document: the most probable label, its probability and
    /// the sentence that decided it. `None` only when the text is empty or
    /// all whitespace.
    #[must_use]
    pub fn classify(&self, input: &TypeInput<'_>) -> Option<TypeReading> {
        if input.text.trim().is_empty() {
            return None;
        }
        let f = features(input, self.file.buckets);
        let probs = self.probabilities(&f);
        let (best, &score) = probs
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
        Some(TypeReading {
            label: self.labels[best],
            score,
            evidence: self
                .evidence(&f, best)
                .or_else(|| input.sentences.first().copied()),
        })
    }

    /// The head for these features: with the embedding when they have one
    /// of the model's width.
    fn head<'a>(&'a self, f: &'a Features) -> (&'a Head, Option<&'a [f32]>) {
        match &f.embedding {
            Some(e) if e.len() == self.file.embedding_dim => {
                (&self.file.with_embedding, Some(e.as_slice()))
            }
            _ => (&self.file.without_embedding, None),
        }
    }

    fn scores(&self, f: &Features) -> Vec<f32> {
        let (head, emb) = self.head(f);
        let dense = f.dense.len();
        let buckets = self.file.buckets as usize;
        let v = f.ngram_value();
        head.weights
            .iter()
            .zip(&head.bias)
            .map(|(w, b)| {
                let mut s = f64::from(*b);
                s += dot(&w[..dense], &f.dense);
                s += f
                    .ngrams
                    .iter()
                    .filter_map(|&k| w.get(dense + k as usize))
                    .map(|x| f64::from(*x) * f64::from(v))
                    .sum::<f64>();
                if let Some(e) = emb {
                    s += dot(&w[dense + buckets..], e);
                }
                s as f32
            })
            .collect()
    }

    /// The sentence whose trigger groups and n-grams add most to label
    /// `best`'s score (the first one on ties); `None` when none adds.
    fn evidence(&self, f: &Features, best: usize) -> Option<Span> {
        let (head, _) = self.head(f);
        let w = &head.weights[best];
        let v = f64::from(f.ngram_value());
        let dense = f.dense.len();
        let mut top: Option<(f64, Span)> = None;
        for u in &f.units {
            let Some(span) = u.span else { continue };
            let groups: f64 = u.groups.iter().map(|&g| f64::from(w[g])).sum();
            let ngrams: f64 = u
                .ngrams
                .iter()
                .filter_map(|&k| w.get(dense + k as usize))
                .map(|x| f64::from(*x) * v)
                .sum();
            let c = groups + ngrams;
            if c > 0.0 && top.is_none_or(|(t, _)| c > t) {
                top = Some((c, span));
            }
        }
        top.map(|(_, s)| s)
    }
}

fn dot(w: &[f32], x: &[f32]) -> f64 {
    w.iter()
        .zip(x)
        .map(|(a, b)| f64::from(*a) * f64::from(*b))
        .sum()
}

fn softmax(s: &[f32]) -> Vec<f32> {
    let max = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f64> = s.iter().map(|x| f64::from(x - max).exp()).collect();
    let z: f64 = e.iter().sum();
    e.iter().map(|x| (x / z) as f32).collect()
}

#[cfg(test)]
mod tests;
