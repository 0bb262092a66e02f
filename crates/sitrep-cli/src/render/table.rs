//! The terminal view: one row per event with the claims behind its figures,
//! documents that are in no event, and the inputs that were skipped.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write;

use comfy_table::presets::UTF8_FULL;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use sitrep::{DocumentRecord, Report, Status, TollRecord};

use super::{
    claim_disagrees, claim_text, date_text, figure_text, figures, place_text, side_text, type_text,
};

/// Table settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Wrap the tables to this many columns; `None` never wraps (files, pipes).
    pub width: Option<u16>,
}

impl TableOptions {
    /// Wraps to the width of the terminal on standard output, when there is one.
    pub fn for_terminal() -> TableOptions {
        TableOptions {
            width: Table::new().width(),
        }
    }
}

/// Entities listed per document in the document view.
const SHOWN_ENTITIES: usize = 8;

/// Writes the events table, then documents in no event (every document when
/// there are no events), then skipped inputs with their reasons.
pub fn table(out: &mut dyn Write, report: &Report, opts: TableOptions) -> std::io::Result<()> {
    let in_event: HashSet<&str> = report
        .events
        .iter()
        .flat_map(|e| e.documents.iter().map(String::as_str))
        .collect();
    let loose: Vec<&DocumentRecord> = report
        .documents
        .iter()
        .filter(|d| d.status == Status::Ok && !in_event.contains(d.id.as_str()))
        .collect();
    let skipped: Vec<&DocumentRecord> = report
        .documents
        .iter()
        .filter(|d| d.status == Status::Skipped)
        .collect();

    if report.events.is_empty() {
        writeln!(out, "No events were formed; what each document reports:")?;
    } else {
        writeln!(out, "Events ({})", report.events.len())?;
        writeln!(out, "{}", events_table(report, opts))?;
        if !loose.is_empty() {
            writeln!(out, "\nDocuments in no event ({})", loose.len())?;
        }
    }
    if !loose.is_empty() {
        writeln!(out, "{}", documents_table(&loose, opts))?;
    }
    if !skipped.is_empty() {
        writeln!(out, "\nSkipped ({})", skipped.len())?;
        let mut t = new_table(opts, &["DOCUMENT", "REASON"]);
        for d in skipped {
            t.add_row(vec![d.id.clone(), d.reason.clone().unwrap_or_default()]);
        }
        writeln!(out, "{t}")?;
    }
    writeln!(
        out,
        "! the sources disagree   ≠ claim at odds with the figure quoted"
    )
}

fn new_table(opts: TableOptions, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL).force_no_tty().set_header(header);
    match opts.width {
        Some(w) => {
            t.set_width(w)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

fn right_align(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn events_table(report: &Report, opts: TableOptions) -> Table {
    let mut t = new_table(
        opts,
        &[
            "EVENT",
            "DATE",
            "PLACE",
            "KILLED",
            "INJURED",
            "SOURCES",
            "HEADLINE / CLAIMS",
        ],
    );
    for e in &report.events {
        let mut cell = e.headline.clone().unwrap_or_else(|| "-".to_owned());
        coding_lines(&mut cell, e);
        claim_lines(&mut cell, &e.toll, None);
        for n in &e.notes {
            let _ = write!(cell, "\nnote: {n}");
        }
        t.add_row(vec![
            e.id.clone(),
            date_text(e, "\n"),
            place_text(e, "\n"),
            figure_text(e.toll.killed.as_ref()),
            figure_text(e.toll.injured.as_ref()),
            e.number_of_sources.to_string(),
            cell,
        ]);
    }
    right_align(&mut t, &[3, 4, 5]);
    t
}

fn documents_table(docs: &[&DocumentRecord], opts: TableOptions) -> Table {
    let mut t = new_table(opts, &["DOCUMENT", "KILLED", "INJURED", "TITLE / CLAIMS"]);
    for d in docs {
        let mut cell = d.title.clone().unwrap_or_else(|| "-".to_owned());
        claim_lines(&mut cell, &d.toll, Some(&d.id));
        let mut names: Vec<String> = Vec::new();
        for e in &d.entities {
            let n = format!("{} ({})", e.text, e.label);
            if !names.contains(&n) {
                names.push(n);
            }
        }
        if !names.is_empty() {
            let shown = names[..names.len().min(SHOWN_ENTITIES)].join(", ");
            let more = names.len().saturating_sub(SHOWN_ENTITIES);
            let _ = write!(cell, "\nentities: {shown}");
            if more > 0 {
                let _ = write!(cell, " … +{more}");
            }
        }
        t.add_row(vec![
            d.id.clone(),
            figure_text(d.toll.killed.as_ref()),
            figure_text(d.toll.injured.as_ref()),
            cell,
        ]);
    }
    right_align(&mut t, &[1, 2]);
    t
}

/// Appends the event's type and sides: `type: Battles — Armed clash` and
/// `actor1: … → actor2: …` (with their ACLED actor categories).
fn coding_lines(cell: &mut String, e: &sitrep::EventRecord) {
    if let Some(t) = type_text(&e.coding) {
        let _ = write!(cell, "\ntype: {t}");
    }
    let s = &e.sides;
    if s.actor1.is_some() || s.actor2.is_some() {
        let _ = write!(
            cell,
            "\nactor1: {} → actor2: {}",
            side_text(s.actor1.as_deref(), &s.assoc_actor_1, s.inter1),
            side_text(s.actor2.as_deref(), &s.assoc_actor_2, s.inter2)
        );
    }
}

/// Appends one line per claim: `killed: at least 7 — CENTCOM [doc]`, with `≠`
/// where the claim is at odds with the figure quoted; the document is left
/// out when it is `own`, the row's document.
fn claim_lines(cell: &mut String, toll: &TollRecord, own: Option<&str>) {
    for (what, f) in figures(toll) {
        let Some(f) = f else { continue };
        for c in &f.claims {
            let mark = if claim_disagrees(f, c) { "≠ " } else { "" };
            let by = c.claimed_by.as_deref().unwrap_or("unattributed");
            let _ = write!(cell, "\n  {what}: {mark}{} — {by}", claim_text(c));
            if own != Some(c.document.as_str()) {
                let _ = write!(cell, " [{}]", c.document);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn render(report: &Report, width: Option<u16>) -> String {
        let mut out = Vec::new();
        table(&mut out, report, TableOptions { width }).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The line of the table that contains `needle`.
    fn line<'a>(text: &'a str, needle: &str) -> &'a str {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in\n{text}"))
    }

    #[test]
    fn events_with_their_claims_loose_documents_and_skips() {
        let text = render(&fixture::report(), None);
        assert!(text.starts_with("Events (2)\n"), "{text}");
        let e1 = line(&text, "E1");
        for cell in [
            "2031-05-12",
            "Zürich‑Nord, Nordkanton, Freedonia",
            "14 (12–15) !",
            "Gunmen attack checkpoint",
        ] {
            assert!(e1.contains(cell), "{cell:?} missing from {e1:?}");
        }
        // The precision codes on the cell's second line.
        let below = text
            .lines()
            .skip_while(|l| !l.contains("│ E1"))
            .nth(1)
            .unwrap();
        assert!(
            below.contains("(time-precision 1)") && below.contains("(geo-precision 1)"),
            "{below}"
        );
        assert!(line(&text, "E2").contains("2031-05-01 (month)"));
        // Claims under their event, with the claimant and document; the one
        // at odds with the quoted 14 is marked, the open-ended one is not.
        assert!(line(&text, "at least 12").contains("killed: at least 12 — Police [wire-a]"));
        assert!(line(&text, "The Red Cross [wire-a]").contains("killed: ≠ 15"));
        assert!(line(&text, "Hospital officials").contains("killed: 14"));
        assert!(line(&text, "note: killed: sources disagree").contains("(12–15)"));
        // wire-d is in no event; the skipped input keeps its reason.
        assert!(text.contains("Documents in no event (1)"));
        assert!(line(&text, "wire-d").contains("Soldiers wounded near Westport"));
        // In a document's own row, its claims need no document name.
        assert!(!line(&text, "injured: 2 — the army").contains("[wire-d]"));
        assert!(line(&text, "Westport (LOC)").contains("entities:"));
        assert!(text.contains("Skipped (1)"));
        assert!(line(&text, "empty file").contains("empty"));
    }

    #[test]
    fn without_events_every_document_is_listed() {
        let mut report = fixture::report();
        report.events.clear();
        let text = render(&report, None);
        assert!(text.starts_with("No events were formed"), "{text}");
        for id in ["wire-a", "wire-b", "wire-c", "wire-d"] {
            assert!(text.contains(id), "{id} missing");
        }
        assert!(line(&text, "wire-a").contains("15 (12–15) !"));
        assert!(!text.contains("Documents in no event"));
    }

    #[test]
    fn wraps_to_the_given_width() {
        let text = render(&fixture::report(), Some(72));
        for l in text.lines() {
            assert!(
                l.chars().count() <= 72,
                "line longer than 72 columns: {l:?}"
            );
        }
        let wide = render(&fixture::report(), None);
        assert!(wide.lines().any(|l| l.chars().count() > 72));
    }
}
