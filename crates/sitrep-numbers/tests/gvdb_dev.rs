//! Per-article casualty counts on the GVDB dev split (skips without the data).
//!
//! Reproduce the figures with
//! `cargo run --release -p sitrep-numbers --example eval`.

use std::path::Path;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

#[test]
fn gvdb_dev_counts() {
    let dev = Path::new(DATA).join("gvdb/splits/dev.tsv");
    let gold = Path::new(DATA).join("gvdb/derived/gvdb_casualties.tsv");
    if !dev.exists() || !gold.exists() {
        eprintln!("skipping: GVDB data not found under {DATA}");
        return;
    }
    let report = match sitrep_numbers::eval::gvdb(&dev, &gold) {
        Ok(r) => r,
        Err(e) => panic!("GVDB evaluation failed: {e}"),
    };
    eprintln!("{report}");
    assert_eq!(report.articles, 400);
    assert!(
        report.killed.exact_rate >= 0.85,
        "killed exact {:.3}",
        report.killed.exact_rate
    );
    assert!(
        report.injured.exact_rate >= 0.75,
        "injured exact {:.3}",
        report.injured.exact_rate
    );
}

#[test]
fn newsquant_values() {
    let dir = Path::new(DATA).join("newsquant");
    if !dir.exists() {
        eprintln!("skipping: NewsQuant data not found under {DATA}");
        return;
    }
    let report = match sitrep_numbers::eval::newsquant(&dir) {
        Ok(r) => r,
        Err(e) => panic!("NewsQuant evaluation failed: {e}"),
    };
    eprintln!("{report}");
    let all = report.sets.last().map_or(0.0, |s| s.f1);
    assert!(all >= 0.80, "value F1 {all:.3}");
}
