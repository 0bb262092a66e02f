//! `sitrep eval types` end to end: invented snippets in CASE 2021's layout
//! (always), and CASE 2021 dev itself when present.

mod common;

use common::{json, root, sitrep, temp_dir};

/// Invented snippets, one per line: (id, text, code).
const SNIPPETS: &[(&str, &str, &str)] = &[
    (
        "1",
        "Fighter jets bombed a rebel camp in the hills on Tuesday, killing twelve fighters.",
        "AIR_STRIKE",
    ),
    (
        "2",
        "Hundreds of teachers marched peacefully through the capital to demand higher pay.",
        "PEACE_PROTEST",
    ),
    (
        "3",
        "Government troops and rebels clashed for hours outside the town. Five soldiers died.",
        "ARMED_CLASH",
    ),
    (
        "4",
        "A magnitude 6.4 earthquake struck the province overnight, flattening hundreds of homes.",
        "NATURAL_DISASTER",
    ),
];

#[test]
fn eval_types_scores_snippets_and_dumps_their_features() {
    let dir = temp_dir("eval-types");
    let mut tsv = String::from("id\tEventSnippet\tSubType\n");
    for (id, text, code) in SNIPPETS {
        tsv.push_str(&format!("{id}\t{text}\t{code}\n"));
    }
    let case = dir.join("case.tsv");
    std::fs::write(&case, tsv).unwrap();
    let case = case.to_str().unwrap();

    let out = sitrep(&["eval", "types", "--case", case, "--json"], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = json(&out);
    assert_eq!(r["snippets"], 4, "{r}");
    assert_eq!(r["with_embedding"], 4, "{r}");
    assert_eq!(r["in_sample"], true);
    assert_eq!(r["labels"].as_array().unwrap().len(), 30);
    let acc = r["event_type_accuracy"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&acc), "{r}");

    let table = sitrep(&["eval", "types", "--case", case], None);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("IN-SAMPLE") && text.contains("AIR_STRIKE"),
        "{text}"
    );

    let dump = dir.join("feats.tsv");
    let out = sitrep(
        &[
            "eval",
            "types",
            "--case",
            case,
            "--dump-features",
            dump.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let dumped = std::fs::read_to_string(&dump).unwrap();
    let lines: Vec<&str> = dumped.lines().collect();
    assert_eq!(lines.len(), 5);
    let header: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(header[..4], ["id", "source", "gold", "ngrams"]);
    assert!(header.contains(&"trig:air") && header.last() == Some(&"emb:383"));
    for (line, (id, _, code)) in lines[1..].iter().zip(SNIPPETS) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), header.len());
        assert_eq!(cols[..3], [format!("case-{id}").as_str(), "case", code]);
        assert!(cols[3]
            .split(',')
            .all(|b| b.parse::<u32>().is_ok_and(|b| b < 1 << 14)));
    }

    // A malformed model is refused with its reason.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"format": "sitrep-event-types/0"}"#).unwrap();
    let out = sitrep(
        &[
            "eval",
            "types",
            "--case",
            case,
            "--model",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("event-type model") && err.contains("bad.json"),
        "{err}"
    );
}

/// In-sample floors of the shipped model on CASE 2021 dev (it was fitted on
/// it; cross-validated figures are in its model card).
const ACLED_F1_FLOOR: f64 = 0.90;
const EVENT_ACCURACY_FLOOR: f64 = 0.93;

#[test]
fn shipped_model_on_case_dev_does_not_regress() {
    let path = root().join("../shared/data/case2021/dev.tsv");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let out = sitrep(
        &["eval", "types", "--case", path.to_str().unwrap(), "--json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = json(&out);
    assert_eq!(r["snippets"], 503);
    assert_eq!(r["with_embedding"], 503);
    let f1 = r["acled_weighted_f1"].as_f64().unwrap();
    let acc = r["event_type_accuracy"].as_f64().unwrap();
    eprintln!("in-sample: ACLED weighted F1 {f1:.3}, event type accuracy {acc:.3}");
    assert!(f1 >= ACLED_F1_FLOOR, "{f1:.3}");
    assert!(acc >= EVENT_ACCURACY_FLOOR, "{acc:.3}");
}
