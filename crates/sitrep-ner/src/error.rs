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
    #[error("libtorch failed")]
    Torch(#[from] tch::TchError),
    /// rust-bert reported an error.
    #[error("rust-bert failed")]
    RustBert(#[from] rust_bert::RustBertError),
    /// Reading or writing a file failed.
    #[error("cannot read or write {path}")]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cause once in the chain: in the message or as the source.
    fn chain(e: &(dyn std::error::Error + 'static)) -> Vec<String> {
        let mut out = vec![e.to_string()];
        let mut cur = e.source();
        while let Some(c) = cur {
            out.push(c.to_string());
            cur = c.source();
        }
        out
    }

    #[test]
    fn each_cause_is_said_once() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let errors: Vec<Error> = vec![
            Error::Io {
                path: "m/config.json".into(),
                source: io(),
            },
            Error::Torch(tch::TchError::Convert("bad kind".into())),
            Error::BadFile {
                dir: "m".into(),
                file: "m/config.json".into(),
                message: "not valid JSON".into(),
                source: Some(Box::new(io())),
            },
        ];
        for e in &errors {
            let links = chain(e);
            for (i, a) in links.iter().enumerate() {
                for b in &links[i + 1..] {
                    assert!(!a.contains(b.as_str()), "{b:?} said twice in {links:?}");
                }
            }
        }
        assert_eq!(
            chain(&errors[0]),
            ["cannot read or write m/config.json", "no such file"]
        );
    }
}
