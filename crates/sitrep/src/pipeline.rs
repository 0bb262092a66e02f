//! The pipeline: documents in, a [`Report`] out.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sitrep_cluster::{group_events, ClusterOptions, DocInput};
use sitrep_coding::{
    code_event, find_parties, EventCoding, EventTypeModel, Parties, PartyInput, ReportParty,
    ReportType, TypeInput, TypeReading,
};
use sitrep_geo::{
    event_location, outlet_home, resolve_places_from, DocPlaces, Gazetteer, Geo, Location,
};
use sitrep_ner::{NerModel, Precision, SentenceEncoder};
use sitrep_numbers::{
    document_toll, extract_casualties, find_numbers, Casualty, NumberMention, Toll,
};
use sitrep_text::{split_sentences, word_tokens, Document, EntityMention, InputItem, Span};

use crate::error::{DocumentError, DocumentResult, Error, Result};
use crate::output::{
    event_record, ok_record, skipped_record, Converter, DocumentRecord, Report, TypeRecord,
};

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

/// Where the sentence encoder for event clustering lives:
/// `$SITREP_EMBED_MODEL` when set, else `all-MiniLM-L6-v2` in the models
/// folder `scripts/setup.sh` fills (`.models/` of the source tree).
#[must_use]
pub fn default_embedding_model_dir() -> PathBuf {
    std::env::var_os("SITREP_EMBED_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(
                option_env!("SITREP_MODELS_DIR")
                    .unwrap_or(concat!(env!("CARGO_MANIFEST_DIR"), "/../../.models")),
            )
            .join("all-MiniLM-L6-v2")
        })
}

/// Builds a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    ner_model: Option<PathBuf>,
    embedding_model: Option<Option<PathBuf>>,
    cluster: Option<ClusterOptions>,
    threads: Option<usize>,
    torch_threads: Option<usize>,
    ner_batch_size: Option<usize>,
    precision: Option<Precision>,
    event_type_model: Option<PathBuf>,
    gazetteer: Option<PathBuf>,
    skip: Skip,
}

/// Stages switched off (all run by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Skip {
    coding: bool,
    geocoding: bool,
}

impl PipelineBuilder {
    /// The GeoNames gazetteer folder for geocoding. By default
    /// [`Gazetteer::default_dir`] (`$SITREP_GAZETTEER`, else the cache
    /// `scripts/setup.sh` fills).
    #[must_use]
    pub fn gazetteer(mut self, dir: impl AsRef<Path>) -> Self {
        self.gazetteer = Some(dir.as_ref().to_owned());
        self
    }

    /// Leaves out event coding (event types, parties, ACLED actors): the
    /// records' type and actor fields stay empty. For measuring what the
    /// stage costs (`sitrep-bench pipeline --without coding`).
    #[must_use]
    pub fn without_event_coding(mut self) -> Self {
        self.skip.coding = true;
        self
    }

    /// Leaves out geocoding: no entity gets a `geo`, no event a
    /// `location`. The gazetteer is still loaded. For measuring what the
    /// stage costs (`sitrep-bench pipeline --without geocoding`).
    #[must_use]
    pub fn without_geocoding(mut self) -> Self {
        self.skip.geocoding = true;
        self
    }

    /// The event type model (JSON, as written by
    /// `scripts/fit-event-types.py`). By default the shipped one
    /// (`models/sitrep-event-types`).
    #[must_use]
    pub fn event_type_model(mut self, path: impl AsRef<Path>) -> Self {
        self.event_type_model = Some(path.as_ref().to_owned());
        self
    }

    /// The NER model folder. By default [`default_ner_model_dir`].
    #[must_use]
    pub fn ner_model(mut self, dir: impl AsRef<Path>) -> Self {
        self.ner_model = Some(dir.as_ref().to_owned());
        self
    }

    /// The sentence encoder whose lead embeddings help event clustering. By
    /// default [`default_embedding_model_dir`].
    #[must_use]
    pub fn embedding_model(mut self, dir: impl AsRef<Path>) -> Self {
        self.embedding_model = Some(Some(dir.as_ref().to_owned()));
        self
    }

    /// Clusters events without lead embeddings (faster; see the README for
    /// what it costs).
    #[must_use]
    pub fn no_embeddings(mut self) -> Self {
        self.embedding_model = Some(None);
        self
    }

    /// Event clustering settings. By default [`ClusterOptions::default`].
    #[must_use]
    pub fn cluster_options(mut self, o: ClusterOptions) -> Self {
        self.cluster = Some(o);
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

    /// Numeric precision of both models (NER and lead embeddings). By
    /// default [`Precision::recommended`]: bf16 where the CPU has native
    /// bfloat16 products (same CoNLL dev F1, about twice as fast), else f32.
    #[must_use]
    pub fn precision(mut self, p: Precision) -> Self {
        self.precision = Some(p);
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
        if self.ner_batch_size.is_some() || self.precision.is_some() {
            let mut s = ner.settings();
            if let Some(b) = self.ner_batch_size {
                s.batch_size = b;
                s.max_batch_tokens = b * s.max_len;
            }
            s.precision = self.precision.unwrap_or(s.precision);
            ner.set_settings(s).map_err(Error::Model)?;
        }
        let precision = self.precision;
        let encoder = match self.embedding_model {
            None => Some(SentenceEncoder::load(&default_embedding_model_dir())),
            Some(Some(dir)) => Some(SentenceEncoder::load(&dir)),
            Some(None) => None,
        }
        .map(|e| match precision {
            Some(p) => e.and_then(|e| e.with_precision(p)),
            None => e,
        })
        .transpose()
        .map_err(Error::EmbeddingModel)?;
        let threads = self.threads.unwrap_or(cores);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|source| Error::Threads { threads, source })?;
        let types = match self.event_type_model {
            Some(path) => std::sync::Arc::new(
                EventTypeModel::from_path(&path).map_err(Error::EventTypeModel)?,
            ),
            None => EventTypeModel::shipped(),
        };
        let gazetteer = std::sync::Arc::new(
            match self.gazetteer {
                Some(dir) => Gazetteer::load(dir),
                None => Gazetteer::load_default(),
            }
            .map_err(Error::Gazetteer)?,
        );
        Ok(Pipeline {
            ner,
            gazetteer,
            types,
            skip: self.skip,
            encoder,
            cluster: self.cluster.unwrap_or_default(),
            pool,
        })
    }
}

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

    /// The event stage and the report: canonical entities, clustering into
    /// events, reconciled figures, and every record. `analyses` must be
    /// aligned with `items` (as [`analyze_documents`](Self::analyze_documents)
    /// returns them).
    #[must_use]
    pub fn assemble(&self, items: &[InputItem], analyses: &[DocumentResult]) -> Report {
        let ok: Vec<(usize, &Document, &Analysis)> = ok_documents(items, analyses);
        let inputs: Vec<DocInput<'_>> = ok.iter().map(|(_, d, a)| doc_input(d, a)).collect();
        let opts = &self.cluster;
        let grouping = self.pool.install(|| group_events(&inputs, opts));
        let mut event_of: Vec<Option<usize>> = vec![None; ok.len()];
        for (e, ev) in grouping.events.iter().enumerate() {
            for &d in &ev.documents {
                event_of[d] = Some(e);
            }
        }
        let mut records: Vec<Option<DocumentRecord>> = vec![None; items.len()];
        let built: Vec<DocumentRecord> = self.pool.install(|| {
            ok.par_iter()
                .enumerate()
                .map(|(n, (_, d, a))| {
                    let conv = Converter::new(&d.text);
                    let mut r = ok_record(d);
                    r.warnings.extend(a.warnings.iter().cloned());
                    r.entities = a
                        .entities
                        .iter()
                        .enumerate()
                        .map(|(m, e)| {
                            let mut r =
                                conv.entity(e, grouping.canonical.name(n, m).map(str::to_string));
                            r.geo = a.places.get(m).cloned().flatten();
                            r
                        })
                        .collect();
                    r.numbers = a.numbers.iter().map(|x| conv.number(x)).collect();
                    r.casualties = a
                        .casualties
                        .iter()
                        .enumerate()
                        .map(|(k, c)| {
                            let party = a.parties.casualty_party.get(k).copied().flatten();
                            conv.casualty(c, party)
                        })
                        .collect();
                    r.parties = a
                        .parties
                        .parties
                        .iter()
                        .map(|p| {
                            let canonical = p
                                .entity
                                .and_then(|m| grouping.canonical.name(n, m))
                                .map(str::to_string);
                            conv.party(p, canonical)
                        })
                        .collect();
                    r.toll = conv.toll(&a.toll);
                    r.coding = match &a.event_type {
                        Some(t) => TypeRecord::new(
                            Some(t.label),
                            Some(t.score),
                            t.evidence.map(|s| conv.evidence(&d.id, s)),
                        ),
                        None => TypeRecord::default(),
                    };
                    r.event = event_of[n].map(|e| format!("E{}", e + 1));
                    r
                })
                .collect()
        });
        for ((k, _, _), r) in ok.iter().zip(built) {
            records[*k] = Some(r);
        }
        let documents = items
            .iter()
            .zip(records)
            .zip(analyses)
            .map(|((i, r), a)| match (r, a) {
                (Some(r), _) => r,
                (None, Err(e)) => skipped_record(i.id(), &e.reason()),
                (None, Ok(_)) => skipped_record(i.id(), "not processed"),
            })
            .collect();
        let texts: Vec<(&str, &str)> = ok
            .iter()
            .map(|(_, d, _)| (d.id.as_str(), d.text.as_str()))
            .collect();
        let events = grouping
            .events
            .iter()
            .enumerate()
            .map(|(e, ev)| {
                let coding = if self.skip.coding {
                    EventCoding::default()
                } else {
                    code_one_event(ev, &ok, &grouping.canonical)
                };
                let location = if self.skip.geocoding {
                    None
                } else {
                    self.event_location(ev, &ok, &grouping.canonical)
                };
                let mut r = event_record(&format!("E{}", e + 1), ev, &inputs, &texts, &coding);
                if let Some(l) = &location {
                    r.places = self.places_in(&r.places, l, ev, &ok, &grouping.canonical);
                }
                r.location = location;
                r
            })
            .collect();
        Report {
            sitrep_version: env!("CARGO_PKG_VERSION").to_owned(),
            documents,
            events,
        }
    }

    /// The event's places that can be where it happened: those that
    /// geocode in another country than its location (the hospital abroad
    /// the wounded were flown to, a country named in the background) are
    /// left out, and a name said twice in other capitals once.
    fn places_in(
        &self,
        places: &[String],
        location: &Location,
        ev: &sitrep_cluster::Event,
        ok: &[(usize, &Document, &Analysis)],
        canonical: &sitrep_cluster::Canonical,
    ) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        places
            .iter()
            .filter(|name| {
                let elsewhere = place_geo(ev, ok, canonical, name).is_some_and(|g| {
                    !g.country_code.is_empty()
                        && self.gazetteer.country_of_code(&g.country_code).map(|c| c.1)
                            != location.iso3.as_deref()
                });
                let key = name.to_lowercase();
                let again = seen.contains(&key);
                seen.push(key);
                !elsewhere && !again
            })
            .cloned()
            .collect()
    }

    /// Where an event happened: its documents' geocoded places, the
    /// incident's own sentences first.
    fn event_location(
        &self,
        ev: &sitrep_cluster::Event,
        ok: &[(usize, &Document, &Analysis)],
        canonical: &sitrep_cluster::Canonical,
    ) -> Option<Location> {
        let spans: Vec<(Vec<Span>, usize, Vec<Span>)> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .map(|(_, doc, a)| crate::eval_geo::incident_spans(&doc.text, a))
            .collect();
        let homes: Vec<Option<Geo>> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .map(|(_, doc, _)| {
                let url = doc.url.as_deref()?;
                outlet_home(&self.gazetteer, url)
            })
            .collect();
        let docs: Vec<DocPlaces<'_>> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .zip(&spans)
            .zip(&homes)
            .map(
                |(((_, doc, a), (incident, lead_end, elsewhere)), home)| DocPlaces {
                    text: &doc.text,
                    entities: &a.entities,
                    places: &a.places,
                    incident,
                    lead_end: *lead_end,
                    elsewhere,
                    home: home.as_ref(),
                },
            )
            .collect();
        let fallback = event_location(&self.gazetteer, &docs);
        // The event stage ranks the incident's places across its reports
        // (specificity, incident sentences, agreement). When its first
        // place is a named part of a province that the gazetteer only
        // knows by the province ("Anbar Desert"), in the country the
        // reports agree on, that province is the event's location: the
        // geocoder cannot tell such a part from a street it places in the
        // article's own province, so it ranks towns first. (Natural
        // features the gazetteer knows, "Hamrin Mountains", the geocoder
        // itself puts before towns.) Otherwise the geocoder's choice
        // stands: taking the event stage's first place for every event
        // lowered GVA dev city/county from 0.786 to 0.536
        // (`sitrep eval geo --gva`).
        let top = ev
            .places
            .first()
            .and_then(|name| place_geo(ev, ok, canonical, name));
        let agrees = |g: &Geo| {
            fallback.as_ref().is_none_or(|f| {
                f.iso3.as_deref() == self.gazetteer.country_of_code(&g.country_code).map(|c| c.1)
            })
        };
        let feature_place = |g: &Geo| g.feature == "admin1" && !g.exact;
        match top.filter(|g| agrees(g) && feature_place(g)) {
            Some(g) => {
                let (country, iso3) = self
                    .gazetteer
                    .country_of_code(&g.country_code)
                    .map_or((None, None), |(n, i)| {
                        (Some(n.to_owned()), Some(i.to_owned()))
                    });
                let geo_precision = match (g.feature.as_str(), g.exact) {
                    ("city", true) => 1,
                    ("city" | "natural" | "admin2", _) => 2,
                    _ => 3,
                };
                Some(Location {
                    name: ev.places.first().cloned().unwrap_or_else(|| g.name.clone()),
                    latitude: g.latitude,
                    longitude: g.longitude,
                    admin1: if g.feature == "admin1" {
                        Some(g.name.clone())
                    } else {
                        g.admin1.clone()
                    },
                    admin2: g.admin2.clone(),
                    country,
                    iso3,
                    geo_precision,
                    geonames_id: g.geonames_id,
                })
            }
            None => fallback,
        }
    }

    /// The documents that were analysed, as clustering reads them, with
    /// the index of each in `items`.
    #[must_use]
    pub fn cluster_inputs<'a>(
        &self,
        items: &'a [InputItem],
        analyses: &'a [DocumentResult],
    ) -> (Vec<DocInput<'a>>, Vec<usize>) {
        ok_documents(items, analyses)
            .into_iter()
            .map(|(k, d, a)| (doc_input(d, a), k))
            .unzip()
    }

    /// The event clustering settings in use.
    #[must_use]
    pub fn cluster_options(&self) -> &ClusterOptions {
        &self.cluster
    }

    /// Lead embeddings of each prepared document (`None` without an encoder
    /// or when the encoder fails on the batch).
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

/// The event's coding from its documents' parties (canonical names where
/// the party is a resolved entity) and type readings.
fn code_one_event(
    ev: &sitrep_cluster::Event,
    ok: &[(usize, &Document, &Analysis)],
    canonical: &sitrep_cluster::Canonical,
) -> EventCoding {
    let mut parties: Vec<ReportParty<'_>> = Vec::new();
    let mut types: Vec<ReportType> = Vec::new();
    for &d in &ev.documents {
        let Some((_, _, a)) = ok.get(d) else {
            continue;
        };
        if let Some(t) = &a.event_type {
            types.push(ReportType {
                document: d,
                label: t.label,
                score: t.score,
                evidence: t.evidence,
            });
        }
        for p in &a.parties.parties {
            let name = p
                .entity
                .and_then(|m| canonical.name(d, m))
                .unwrap_or(p.name.as_str());
            let person = p
                .entity
                .and_then(|m| a.entities.get(m))
                .is_some_and(|e| e.label == "PER");
            parties.push(ReportParty {
                document: d,
                name,
                role: p.role,
                actor_type: p.actor_type,
                person,
            });
        }
    }
    code_event(&types, &parties)
}

fn ok_documents<'a>(
    items: &'a [InputItem],
    analyses: &'a [DocumentResult],
) -> Vec<(usize, &'a Document, &'a Analysis)> {
    items
        .iter()
        .zip(analyses)
        .enumerate()
        .filter_map(|(k, (i, a))| match (i, a) {
            (InputItem::Document(d), Ok(a)) => Some((k, d, a)),
            _ => None,
        })
        .collect()
}

fn doc_input<'a>(d: &'a Document, a: &'a Analysis) -> DocInput<'a> {
    DocInput {
        id: &d.id,
        text: &d.text,
        title: d.title.as_deref(),
        published: d.date,
        source: d.source.as_deref(),
        sentences: &a.sentences,
        entities: &a.entities,
        casualties: &a.casualties,
        toll: &a.toll,
        embedding: a.embedding.as_deref(),
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

/// The geocoded place of one of an event's place names (canonical), from
/// the first of its documents that names it.
fn place_geo<'a>(
    ev: &sitrep_cluster::Event,
    ok: &'a [(usize, &Document, &Analysis)],
    canonical: &sitrep_cluster::Canonical,
    name: &str,
) -> Option<&'a Geo> {
    ev.documents.iter().find_map(|&d| {
        let (_, _, a) = ok.get(d)?;
        a.entities.iter().enumerate().find_map(|(m, _)| {
            let geo = a.places.get(m)?.as_ref()?;
            (canonical.name(d, m) == Some(name)).then_some(geo)
        })
    })
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
