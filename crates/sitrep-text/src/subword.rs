//! Sub-word encoding with the `tokenizers` crate, keeping offsets and word ids.

use std::path::Path;

use tokenizers::models::wordpiece::WordPiece;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::Tokenizer;

use crate::error::{Error, Result};
use crate::Span;

/// A WordPiece/BPE tokenizer for one model, with truncation and padding turned
/// off (sitrep windows and pads itself, so nothing is ever cut silently).
#[derive(Clone)]
pub struct SubwordTokenizer {
    inner: Tokenizer,
    cls_id: u32,
    sep_id: u32,
    pad_id: u32,
}

impl std::fmt::Debug for SubwordTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubwordTokenizer")
            .field("vocab_size", &self.inner.get_vocab_size(true))
            .field("cls_id", &self.cls_id)
            .field("sep_id", &self.sep_id)
            .field("pad_id", &self.pad_id)
            .finish()
    }
}

/// The sub-words of a text, without special tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoded {
    /// Vocabulary ids.
    pub ids: Vec<u32>,
    /// Byte span of each sub-word in the original text.
    pub offsets: Vec<Span>,
    /// Index of the word each sub-word belongs to (into the word list given to
    /// [`SubwordTokenizer::encode_words`], or the tokenizer's own words for
    /// [`SubwordTokenizer::encode`]).
    pub word_ids: Vec<Option<u32>>,
}

impl Encoded {
    /// Number of sub-words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no sub-words.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

fn load_err(path: &Path, e: Box<dyn std::error::Error + Send + Sync>) -> Error {
    Error::TokenizerLoad {
        path: path.to_owned(),
        message: e.to_string(),
        source: Some(e),
    }
}

impl SubwordTokenizer {
    /// Loads a `tokenizer.json`.
    ///
    /// # Errors
    ///
    /// When the file cannot be read or parsed, or lacks `[CLS]`/`[SEP]`
    /// (or `<s>`/`</s>`) tokens.
    pub fn from_file(path: &Path) -> Result<SubwordTokenizer> {
        let inner = Tokenizer::from_file(path).map_err(|e| load_err(path, e))?;
        SubwordTokenizer::from_tokenizer(inner, path)
    }

    /// Builds a BERT WordPiece tokenizer from a `vocab.txt`.
    ///
    /// # Errors
    ///
    /// When the vocabulary cannot be read or lacks the special tokens.
    pub fn from_vocab(path: &Path, lowercase: bool) -> Result<SubwordTokenizer> {
        let p = path.to_str().ok_or_else(|| Error::TokenizerLoad {
            path: path.to_owned(),
            message: "path is not valid UTF-8".into(),
            source: None,
        })?;
        let model = WordPiece::from_file(p)
            .unk_token("[UNK]".into())
            .build()
            .map_err(|e| load_err(path, e))?;
        let mut inner = Tokenizer::new(model);
        inner
            .with_normalizer(Some(BertNormalizer::new(true, true, None, lowercase)))
            .with_pre_tokenizer(Some(BertPreTokenizer));
        SubwordTokenizer::from_tokenizer(inner, path)
    }

    fn from_tokenizer(mut inner: Tokenizer, path: &Path) -> Result<SubwordTokenizer> {
        inner
            .with_truncation(None)
            .map_err(|e| Error::TokenizerConfig(e.to_string()))?;
        inner.with_padding(None);
        let id = |names: &[&str]| names.iter().find_map(|n| inner.token_to_id(n));
        let missing = |what: &str| Error::TokenizerLoad {
            path: path.to_owned(),
            message: format!("vocabulary has no {what} token"),
            source: None,
        };
        let cls_id = id(&["[CLS]", "<s>"]).ok_or_else(|| missing("[CLS]"))?;
        let sep_id = id(&["[SEP]", "</s>"]).ok_or_else(|| missing("[SEP]"))?;
        let pad_id = id(&["[PAD]", "<pad>"]).unwrap_or(0);
        Ok(SubwordTokenizer {
            inner,
            cls_id,
            sep_id,
            pad_id,
        })
    }

    /// Id of the sequence-start token (`[CLS]`).
    #[must_use]
    pub fn cls_id(&self) -> u32 {
        self.cls_id
    }

    /// Id of the separator token (`[SEP]`).
    #[must_use]
    pub fn sep_id(&self) -> u32 {
        self.sep_id
    }

    /// Id of the padding token.
    #[must_use]
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    /// Vocabulary size including added tokens.
    #[must_use]
    pub fn vocab_size(&self) -> usize {
        self.inner.get_vocab_size(true)
    }

    /// Encodes a whole text with the tokenizer's own pre-tokenizer.
    ///
    /// # Errors
    ///
    /// When the tokenizer fails on the text.
    pub fn encode(&self, text: &str) -> Result<Encoded> {
        let enc = self.inner.encode(text, false).map_err(Error::Encode)?;
        let offsets = enc
            .get_offsets()
            .iter()
            .map(|&(s, e)| clamp_span(text, 0, s, e))
            .collect();
        Ok(Encoded {
            ids: enc.get_ids().to_vec(),
            offsets,
            word_ids: enc.get_word_ids().to_vec(),
        })
    }

    /// Encodes the given words of `text` (as from [`crate::word_tokens`]):
    /// each sub-word's `word_ids` entry is the index of its word in `words`,
    /// and its offset is a byte span in `text`. A word that yields no
    /// sub-words (e.g. a control character) has none.
    ///
    /// # Errors
    ///
    /// When the tokenizer fails, or a span does not slice `text`.
    pub fn encode_words(&self, text: &str, words: &[Span]) -> Result<Encoded> {
        let mut pieces: Vec<&str> = Vec::with_capacity(words.len());
        for w in words {
            let piece = w.slice(text).ok_or_else(|| {
                Error::Encode(
                    format!("word span {}..{} does not slice the text", w.start, w.end).into(),
                )
            })?;
            pieces.push(piece);
        }
        if pieces.is_empty() {
            return Ok(Encoded::default());
        }
        let enc = self
            .inner
            .encode(pieces.as_slice(), false)
            .map_err(Error::Encode)?;
        let mut out = Encoded {
            ids: enc.get_ids().to_vec(),
            offsets: Vec::with_capacity(enc.len()),
            word_ids: enc.get_word_ids().to_vec(),
        };
        for (i, &(s, e)) in enc.get_offsets().iter().enumerate() {
            // Offsets of pre-tokenized input are relative to each word.
            let span = match out.word_ids[i].and_then(|w| words.get(w as usize)) {
                Some(w) => clamp_span(text, w.start, w.start + s, w.start + e),
                None => Span::new(0, 0),
            };
            out.offsets.push(span);
        }
        Ok(out)
    }
}

/// Makes a span `[s, e)` valid for `text`: clamped to bounds and moved onto
/// character boundaries (start backwards, end forwards), never inverted.
fn clamp_span(text: &str, floor: usize, s: usize, e: usize) -> Span {
    let n = text.len();
    let mut s = s.clamp(floor.min(n), n);
    let mut e = e.clamp(s, n);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < n && !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e.max(s))
}
