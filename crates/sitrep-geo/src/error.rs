//! The error type of this crate.

use std::path::PathBuf;

/// An error loading a gazetteer or the country outlines.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error {
    kind: Box<ErrorKind>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No folder with the data was found.
    #[error("no {what} found (looked in {looked}); run scripts/setup.sh or set {env}")]
    NotFound {
        /// What was looked for ("gazetteer", "country outlines").
        what: &'static str,
        /// The environment variable that names its folder.
        env: &'static str,
        /// The places looked in.
        looked: String,
    },
    /// A table could not be read.
    #[error("reading {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A table has a bad row.
    #[error("{path}:{line}: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// Its line (1-based).
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
