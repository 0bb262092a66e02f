//! Errors of the pipeline.

/// What went wrong building or running a [`crate::Pipeline`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The NER model could not be loaded.
    #[error("cannot load the NER model")]
    Model(#[source] sitrep_ner::Error),
    /// The sentence encoder for event clustering could not be loaded.
    #[error("cannot load the sentence encoder for event clustering (set SITREP_EMBED_MODEL, run scripts/setup.sh, or disable embeddings)")]
    EmbeddingModel(#[source] sitrep_ner::Error),
    /// The event type model could not be loaded.
    #[error("cannot load the event type model")]
    EventTypeModel(#[source] sitrep_coding::EventTypeModelError),
    /// The GeoNames gazetteer could not be loaded.
    #[error("cannot load the GeoNames gazetteer (run scripts/setup.sh, or set SITREP_GAZETTEER)")]
    Gazetteer(#[source] sitrep_geo::Error),
    /// The worker thread pool could not be built.
    #[error("cannot start {threads} worker threads")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// The cause.
        #[source]
        source: rayon::ThreadPoolBuildError,
    },
    /// A file could not be read or written.
    #[error("cannot read or write {}", path.display())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Serialising the report failed.
    #[error("cannot serialise the report")]
    Serialize(#[source] serde_json::Error),
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
