//! `sitrep eval clusters` end to end, on the bundled corpus labelled by hand
//! (two raids: 000–002 and 003–004).

mod common;

use common::{root, sitrep, temp_dir};

/// The corpus as labelled JSON Lines, gold field `event`.
fn labelled_corpus() -> std::path::PathBuf {
    let dir = temp_dir("eval-clusters");
    let mut lines = String::new();
    let mut names: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for path in names {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let event = if name.as_str() < "003" {
            "hamrin"
        } else {
            "anbar"
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let rec = serde_json::json!({"id": name, "text": text, "event": event});
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let file = dir.join("corpus.jsonl");
    std::fs::write(&file, lines).unwrap();
    file
}

#[test]
fn eval_clusters_scores_the_corpus_and_dumps_its_pairs() {
    let docs = labelled_corpus();
    let docs = docs.to_str().unwrap();
    let dump = docs.replace("corpus.jsonl", "pairs.tsv");
    let eval = |extra: &[&str]| {
        let mut args = vec![
            "eval",
            "clusters",
            "--docs",
            docs,
            "--gold-field",
            "event",
            "-q",
        ];
        args.extend_from_slice(extra);
        sitrep(&args, None)
    };
    let out = eval(&["--json", "--dump-pairs", &dump]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["records"], 5);
    assert_eq!(r["all"]["b_cubed"]["f1"], 1.0, "{r}");
    assert_eq!(r["all"]["gold_events"], 2);

    // The dump: the features, a row per document, and the candidate pairs
    // with their gold answer; the two raids' reports pair up within each.
    let tsv = std::fs::read_to_string(&dump).unwrap();
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][0], "features");
    let features = rows[0].len() - 1;
    assert!(rows
        .iter()
        .filter(|r| r[0] == "pair")
        .all(|r| r.len() == 4 + features));
    assert_eq!(rows.iter().filter(|r| r[0] == "doc").count(), 5);
    let same: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "pair" && r[1] == "1")
        .map(|r| (r[2], r[3]))
        .collect();
    assert!(
        same.contains(&("0", "1")) && same.contains(&("3", "4")),
        "{same:?}"
    );

    // A threshold no pair reaches leaves every document alone.
    let out = eval(&["--json", "--threshold", "1"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["all"]["predicted_events"], 5, "{r}");

    // The table says that the shipped model's scores on its training sets
    // are in-sample.
    let out = eval(&[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("B3 F1") && text.contains("in-sample"),
        "{text}"
    );
}
