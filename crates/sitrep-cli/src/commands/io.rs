//! Reading the inputs and creating output files, as every command does.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use sitrep_text::{read_inputs, InputItem, InputOptions, InputSource};

/// Every input item, read as `run` and `extract` read them.
pub(super) fn read(inputs: &[String], limits: &InputOptions) -> Result<Vec<InputItem>> {
    let sources: Vec<InputSource> = inputs.iter().map(|s| InputSource::parse(s)).collect();
    read_inputs(&sources, limits).context("reading inputs")
}

/// Creates (or truncates) an output file, buffered.
pub(super) fn create(path: &Path) -> Result<Box<dyn Write>> {
    let f =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(Box::new(std::io::BufWriter::new(f)))
}
