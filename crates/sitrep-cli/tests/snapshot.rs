//! The JSON report of `corpus/` against a committed snapshot
//! (`tests/data/corpus.snapshot.json`), so that a refactoring shows its diff
//! and a change of output is a decision, not an accident.
//!
//! The run is f32 (bf16 where the CPU has it would change scores). Numbers are
//! compared within 1e-3: the same f32 model gives slightly different scores on
//! different CPUs' matrix kernels; every string, key, array length and
//! integer-valued figure must match exactly.
//!
//! After an intended change: `SITREP_UPDATE_SNAPSHOT=1 cargo test -p sitrep-cli
//! --test snapshot` rewrites the file; review its diff before committing.

mod common;

use common::{root, sitrep};
use serde_json::Value;

const SNAPSHOT: &str = "crates/sitrep-cli/tests/data/corpus.snapshot.json";

/// The first difference between `want` and `got`, as a JSON pointer and
/// the two values; `None` when they agree.
fn first_difference(want: &Value, got: &Value, at: &str) -> Option<String> {
    let here = || {
        Some(format!(
            "{}: snapshot {} / now {}",
            if at.is_empty() { "/" } else { at },
            short(want),
            short(got)
        ))
    };
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            let (ka, kb): (Vec<&String>, Vec<&String>) = (a.keys().collect(), b.keys().collect());
            if ka != kb {
                return Some(format!("{at}: keys {ka:?} / now {kb:?}"));
            }
            a.iter()
                .find_map(|(k, v)| first_difference(v, &b[k], &format!("{at}/{k}")))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{at}: {} items / now {}", a.len(), b.len()));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(x, y, &format!("{at}/{i}")))
        }
        (Value::Number(x), Value::Number(y)) => {
            let exact = x.is_f64() || y.is_f64();
            match (x.as_f64(), y.as_f64()) {
                (Some(p), Some(q)) if exact && (p - q).abs() <= 1e-3 => None,
                _ if x == y => None,
                _ => here(),
            }
        }
        _ if want == got => None,
        _ => here(),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

#[test]
fn corpus_report_matches_the_snapshot() {
    let out = sitrep(
        &["run", "corpus/", "--format", "json", "--precision", "f32"],
        None,
    );
    assert!(
        out.status.success(),
        "sitrep run failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    let path = root().join(SNAPSHOT);
    if std::env::var_os("SITREP_UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, &out.stdout).expect("write the snapshot");
        eprintln!("snapshot rewritten: {}", path.display());
        return;
    }
    let want: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("the snapshot is committed"))
            .expect("the snapshot is JSON");
    if let Some(d) = first_difference(&want, &got, "") {
        let now = std::env::temp_dir().join("sitrep-corpus-now.json");
        let _ = std::fs::write(&now, &out.stdout);
        panic!(
            "the report of corpus/ differs from {SNAPSHOT} at {d}\n(the whole report is in {}; \
             SITREP_UPDATE_SNAPSHOT=1 rewrites the snapshot after an intended change)",
            now.display()
        );
    }
}

#[test]
fn the_comparison_sees_a_changed_figure_and_forgives_float_noise() {
    let a: Value = serde_json::json!({"events": [{"killed": {"best": 3}, "score": 0.8123}]});
    let noise: Value = serde_json::json!({"events": [{"killed": {"best": 3}, "score": 0.8127}]});
    let figure: Value = serde_json::json!({"events": [{"killed": {"best": 4}, "score": 0.8123}]});
    let key: Value = serde_json::json!({"events": [{"killed": {"best": 3}, "scores": 0.8123}]});
    assert_eq!(first_difference(&a, &noise, ""), None);
    let d = first_difference(&a, &figure, "").expect("a changed figure is a difference");
    assert!(d.starts_with("/events/0/killed/best"), "{d}");
    assert!(first_difference(&a, &key, "").is_some());
    assert!(first_difference(&a, &serde_json::json!({"events": []}), "").is_some());
}
