//! `sitrep extract`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sitrep::Status;

use super::io::{create, read};
use crate::args::{ExtractArgs, ExtractFormat};

/// `sitrep extract`: the reader alone, one record per input item.
pub(super) fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let limits = a.limits.options();
    let items = read(&a.inputs, &limits)?;
    let records: Vec<sitrep::ExtractRecord> = items.iter().map(sitrep::extract_record).collect();
    let format = a.format.unwrap_or_else(|| {
        let json = a
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json {
            ExtractFormat::Json
        } else {
            ExtractFormat::Jsonl
        }
    });
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => create(p)?,
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        ExtractFormat::Jsonl => {
            for r in &records {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &records)?;
            writeln!(out)?;
        }
    }
    out.flush().context("writing the output")?;
    let skipped = records
        .iter()
        .filter(|r| r.status == Status::Skipped)
        .count();
    if !a.quiet {
        eprintln!(
            "sitrep: {} item(s): {} read, {skipped} skipped",
            records.len(),
            records.len() - skipped
        );
    }
    Ok(if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
