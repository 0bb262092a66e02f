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

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(e: &(dyn std::error::Error + 'static)) -> Vec<String> {
        let mut out = vec![e.to_string()];
        let mut cur = e.source();
        while let Some(c) = cur {
            out.push(c.to_string());
            cur = c.source();
        }
        out
    }

    /// Each cause once in the chain: in the message or as the source.
    #[test]
    fn each_cause_is_said_once() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let mut errors: Vec<Error> = Vec::new();
        #[cfg(feature = "subwords")]
        {
            let Err(bad) = crate::SubwordTokenizer::from_file(std::path::Path::new(
                "/nonexistent/tokenizer.json",
            )) else {
                panic!("a missing tokenizer file is an error");
            };
            errors.push(bad);
        }
        errors.extend([
            Error::Stdin(io()),
            Error::Input {
                path: "in/".into(),
                source: io(),
            },
        ]);
        for e in &errors {
            let links = chain(e);
            assert!(links.len() >= 2, "{links:?}");
            for (i, a) in links.iter().enumerate() {
                for b in &links[i + 1..] {
                    assert!(!a.contains(b.as_str()), "{b:?} said twice in {links:?}");
                }
            }
        }
    }
}
