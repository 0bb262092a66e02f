//! Prints the GVDB casualty and NewsQuant number reports.
//!
//! ```text
//! cargo run --release -p sitrep-numbers --example eval -- [DATA_DIR] [--mismatches]
//! ```
//! `DATA_DIR` defaults to `../shared/data` relative to the workspace root.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--mismatches");
    let data = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    let gvdb = data.join("gvdb");
    let report = sitrep_numbers::eval::gvdb(
        gvdb.join("splits/dev.tsv"),
        gvdb.join("derived/gvdb_casualties.tsv"),
    )?;
    println!("{report}");
    if show {
        for m in &report.mismatches {
            println!(
                "{}\tkilled {}/{}\tinjured {}/{}\t{}",
                m.article, m.killed.0, m.killed.1, m.injured.0, m.injured.1, m.title
            );
        }
        println!();
    }
    let numbers = sitrep_numbers::eval::newsquant(data.join("newsquant"))?;
    println!("{numbers}");
    Ok(())
}
