//! Sub-word encoding with the `tokenizers` crate, keeping offsets and word ids.

use std::path::Path;

use tokenizers::models::wordpiece::WordPiece;
use tokenizers::models::ModelWrapper;
use tokenizers::normalizers::bert::BertNormalizer;
use tokenizers::normalizers::NormalizerWrapper;
use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::pre_tokenizers::PreTokenizerWrapper;
use tokenizers::{Model, Tokenizer};

use crate::error::{Error, Result};
use crate::Span;

/// A WordPiece/BPE tokenizer for one model, with truncation and padding turned
/// off (sitrep windows and pads itself, so nothing is ever cut silently).
///
/// When the tokenizer is the standard BERT pipeline (`BertNormalizer`,
/// `BertPreTokenizer`, `WordPiece`), [`SubwordTokenizer::encode_words`] takes a
/// fast path for plain ASCII words: what the normalizer and pre-tokenizer do to
/// such a word (lower-casing, a piece per punctuation mark) is done in place,
/// and only the `WordPiece` model of the `tokenizers` crate is called. Any
/// other word goes through the whole `tokenizers` pipeline. Both paths give the
/// same sub-words; the tests check it word by word.
#[derive(Clone)]
pub struct SubwordTokenizer {
    inner: Tokenizer,
    cls_id: u32,
    sep_id: u32,
    pad_id: u32,
    ascii: Option<AsciiBert>,
}

/// What the fast path (ASCII words) needs to know about a standard BERT tokenizer.
#[derive(Clone, Debug)]
struct AsciiBert {
    lowercase: bool,
    /// Contents of the added tokens (`[CLS]`, …): a word containing one goes
    /// through the whole pipeline, which matches added tokens before anything.
    added: Vec<String>,
    /// First bytes of the added tokens, both cases: a word without any of
    /// them cannot contain one.
    added_first: [bool; 128],
    /// Whether words may also hold [`TYPOGRAPHIC_PUNCTUATION`] (no added
    /// token starts with a non-ASCII character).
    typographic: bool,
}

/// Non-ASCII punctuation common in news text (curly quotes, dashes, the
/// ellipsis) that the fast path also handles: Unicode punctuation, so the
/// BERT pre-tokenizer makes each its own piece, caseless, and unchanged by
/// the normalizer (NFD leaves them as they are; they are not controls).
const TYPOGRAPHIC_PUNCTUATION: [char; 9] = [
    '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{2032}',
    '\u{2033}',
];

impl AsciiBert {
    /// The fast path's settings when `inner` is the standard BERT pipeline.
    fn detect(inner: &Tokenizer) -> Option<AsciiBert> {
        let lowercase = match inner.get_normalizer() {
            Some(NormalizerWrapper::BertNormalizer(n)) => n.lowercase,
            _ => return None,
        };
        if !matches!(
            inner.get_pre_tokenizer(),
            Some(PreTokenizerWrapper::BertPreTokenizer(_))
        ) || !matches!(inner.get_model(), ModelWrapper::WordPiece(_))
        {
            return None;
        }
        let added = inner
            .get_added_tokens_decoder()
            .values()
            .map(|t| t.content.clone())
            .filter(|c| !c.is_empty())
            .collect::<Vec<String>>();
        let mut added_first = [false; 128];
        for t in &added {
            let b = t.as_bytes()[0];
            if b.is_ascii() {
                added_first[usize::from(b.to_ascii_lowercase())] = true;
                added_first[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        let typographic = added.iter().all(|t| t.as_bytes()[0].is_ascii());
        Some(AsciiBert {
            lowercase,
            added,
            added_first,
            typographic,
        })
    }

    /// Whether `word` can take the fast path: printable ASCII without spaces
    /// and without an added token in it.
    fn takes(&self, word: &str) -> bool {
        let mut maybe_added = false;
        for c in word.chars() {
            if c.is_ascii() {
                let b = c as u8;
                if !b.is_ascii_graphic() {
                    return false;
                }
                maybe_added |= self.added_first[usize::from(b)];
            } else if !(self.typographic && TYPOGRAPHIC_PUNCTUATION.contains(&c)) {
                return false;
            }
        }
        if !maybe_added {
            return true;
        }
        let lower = word.to_ascii_lowercase();
        !self
            .added
            .iter()
            .any(|t| word.contains(t.as_str()) || lower.contains(t.as_str()))
    }

    /// Sub-words of an ASCII word at byte `base` of the text, as the BERT
    /// normalizer, pre-tokenizer and `model` would give them: lower-cased if
    /// the normalizer lower-cases, split into runs of letters and digits and
    /// single punctuation marks, each run cut into word pieces.
    fn encode_word(
        &self,
        model: &WordPiece,
        word: &str,
        base: usize,
        word_id: u32,
        buf: &mut String,
        out: &mut Encoded,
    ) -> Result<()> {
        buf.clear();
        buf.push_str(word);
        if self.lowercase {
            buf.make_ascii_lowercase();
        }
        let piece = |start: usize, end: usize, out: &mut Encoded| -> Result<()> {
            if start == end {
                return Ok(());
            }
            // WordPiece tries the whole piece first; most words are in the
            // vocabulary whole, so look them up without its allocations.
            if end - start <= model.max_input_chars_per_word {
                if let Some(id) = model.token_to_id(&buf[start..end]) {
                    out.ids.push(id);
                    out.offsets.push(Span::new(base + start, base + end));
                    out.word_ids.push(Some(word_id));
                    return Ok(());
                }
            }
            for t in model.tokenize(&buf[start..end]).map_err(Error::Encode)? {
                out.ids.push(t.id);
                out.offsets.push(Span::new(
                    base + start + t.offsets.0,
                    base + start + t.offsets.1,
                ));
                out.word_ids.push(Some(word_id));
            }
            Ok(())
        };
        let mut start = 0;
        for (i, c) in word.char_indices() {
            if c.is_ascii_punctuation() || (!c.is_ascii() && TYPOGRAPHIC_PUNCTUATION.contains(&c)) {
                let end = i + c.len_utf8();
                piece(start, i, out)?;
                piece(i, end, out)?;
                start = end;
            }
        }
        piece(start, word.len(), out)
    }
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
    // What the tokenizers crate said is the source, not repeated here.
    Error::TokenizerLoad {
        path: path.to_owned(),
        message: "the tokenizers crate refused it".into(),
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
        let ascii = AsciiBert::detect(&inner);
        Ok(SubwordTokenizer {
            inner,
            cls_id,
            sep_id,
            pad_id,
            ascii,
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
        match (&self.ascii, self.inner.get_model()) {
            (Some(ascii), ModelWrapper::WordPiece(model)) => {
                self.encode_words_fast(ascii, model, text, words)
            }
            _ => self.encode_words_pipeline(text, words),
        }
    }

    /// [`SubwordTokenizer::encode_words`] with the fast path for ASCII words;
    /// runs of other words go through the whole pipeline together.
    fn encode_words_fast(
        &self,
        ascii: &AsciiBert,
        model: &WordPiece,
        text: &str,
        words: &[Span],
    ) -> Result<Encoded> {
        let mut out = Encoded {
            ids: Vec::with_capacity(words.len() * 5 / 4),
            offsets: Vec::with_capacity(words.len() * 5 / 4),
            word_ids: Vec::with_capacity(words.len() * 5 / 4),
        };
        let mut buf = String::new();
        let mut i = 0;
        while i < words.len() {
            let word = slice_word(text, words[i])?;
            if ascii.takes(word) {
                let id = u32::try_from(i)
                    .map_err(|_| Error::Encode("more than 2^32 words in one text".into()))?;
                ascii.encode_word(model, word, words[i].start, id, &mut buf, &mut out)?;
                i += 1;
                continue;
            }
            // A run of words for the whole pipeline.
            let mut j = i + 1;
            while j < words.len() && !ascii.takes(slice_word(text, words[j])?) {
                j += 1;
            }
            let run = self.encode_words_pipeline(text, &words[i..j])?;
            out.ids.extend_from_slice(&run.ids);
            out.offsets.extend_from_slice(&run.offsets);
            for w in run.word_ids {
                out.word_ids.push(match w {
                    Some(w) => {
                        Some(u32::try_from(i + w as usize).map_err(|_| {
                            Error::Encode("more than 2^32 words in one text".into())
                        })?)
                    }
                    None => None,
                });
            }
            i = j;
        }
        Ok(out)
    }

    /// [`SubwordTokenizer::encode_words`] always through the whole
    /// `tokenizers` pipeline, without the fast path for ASCII words: slower,
    /// and the reference the fast path is tested against.
    ///
    /// # Errors
    ///
    /// When the tokenizer fails, or a span does not slice `text`.
    pub fn encode_words_pipeline(&self, text: &str, words: &[Span]) -> Result<Encoded> {
        let pieces = words
            .iter()
            .map(|w| slice_word(text, *w))
            .collect::<Result<Vec<&str>>>()?;
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

/// The text of a word span, or an error when it does not slice `text`.
fn slice_word(text: &str, w: Span) -> Result<&str> {
    w.slice(text).ok_or_else(|| {
        Error::Encode(format!("word span {}..{} does not slice the text", w.start, w.end).into())
    })
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
