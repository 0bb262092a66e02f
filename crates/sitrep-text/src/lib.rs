//! Documents and tokenisation for sitrep.
//!
//! This crate reads inputs into [`Document`]s, keeps each original text intact
//! and describes everything in it with byte [`Span`]s: sentences
//! ([`split_sentences`]), word tokens ([`word_tokens`]), and sub-word
//! encodings with overlapping windows for texts longer than a model's limit
//! ([`SubwordTokenizer`], [`windows`]).
//!
//! # Features
//!
//! - `html` (default): HTML pages, read with `scraper`/`html5ever`,
//!   `ego-tree` and `encoding_rs`: [`extract_html`], [`parse_html_page`],
//!   [`HtmlArticle`], and `.html`/`.htm` files in [`read_inputs`]. Without it,
//!   [`read_inputs`] reports each `.html`/`.htm` file as a [`Skipped`] item
//!   whose reason names the missing feature (the markup is not read as
//!   text); plain text, Markdown, JSON and JSON Lines are read the same
//!   either way, as is [`parse_json_lines`].
//! - `subwords` (default): sub-word encodings with the `tokenizers` crate:
//!   [`SubwordTokenizer`] and [`Encoded`]. [`windows`] needs no feature.
//!
//! With neither (`default-features = false`) the crate is the lean core that
//! the rule-based stages build on: [`Document`], [`Span`], [`CharIndex`],
//! [`EntityMention`], [`split_sentences`], [`word_tokens`], [`windows`], and
//! the readers of text and JSON inputs.
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
// The docs link the items of both features; built without one, those links
// have nothing to point at (the full-featured build still checks them all).
#![cfg_attr(
    not(all(feature = "html", feature = "subwords")),
    allow(rustdoc::broken_intra_doc_links)
)]

pub mod assets;
mod chars;
mod decode;
mod document;
mod error;
#[cfg(feature = "html")]
mod html;
mod input;
mod jsonl;
pub mod lexicon;
mod options;
mod periods;
mod sentences;
mod span;
#[cfg(feature = "subwords")]
mod subword;
mod window;
mod words;

pub use document::{Document, EntityMention, InputItem, Skipped};
pub use error::{Error, Result};
#[cfg(feature = "html")]
pub use html::{extract_html, parse_html_page, HtmlArticle};
pub use input::{read_inputs, InputSource};
pub use jsonl::parse_json_lines;
pub use options::InputOptions;
pub use sentences::split_sentences;
pub use span::{CharIndex, Span};
#[cfg(feature = "subwords")]
pub use subword::{Encoded, SubwordTokenizer};
pub use window::{windows, Window};
pub use words::word_tokens;
