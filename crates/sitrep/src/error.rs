//! Errors of the pipeline.

/// What went wrong building or running a [`crate::Pipeline`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The NER model could not be loaded.
    #[error("cannot load the NER model")]
    Model(#[source] sitrep_ner::Error),
    /// The worker thread pool could not be built.
    #[error("cannot start {threads} worker threads")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// The cause.
        #[source]
        source: rayon::ThreadPoolBuildError,
    },
    /// Serialising the report failed.
    #[error("cannot serialise the report")]
    Serialize(#[source] serde_json::Error),
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
