//! Reads each HTML file named on standard input (one path a line) with the
//! reader named as the first argument and writes one JSON line per page:
//! `{"path", "text", "title", "date", "error"}`. Timing is the caller's.
use std::io::{BufRead, Write};

fn main() {
    let reader = std::env::args().nth(1).unwrap_or_default();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for path in stdin.lock().lines().map_while(Result::ok) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let html = String::from_utf8_lossy(&bytes);
        // A reader that panics on a page is that page's error, not the run's end.
        let (text, title, date, error) = std::panic::catch_unwind(|| read(&reader, &html))
            .unwrap_or_else(|_| (String::new(), None, None, Some("panicked".to_owned())));
        let line = serde_json::json!({"path": path, "text": text, "title": title, "date": date, "error": error});
        writeln!(out, "{line}").unwrap();
    }
}

type Read = (String, Option<String>, Option<String>, Option<String>);

fn read(reader: &str, html: &str) -> Read {
    match reader {
        "rs-trafilatura" => match rs_trafilatura::extract(html) {
            Ok(r) => (
                r.content_text,
                r.metadata.title,
                r.metadata.date.map(|d| d.to_string()),
                None,
            ),
            Err(e) => (String::new(), None, None, Some(e.to_string())),
        },
        "trafilatura" => match trafilatura::extract(html, &trafilatura::Options::default()) {
            Ok(r) => (
                r.content_text,
                Some(r.metadata.title).filter(|t| !t.is_empty()),
                r.metadata.date.map(|d| d.to_string()),
                None,
            ),
            Err(e) => (String::new(), None, None, Some(e.to_string())),
        },
        "dom_smoothie" => {
            match dom_smoothie::Readability::new(html, None, None).and_then(|mut r| r.parse()) {
                Ok(a) => (
                    a.text_content.to_string(),
                    Some(a.title),
                    a.published_time,
                    None,
                ),
                Err(e) => (String::new(), None, None, Some(e.to_string())),
            }
        }
        other => panic!("unknown reader {other}"),
    }
}
