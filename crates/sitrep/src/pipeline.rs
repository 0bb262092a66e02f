//! The pipeline: documents in, a [`Report`] out.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sitrep_ner::NerModel;
use sitrep_numbers::{document_toll, extract_casualties, find_numbers};
use sitrep_text::{split_sentences, word_tokens, Document, EntityMention, InputItem, Span};

use crate::error::{Error, Result};
use crate::output::{ok_record, skipped_record, Converter, DocumentRecord, Report};

/// Where the default NER model lives: `$SITREP_NER_MODEL` when set, else
/// `models/sitrep-ner-minilm` of the sitrep source tree this was built from.
#[must_use]
pub fn default_ner_model_dir() -> PathBuf {
    std::env::var_os("SITREP_NER_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../models/sitrep-ner-minilm"
            ))
        })
}

/// Builds a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    ner_model: Option<PathBuf>,
    threads: Option<usize>,
    torch_threads: Option<usize>,
    ner_batch_size: Option<usize>,
}

impl PipelineBuilder {
    /// The NER model folder. By default [`default_ner_model_dir`].
    #[must_use]
    pub fn ner_model(mut self, dir: impl AsRef<Path>) -> Self {
        self.ner_model = Some(dir.as_ref().to_owned());
        self
    }

    /// Threads for the CPU stages (sentences, numbers, casualties). By default
    /// all cores. Results do not depend on it.
    #[must_use]
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = Some(n.max(1));
        self
    }

    /// Threads libtorch uses inside each model call. By default all cores.
    /// This is process-wide: libtorch has one setting.
    #[must_use]
    pub fn torch_threads(mut self, n: usize) -> Self {
        self.torch_threads = Some(n.max(1));
        self
    }

    /// Windows per NER forward pass. By default the model's setting (16).
    #[must_use]
    pub fn ner_batch_size(mut self, n: usize) -> Self {
        self.ner_batch_size = Some(n.max(1));
        self
    }

    /// Loads the model and starts the worker threads.
    ///
    /// # Errors
    ///
    /// When the model folder is missing or bad, or threads cannot start.
    pub fn build(self) -> Result<Pipeline> {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        sitrep_ner::set_torch_threads(self.torch_threads.unwrap_or(cores));
        let dir = self.ner_model.unwrap_or_else(default_ner_model_dir);
        let mut ner = NerModel::load(&dir).map_err(Error::Model)?;
        if let Some(b) = self.ner_batch_size {
            let mut s = ner.settings();
            s.batch_size = b;
            s.max_batch_tokens = b * s.max_len;
            ner.set_settings(s).map_err(Error::Model)?;
        }
        let threads = self.threads.unwrap_or(cores);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|source| Error::Threads { threads, source })?;
        Ok(Pipeline { ner, pool })
    }
}

/// Documents in, a [`Report`] out. Build once, use for many batches.
pub struct Pipeline {
    ner: NerModel,
    pool: rayon::ThreadPool,
}

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
        let docs: Vec<(usize, &Document)> = items
            .iter()
            .enumerate()
            .filter_map(|(k, i)| match i {
                InputItem::Document(d) => Some((k, d)),
                InputItem::Skipped(_) => None,
            })
            .collect();
        let total = docs.len();
        let mut records: Vec<Option<DocumentRecord>> = vec![None; items.len()];
        let mut done = 0;
        for chunk in docs.chunks(CHUNK) {
            let prepared: Vec<Prepared<'_>> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|(_, d)| Prepared {
                        doc: d,
                        sentences: split_sentences(&d.text),
                        words: word_tokens(&d.text),
                    })
                    .collect()
            });
            let entities = self.entities(&prepared);
            let out: Vec<DocumentRecord> = self.pool.install(|| {
                prepared
                    .par_iter()
                    .zip(entities.par_iter())
                    .map(|(p, e)| analyse_one(p, e))
                    .collect()
            });
            for ((k, _), r) in chunk.iter().zip(out) {
                records[*k] = Some(r);
            }
            done += chunk.len();
            progress(done, total);
        }
        let documents = items
            .iter()
            .zip(records)
            .map(|(i, r)| match (i, r) {
                (_, Some(r)) => r,
                (InputItem::Skipped(s), None) => skipped_record(&s.id, &s.reason),
                (InputItem::Document(d), None) => skipped_record(&d.id, "not processed"),
            })
            .collect();
        Report {
            sitrep_version: env!("CARGO_PKG_VERSION").to_owned(),
            documents,
            events: Vec::new(),
        }
    }

    /// Entities of each prepared document, batched across documents. When a
    /// batch fails, documents are retried one by one so that one bad document
    /// cannot take others down; its error is returned in its place.
    fn entities(&self, prepared: &[Prepared<'_>]) -> Vec<Result<Vec<EntityMention>, String>> {
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
                        .map_err(|e| format!("named-entity recognition failed: {e}"))
                })
                .collect(),
        }
    }
}

fn analyse_one(p: &Prepared<'_>, entities: &Result<Vec<EntityMention>, String>) -> DocumentRecord {
    let doc = p.doc;
    let entities = match entities {
        Ok(e) => e,
        Err(reason) => return skipped_record(&doc.id, reason),
    };
    let conv = Converter::new(&doc.text);
    let numbers = find_numbers(&doc.text);
    let casualties = extract_casualties(&doc.text, &p.sentences, entities);
    let toll = document_toll(&doc.id, &casualties);
    let mut r = ok_record(doc);
    r.entities = entities.iter().map(|e| conv.entity(e, None)).collect();
    r.numbers = numbers.iter().map(|n| conv.number(n)).collect();
    r.casualties = casualties.iter().map(|c| conv.casualty(c)).collect();
    r.toll = conv.toll(&toll);
    r
}
