//! A document's text with its claims, the sentences behind them and its
//! entities marked: the spans, merged and nested into elements.

use std::ops::Range;

use maud::{html, Markup};
use sitrep::DocumentRecord;
use sitrep_text::split_sentences;

use super::LABELS;
use crate::render::geo_text;

/// A document's text with the spans to mark in it, all in bytes.
pub(super) struct Annotated<'t> {
    text: &'t str,
    /// Code-point offset → byte offset (one entry past the end).
    bytes: Vec<usize>,
    /// Sentences holding claims (merged where claims join them), with their
    /// element ids, sorted and disjoint.
    blocks: Vec<(Range<usize>, String)>,
    /// Claim spans, merged where they overlap, sorted and disjoint.
    marks: Vec<Range<usize>>,
    /// Entities (the first of any overlapping ones), sorted and disjoint,
    /// with their label and what the tooltip says.
    entities: Vec<(Range<usize>, &'t str, String)>,
}

impl<'t> Annotated<'t> {
    pub(super) fn new(
        text: &'t str,
        doc_index: usize,
        claims: &[(usize, usize)],
        evidence: &[(usize, usize)],
        record: &'t DocumentRecord,
    ) -> Annotated<'t> {
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut a = Annotated {
            text,
            bytes,
            blocks: Vec::new(),
            marks: Vec::new(),
            entities: Vec::new(),
        };
        let sentences = split_sentences(text);
        let mut blocks: Vec<Range<usize>> = Vec::new();
        let mut marks: Vec<Range<usize>> = Vec::new();
        // Claims are marked inside their sentences; the evidence of an
        // event type is a sentence of its own, anchored but not marked.
        let spans = claims
            .iter()
            .map(|&c| (c, true))
            .chain(evidence.iter().map(|&c| (c, false)));
        for ((s, e), mark) in spans {
            let Some(r) = a.byte_range(s, e) else {
                continue;
            };
            let mut block = r.clone();
            for sent in &sentences {
                // Sentences the claim touches (an empty claim: the one it is in).
                let touches = if r.is_empty() {
                    sent.start <= r.start && r.start < sent.end
                } else {
                    sent.start < r.end && r.start < sent.end
                };
                if touches {
                    block = block.start.min(sent.start)..block.end.max(sent.end);
                }
            }
            blocks.push(block);
            if mark && !r.is_empty() {
                marks.push(r);
            }
        }
        a.blocks = merge(blocks)
            .into_iter()
            .enumerate()
            .map(|(k, r)| (r, format!("d{doc_index}-s{}", k + 1)))
            .collect();
        a.marks = merge(marks);
        let mut entities: Vec<(Range<usize>, &str, String)> = record
            .entities
            .iter()
            .filter_map(|e| {
                let title = match &e.geo {
                    Some(g) => format!("{} — {}", e.label, geo_text(g)),
                    None => e.label.clone(),
                };
                Some((a.byte_range(e.start, e.end)?, e.label.as_str(), title))
            })
            .filter(|(r, _, _)| !r.is_empty())
            .collect();
        entities.sort_by_key(|(r, _, _)| (r.start, r.end));
        let mut end = 0;
        entities.retain(|(r, _, _)| {
            let keep = r.start >= end;
            if keep {
                end = r.end;
            }
            keep
        });
        a.entities = entities;
        a
    }

    /// The byte range of a code-point span, when it lies within the text.
    fn byte_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if start > end {
            return None;
        }
        Some(*self.bytes.get(start)?..*self.bytes.get(end)?)
    }

    /// The element id of the sentence holding a claim's code-point span.
    pub(super) fn anchor(&self, start: usize, end: usize) -> Option<&str> {
        let r = self.byte_range(start, end)?;
        self.blocks
            .iter()
            .find(|(b, _)| b.start <= r.start && r.end <= b.end)
            .map(|(_, id)| id.as_str())
    }

    pub(super) fn render(&self) -> Markup {
        let blocks: Vec<(Range<usize>, Tag<'_>)> = self
            .blocks
            .iter()
            .map(|(r, id)| (r.clone(), Tag::Sentence(id)))
            .collect();
        let marks: Vec<(Range<usize>, Tag<'_>)> =
            self.marks.iter().map(|r| (r.clone(), Tag::Claim)).collect();
        let entities: Vec<(Range<usize>, Tag<'_>)> = self
            .entities
            .iter()
            .map(|(r, l, t)| (r.clone(), Tag::Entity(l, t)))
            .collect();
        nest(self.text, 0..self.text.len(), &[&blocks, &marks, &entities])
    }
}

/// Sorts ranges and merges those that overlap.
pub(super) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end || (r.is_empty() && r.start == last.end) => {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}

/// What a marked stretch of text becomes.
enum Tag<'a> {
    /// A sentence holding claims: the target of claim links.
    Sentence(&'a str),
    /// A claim's own words.
    Claim,
    /// A named entity with its type label and tooltip.
    Entity(&'a str, &'a str),
}

impl Tag<'_> {
    fn wrap(&self, inner: Markup) -> Markup {
        match self {
            Tag::Sentence(id) => html! { span.claim-sentence id=(id) { (inner) } },
            Tag::Claim => html! { mark.claim { (inner) } },
            Tag::Entity(label, title) => html! {
                span class={ "ent " (entity_class(label)) } title=(title) { (inner) }
            },
        }
    }
}

/// `ent-per` for the four standard labels, `ent-other` for any other.
pub(super) fn entity_class(label: &str) -> String {
    if LABELS.iter().any(|(l, _)| *l == label) {
        format!("ent-{}", label.to_ascii_lowercase())
    } else {
        "ent-other".to_owned()
    }
}

/// Renders `text[range]` with the spans of each layer (sorted, disjoint) as
/// elements nested in layer order; spans of an inner layer that cross an
/// outer element's edge are cut there.
fn nest(text: &str, range: Range<usize>, layers: &[&[(Range<usize>, Tag<'_>)]]) -> Markup {
    let Some((layer, inner)) = layers.split_first() else {
        return html! { (text.get(range).unwrap_or_default()) };
    };
    let first = layer.partition_point(|(r, _)| r.end <= range.start);
    let mut pieces: Vec<Markup> = Vec::new();
    let mut pos = range.start;
    for (r, tag) in &layer[first..] {
        if r.start >= range.end {
            break;
        }
        let (s, e) = (r.start.max(range.start), r.end.min(range.end));
        if s >= e {
            continue;
        }
        if pos < s {
            pieces.push(nest(text, pos..s, inner));
        }
        pieces.push(tag.wrap(nest(text, s..e, inner)));
        pos = e;
    }
    if pos < range.end {
        pieces.push(nest(text, pos..range.end, inner));
    }
    html! { @for p in pieces { (p) } }
}
