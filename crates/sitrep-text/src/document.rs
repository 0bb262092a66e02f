//! A document: one news article as read, with the metadata that came with it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One article. `text` is kept exactly as read (after UTF-8 decoding); every
/// span anywhere in sitrep points into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Unique id within a run (made unique by the reader when inputs collide).
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Outlet or publisher, when known.
    pub source: Option<String>,
    /// Where the article came from, when known.
    pub url: Option<String>,
    /// The article text.
    pub text: String,
    /// Problems met while reading that did not stop the document from being
    /// read (e.g. invalid UTF-8 replaced, an unparsable date ignored).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            title: None,
            date: None,
            source: None,
            url: None,
            text: text.into(),
            warnings: Vec::new(),
        }
    }
}

/// An input record that could not be read as a document, kept so that no input
/// is ever lost from the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The id it would have had (a path, or `path:line` for a JSON Lines record).
    pub id: String,
    /// Why it was skipped, for a person to read.
    pub reason: String,
}

/// One item read from the inputs: a document, or a record that was skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum InputItem {
    /// A readable document.
    Document(Document),
    /// A record that could not be read.
    Skipped(Skipped),
}

impl InputItem {
    /// The item's id.
    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            InputItem::Document(d) => &d.id,
            InputItem::Skipped(s) => &s.id,
        }
    }
}

/// An entity mention found by a recogniser: a byte span, a type label such as
/// `PER`, `LOC`, `ORG` or `MISC`, and a confidence in `0..=1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Where it is in the text.
    pub span: Span,
    /// Entity type, as the model's label set names it (without `B-`/`I-`).
    pub label: String,
    /// Confidence: the mean probability of the predicted tags of its words.
    pub score: f32,
}

use crate::Span;
