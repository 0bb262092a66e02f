//! A document: one news article as read, with the metadata that came with it.

use std::collections::{HashMap, HashSet};

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
    /// Who wrote it, when the page or record says (`<meta name="author">`,
    /// JSON-LD `author`, a record's `author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Its language as the page or record declares it, the primary subtag in
    /// lowercase (`<html lang="en-US">` → `en`; a record's `language`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
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
            author: None,
            language: None,
            text: text.into(),
            warnings: Vec::new(),
        }
    }
}

/// The primary subtag of a language tag, in lowercase ("en-US" → "en",
/// "pt_BR" → "pt", "FR" → "fr"); `None` unless it is two or three letters.
pub(crate) fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
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

pub(crate) fn skip(id: impl Into<String>, reason: impl Into<String>) -> InputItem {
    InputItem::Skipped(Skipped {
        id: id.into(),
        reason: reason.into(),
    })
}

/// Parses `YYYY-MM-DD`, also as the prefix of an ISO 8601 timestamp.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    if s.len() > 10 && !s[10..].starts_with(['T', ' ', 't']) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Renames the second and later items of a repeated id to `id#2`, `id#3`…,
/// never to an id that is already taken, with a warning (documents) or a note
/// in the reason (skipped items).
pub(crate) fn make_ids_unique(items: &mut [InputItem]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut taken: HashSet<String> = items.iter().map(|i| i.id().to_owned()).collect();
    for item in items.iter_mut() {
        let id = item.id().to_owned();
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            continue;
        }
        let mut k = *n;
        let mut new_id = format!("{id}#{k}");
        while taken.contains(&new_id) {
            k += 1;
            new_id = format!("{id}#{k}");
        }
        taken.insert(new_id.clone());
        let note = format!("duplicate id {id:?}: renamed {new_id:?}");
        match item {
            InputItem::Document(d) => {
                d.id = new_id;
                d.warnings.push(note);
            }
            InputItem::Skipped(s) => {
                s.id = new_id;
                s.reason = format!("{}; {note}", s.reason);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        let rows = [
            ("en-US", Some("en")),
            ("pt_BR", Some("pt")),
            ("FR", Some("fr")),
            (" de ", Some("de")),
            ("fil", Some("fil")),
            ("english", None),
            ("e", None),
            ("", None),
            ("12", None),
        ];
        for (tag, want) in rows {
            assert_eq!(primary_language(tag).as_deref(), want, "{tag:?}");
        }
    }

    #[test]
    fn dates() {
        let rows = [
            ("2024-10-23", Some((2024, 10, 23))),
            ("2024-10-23T08:00:00Z", Some((2024, 10, 23))),
            ("2024-13-01", None),
            ("23/10/2024", None),
            ("2024-10-23x", None),
            ("", None),
        ];
        for (s, want) in rows {
            let want = want.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
            assert_eq!(parse_date(s), want, "{s:?}");
        }
    }
}
