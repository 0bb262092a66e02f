//! Where and when the incident happened, as one document tells it: the
//! sentences stating its casualties, its date, and the places named in the
//! lead or in those sentences.

use sitrep_numbers::{Casualty, Scope};
use sitrep_text::Span;

use crate::dates::{event_date, EventDate};
use crate::document::DocInput;
use crate::entities::Canonical;
use crate::names::{normalize, DIRECTIONS};

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
pub(crate) fn incident_places(
    doc: &DocInput<'_>,
    canonical: &Canonical,
    d: usize,
) -> Vec<PlaceMention> {
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
