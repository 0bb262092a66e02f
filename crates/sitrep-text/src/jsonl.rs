//! JSON records: one per line in JSON Lines, or in a `.json` file.
//!
//! JSON Lines are read line by line from a stream, keeping at most
//! [`InputOptions::max_document_bytes`] of a line in memory: a longer line is
//! read past, measured and reported as skipped, and the lines after it are
//! still read.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use crate::decode::{decode, looks_binary, BINARY_SNIFF_BYTES};
use crate::document::{make_ids_unique, parse_date, primary_language, skip, Document, InputItem};
use crate::options::{too_large, InputOptions};

/// Why a JSON value that is not an object is no record.
pub(crate) const NOT_AN_OBJECT: &str = "expected an object with \"id\" and \"text\"";

/// A JSON input record. Unknown fields are ignored; the optional metadata is
/// taken as any JSON value so that a wrongly typed field costs a warning, not
/// the record.
#[derive(Debug, Deserialize)]
pub(crate) struct Record {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    author: Option<serde_json::Value>,
    language: Option<serde_json::Value>,
}

/// Reads JSON Lines held in memory, exactly as [`read_inputs`] reads a `.jsonl`
/// file or standard input, and makes the ids unique.
///
/// Every line that is not blank gives one item: a [`Document`], or a
/// [`Skipped`] item whose id is `origin:LINE` unless the record has an id, and
/// whose reason starts with `line LINE:`. Lines end at `\n` (a `\r` before it
/// is dropped); a UTF-8 byte-order mark opening a line is dropped (files joined
/// with `cat` keep theirs). A line longer than
/// [`InputOptions::max_document_bytes`] is skipped as too large (a blank one is
/// ignored). A line that is not valid UTF-8 is decoded with U+FFFD
/// replacements and its record gets a warning. Input that has a NUL byte in
/// its first 64 KiB is one skipped item (binary), and input with no record one
/// skipped item (empty).
///
/// Never panics, whatever the bytes.
///
/// ```
/// use sitrep_text::{parse_json_lines, InputItem, InputOptions};
///
/// let input = b"{\"id\":\"a\",\"text\":\"Two people were hurt.\"}\n{oops\n";
/// let items = parse_json_lines(input, "feed", &InputOptions::default());
/// assert!(matches!(&items[0], InputItem::Document(d) if d.id == "a"));
/// assert!(matches!(&items[1], InputItem::Skipped(s) if s.id == "feed:2" && s.reason.starts_with("line 2:")));
/// ```
///
/// [`read_inputs`]: crate::read_inputs
/// [`Skipped`]: crate::Skipped
pub fn parse_json_lines(input: &[u8], origin: &str, options: &InputOptions) -> Vec<InputItem> {
    let mut items = Vec::new();
    // Reading from a slice cannot fail.
    if let Err(e) = read_json_lines(input, origin, options, &mut items) {
        items.push(skip(origin, format!("read error: {e}")));
    }
    make_ids_unique(&mut items);
    items
}

/// Reads JSON Lines from `reader` into `items` (ids not yet made unique).
///
/// # Errors
///
/// When reading fails; the records read before stay in `items`.
pub(crate) fn read_json_lines<R: Read>(
    mut reader: R,
    origin: &str,
    options: &InputOptions,
    items: &mut Vec<InputItem>,
) -> std::io::Result<()> {
    let mut head = Vec::new();
    (&mut reader)
        .take(BINARY_SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    if looks_binary(&head) {
        items.push(skip(origin, "binary input (contains NUL bytes)"));
        return Ok(());
    }
    let mut reader = BufReader::new(std::io::Cursor::new(head).chain(reader));
    let limit = usize::try_from(options.max_document_bytes).unwrap_or(usize::MAX);
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut any = false;
    while let Some(read) = next_line(&mut reader, limit, &mut line)? {
        number += 1;
        let fallback = format!("{origin}:{number}");
        match read {
            Line::TooLong { len, blank } => {
                if blank {
                    continue;
                }
                any = true;
                let reason = too_large(
                    &format!("line {number}: record"),
                    len,
                    options.max_document_bytes,
                );
                items.push(skip(fallback, reason));
            }
            Line::Kept => {
                // `decode` drops a byte-order mark opening the line.
                let (text, lossy) = decode(&line);
                if text.trim().is_empty() {
                    continue;
                }
                any = true;
                // serde would also read a struct from an array: only objects
                // are records.
                let parsed = if text.trim_start().starts_with('{') {
                    serde_json::from_str::<Record>(&text).map_err(|e| e.to_string())
                } else {
                    Err(NOT_AN_OBJECT.to_owned())
                };
                match parsed {
                    Ok(r) => items.push(record_to_item(r, fallback, lossy, options)),
                    Err(e) => items.push(skip(
                        fallback,
                        format!("line {number}: invalid JSON record: {e}"),
                    )),
                }
            }
        }
    }
    if !any {
        items.push(skip(origin, "empty input: no JSON records"));
    }
    Ok(())
}

/// What [`next_line`] read.
enum Line {
    /// The line is in the buffer.
    Kept,
    /// The line was longer than the limit and was read past.
    TooLong {
        /// Its length in bytes, without the line ending.
        len: u64,
        /// Whether it held only ASCII white space.
        blank: bool,
    },
}

/// Reads the next line into `buf` (without `\n` or a `\r` before it), keeping
/// at most `limit` bytes of it in memory; `None` at the end of the input.
fn next_line<R: BufRead>(
    reader: &mut R,
    limit: usize,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<Line>> {
    buf.clear();
    // Room for a `\r` that turns out to be part of the line ending.
    let keep = limit.saturating_add(1);
    let mut len: u64 = 0;
    let mut over = false;
    let mut blank = true;
    let mut started = false;
    let mut last = None;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        started = true;
        let (part, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], true),
            None => (chunk, false),
        };
        len += part.len() as u64;
        blank &= part.iter().all(u8::is_ascii_whitespace);
        if let Some(&b) = part.last() {
            last = Some(b);
        }
        if !over {
            if buf.len() + part.len() <= keep {
                buf.extend_from_slice(part);
            } else {
                over = true;
                buf.clear();
            }
        }
        let used = part.len() + usize::from(newline);
        reader.consume(used);
        if newline {
            break;
        }
    }
    if !started {
        return Ok(None);
    }
    if last == Some(b'\r') {
        len -= 1;
        if !over {
            buf.pop();
        }
    }
    if over || len > limit as u64 {
        buf.clear();
        return Ok(Some(Line::TooLong { len, blank }));
    }
    Ok(Some(Line::Kept))
}

/// Turns one JSON record into a document, or a skipped item with the reason.
pub(crate) fn record_to_item(
    r: Record,
    fallback_id: String,
    lossy: Option<String>,
    options: &InputOptions,
) -> InputItem {
    let mut warnings: Vec<String> = lossy.into_iter().collect();
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            warnings.push(format!("record has no usable \"id\"; named {fallback_id}"));
            fallback_id
        }
    };
    let text = match r.text {
        Some(serde_json::Value::String(t)) if !t.trim().is_empty() => t,
        Some(serde_json::Value::String(_)) => return skip(id, "empty document: \"text\" is blank"),
        Some(serde_json::Value::Null) | None => return skip(id, "record has no \"text\" field"),
        Some(other) => {
            return skip(
                id,
                format!("\"text\" is not a string but {}", json_kind(&other)),
            )
        }
    };
    if text.len() as u64 > options.max_document_bytes {
        return skip(
            id,
            too_large(
                "document \"text\"",
                text.len() as u64,
                options.max_document_bytes,
            ),
        );
    }
    let mut doc = Document::new(id, text);
    doc.title = string_field("title", r.title, &mut warnings);
    doc.source = string_field("source", r.source, &mut warnings);
    doc.url = string_field("url", r.url, &mut warnings);
    doc.author = string_field("author", r.author, &mut warnings);
    if let Some(l) = string_field("language", r.language, &mut warnings) {
        match primary_language(&l) {
            Some(l) => doc.language = Some(l),
            None => warnings.push(format!(
                "ignored \"language\" {l:?}: expected a language tag such as \"en\" or \"fr-CA\""
            )),
        }
    }
    if let Some(d) = string_field("date", r.date, &mut warnings) {
        match parse_date(&d) {
            Some(date) => doc.date = Some(date),
            None => warnings.push(format!("ignored \"date\" {d:?}: expected YYYY-MM-DD")),
        }
    }
    doc.warnings = warnings;
    InputItem::Document(doc)
}

/// A non-blank string field; anything else but `null` costs a warning.
fn string_field(
    name: &str,
    value: Option<serde_json::Value>,
    warnings: &mut Vec<String>,
) -> Option<String> {
    match value {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(serde_json::Value::String(_) | serde_json::Value::Null) | None => None,
        Some(other) => {
            warnings.push(format!(
                "ignored {name:?}: expected a string, found {}",
                json_kind(&other)
            ));
            None
        }
    }
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<Result<String, (u64, bool)>> {
        let mut r = BufReader::with_capacity(3, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(l) = next_line(&mut r, limit, &mut buf).unwrap() {
            out.push(match l {
                Line::Kept => Ok(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong { len, blank } => Err((len, blank)),
            });
        }
        out
    }

    /// (input, limit, lines: kept text or (length, blank) when too long)
    type LineRow = (&'static [u8], usize, Vec<Result<&'static str, (u64, bool)>>);

    #[test]
    fn line_reader_splits_and_caps() {
        // A tiny BufReader capacity makes every line cross chunk boundaries.
        let rows: &[LineRow] = &[
            (b"", 10, vec![]),
            (b"a", 10, vec![Ok("a")]),
            (b"a\n", 10, vec![Ok("a")]),
            (b"a\n\nb", 10, vec![Ok("a"), Ok(""), Ok("b")]),
            (b"ab\r\ncd\r\n", 10, vec![Ok("ab"), Ok("cd")]),
            (b"a\rb\n", 10, vec![Ok("a\rb")]),
            (
                b"abcde\nabcdef\nx",
                5,
                vec![Ok("abcde"), Err((6, false)), Ok("x")],
            ),
            (b"abcde\r\n", 5, vec![Ok("abcde")]),
            (b"abcdef\r\n", 5, vec![Err((6, false))]),
            (b"abc\rdef\r\n", 5, vec![Err((7, false))]),
            (b"       \nz", 5, vec![Err((7, true)), Ok("z")]),
            (b"\r\n", 0, vec![Ok("")]),
        ];
        for (input, limit, want) in rows {
            let want: Vec<Result<String, (u64, bool)>> =
                want.iter().map(|w| w.map(str::to_owned)).collect();
            assert_eq!(
                lines(input, *limit),
                want,
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn wrongly_typed_metadata_costs_a_warning_not_the_record() {
        let input =
            br#"{"id":"x","text":"Some text.","title":7,"source":["a"],"url":null,"date":true}"#;
        let items = parse_json_lines(input, "in", &InputOptions::default());
        let InputItem::Document(d) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(d.title, None);
        assert_eq!(d.warnings.len(), 3, "{:?}", d.warnings);
        assert!(d.warnings[0].contains("\"title\""));
    }

    #[test]
    fn text_must_be_a_non_blank_string() {
        let rows: &[(&str, &str)] = &[
            (
                r#"{"id":"x","text":5}"#,
                "\"text\" is not a string but a number",
            ),
            (r#"{"id":"x","text":null}"#, "record has no \"text\" field"),
            (r#"{"id":"x"}"#, "record has no \"text\" field"),
            (
                r#"{"id":"x","text":" \n"}"#,
                "empty document: \"text\" is blank",
            ),
        ];
        for (line, reason) in rows {
            let items = parse_json_lines(line.as_bytes(), "in", &InputOptions::default());
            assert_eq!(items.len(), 1);
            assert!(
                matches!(&items[0], InputItem::Skipped(s) if s.id == "x" && s.reason == *reason),
                "{line}: {items:?}"
            );
        }
    }
}
