//! Errors of this crate.

use std::path::PathBuf;

/// What went wrong in `sitrep-ner`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A model folder lacks a file it needs.
    #[error("model folder {dir}: {what} not found (looked for {looked_for})")]
    MissingFile {
        /// The folder.
        dir: PathBuf,
        /// What is missing, in words.
        what: &'static str,
        /// The file names tried.
        looked_for: String,
    },
    /// A file of a model folder could not be read or parsed.
    #[error("model folder {dir}: bad file {file}: {message}")]
    BadFile {
        /// The folder.
        dir: PathBuf,
        /// The file.
        file: PathBuf,
        /// What is wrong.
        message: String,
        /// The underlying error, when there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// The model's weights do not fit its configuration.
    #[error("model folder {dir}: weights in {file} do not fit the model: {message}")]
    Weights {
        /// The folder.
        dir: PathBuf,
        /// The weights file.
        file: PathBuf,
        /// Which variables are missing or mis-shaped.
        message: String,
    },
    /// The tokenizer failed.
    #[error(transparent)]
    Text(#[from] sitrep_text::Error),
    /// libtorch reported an error.
    #[error("libtorch: {0}")]
    Torch(#[from] tch::TchError),
    /// rust-bert reported an error.
    #[error("rust-bert: {0}")]
    RustBert(#[from] rust_bert::RustBertError),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A request was invalid (e.g. an empty label set).
    #[error("invalid request: {0}")]
    Invalid(String),
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
