//! Every output format of the real binary over the bundled corpus, checked
//! against the JSON report of the same input (runs are deterministic). These
//! hold whatever the number of events is.

mod common;

use common::{assert_valid, check_html_page, json, root, sitrep, temp_dir};

fn ok(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The JSON report of the corpus, made once for all tests of this file.
fn corpus_report() -> &'static serde_json::Value {
    static REPORT: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| {
        let out = sitrep(&["run", "corpus/", "--format", "json", "--quiet"], None);
        ok(&out);
        let report = json(&out);
        assert_valid(&report);
        report
    })
}

#[test]
fn csv_jsonl_and_documents_out_agree_with_json() {
    let report = corpus_report();
    let events = report["events"].as_array().unwrap();
    let dir = temp_dir("formats");
    let docs_path = dir.join("documents.jsonl");

    let out = sitrep(
        &[
            "run",
            "corpus/",
            "--format",
            "csv",
            "--quiet",
            "--documents-out",
            docs_path.to_str().unwrap(),
        ],
        None,
    );
    ok(&out);
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
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
            "notes"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events.len(), "one CSV row per event");
    let cell = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let joined = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(cell)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, e) in rows.iter().zip(events) {
        assert_eq!(&row[col("event_id")], e["id"].as_str().unwrap());
        assert_eq!(row[col("event_date")], cell(&e["date"]));
        assert_eq!(row[col("location")], joined(&e["places"]));
        assert_eq!(row[col("time_precision")], cell(&e["time_precision"]));
        let loc = &e["location"];
        assert_eq!(row[col("admin1")], cell(&loc["admin1"]));
        assert_eq!(row[col("geo_precision")], cell(&loc["geo_precision"]));
        if let Some(lat) = loc["latitude"].as_f64() {
            let got: f64 = row[col("latitude")].parse().unwrap();
            assert!((got - lat).abs() < 1e-4, "{got} vs {lat}");
        }
        assert_eq!(
            row[col("fatalities_best")],
            cell(&e["toll"]["killed"]["best"])
        );
        assert_eq!(
            row[col("fatalities_conservative")],
            cell(&e["toll"]["killed"]["conservative"])
        );
        assert_eq!(
            row[col("injured_best")],
            cell(&e["toll"]["injured"]["best"])
        );
        assert_eq!(
            row[col("number_of_sources")],
            e["number_of_sources"].to_string()
        );
        assert_eq!(row[col("sources")], joined(&e["sources"]));
        for field in [
            "disorder_type",
            "event_type",
            "sub_event_type",
            "category",
            "actor1",
            "actor2",
            "inter1",
            "inter2",
            "interaction",
        ] {
            assert_eq!(row[col(field)], cell(&e[field]), "{field}");
        }
        assert_eq!(row[col("assoc_actor_1")], joined(&e["assoc_actor_1"]));
        assert_eq!(row[col("assoc_actor_2")], joined(&e["assoc_actor_2"]));
        let targeting = e["civilian_targeting"].as_bool().unwrap();
        assert_eq!(row[col("civilian_targeting")].is_empty(), !targeting);
    }

    let docs: Vec<serde_json::Value> = std::fs::read_to_string(&docs_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        &docs,
        report["documents"].as_array().unwrap(),
        "--documents-out: one document record per line"
    );

    let out = sitrep(&["run", "corpus/", "--format", "jsonl", "--quiet"], None);
    ok(&out);
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, events, "jsonl: one event per line");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn html_report_links_every_claim_to_its_sentence() {
    let report = corpus_report();
    let dir = temp_dir("html");
    let page = dir.join("report.html");
    // The format follows from the extension.
    let out = sitrep(
        &["run", "corpus/", "-o", page.to_str().unwrap(), "--quiet"],
        None,
    );
    ok(&out);
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    check_html_page(&html, report);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn table_lists_every_event_or_else_every_document() {
    let report = corpus_report();
    let out = sitrep(&["run", "corpus/", "--format", "table", "--quiet"], None);
    ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let events = report["events"].as_array().unwrap();
    if events.is_empty() {
        assert!(text.starts_with("No events were formed"), "{text}");
    } else {
        assert!(
            text.starts_with(&format!("Events ({})", events.len())),
            "{text}"
        );
    }
    for e in events {
        let id = e["id"].as_str().unwrap();
        assert!(
            text.lines().any(|l| l.contains(&format!(" {id} "))),
            "no row for {id}"
        );
    }
    // Every claim appears with its claimant, and in an event with its document.
    for e in events {
        for fig in ["killed", "injured"] {
            for c in e["toll"][fig]["claims"].as_array().into_iter().flatten() {
                let by = c["claimed_by"].as_str().unwrap_or("unattributed");
                let doc = c["document"].as_str().unwrap();
                assert!(
                    text.contains(&format!("— {by} [{doc}]")),
                    "claim by {by} in {doc} missing"
                );
            }
        }
    }
    for c in common::all_claims(report) {
        let by = c["claimed_by"].as_str().unwrap_or("unattributed");
        assert!(text.contains(&format!("— {by}")), "claim by {by} missing");
    }
    assert!(!text.contains("Skipped ("));
}

/// An invented article with non-ASCII text.
const OK_TEXT: &str = "Police in Zürich said three people were injured in a fire on Tuesday.";

#[test]
fn skipped_inputs_are_listed_in_every_format() {
    let dir = temp_dir("skips");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("ok.txt"), OK_TEXT).unwrap();
    let arg = input.to_str().unwrap();
    let json_out = sitrep(&["run", arg, "--format", "json", "--quiet"], None);
    assert_eq!(json_out.status.code(), Some(3));
    let report = json(&json_out);
    let reason = report["documents"][0]["reason"]
        .as_str()
        .unwrap()
        .to_owned();

    let out = sitrep(&["run", arg, "--format", "table", "--quiet"], None);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Skipped (1)"));
    assert!(text
        .lines()
        .any(|l| l.contains("empty") && l.contains(&reason)));

    let page = dir.join("r.html");
    let out = sitrep(
        &[
            "run",
            arg,
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
            "--quiet",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    let html = std::fs::read_to_string(&page).unwrap();
    let dom = scraper::Html::parse_document(&html);
    let skipped: String = dom
        .select(&scraper::Selector::parse("#skipped td").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert!(skipped.contains("empty") && skipped.contains(&reason));
    // The article text (non-ASCII included) comes through intact.
    let article: String = dom
        .select(&scraper::Selector::parse("article[data-document=\"ok\"] .text").unwrap())
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(article, OK_TEXT);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_bom_and_usage_errors() {
    let out = sitrep(
        &["run", "corpus/", "--format", "csv", "--bom", "--quiet"],
        None,
    );
    ok(&out);
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFevent_id,"));
    // Checked before the model loads: exit status 2.
    for args in [
        &["run", "corpus/", "--format", "json", "--bom"][..],
        &[
            "run",
            "corpus/",
            "-o",
            "x.jsonl",
            "--documents-out",
            "x.jsonl",
        ][..],
        &["run", "corpus/", "--format", "xml"][..],
    ] {
        let out = sitrep(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
    assert!(!root().join("x.jsonl").exists());
}

#[test]
fn help_has_an_example_of_each_format_and_the_exit_codes() {
    for args in [&["--help"][..], &["run", "--help"][..]] {
        let out = sitrep(args, None);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        for want in [
            "sitrep run corpus/ ",
            "--format json",
            "--format jsonl",
            "--format csv",
            "--format html",
            "--documents-out",
            "Exit status",
        ] {
            assert!(
                text.contains(want),
                "{args:?} --help lacks {want:?}:\n{text}"
            );
        }
    }
}
