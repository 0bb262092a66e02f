//! What the reader made of each input item, with no model run: the record
//! `sitrep extract` writes (see `schema/sitrep-extract.schema.json`).
//!
//! ```
//! use sitrep::{extract_record, Status};
//! use sitrep_text::{parse_json_lines, InputOptions};
//!
//! let items = parse_json_lines(
//!     br#"{"id": "a", "text": "Two people were hurt.", "language": "en-GB"}
//! {"id": "b"}"#,
//!     "feed.jsonl",
//!     &InputOptions::default(),
//! );
//! let records: Vec<_> = items.iter().map(extract_record).collect();
//! assert_eq!(records[0].status, Status::Ok);
//! assert_eq!(records[0].language.as_deref(), Some("en"));
//! assert_eq!(records[1].status, Status::Skipped);
//! assert_eq!(records[1].reason.as_deref(), Some("record has no \"text\" field"));
//! ```

use serde::{Deserialize, Serialize};
use sitrep_text::InputItem;

use crate::output::Status;

/// One input item as read: its metadata and text, or why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractRecord {
    /// The item's id, unique within the run (the one `sitrep run` gives it).
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Address, when known.
    pub url: Option<String>,
    /// Author, when the page or record says.
    pub author: Option<String>,
    /// Declared language (primary subtag, lowercase), when known.
    pub language: Option<String>,
    /// The text `sitrep run` analyses (an HTML page's main text); `None`
    /// when skipped.
    pub text: Option<String>,
    /// `ok` or `skipped`.
    pub status: Status,
    /// Why it was skipped (`None` when read).
    pub reason: Option<String>,
    /// Problems met that did not stop the reading.
    pub warnings: Vec<String>,
}

/// The record of one input item.
#[must_use]
pub fn extract_record(item: &InputItem) -> ExtractRecord {
    match item {
        InputItem::Document(d) => ExtractRecord {
            id: d.id.clone(),
            title: d.title.clone(),
            date: d.date.map(|d| d.format("%Y-%m-%d").to_string()),
            source: d.source.clone(),
            url: d.url.clone(),
            author: d.author.clone(),
            language: d.language.clone(),
            text: Some(d.text.clone()),
            status: Status::Ok,
            reason: None,
            warnings: d.warnings.clone(),
        },
        InputItem::Skipped(s) => ExtractRecord {
            id: s.id.clone(),
            title: None,
            date: None,
            source: None,
            url: None,
            author: None,
            language: None,
            text: None,
            status: Status::Skipped,
            reason: Some(s.reason.clone()),
            warnings: Vec::new(),
        },
    }
}
