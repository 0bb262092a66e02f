//! One CSV row per event, with columns named as in ACLED/UCDP event data.

use std::io::Write;

use sitrep::{EventRecord, FigureRecord, Report};

/// The header row, in order.
pub const CSV_COLUMNS: [&str; 34] = [
    "event_id",
    "event_date",
    "date_precision",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "category",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "location",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "actors",
    "fatalities_best",
    "fatalities_low",
    "fatalities_high",
    "fatalities_conservative",
    "injured_best",
    "injured_low",
    "injured_high",
    "number_of_sources",
    "sources",
    "notes",
];

/// Separator of several values in one cell.
const JOIN: &str = "; ";

/// CSV settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark, which Excel needs to read
    /// non-ASCII text as UTF-8. Off by default.
    pub bom: bool,
}

/// Writes the events as CSV: a header, then one row per event. Empty cells
/// stand for unknown values; multi-valued cells are joined with `"; "`.
/// Text taken from articles (country, places, actors, sources, notes) that
/// would start with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so that a spreadsheet shows it as text instead of running it
/// as a formula (CSV injection).
pub fn events_csv(out: &mut dyn Write, report: &Report, opts: CsvOptions) -> ::csv::Result<()> {
    if opts.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for e in &report.events {
        w.write_record(row(e))?;
    }
    w.flush()?;
    Ok(())
}

fn row(e: &EventRecord) -> [String; 34] {
    let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    let fig =
        |f: Option<&FigureRecord>, pick: fn(&FigureRecord) -> Option<u64>| num(f.and_then(pick));
    let small = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    let killed = e.toll.killed.as_ref();
    let injured = e.toll.injured.as_ref();
    let (c, a) = (&e.coding, &e.sides);
    let l = e.location.as_ref();
    [
        e.id.clone(),
        e.date.clone().unwrap_or_default(),
        e.date_precision
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        small(e.time_precision),
        c.disorder_type
            .map(|t| t.name().to_owned())
            .unwrap_or_default(),
        c.event_type
            .map(|t| t.name().to_owned())
            .unwrap_or_default(),
        c.sub_event_type
            .map(|t| t.name().to_owned())
            .unwrap_or_default(),
        c.category.map(|t| t.name().to_owned()).unwrap_or_default(),
        text(a.actor1.clone().unwrap_or_default()),
        text(a.assoc_actor_1.join(JOIN)),
        small(a.inter1),
        text(a.actor2.clone().unwrap_or_default()),
        text(a.assoc_actor_2.join(JOIN)),
        small(a.inter2),
        small(a.interaction),
        if a.civilian_targeting {
            "Civilian targeting".to_owned()
        } else {
            String::new()
        },
        text(e.country.clone().unwrap_or_default()),
        text(e.places.join(JOIN)),
        text(l.and_then(|l| l.admin1.clone()).unwrap_or_default()),
        text(l.and_then(|l| l.admin2.clone()).unwrap_or_default()),
        l.map(|l| format!("{:.4}", l.latitude)).unwrap_or_default(),
        l.map(|l| format!("{:.4}", l.longitude)).unwrap_or_default(),
        small(l.map(|l| l.geo_precision)),
        text(e.actors.join(JOIN)),
        fig(killed, |f| f.best),
        fig(killed, |f| f.low),
        fig(killed, |f| f.high),
        fig(killed, |f| f.conservative),
        fig(injured, |f| f.best),
        fig(injured, |f| f.low),
        fig(injured, |f| f.high),
        e.number_of_sources.to_string(),
        text(e.sources.join(JOIN)),
        text(e.notes.join(JOIN)),
    ]
}

/// A text cell, with a `'` before a leading character that spreadsheets read
/// as the start of a formula.
pub(super) fn text(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn text_that_looks_like_a_formula_is_kept_as_text() {
        let mut report = fixture::report();
        let e = &mut report.events[0];
        e.actors = vec!["=HYPERLINK(\"http://x\",\"click\")".into(), "Army".into()];
        e.sides.actor1 = Some("=cmd".into());
        e.places = vec!["+Town".into()];
        e.sources = vec!["@wire".into()];
        e.country = Some("-".into());
        e.notes = vec!["\tkilled".into()];
        let bytes = render(&report, false);
        let mut r = ::csv::Reader::from_reader(bytes.as_slice());
        let row = r.records().next().unwrap().unwrap();
        let col = |name: &str| {
            let i = CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
            row[i].to_string()
        };
        assert_eq!(col("actors"), "'=HYPERLINK(\"http://x\",\"click\"); Army");
        assert_eq!(col("actor1"), "'=cmd");
        assert_eq!(col("location"), "'+Town");
        assert_eq!(col("sources"), "'@wire");
        assert_eq!(col("country"), "'-");
        assert_eq!(col("notes"), "'\tkilled");
        // Ordinary text and numbers are untouched.
        let plain = render(&fixture::report(), false);
        let mut r = ::csv::Reader::from_reader(plain.as_slice());
        for row in r.records() {
            assert!(row.unwrap().iter().all(|c| !c.starts_with('\'')));
        }
    }

    fn render(report: &Report, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        events_csv(&mut out, report, CsvOptions { bom }).unwrap();
        out
    }

    #[test]
    fn one_row_per_event_with_acled_style_columns() {
        let report = fixture::report();
        let bytes = render(&report, false);
        let mut r = ::csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().unwrap(), CSV_COLUMNS.as_slice());
        let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), report.events.len());
        let want_e1 = [
            "E1",
            "2031-05-12",
            "day",
            "1",
            "Political violence",
            "Battles",
            "Armed clash",
            "",
            "Gunmen, \"Front\"",
            "",
            "2",
            "Police",
            "Border guards",
            "1",
            "12",
            "",
            "Freedonia",
            "Zürich‑Nord; Freedonia",
            "Nordkanton",
            "",
            "47.4200",
            "8.5500",
            "1",
            "Police; Red Cross",
            "14",
            "12",
            "15",
            "12",
            "4",
            "4",
            "4",
            "2",
            "Agence Exemple; Daily Placeholder",
            "killed: sources disagree (12–15); injured: one source only",
        ];
        assert_eq!(rows[0].iter().collect::<Vec<_>>(), want_e1);
        // No toll, no country, no actors: empty cells, not zeros.
        let want_e2 = [
            "E2",
            "2031-05-01",
            "month",
            "3",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Eastbrook",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "1",
            "wire-c",
            "",
        ];
        assert_eq!(rows[1].iter().collect::<Vec<_>>(), want_e2);
    }

    #[test]
    fn cells_with_commas_quotes_and_newlines_are_quoted() {
        let mut report = fixture::report();
        report.events[0].headline = None;
        report.events[0].notes = vec!["a \"quoted\", note\nover two lines".to_owned()];
        let bytes = render(&report, false);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\"a \"\"quoted\"\", note\nover two lines\""));
        let mut r = ::csv::Reader::from_reader(bytes.as_slice());
        let first = r.records().next().unwrap().unwrap();
        let notes = CSV_COLUMNS.iter().position(|c| *c == "notes").unwrap();
        assert_eq!(&first[notes], "a \"quoted\", note\nover two lines");
    }

    #[test]
    fn bom_only_when_asked_and_header_only_without_events() {
        let mut report = fixture::report();
        report.events.clear();
        let plain = render(&report, false);
        assert_eq!(plain, format!("{}\r\n", CSV_COLUMNS.join(",")).into_bytes());
        let with_bom = render(&report, true);
        assert_eq!(&with_bom[..3], b"\xEF\xBB\xBF");
        assert_eq!(&with_bom[3..], plain.as_slice());
    }
}
