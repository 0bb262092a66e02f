//! Errors of this crate.

use std::path::PathBuf;

/// What went wrong in `sitrep-text`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A sub-word tokenizer could not be loaded from a file.
    #[error("cannot load tokenizer from {path}: {message}")]
    TokenizerLoad {
        /// The file.
        path: PathBuf,
        /// What the tokenizers crate said.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A tokenizer configuration was refused.
    #[error("tokenizer configuration: {0}")]
    TokenizerConfig(String),
    /// Encoding a text into sub-words failed.
    #[error("cannot encode text into sub-words")]
    Encode(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// Windowing was asked with impossible parameters.
    #[error("invalid window parameters: {0}")]
    Window(String),
    /// Reading standard input failed.
    #[error("cannot read standard input")]
    Stdin(#[source] std::io::Error),
    /// An input path does not exist or cannot be listed.
    #[error("cannot read input {path}")]
    Input {
        /// The path given.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
