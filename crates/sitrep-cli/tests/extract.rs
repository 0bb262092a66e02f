//! `sitrep extract` and `sitrep run --with-text`, through the real binary, on
//! an invented page and the bundled corpus.

mod common;

use common::{assert_valid, root, sitrep, temp_dir};
use serde_json::Value;

/// An invented news page: metadata in `<meta>` and JSON-LD, a navigation bar
/// and a footer that are no article.
const PAGE: &str = r#"<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Two hurt in Dunmore blast | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="By Ann Reporter">
<meta property="article:published_time" content="2031-05-12T08:00:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Two hurt in Dunmore blast",
 "author": {"@type": "Person", "name": "Ann Reporter"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Two hurt in Dunmore blast</h1>
<p>Two people were injured on Monday when a gas cylinder exploded in a bakery in Dunmore, police said.</p>
<p>Inspector Carla Wendt told reporters that the two workers were taken to Dunmore General Hospital.</p>
</article>
<footer>© 2031 The Valley Courier. All rights reserved.</footer>
</body></html>"#;

fn validate(schema_file: &str, value: &Value) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema").join(schema_file)).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{schema_file}:\n{}", errors.join("\n"));
}

fn inputs(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("blast.html"), PAGE).expect("write page");
    std::fs::write(dir.join("note.txt"), "Police said one man was arrested.").expect("write");
    std::fs::write(dir.join("empty.txt"), "  \n").expect("write");
    dir
}

#[test]
fn extract_writes_one_record_per_item_read_or_skipped() {
    let dir = inputs("extract");
    let out = sitrep(&["extract", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a skipped item gives exit status 3"
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(records.len(), 3, "{stdout}");
    for r in &records {
        validate("sitrep-extract.schema.json", r);
    }
    let by_id = |id: &str| {
        records
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no record {id}: {stdout}"))
    };
    let page = by_id("blast");
    assert_eq!(page["status"], "ok");
    assert_eq!(page["title"], "Two hurt in Dunmore blast");
    assert_eq!(page["source"], "The Valley Courier");
    assert_eq!(page["author"], "Ann Reporter");
    assert_eq!(page["language"], "en");
    assert_eq!(page["date"], "2031-05-12");
    let text = page["text"].as_str().expect("text");
    assert!(
        text.contains("a gas cylinder exploded in a bakery"),
        "{text}"
    );
    assert!(text.contains("Inspector Carla Wendt"), "{text}");
    assert!(
        !text.contains("Sport") && !text.contains("All rights reserved"),
        "{text}"
    );
    let note = by_id("note");
    assert_eq!(note["text"], "Police said one man was arrested.");
    assert_eq!(note["author"], Value::Null);
    let empty = by_id("empty");
    assert_eq!(empty["status"], "skipped");
    assert_eq!(empty["text"], Value::Null);
    assert!(empty["reason"].as_str().is_some_and(|r| !r.is_empty()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 item(s): 2 read, 1 skipped"), "{stderr}");
}

#[test]
fn extract_as_one_json_array_and_back_into_run() {
    let dir = inputs("extract-json");
    let json_out = dir.join("pages.json");
    let out = sitrep(
        &[
            "extract",
            dir.join("blast.html").to_str().expect("utf-8"),
            "-o",
            json_out.to_str().expect("utf-8"),
            "--quiet",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "--quiet says nothing");
    let array: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_out).expect("written")).expect("JSON");
    let records = array.as_array().expect("a .json output is one array");
    assert_eq!(records.len(), 1);
    validate("sitrep-extract.schema.json", &records[0]);
    // The JSON Lines of extract are an input of run, read to the same text.
    let jsonl = dir.join("pages.jsonl");
    let out = sitrep(
        &[
            "extract",
            dir.join("blast.html").to_str().expect("utf-8"),
            "-o",
            jsonl.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let out = sitrep(
        &[
            "extract",
            jsonl.to_str().expect("utf-8"),
            "--format",
            "json",
            "--quiet",
        ],
        None,
    );
    let again: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for field in [
        "title", "date", "source", "url", "author", "language", "text",
    ] {
        assert_eq!(again[0][field], records[0][field], "{field}");
    }
}

/// The code points `start..end` of `text`.
fn slice(text: &[char], v: &Value) -> String {
    let start = v["start"].as_u64().expect("start") as usize;
    let end = v["end"].as_u64().expect("end") as usize;
    assert!(
        start <= end && end <= text.len(),
        "{v} outside a text of {}",
        text.len()
    );
    text[start..end].iter().collect()
}

#[test]
fn run_with_text_gives_the_text_every_offset_points_into() {
    let dir = inputs("with-text");
    let docs_out = dir.join("docs.jsonl");
    let out = sitrep(
        &[
            "run",
            dir.join("blast.html").to_str().expect("utf-8"),
            "corpus/",
            "--format",
            "json",
            "--with-text",
            "--documents-out",
            docs_out.to_str().expect("utf-8"),
            "--quiet",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = common::json(&out);
    assert_valid(&report);
    let docs = report["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 6);
    let mut checked = 0;
    for d in docs {
        let text: Vec<char> = d["text"]
            .as_str()
            .expect("--with-text: every record has its text")
            .chars()
            .collect();
        // Each mention's offsets slice the text to its written form.
        for (list, written) in [
            ("entities", "text"),
            ("numbers", "text"),
            ("parties", "name"),
        ] {
            for m in d[list].as_array().expect(list) {
                let want = m[written].as_str().expect(written);
                assert_eq!(slice(&text, m), want, "{} {list}", d["id"]);
                checked += 1;
            }
        }
        for c in d["casualties"].as_array().expect("casualties") {
            assert!(!slice(&text, c).is_empty());
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} offsets checked");
    let page = docs.iter().find(|d| d["id"] == "blast").expect("the page");
    assert_eq!(page["author"], "Ann Reporter");
    assert_eq!(page["language"], "en");
    // The documents file holds the same records, texts included.
    let lines = std::fs::read_to_string(&docs_out).expect("docs.jsonl");
    let first: Value = serde_json::from_str(lines.lines().next().expect("a line")).expect("JSON");
    assert!(first["text"].is_string());
    // Without the flag, no record carries its text.
    let out = sitrep(&["run", "corpus/", "--format", "json", "--quiet"], None);
    let report = common::json(&out);
    assert!(report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .all(|d| d.get("text").is_none()));
}
