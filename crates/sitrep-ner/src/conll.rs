//! Reading CoNLL-2003-style NER files.
//!
//! One token per line, columns separated by whitespace, the token first and the
//! NER tag last (`token POS chunk NER` in CoNLL-2003). A blank line ends a
//! sentence; a line whose first column is `-DOCSTART-` starts a new document.
//! Sentences before the first `-DOCSTART-` form a document of their own and a
//! `-DOCSTART-` with no sentence after it adds nothing (the IOB1 copy of
//! CoNLL-2003 has its first `-DOCSTART-` moved to the end of each file).
//!
//! The tag scheme is detected over the whole file ([`detect_scheme`]) and
//! every sentence's tags are converted to IOB2 on reading ([`to_iob2`]); the
//! detected scheme is kept in [`ConllCorpus::scheme`].
//!
//! ```
//! use sitrep_ner::conll::ConllCorpus;
//! use sitrep_ner::tags::TagScheme;
//!
//! let corpus = ConllCorpus::parse("-DOCSTART- -X- O O\n\nJohn NNP I-PER\nSmith NNP I-PER\nran VBD O\n")?;
//! assert_eq!(corpus.scheme, TagScheme::Iob1);
//! assert_eq!(corpus.documents[0].sentences[0].tags, ["B-PER", "I-PER", "O"]);
//! # Ok::<(), sitrep_ner::conll::ConllError>(())
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

use crate::tags::{decode, detect_scheme, to_iob2, TagScheme};

/// The first column of a document-boundary line.
const DOCSTART: &str = "-DOCSTART-";

/// The path reported in errors from [`ConllCorpus::parse`].
const INLINE_PATH: &str = "<inline text>";

/// Errors from reading CoNLL files.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// The file could not be read.
    #[error("cannot read CoNLL file {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("{}:{line}: not valid UTF-8", path.display())]
    Encoding {
        /// The file.
        path: PathBuf,
        /// 1-based line number of the first invalid byte.
        line: usize,
        /// The underlying error.
        #[source]
        source: std::str::Utf8Error,
    },
    /// A line could not be parsed.
    #[error("{}:{line}: {message}", path.display())]
    Parse {
        /// The file (`<inline text>` for [`ConllCorpus::parse`]).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One sentence: its tokens and their NER tags (IOB2 once read), same length.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConllSentence {
    /// Word tokens, as in the file.
    pub tokens: Vec<String>,
    /// One NER tag per token.
    pub tags: Vec<String>,
}

impl ConllSentence {
    /// Number of tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no tokens.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The sentence's entity chunks `(first token, one past the last token,
    /// type)`, decoded from its (IOB2) tags with conlleval's rules.
    #[must_use]
    pub fn chunks(&self) -> Vec<(usize, usize, String)> {
        decode(&self.tags, TagScheme::Iob2)
    }
}

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConllDocument {
    /// The sentences, in order; none is empty.
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// Rebuilds the document's text for feeding a model whole documents:
    /// tokens joined with single spaces, sentences with `"\n"`.
    ///
    /// Returns the text and, per sentence, each token's byte span in it, so
    /// `&text[spans[s][t].range()] == sentences[s].tokens[t]`.
    ///
    /// ```
    /// use sitrep_ner::conll::{ConllDocument, ConllSentence};
    ///
    /// let sentence = |tokens: &[&str]| ConllSentence {
    ///     tokens: tokens.iter().map(|t| t.to_string()).collect(),
    ///     tags: vec!["O".to_string(); tokens.len()],
    /// };
    /// let doc = ConllDocument { sentences: vec![sentence(&["Hi", "there", "."]), sentence(&["Bye"])] };
    /// let (text, spans) = doc.text_and_spans();
    /// assert_eq!(text, "Hi there .\nBye");
    /// assert_eq!(&text[spans[1][0].range()], "Bye");
    /// ```
    #[must_use]
    pub fn text_and_spans(&self) -> (String, Vec<Vec<Span>>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.sentences.len());
        for (s, sentence) in self.sentences.iter().enumerate() {
            if s > 0 {
                text.push('\n');
            }
            let mut sentence_spans = Vec::with_capacity(sentence.tokens.len());
            for (t, token) in sentence.tokens.iter().enumerate() {
                if t > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(token);
                sentence_spans.push(Span::new(start, text.len()));
            }
            spans.push(sentence_spans);
        }
        (text, spans)
    }

    /// Number of tokens in the document.
    #[must_use]
    pub fn num_tokens(&self) -> usize {
        self.sentences.iter().map(ConllSentence::len).sum()
    }
}

/// A whole CoNLL file: its documents and the tag scheme it was written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConllCorpus {
    /// The documents, in order; none is empty.
    pub documents: Vec<ConllDocument>,
    /// The scheme detected in the file. Tags in [`documents`](Self::documents)
    /// are always IOB2, whatever this is.
    pub scheme: TagScheme,
}

impl ConllCorpus {
    /// Reads a CoNLL file.
    ///
    /// # Errors
    ///
    /// [`ConllError::Io`] when the file cannot be read,
    /// [`ConllError::Encoding`] when it is not UTF-8, and
    /// [`ConllError::Parse`] (with the line number) for a non-blank line with
    /// fewer than two columns.
    pub fn read(path: impl AsRef<Path>) -> Result<ConllCorpus, ConllError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| ConllError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|source| ConllError::Encoding {
            path: path.to_path_buf(),
            line: 1 + bytes[..source.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            source,
        })?;
        parse_text(text, path)
    }

    /// Parses the text of a CoNLL file; errors name the path `<inline text>`.
    ///
    /// # Errors
    ///
    /// [`ConllError::Parse`] for a non-blank line with fewer than two columns.
    pub fn parse(text: &str) -> Result<ConllCorpus, ConllError> {
        parse_text(text, Path::new(INLINE_PATH))
    }

    /// All sentences of all documents, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &ConllSentence> + '_ {
        self.documents.iter().flat_map(|d| d.sentences.iter())
    }

    /// Number of sentences.
    #[must_use]
    pub fn num_sentences(&self) -> usize {
        self.documents.iter().map(|d| d.sentences.len()).sum()
    }

    /// Number of tokens.
    #[must_use]
    pub fn num_tokens(&self) -> usize {
        self.documents.iter().map(ConllDocument::num_tokens).sum()
    }

    /// Number of entity chunks per type.
    #[must_use]
    pub fn entity_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for sentence in self.sentences() {
            for (_, _, ty) in sentence.chunks() {
                *counts.entry(ty).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The sorted entity types that occur in the corpus.
    #[must_use]
    pub fn entity_types(&self) -> Vec<String> {
        self.entity_counts().into_keys().collect()
    }
}

/// Builds documents from lines, then detects the scheme and converts to IOB2.
fn parse_text(text: &str, path: &Path) -> Result<ConllCorpus, ConllError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut sentence = ConllSentence::default();

    fn end_sentence(document: &mut ConllDocument, sentence: &mut ConllSentence) {
        if !sentence.is_empty() {
            document.sentences.push(std::mem::take(sentence));
        }
    }
    fn end_document(documents: &mut Vec<ConllDocument>, document: &mut ConllDocument) {
        if !document.sentences.is_empty() {
            documents.push(std::mem::take(document));
        }
    }

    for (index, line) in text.lines().enumerate() {
        let mut columns = line.split_whitespace();
        let Some(token) = columns.next() else {
            end_sentence(&mut document, &mut sentence);
            continue;
        };
        if token == DOCSTART {
            end_sentence(&mut document, &mut sentence);
            end_document(&mut documents, &mut document);
            continue;
        }
        let Some(tag) = columns.next_back() else {
            return Err(ConllError::Parse {
                path: path.to_path_buf(),
                line: index + 1,
                message: format!("expected a token and a tag, found one column {token:?}"),
            });
        };
        sentence.tokens.push(token.to_string());
        sentence.tags.push(tag.to_string());
    }
    end_sentence(&mut document, &mut sentence);
    end_document(&mut documents, &mut document);

    // Sentences are separated by an "O" so an I- opening one counts as a start.
    let scheme = detect_scheme(
        documents
            .iter()
            .flat_map(|d| d.sentences.iter())
            .flat_map(|s| s.tags.iter().map(String::as_str).chain(["O"])),
    );
    for sentence in documents.iter_mut().flat_map(|d| d.sentences.iter_mut()) {
        sentence.tags = to_iob2(&sentence.tags, scheme);
    }
    Ok(ConllCorpus { documents, scheme })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Invented sentences in the four-column layout of CoNLL-2003 (token, part
    // of speech, chunk, entity): ordinary prose, none of it from the
    // dataset, which never enters this repository.
    const IOB1: &str = "\
Ferries NNS I-NP O
from IN I-PP O
OSLO NNP I-NP I-LOC
ran VBD I-VP O
late RB I-ADVP O
, , O O
Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
said VBD I-VP O
on IN I-PP O
Monday NNP I-NP O
. . O O

Berg NNP I-NP I-PER
agreed VBD I-VP O

-DOCSTART- -X- O O

Kestrel NNP I-NP I-ORG
Boats NNPS I-NP I-ORG
Seabus NNP I-NP B-ORG
Bergen NNP I-NP I-LOC

-DOCSTART- -X- O O
";

    const IOB2: &str = "\
-DOCSTART- -X- -X- O

Ferries NNS B-NP O
from IN B-PP O
OSLO NNP B-NP B-LOC
ran VBD B-VP O
late RB B-ADVP O
, , O O
Anna NNP B-NP B-PER
Berg NNP I-NP I-PER
said VBD B-VP O
on IN B-PP O
Monday NNP B-NP O
. . O O

Berg NNP B-NP B-PER
agreed VBD B-VP O

-DOCSTART- -X- -X- O

Kestrel NNP B-NP B-ORG
Boats NNPS I-NP I-ORG
Seabus NNP B-NP B-ORG
Bergen NNP B-NP B-LOC
";

    #[test]
    fn parses_iob1_and_iob2_alike() {
        let iob1 = ConllCorpus::parse(IOB1).unwrap();
        let iob2 = ConllCorpus::parse(IOB2).unwrap();
        assert_eq!(iob1.scheme, TagScheme::Iob1);
        assert_eq!(iob2.scheme, TagScheme::Iob2);
        assert_eq!(iob1.documents, iob2.documents);

        assert_eq!(iob2.documents.len(), 2);
        assert_eq!(iob2.num_sentences(), 3);
        assert_eq!(iob2.num_tokens(), 18);
        let first = &iob2.documents[0].sentences[0];
        assert_eq!(first.tokens[2], "OSLO");
        assert_eq!(first.tags[2], "B-LOC");
        assert_eq!(first.len(), first.tags.len());
        assert_eq!(
            iob2.documents[1].sentences[0].tags,
            ["B-ORG", "I-ORG", "B-ORG", "B-LOC"]
        );
        let counts: Vec<_> = iob2.entity_counts().into_iter().collect();
        assert_eq!(
            counts,
            [
                ("LOC".to_string(), 2),
                ("ORG".to_string(), 2),
                ("PER".to_string(), 2)
            ]
        );
        assert_eq!(iob2.entity_types(), ["LOC", "ORG", "PER"]);
    }

    #[test]
    fn separators_and_whitespace() {
        // Tabs, CRLF, several blank lines, trailing spaces, a BOM, a DOCSTART
        // without a blank line before it, and two-column lines.
        let text = "\u{feff}a\tB-X\r\nb  I-X  \r\n\r\n\r\n\nc O\n-DOCSTART- O\nd S-Y\n\n\n";
        let corpus = ConllCorpus::parse(text).unwrap();
        assert_eq!(corpus.scheme, TagScheme::Bioes);
        assert_eq!(corpus.documents.len(), 2);
        let doc0 = &corpus.documents[0];
        assert_eq!(doc0.sentences.len(), 2);
        assert_eq!(doc0.sentences[0].tokens, ["a", "b"]);
        assert_eq!(doc0.sentences[0].tags, ["B-X", "I-X"]);
        assert_eq!(doc0.sentences[1].tokens, ["c"]);
        assert_eq!(corpus.documents[1].sentences[0].tags, ["B-Y"]);
    }

    #[test]
    fn empty_inputs() {
        for text in ["", "\n\n", "-DOCSTART- -X- O O\n\n", "  \n-DOCSTART-\n"] {
            let corpus = ConllCorpus::parse(text).unwrap();
            assert!(corpus.documents.is_empty(), "{text:?}");
            assert_eq!(corpus.scheme, TagScheme::Iob2);
        }
    }

    #[test]
    fn parse_error_has_line() {
        let err = ConllCorpus::parse("a O\n\nlonely\n").unwrap_err();
        match &err {
            ConllError::Parse { path, line, .. } => {
                assert_eq!(*line, 3);
                assert_eq!(path, Path::new(INLINE_PATH));
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(err.to_string().starts_with("<inline text>:3: "), "{err}");
    }

    #[test]
    fn read_errors() {
        let dir = std::env::temp_dir().join(format!("sitrep-ner-conll-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();

        let missing = dir.join("missing.txt");
        let err = ConllCorpus::read(&missing).unwrap_err();
        assert!(matches!(&err, ConllError::Io { path, .. } if path == &missing));
        assert!(std::error::Error::source(&err).is_some());

        let bad = dir.join("bad.txt");
        std::fs::write(&bad, b"a O\nb O\n\xff\xfe O\n").unwrap();
        let err = ConllCorpus::read(&bad).unwrap_err();
        assert!(
            matches!(&err, ConllError::Encoding { line: 3, .. }),
            "{err:?}"
        );
        assert!(std::error::Error::source(&err).is_some());

        let bad_line = dir.join("bad_line.txt");
        std::fs::write(&bad_line, "a O\nb\n").unwrap();
        let err = ConllCorpus::read(&bad_line).unwrap_err();
        assert!(matches!(&err, ConllError::Parse { line: 2, path, .. } if path == &bad_line));

        let good = dir.join("good.txt");
        std::fs::write(&good, IOB1).unwrap();
        assert_eq!(ConllCorpus::read(&good).unwrap().num_sentences(), 3);

        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn text_and_spans_round_trip() {
        let corpus = ConllCorpus::parse("Zürich B-LOC\nis O\n\n« O\nnice O\n»  O\n").unwrap();
        let doc = &corpus.documents[0];
        let (text, spans) = doc.text_and_spans();
        assert_eq!(text, "Zürich is\n« nice »");
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0], [Span::new(0, 7), Span::new(8, 10)]);
        for (sentence, spans) in doc.sentences.iter().zip(&spans) {
            assert_eq!(sentence.tokens.len(), spans.len());
            for (token, span) in sentence.tokens.iter().zip(spans) {
                assert_eq!(&text[span.range()], token);
            }
        }
        let (text, spans) = ConllDocument::default().text_and_spans();
        assert!(text.is_empty() && spans.is_empty());
    }

    fn shared_data() -> Option<PathBuf> {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
        if dir.is_dir() {
            Some(dir.join("conll2003"))
        } else {
            eprintln!("skipping: {} is absent", dir.display());
            None
        }
    }

    #[test]
    fn reads_real_dev_file() {
        let Some(dir) = shared_data() else { return };
        let dev = ConllCorpus::read(dir.join("iob2/valid.txt")).unwrap();
        assert_eq!(dev.scheme, TagScheme::Iob2);
        assert_eq!(dev.documents.len(), 216);
        assert_eq!(dev.num_sentences(), 3250);
        assert_eq!(dev.num_tokens(), 51_362);
        let counts = dev.entity_counts();
        let want = [("LOC", 1837), ("MISC", 922), ("ORG", 1341), ("PER", 1842)];
        assert_eq!(counts.len(), want.len());
        for (ty, n) in want {
            assert_eq!(counts.get(ty), Some(&n), "{ty}");
        }
        for doc in &dev.documents {
            let (text, spans) = doc.text_and_spans();
            for (sentence, spans) in doc.sentences.iter().zip(&spans) {
                for (token, span) in sentence.tokens.iter().zip(spans) {
                    assert_eq!(&text[span.range()], token);
                }
            }
        }

        // The original IOB1 copy converts to the same IOB2 documents.
        let testa = dir.join("original-iob1/eng.testa");
        if testa.is_file() {
            let iob1 = ConllCorpus::read(testa).unwrap();
            assert_eq!(iob1.scheme, TagScheme::Iob1);
            assert_eq!(iob1.documents, dev.documents);
        }
    }
}
