//! Building a [`Pipeline`]: where the models are, and the settings.

use std::path::{Path, PathBuf};

use sitrep_cluster::ClusterOptions;
use sitrep_coding::EventTypeModel;
use sitrep_geo::Gazetteer;
use sitrep_ner::{NerModel, Precision, SentenceEncoder};
use sitrep_text::assets::{find_asset, Asset};

use crate::error::{Error, Result};

use super::Pipeline;

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
/// `$SITREP_EMBED_MODEL` when set; else the newest complete
/// `models/all-MiniLM-L6-v2-*` folder of the runtime cache `scripts/setup.sh`
/// fills (`$SITREP_CACHE`, by default `~/.cache/sitrep`); else
/// `all-MiniLM-L6-v2` in the source tree's `.models/` (the link
/// `scripts/setup.sh` makes), where loading says what is missing.
#[must_use]
pub fn default_embedding_model_dir() -> PathBuf {
    const IN_TREE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.models/all-MiniLM-L6-v2"
    );
    find_asset(&Asset {
        what: "sentence encoder",
        env: "SITREP_EMBED_MODEL",
        prefix: "all-MiniLM-L6-v2-",
        fallback: IN_TREE,
        marker: "config.json",
    })
    .unwrap_or_else(|_| PathBuf::from(IN_TREE))
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
pub(super) struct Skip {
    pub(super) coding: bool,
    pub(super) geocoding: bool,
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
