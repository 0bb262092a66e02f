//! Documents and tokenisation for sitrep.
//!
//! This crate reads inputs into [`Document`]s, keeps each original text intact
//! and describes everything in it with byte [`Span`]s: sentences
//! ([`split_sentences`]), word tokens ([`word_tokens`]), and sub-word
//! encodings with overlapping windows for texts longer than a model's limit
//! ([`SubwordTokenizer`], [`windows`]).
//!
//! ```
//! use sitrep_text::{split_sentences, word_tokens, CharIndex};
//!
//! let text = "Maj. Gen. Patrick Ryder spoke in Zürich. Two U.S. soldiers were hurt.";
//! let sentences = split_sentences(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(&text[sentences[1].range()], "Two U.S. soldiers were hurt.");
//!
//! let words = word_tokens(text);
//! assert!(words.iter().any(|w| &text[w.range()] == "Zürich"));
//!
//! // Byte offsets inside Rust, code points at the JSON edge:
//! let idx = CharIndex::new(text);
//! assert_eq!(idx.to_char(text.find("police").unwrap_or(text.len())), text.chars().count());
//! ```
#![deny(missing_docs)]

mod chars;
mod decode;
mod document;
mod error;
mod html;
mod input;
mod jsonl;
mod options;
mod periods;
mod sentences;
mod span;
mod subword;
mod window;
mod words;

pub use document::{Document, EntityMention, InputItem, Skipped};
pub use error::{Error, Result};
pub use html::{extract_html, parse_html_page, HtmlArticle};
pub use input::{read_inputs, InputSource};
pub use jsonl::parse_json_lines;
pub use options::InputOptions;
pub use sentences::split_sentences;
pub use span::{CharIndex, Span};
pub use subword::{Encoded, SubwordTokenizer};
pub use window::{windows, Window};
pub use words::word_tokens;
