//! The real binary over the bundled corpus and over bad inputs.

mod common;

use common::{assert_valid, json, root, sitrep, temp_dir};

#[test]
fn corpus_json_validates_and_keeps_every_document() {
    let out = sitrep(&["run", "corpus/", "--format", "json", "--quiet"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_valid(&report);
    let docs = report["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "000_e481900d74a89dc0",
            "001_45d91f93d3079a61",
            "002_06b4c541cbedfc8d",
            "003_520797634b12b3de",
            "004_5b13032a2fd12913"
        ]
    );
    // Offsets are code points into the text as read: slicing gives the text back.
    for d in docs {
        let path = root()
            .join("corpus")
            .join(format!("{}.txt", d["id"].as_str().unwrap()));
        let chars: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
        for key in ["entities", "numbers"] {
            for m in d[key].as_array().unwrap() {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(
                    got,
                    m["text"].as_str().unwrap(),
                    "{key} offsets in {}",
                    d["id"]
                );
            }
        }
        assert!(
            !d["entities"].as_array().unwrap().is_empty(),
            "no entities in {}",
            d["id"]
        );
    }
}

#[test]
fn bad_inputs_are_reported_not_lost() {
    let dir = std::env::temp_dir().join(format!("sitrep-bad-inputs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(
        dir.join("latin1.txt"),
        b"Z\xfcrich police said two people were injured.",
    )
    .unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\":\"a\",\"text\":\"Nine militants were killed in Anbar.\",\"date\":\"2024-08-30\"}\n{oops\n{\"id\":\"a\",\"text\":\"Same id again.\"}\n",
    )
    .unwrap();
    let out = sitrep(
        &["run", dir.to_str().unwrap(), "--format", "json", "--quiet"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "skips give exit status 3; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_valid(&report);
    let docs = report["documents"].as_array().unwrap();
    let summary: Vec<(String, String)> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_owned(),
                d["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("binary", "skipped"),
        ("empty", "skipped"),
        ("a", "ok"),
        ("feed.jsonl:2", "skipped"),
        ("a#2", "ok"),
        ("latin1", "ok"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(summary, want);
    let latin = docs.iter().find(|d| d["id"] == "latin1").unwrap();
    assert!(latin["warnings"][0].as_str().unwrap().contains("UTF-8"));
    let broken = docs.iter().find(|d| d["id"] == "feed.jsonl:2").unwrap();
    assert!(broken["reason"].as_str().unwrap().starts_with("line 2"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_jsonl_and_determinism_across_threads() {
    let input = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            serde_json::json!({"id": p.file_stem().unwrap().to_str().unwrap(), "text": std::fs::read_to_string(&p).unwrap()})
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let one = sitrep(
        &["run", "-", "--format", "json", "--threads", "1", "--quiet"],
        Some(&input),
    );
    let two = sitrep(
        &["run", "-", "--format", "json", "--threads", "2", "--quiet"],
        Some(&input),
    );
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert!(
        one.stdout == two.stdout,
        "output differs between --threads 1 and --threads 2"
    );
    assert_valid(&json(&one));
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let out = sitrep(&["--help"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Examples:")
            && text.contains("sitrep run corpus/")
            && text.contains("Exit status:")
    );
    let out = sitrep(&["run", "--bogus"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_model_is_a_clear_error() {
    let out = sitrep(
        &["run", "corpus/", "--model", "/no/such/model", "--quiet"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/model"), "{err}");
}

/// Per event of `sitrep run corpus/ --format json --quiet EXTRA` (exit
/// status 0, a valid report): its documents and its killed low and high.
fn corpus_events(extra: &[&str]) -> Vec<(Vec<String>, serde_json::Value, serde_json::Value)> {
    let mut args = vec!["run", "corpus/", "--format", "json", "--quiet"];
    args.extend_from_slice(extra);
    let out = sitrep(&args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{extra:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_valid(&report);
    report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let docs: Vec<String> = e["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_owned())
                .collect();
            (
                docs,
                e["toll"]["killed"]["low"].clone(),
                e["toll"]["killed"]["high"].clone(),
            )
        })
        .collect()
}

#[test]
fn every_precision_gives_the_seeds_two_events_and_a_bad_one_is_a_usage_error() {
    let events = |p: &str| corpus_events(&["--precision", p]);
    let f32 = events("f32");
    assert_eq!(f32.len(), 2, "{f32:?}");
    for p in ["bf16", "int8"] {
        assert_eq!(events(p), f32, "{p} vs f32");
    }
    let out = sitrep(&["run", "corpus/", "--precision", "f16"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not one of f32, bf16, int8"), "{err}");
}

#[test]
fn size_limits_from_the_command_line_skip_with_the_reason() {
    let out = sitrep(
        &[
            "run",
            "corpus/",
            "--format",
            "json",
            "--quiet",
            "--max-document-bytes",
            "3K",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3), "skips give exit status 3");
    let report = json(&out);
    assert_valid(&report);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5, "every input is in the output");
    let skipped: Vec<&serde_json::Value> =
        docs.iter().filter(|d| d["status"] == "skipped").collect();
    // The seeds 001, 002 and 003 are over 3,072 bytes; 000 and 004 are not.
    assert_eq!(skipped.len(), 3, "{docs:?}");
    for d in skipped {
        let reason = d["reason"].as_str().unwrap_or_default();
        assert!(reason.contains("over the limit of 3072 bytes"), "{reason}");
    }
    let bad = sitrep(&["run", "corpus/", "--max-document-bytes", "3T"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a size"));
}

#[test]
fn a_pair_model_file_is_used_or_refused_with_the_reason() {
    // The shipped model, given as a file, gives the same events.
    let shipped = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/sitrep-pair-model/pair-model.json"
    );
    let events = corpus_events;
    let default = events(&[]);
    assert_eq!(default.len(), 2);
    assert_eq!(events(&["--pair-model", shipped]), default);

    // A model of another feature set is refused, with the file and the cause.
    let wrong = temp_dir("pair-model").join("wrong.json");
    let text = std::fs::read_to_string(shipped)
        .unwrap()
        .replace("\"terms\"", "\"words\"");
    std::fs::write(&wrong, text).unwrap();
    let out = sitrep(
        &["run", "corpus/", "--pair-model", wrong.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("loading the pair model") && err.contains("wrong.json"),
        "{err}"
    );
    assert!(err.contains("invalid pair model: features"), "{err}");
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_no_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // The corpus's JSON (~170 KB) is larger than a pipe's buffer, so the
    // writer meets the closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["run", "corpus/", "--format", "json", "--quiet"])
        .current_dir(common::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sitrep starts");
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("the first bytes");
    // Dropping the handle closed the pipe, as `| head -c 10` does.
    let out = child.wait_with_output().expect("sitrep ends");
    assert_eq!(&head[..1], b"{");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
