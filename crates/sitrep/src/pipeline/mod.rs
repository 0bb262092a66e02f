//! The pipeline: documents in, a [`Report`] out.

mod assemble;
mod builder;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sitrep_cluster::ClusterOptions;
use sitrep_coding::{find_parties, EventTypeModel, Parties, PartyInput, TypeInput, TypeReading};
use sitrep_geo::{resolve_places_from, Gazetteer, Geo};
use sitrep_ner::{NerModel, SentenceEncoder};
use sitrep_numbers::{
    document_toll, extract_casualties, find_numbers, Casualty, NumberMention, Toll,
};
use sitrep_text::{split_sentences, word_tokens, Document, EntityMention, InputItem, Span};

use crate::error::{DocumentError, DocumentResult, Result};
use crate::output::Report;

use builder::Skip;
pub use builder::{default_embedding_model_dir, default_ner_model_dir, PipelineBuilder};

/// Documents in, a [`Report`] out. Build once, use for many batches.
pub struct Pipeline {
    ner: NerModel,
    gazetteer: std::sync::Arc<Gazetteer>,
    types: std::sync::Arc<EventTypeModel>,
    skip: Skip,
    encoder: Option<SentenceEncoder>,
    cluster: ClusterOptions,
    pool: rayon::ThreadPool,
}

/// What the per-document stages found in one document: byte spans into its
/// text. Serialisable, so that a run's model outputs can be kept and the
/// event stage re-run on them ([`Pipeline::assemble`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Named entities.
    pub entities: Vec<EntityMention>,
    /// Numeric expressions.
    pub numbers: Vec<NumberMention>,
    /// Casualty facts.
    pub casualties: Vec<Casualty>,
    /// The document's toll of its own incident.
    pub toll: Toll,
    /// Sentence embedding of the lead (title and first sentences).
    pub embedding: Option<Vec<f32>>,
    /// The parties of the document's incident and their roles.
    #[serde(default)]
    pub parties: Parties,
    /// What happened: the document's event type and the sentence behind it.
    #[serde(default)]
    pub event_type: Option<TypeReading>,
    /// The place each entity names, geocoded (aligned with `entities`;
    /// `None` for entities that are no place or do not resolve).
    #[serde(default)]
    pub places: Vec<Option<Geo>>,
    /// What went wrong without stopping the document (a lead embedding
    /// that failed); shown in the record's `warnings`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Sentences of the lead embedded for clustering.
const LEAD_SENTENCES: usize = 3;

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("ner", &self.ner)
            .finish_non_exhaustive()
    }
}

/// Documents per NER call (and per progress report).
const CHUNK: usize = 32;

struct Prepared<'a> {
    doc: &'a Document,
    sentences: Vec<Span>,
    words: Vec<Span>,
}

impl Pipeline {
    /// A builder with the defaults.
    #[must_use]
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The NER model in use.
    #[must_use]
    pub fn ner(&self) -> &NerModel {
        &self.ner
    }

    /// Analyses every item; skipped items are kept with their reason.
    #[must_use]
    pub fn analyze(&self, items: &[InputItem]) -> Report {
        self.analyze_with_progress(items, &|_, _| {})
    }

    /// Like [`analyze`](Self::analyze), calling `progress(done, total)` as
    /// documents finish.
    #[must_use]
    pub fn analyze_with_progress(
        &self,
        items: &[InputItem],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Report {
        let analyses = self.analyze_documents(items, progress);
        self.assemble(items, &analyses)
    }

    /// The per-document stages (sentences, entities, numbers, casualties,
    /// lead embeddings) for every item, aligned with `items`; a skipped item
    /// or a document that failed gives its reason.
    #[must_use]
    pub fn analyze_documents(
        &self,
        items: &[InputItem],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Vec<DocumentResult> {
        let docs: Vec<&Document> = items
            .iter()
            .filter_map(|i| match i {
                InputItem::Document(d) => Some(d),
                InputItem::Skipped(_) => None,
            })
            .collect();
        let total = docs.len();
        let mut analysed: Vec<DocumentResult> = Vec::with_capacity(total);
        for chunk in docs.chunks(CHUNK) {
            let prepared: Vec<Prepared<'_>> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|d| Prepared {
                        doc: d,
                        sentences: split_sentences(&d.text),
                        words: word_tokens(&d.text),
                    })
                    .collect()
            });
            let entities = self.entities(&prepared);
            let embeddings = self.lead_embeddings(&prepared);
            let (gazetteer, types, skip) = (&*self.gazetteer, &*self.types, self.skip);
            let results: Vec<DocumentResult> = self.pool.install(|| {
                prepared
                    .par_iter()
                    .zip(entities.into_par_iter())
                    .zip(embeddings.into_par_iter())
                    .map(|((p, e), emb)| {
                        e.map(|entities| {
                            let (emb, warning) = match emb {
                                Ok(v) => (Some(v), None),
                                // No encoder: nothing to warn about.
                                Err(w) if w.is_empty() => (None, None),
                                Err(w) => (None, Some(w)),
                            };
                            let mut a = analyse_one(gazetteer, types, skip, p, entities, emb);
                            a.warnings.extend(warning);
                            a
                        })
                    })
                    .collect()
            });
            analysed.extend(results);
            progress(analysed.len(), total);
        }
        let mut analysed = analysed.into_iter();
        items
            .iter()
            .map(|i| match i {
                InputItem::Skipped(s) => Err(DocumentError::Skipped {
                    reason: s.reason.clone(),
                }),
                // One analysis per document, in order: `analysed` cannot run
                // out, but an input must never panic the library.
                InputItem::Document(_) => analysed.next().unwrap_or_else(|| {
                    Err(DocumentError::Skipped {
                        reason: "not processed".to_owned(),
                    })
                }),
            })
            .collect()
    }

    /// Lead embeddings of the prepared documents, batched. When a batch
    /// fails, documents are retried one by one; a document whose lead still
    /// fails gets no embedding (it is clustered without one) and the reason
    /// as a warning.
    fn lead_embeddings(&self, prepared: &[Prepared<'_>]) -> Vec<Result<Vec<f32>, String>> {
        let Some(enc) = &self.encoder else {
            return prepared.iter().map(|_| Err(String::new())).collect();
        };
        let leads: Vec<String> = prepared.iter().map(|p| lead_text(p)).collect();
        let refs: Vec<&str> = leads.iter().map(String::as_str).collect();
        match enc.embed(&refs) {
            Ok(v) => v.into_iter().map(Ok).collect(),
            Err(_) => refs
                .iter()
                .map(|r| {
                    enc.embed(std::slice::from_ref(r))
                        .map_err(|e| format!("lead embedding failed, clustered without it: {e}"))
                        .and_then(|mut v| {
                            v.pop().ok_or_else(|| "lead embedding is empty".to_owned())
                        })
                })
                .collect(),
        }
    }

    /// Entities of each prepared document, batched across documents. When a
    /// batch fails, documents are retried one by one so that one bad document
    /// cannot take others down; its error is returned in its place.
    fn entities(
        &self,
        prepared: &[Prepared<'_>],
    ) -> Vec<Result<Vec<EntityMention>, DocumentError>> {
        let docs: Vec<(&str, &[Span])> = prepared
            .iter()
            .map(|p| (p.doc.text.as_str(), p.words.as_slice()))
            .collect();
        match self.ner.tag_words(&docs) {
            Ok(tags) => docs
                .iter()
                .zip(tags)
                .map(|((t, w), tags)| Ok(self.ner.entities(t, w, &tags)))
                .collect(),
            Err(_) => docs
                .iter()
                .map(|d| {
                    self.ner
                        .tag_words(std::slice::from_ref(d))
                        .map(|mut t| self.ner.entities(d.0, d.1, &t.remove(0)))
                        .map_err(DocumentError::Model)
                })
                .collect(),
        }
    }
}

/// The title and the first sentences of a document.
fn lead_text(p: &Prepared<'_>) -> String {
    let end = p
        .sentences
        .get(LEAD_SENTENCES.min(p.sentences.len()).saturating_sub(1))
        .map_or(p.doc.text.len().min(600), |s| s.end);
    let body = p.doc.text.get(..end).unwrap_or(&p.doc.text);
    match &p.doc.title {
        Some(t) => format!("{t}\n{body}"),
        None => body.to_string(),
    }
}

fn analyse_one(
    gazetteer: &Gazetteer,
    types: &EventTypeModel,
    skip: Skip,
    p: &Prepared<'_>,
    entities: Vec<EntityMention>,
    embedding: Option<Vec<f32>>,
) -> Analysis {
    let text = &p.doc.text;
    let numbers = find_numbers(text);
    let casualties = extract_casualties(text, &p.sentences, &entities);
    let toll = document_toll(&p.doc.id, &casualties);
    let (event_type, parties) = if skip.coding {
        (None, Parties::default())
    } else {
        let event_type = types.classify(&TypeInput {
            text,
            title: p.doc.title.as_deref(),
            sentences: &p.sentences,
            casualties: &casualties,
            embedding: embedding.as_deref(),
        });
        let parties = find_parties(&PartyInput {
            text,
            sentences: &p.sentences,
            entities: &entities,
            casualties: &casualties,
        });
        (event_type, parties)
    };
    let places = if skip.geocoding {
        vec![None; entities.len()]
    } else {
        resolve_places_from(gazetteer, text, &entities, p.doc.url.as_deref())
    };
    Analysis {
        sentences: p.sentences.clone(),
        entities,
        numbers,
        casualties,
        toll,
        embedding,
        parties,
        event_type,
        places,
        warnings: Vec::new(),
    }
}

/// Where a document's incident is told: its casualty sentences, the end of
/// its lead (three sentences), and its sentences about other incidents.
#[must_use]
pub fn incident_spans(text: &str, a: &Analysis) -> (Vec<Span>, usize, Vec<Span>) {
    let incident = sitrep_cluster::event_sentences(&a.sentences, &a.casualties);
    let lead_end = a
        .sentences
        .get(3.min(a.sentences.len()).saturating_sub(1))
        .map_or(text.len().min(600), |s| s.end);
    let elsewhere = a
        .sentences
        .iter()
        .filter(|s| {
            !incident.contains(s)
                && a.casualties.iter().any(|c| {
                    c.scope != sitrep_numbers::Scope::Event
                        && s.start <= c.span.start
                        && c.span.start < s.end
                })
        })
        .copied()
        .collect();
    (incident, lead_end, elsewhere)
}
