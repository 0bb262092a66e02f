//! The README's library example, as a program of another project: read a
//! folder of articles, run the pipeline, print one line per event and the
//! report's JSON size.

use std::process::ExitCode;

use sitrep::Pipeline;
use sitrep_text::{read_inputs, InputOptions, InputSource};

fn main() -> ExitCode {
    let folder = std::env::args().nth(1).unwrap_or_else(|| "corpus/".to_owned());
    match run(&folder) {
        Ok(0) => {
            eprintln!("no event found in {folder}");
            ExitCode::FAILURE
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprint!("error: {e}");
            let mut cause = e.source();
            while let Some(c) = cause {
                eprint!(": {c}");
                cause = c.source();
            }
            eprintln!();
            ExitCode::FAILURE
        }
    }
}

fn run(folder: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let items = read_inputs(&[InputSource::parse(folder)], &InputOptions::default())?;
    let pipeline = Pipeline::builder().threads(2).build()?; // load once
    let report = pipeline.analyze(&items); // serde types
    for e in &report.events {
        let killed = e.toll.killed.as_ref().and_then(|k| k.best);
        println!(
            "{}\t{}\t{}\t{} document(s)\tkilled {}",
            e.id,
            e.date.as_deref().unwrap_or("-"),
            e.location.as_ref().map_or("-", |l| l.name.as_str()),
            e.documents.len(),
            killed.map_or_else(|| "-".to_owned(), |k| k.to_string()),
        );
    }
    let json = serde_json::to_string(&report)?;
    println!(
        "{} document(s), {} event(s), {} bytes of JSON",
        report.documents.len(),
        report.events.len(),
        json.len()
    );
    Ok(report.events.len())
}
