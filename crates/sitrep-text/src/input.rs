//! Reading inputs: directories, files and standard input, into documents.
//!
//! Every record met is returned, either as a [`Document`] or as a [`Skipped`]
//! item with the reason, so that no input is silently lost.
//!
//! [`Skipped`]: crate::Skipped

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::decode::{decode, looks_binary};
use crate::document::{make_ids_unique, skip, Document, InputItem};
use crate::error::{Error, Result};
#[cfg(feature = "html")]
use crate::html::parse_html_page;
use crate::jsonl::{read_json_lines, record_to_item, Record, NOT_AN_OBJECT};
use crate::options::{too_large, InputOptions};

/// Where to read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A file, or a directory read recursively.
    Path(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
}

impl InputSource {
    /// `-` means standard input, anything else a path.
    pub fn parse(arg: &str) -> InputSource {
        if arg == "-" {
            InputSource::Stdin
        } else {
            InputSource::Path(PathBuf::from(arg))
        }
    }
}

/// File kinds the reader understands, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Kind::Text),
        "md" | "markdown" => Some(Kind::Markdown),
        "json" => Some(Kind::Json),
        "jsonl" | "ndjson" => Some(Kind::JsonLines),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

/// Reads all `sources` in order.
///
/// Directories are walked recursively in byte order of their paths; hidden
/// entries (names starting with `.`) are ignored; files of unsupported types
/// inside a directory are reported as skipped. A `.txt` or `.md` file is one
/// document whose id is its path relative to the directory given (or its file
/// name, for a file given directly) without the extension. A `.html` or `.htm`
/// page is one document named the same way, holding the article's main text
/// and the page's title, date, source and URL (see [`extract_html`]); without
/// the `html` feature it is a [`Skipped`] item saying so, unread.
/// `.json` holds one record or an array of records; `.jsonl` and standard
/// input hold one record per line (`id`, `text`, and optionally `title`,
/// `date` as `YYYY-MM-DD`, `source`, `url`; see [`parse_json_lines`]).
///
/// Sizes are bounded by `options` (see [`InputOptions`]): what is over a limit
/// is skipped with its size and the limit, without being read.
///
/// Ids are made unique: a repeated id gets a `#2`, `#3`… suffix and a warning.
///
/// # Errors
///
/// Only when standard input cannot be read; every problem with a path or a
/// record becomes a [`Skipped`] item instead.
///
/// [`extract_html`]: crate::extract_html
/// [`parse_json_lines`]: crate::parse_json_lines
/// [`Skipped`]: crate::Skipped
pub fn read_inputs(sources: &[InputSource], options: &InputOptions) -> Result<Vec<InputItem>> {
    let mut items = Vec::new();
    for source in sources {
        match source {
            InputSource::Stdin => {
                read_json_lines(std::io::stdin().lock(), "stdin", options, &mut items)
                    .map_err(Error::Stdin)?;
            }
            InputSource::Path(path) => read_path(path, options, &mut items),
        }
    }
    make_ids_unique(&mut items);
    Ok(items)
}

fn read_path(path: &Path, options: &InputOptions, items: &mut Vec<InputItem>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            items.push(skip(
                path.display().to_string(),
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    if meta.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files, items);
        files.sort();
        for file in files {
            let rel = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
            read_file(&file, &rel, options, items);
        }
    } else {
        let rel = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
        read_file(path, &rel, options, items);
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, items: &mut Vec<InputItem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            items.push(skip(
                dir.display().to_string(),
                format!("cannot list directory: {e}"),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if child.is_dir() {
            walk(&child, files, items);
        } else {
            files.push(child);
        }
    }
}

/// Why a `.html`/`.htm` file is skipped when this crate is built without its
/// `html` feature: the markup is not read as text.
#[cfg(not(feature = "html"))]
const HTML_FEATURE_OFF: &str =
    "HTML page not read: sitrep-text was built without its \"html\" feature";

fn id_from_rel(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    no_ext.to_string_lossy().replace('\\', "/")
}

/// Reads at most `limit` bytes of `path`; `Err(n)` when it holds more
/// (`n`: the bytes known to be there, at least `limit + 1`).
fn read_capped(path: &Path, size_hint: u64, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint.min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Err(size_hint.max(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

fn read_file(path: &Path, rel: &Path, options: &InputOptions, items: &mut Vec<InputItem>) {
    let rel_display = rel.to_string_lossy().replace('\\', "/");
    let Some(kind) = kind_of(path) else {
        items.push(skip(
            rel_display,
            "unsupported file type (expected .txt, .md, .html, .htm, .json or .jsonl)",
        ));
        return;
    };
    // One document per file for text and HTML; many records for JSON.
    let (id, what, limit) = match kind {
        Kind::Text | Kind::Markdown => (
            id_from_rel(rel),
            "document",
            options.max_document_bytes.min(options.max_file_bytes),
        ),
        Kind::Html => (
            id_from_rel(rel),
            "HTML page",
            options.max_html_bytes.min(options.max_file_bytes),
        ),
        Kind::Json | Kind::JsonLines => (rel_display.clone(), "file", options.max_file_bytes),
    };
    #[cfg(not(feature = "html"))]
    if kind == Kind::Html {
        items.push(skip(id, HTML_FEATURE_OFF));
        return;
    }
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => {
            items.push(skip(id, format!("cannot read: {e}")));
            return;
        }
    };
    if size > limit {
        items.push(skip(id, too_large(what, size, limit)));
        return;
    }
    if kind == Kind::JsonLines {
        // Streamed line by line: one bad or huge line costs only itself.
        let before = items.len();
        let read = std::fs::File::open(path)
            .and_then(|f| read_json_lines(f.take(limit), &rel_display, options, items));
        if let Err(e) = read {
            let reason = if items.len() == before {
                format!("cannot read: {e}")
            } else {
                format!("read error after {} record(s): {e}", items.len() - before)
            };
            items.push(skip(rel_display, reason));
        }
        return;
    }
    let bytes = match read_capped(path, size, limit) {
        Ok(Ok(b)) => b,
        Ok(Err(n)) => {
            items.push(skip(id, too_large(what, n, limit)));
            return;
        }
        Err(e) => {
            items.push(skip(id, format!("cannot read: {e}")));
            return;
        }
    };
    match kind {
        #[cfg(feature = "html")]
        Kind::Html => items.push(parse_html_page(&bytes, &id, options)),
        // Skipped above, unread.
        #[cfg(not(feature = "html"))]
        Kind::Html => {}
        Kind::Text | Kind::Markdown => {
            if looks_binary(&bytes) {
                items.push(skip(id, "binary file (contains NUL bytes)"));
                return;
            }
            let (text, lossy) = decode(&bytes);
            if text.trim().is_empty() {
                items.push(skip(id, "empty document"));
                return;
            }
            let mut doc = Document::new(id, text);
            doc.title = if kind == Kind::Markdown {
                markdown_title(&doc.text)
            } else {
                text_title(&doc.text)
            };
            if let Some(w) = lossy {
                doc.warnings.push(w);
            }
            items.push(InputItem::Document(doc));
        }
        Kind::Json => {
            if looks_binary(&bytes) {
                items.push(skip(id, "binary file (contains NUL bytes)"));
                return;
            }
            let (text, lossy) = decode(&bytes);
            read_json(&text, &rel_display, lossy, options, items);
        }
        Kind::JsonLines => {}
    }
}

fn read_json(
    text: &str,
    origin: &str,
    lossy: Option<String>,
    options: &InputOptions,
    items: &mut Vec<InputItem>,
) {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            items.push(skip(origin, format!("invalid JSON: {e}")));
            return;
        }
    };
    let records = match value {
        serde_json::Value::Array(a) => a,
        v @ serde_json::Value::Object(_) => vec![v],
        _ => {
            items.push(skip(
                origin,
                "JSON file must hold an object or an array of objects",
            ));
            return;
        }
    };
    if records.is_empty() {
        items.push(skip(origin, "empty input: no JSON records"));
    }
    for (i, v) in records.into_iter().enumerate() {
        let fallback = format!("{origin}#{}", i + 1);
        if !v.is_object() {
            items.push(skip(fallback, format!("record {}: {NOT_AN_OBJECT}", i + 1)));
            continue;
        }
        match serde_json::from_value::<Record>(v) {
            Ok(r) => items.push(record_to_item(r, fallback, lossy.clone(), options)),
            Err(e) => items.push(skip(fallback, format!("record {}: {e}", i + 1))),
        }
    }
}

/// The headline of a plain-text article: the first of its first three
/// non-blank lines that has 4 to 30 words and does not end like a sentence
/// (`.`, `!`, `?`, `:`, or a closing quote after one of them).
fn text_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .find(|l| {
            let words = l.split_whitespace().count();
            let ends_sentence = l
                .trim_end_matches(['"', '”', '’', '\''])
                .ends_with(['.', '!', '?', ':']);
            (4..=30).contains(&words) && !ends_sentence
        })
        .map(str::to_owned)
}

/// The first `# ` heading of a Markdown article, else as for plain text.
fn markdown_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_owned()))
        .filter(|t| !t.is_empty())
        .or_else(|| text_title(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sitrep-text-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn titles() {
        let rows = [
            (
                "Intel, news\n\nU.S.-Iraqi Raid Kills 9 Militants\n\nBody text.",
                Some("U.S.-Iraqi Raid Kills 9 Militants"),
            ),
            ("A whole first sentence that ends here.\nMore.", None),
            ("", None),
        ];
        for (t, want) in rows {
            assert_eq!(text_title(t).as_deref(), want, "{t:?}");
        }
        assert_eq!(
            markdown_title("intro\n# The Title\ntext").as_deref(),
            Some("The Title")
        );
    }

    #[test]
    fn reads_directory_and_keeps_every_record() {
        let d = tmpdir("dir");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "Some article text.").unwrap();
        std::fs::write(d.join("sub/b.md"), "# Title B\n\nBody.").unwrap();
        std::fs::write(d.join("empty.txt"), "  \n").unwrap();
        std::fs::write(d.join("bin.txt"), b"abc\0def").unwrap();
        std::fs::write(d.join("latin1.txt"), b"Z\xfcrich police").unwrap();
        std::fs::write(d.join("notes.pdf"), b"%PDF").unwrap();
        std::fs::write(d.join(".hidden.txt"), "x").unwrap();
        std::fs::write(
            d.join("recs.jsonl"),
            "{\"id\":\"r1\",\"text\":\"one\",\"date\":\"2024-10-22\"}\n{broken\n\n{\"id\":\"a\",\"text\":\"dup\"}\n{\"id\":\"r3\"}\n",
        )
        .unwrap();
        std::fs::write(
            d.join("one.json"),
            "[{\"id\":7,\"text\":\"seven\",\"date\":\"bad\"}]",
        )
        .unwrap();
        let items = read_inputs(&[InputSource::Path(d.clone())], &InputOptions::default()).unwrap();
        let got: Vec<(String, bool)> = items
            .iter()
            .map(|i| (i.id().to_owned(), matches!(i, InputItem::Document(_))))
            .collect();
        let want = vec![
            ("a".to_owned(), true),
            ("bin".to_owned(), false),
            ("empty".to_owned(), false),
            ("latin1".to_owned(), true),
            ("notes.pdf".to_owned(), false),
            ("7".to_owned(), true),
            ("r1".to_owned(), true),
            ("recs.jsonl:2".to_owned(), false),
            ("a#2".to_owned(), true),
            ("r3".to_owned(), false),
            ("sub/b".to_owned(), true),
        ];
        assert_eq!(got, want);
        let InputItem::Document(latin) = &items[3] else {
            panic!()
        };
        assert!(latin.text.contains('\u{FFFD}'));
        assert_eq!(latin.warnings.len(), 1);
        let InputItem::Document(r1) = &items[6] else {
            panic!()
        };
        assert_eq!(r1.date, NaiveDate::from_ymd_opt(2024, 10, 22));
        let InputItem::Document(seven) = &items[5] else {
            panic!()
        };
        assert!(seven.warnings[0].contains("date"));
        let InputItem::Document(b) = &items[10] else {
            panic!()
        };
        assert_eq!(b.title.as_deref(), Some("Title B"));
        let InputItem::Skipped(broken) = &items[7] else {
            panic!()
        };
        assert!(broken.reason.starts_with("line 2:"), "{}", broken.reason);
    }

    #[cfg(not(feature = "html"))]
    #[test]
    fn html_page_without_the_html_feature_is_skipped_unread() {
        let d = tmpdir("no-html");
        std::fs::write(d.join("page.html"), "<p>Two people were hurt.</p>").unwrap();
        let items = read_inputs(
            &[InputSource::Path(d.join("page.html"))],
            &InputOptions::default(),
        )
        .unwrap();
        assert!(
            matches!(&items[..], [InputItem::Skipped(s)] if s.id == "page" && s.reason == HTML_FEATURE_OFF),
            "{items:?}"
        );
    }

    #[test]
    fn missing_path_is_skipped_not_fatal() {
        let items = read_inputs(
            &[InputSource::Path(PathBuf::from("/definitely/not/here.txt"))],
            &InputOptions::default(),
        )
        .unwrap();
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], InputItem::Skipped(s) if s.reason.starts_with("cannot read")));
    }
}
