//! Helpers for running the real `sitrep` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// Runs `sitrep` with `args` (from the workspace root), feeding `stdin`.
pub fn sitrep(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("sitrep starts");
    if let Some(s) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(s.as_bytes())
            .expect("write stdin");
    }
    child.wait_with_output().expect("sitrep runs")
}

/// Validates a report against the schema; panics with every violation.
pub fn assert_valid(report: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/sitrep-output.schema.json")).unwrap(),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "output violates the schema:\n{}",
        errors.join("\n")
    );
}

/// Parses standard output as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A fresh, empty temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The code points of a bundled corpus document's text.
pub fn corpus_chars(id: &str) -> Vec<char> {
    std::fs::read_to_string(root().join("corpus").join(format!("{id}.txt")))
        .unwrap_or_else(|e| panic!("corpus/{id}.txt: {e}"))
        .chars()
        .collect()
}

/// Every claim in a report (documents' and events' tolls), as JSON values.
pub fn all_claims(report: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut out = Vec::new();
    for key in ["documents", "events"] {
        for r in report[key].as_array().expect("array") {
            for fig in ["killed", "injured"] {
                if let Some(claims) = r["toll"][fig]["claims"].as_array() {
                    out.extend(claims);
                }
            }
        }
    }
    out
}

/// Checks a rendered HTML page (as written by sitrep, or as a browser's DOM)
/// against the JSON report of the same run: one article per event, one per
/// processed document, every claim of the report linked to a highlighted
/// sentence that marks the claim's words (code-point offsets into the corpus
/// texts), and entities coloured by type.
pub fn check_html_page(page: &str, report: &serde_json::Value) {
    use scraper::{ElementRef, Html, Selector};
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let text = |e: ElementRef<'_>| e.text().collect::<String>();
    let dom = Html::parse_document(page);

    assert!(
        dom.select(&sel("section#events")).next().is_some(),
        "no events section"
    );
    let events = report["events"].as_array().expect("events");
    let shown: Vec<&str> = dom
        .select(&sel("article.event"))
        .filter_map(|e| e.value().attr("data-event"))
        .collect();
    let want: Vec<&str> = events.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(shown, want, "one article per event, in order");

    // The map: a dot per event with coordinates, each linked to its card.
    let located: Vec<&str> = events
        .iter()
        .filter(|e| !e["location"].is_null())
        .filter_map(|e| e["id"].as_str())
        .collect();
    let mut dotted: Vec<&str> = Vec::new();
    for dot in dom.select(&sel("section#map svg a circle.event-dot")) {
        let id = dot.value().attr("data-event").expect("dot's event");
        let a = dot
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "a")
            .expect("dot inside a link");
        let href = a.value().attr("href").expect("href");
        let card = dom
            .select(&sel(&format!("[id=\"{}\"]", href.trim_start_matches('#'))))
            .next()
            .unwrap_or_else(|| panic!("map link {href} does not resolve"));
        assert_eq!(
            card.value().attr("data-event"),
            Some(id),
            "{href} is {id}'s card"
        );
        dotted.push(id);
    }
    dotted.sort_unstable();
    let mut want_dots = located.clone();
    want_dots.sort_unstable();
    assert_eq!(dotted, want_dots, "one map dot per located event");
    if !located.is_empty() && sitrep_geo::Outlines::default_dir().is_ok() {
        assert!(
            dom.select(&sel("section#map svg path.country")).count() > 0,
            "country outlines are installed but not drawn"
        );
    }

    for d in report["documents"].as_array().expect("documents") {
        let id = d["id"].as_str().expect("id");
        let found = dom
            .select(&sel("article.document"))
            .any(|a| a.value().attr("data-document") == Some(id));
        assert_eq!(found, d["status"] == "ok", "article for {id}");
        if d["status"] == "skipped" {
            let skipped = text(
                dom.select(&sel("#skipped"))
                    .next()
                    .expect("skipped section"),
            );
            assert!(skipped.contains(id) && skipped.contains(d["reason"].as_str().unwrap()));
        }
    }

    let links: Vec<ElementRef<'_>> = dom.select(&sel("a.claim-link")).collect();
    let claims = all_claims(report);
    assert_eq!(links.len(), claims.len(), "one link per claim");
    for a in &links {
        let href = a.value().attr("href").expect("href");
        let id = href.strip_prefix('#').expect("in-page link");
        let target = dom
            .select(&sel(&format!("[id=\"{id}\"]")))
            .next()
            .unwrap_or_else(|| panic!("claim link {href} does not resolve"));
        assert!(
            target.value().classes().any(|c| c == "claim-sentence"),
            "{href} is not a highlighted sentence"
        );
        let doc = a.value().attr("data-document").expect("data-document");
        let start: usize = a.value().attr("data-start").unwrap().parse().unwrap();
        let end: usize = a.value().attr("data-end").unwrap().parse().unwrap();
        let words: String = corpus_chars(doc)[start..end].iter().collect();
        assert!(
            target
                .select(&sel("mark.claim"))
                .any(|m| text(m).contains(&words)),
            "{words:?} ({doc} {start}..{end}) not marked in {href}"
        );
    }
    for c in claims {
        let key = (
            c["document"].as_str().unwrap().to_owned(),
            c["start"].to_string(),
            c["end"].to_string(),
        );
        assert!(
            links.iter().any(|a| {
                let v = a.value();
                (
                    v.attr("data-document"),
                    v.attr("data-start"),
                    v.attr("data-end"),
                ) == (
                    Some(key.0.as_str()),
                    Some(key.1.as_str()),
                    Some(key.2.as_str()),
                )
            }),
            "claim {key:?} has no link"
        );
    }

    // Entities coloured by type, each with a label the JSON has for that text.
    let mut labels: Vec<String> = Vec::new();
    for e in dom.select(&sel(".text .ent")) {
        // The tooltip is the label, and for a geocoded place where it is
        // ("LOC — Iraq, IQ (GeoNames 99237)").
        let title = e.value().attr("title").expect("entity title");
        let label = title.split(" — ").next().unwrap_or(title).to_owned();
        let class = format!("ent-{}", label.to_ascii_lowercase());
        assert!(
            e.value().classes().any(|c| c == class),
            "{label} entity without {class}"
        );
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.sort();
    let mut want: Vec<String> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["entities"].as_array().unwrap())
        .map(|e| e["label"].as_str().unwrap().to_owned())
        .collect();
    want.sort();
    want.dedup();
    assert_eq!(labels, want, "entity types coloured in the article texts");
    assert_eq!(
        dom.select(&sel("script, link, img, iframe, object, embed"))
            .count(),
        0,
        "the page must not load anything"
    );
}
