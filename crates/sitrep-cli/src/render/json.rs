//! JSON (the whole report, as fixed by `schema/sitrep-output.schema.json`) and
//! JSON Lines (one event, or one document, per line).

use std::io::Write;

use serde::Serialize;
use sitrep::Report;

/// The whole report as one pretty-printed JSON document.
pub fn json(out: &mut dyn Write, report: &Report) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out).map_err(serde_json::Error::io)
}

/// One event record per line.
pub fn events_jsonl(out: &mut dyn Write, report: &Report) -> serde_json::Result<()> {
    lines(out, &report.events)
}

/// One document record per line (`--documents-out`).
pub fn documents_jsonl(out: &mut dyn Write, report: &Report) -> serde_json::Result<()> {
    lines(out, &report.documents)
}

fn lines<T: Serialize>(out: &mut dyn Write, records: &[T]) -> serde_json::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out).map_err(serde_json::Error::io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn render(f: fn(&mut dyn Write, &Report) -> serde_json::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out, &fixture::report()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn jsonl_has_one_record_per_line_that_round_trips() {
        let report = fixture::report();
        let events = render(events_jsonl);
        let got: Vec<sitrep::EventRecord> = events
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(got, report.events);
        assert!(events.ends_with('\n'));

        let docs = render(documents_jsonl);
        let got: Vec<sitrep::DocumentRecord> = docs
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(got, report.documents);
    }

    #[test]
    fn json_round_trips_and_keeps_non_ascii_unescaped() {
        let text = render(json);
        let back: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(back, fixture::report());
        assert!(text.contains("Zürich‑Nord"));
    }

    #[test]
    fn empty_report_gives_empty_jsonl() {
        let empty = Report {
            sitrep_version: "0".into(),
            documents: Vec::new(),
            events: Vec::new(),
        };
        let mut out = Vec::new();
        events_jsonl(&mut out, &empty).unwrap();
        assert!(out.is_empty());
    }
}
