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

/// Why one document has no analysis: the rest of the run goes on, and the
/// document's record says why (its `reason`, from [`DocumentError::reason`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The input was skipped before analysis (unreadable, empty, not an
    /// article, ...), with the reader's reason.
    #[error("{reason}")]
    Skipped {
        /// The reader's reason, as in its [`sitrep_text::Skipped`] record.
        reason: String,
    },
    /// The named-entity model failed on this document, alone, after the
    /// batch it was in had failed.
    #[error("named-entity recognition failed")]
    Model(#[source] sitrep_ner::Error),
}

impl DocumentError {
    /// The reason written into the document's record: the message and each
    /// cause below it once, joined by `": "`.
    #[must_use]
    pub fn reason(&self) -> String {
        let mut out = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }
}

/// What [`crate::Pipeline::analyze_documents`] gives for each input item.
pub type DocumentResult = std::result::Result<crate::Analysis, DocumentError>;

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_error_says_each_cause_once() {
        let skipped = DocumentError::Skipped {
            reason: "empty document".into(),
        };
        assert_eq!(skipped.reason(), "empty document");
        assert!(std::error::Error::source(&skipped).is_none());
        let io = std::io::Error::other("disk gone");
        let model = DocumentError::Model(sitrep_ner::Error::from(sitrep_text::Error::Input {
            path: "vocab.txt".into(),
            source: io,
        }));
        let reason = model.reason();
        assert!(
            reason.starts_with("named-entity recognition failed: "),
            "{reason}"
        );
        assert_eq!(reason.matches("disk gone").count(), 1, "{reason}");
    }
}
