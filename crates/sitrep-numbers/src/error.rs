//! Errors of the evaluation helpers (the extractors themselves never fail).

use std::path::PathBuf;

/// What can go wrong while reading an evaluation data set.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A JSON document (or a JSON cell of a TSV file) could not be parsed.
    #[error("invalid JSON in {path}{}", line.map(|l| format!(" at line {l}")).unwrap_or_default())]
    Json {
        /// The file.
        path: PathBuf,
        /// The 1-based line, for line-oriented files.
        line: Option<usize>,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// A file does not have the layout the evaluation expects.
    #[error("unexpected format in {path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What was wrong, for a person to read.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, Error>;
