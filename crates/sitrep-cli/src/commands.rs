//! What each subcommand does.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep::{Pipeline, Status};
use sitrep_text::{read_inputs, InputOptions, InputSource};

use crate::args::{Cli, Command, EvalCommand, Format, RunArgs, TrainArgs, Unit};
use crate::render;

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Run(a) => run_pipeline(a),
        Command::TrainNer(a) => train(a),
        Command::Eval(e) => eval(e),
    }
}

fn progress_bar(quiet: bool, len: u64, what: &str) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_owned());
    bar
}

fn run_pipeline(a: RunArgs) -> Result<ExitCode> {
    let sources: Vec<InputSource> = a.inputs.iter().map(|s| InputSource::parse(s)).collect();
    let items = read_inputs(&sources, &InputOptions::default()).context("reading inputs")?;
    let mut builder = Pipeline::builder();
    if let Some(m) = &a.model {
        builder = builder.ner_model(m);
    }
    if let Some(t) = a.threads {
        builder = builder.threads(t);
    }
    let pipeline = builder.build().context("starting the pipeline")?;
    let bar = progress_bar(a.quiet, items.len() as u64, "analysing");
    let report = pipeline.analyze_with_progress(&items, &|done, _| bar.set_position(done as u64));
    bar.finish_and_clear();

    let format = a
        .format
        .unwrap_or(if a.output.is_none() && std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        });
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for d in &report.documents {
                serde_json::to_writer(&mut out, d)?;
                writeln!(out)?;
            }
        }
        Format::Table => render::table(&mut out, &report)?,
    }
    out.flush()?;
    let skipped = report
        .documents
        .iter()
        .filter(|d| d.status == Status::Skipped)
        .count();
    if !a.quiet {
        eprintln!(
            "sitrep: {} document(s): {} analysed, {skipped} skipped",
            report.documents.len(),
            report.documents.len() - skipped
        );
    }
    Ok(if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn train(a: TrainArgs) -> Result<ExitCode> {
    if let Some(t) = a.threads {
        sitrep_ner::set_torch_threads(t);
    }
    let mut o = sitrep_ner::TrainOptions::new(a.train, a.dev, a.base, a.out.clone());
    o.epochs = a.epochs;
    o.lr = a.lr;
    o.unit = match a.unit {
        Unit::Documents => sitrep_ner::TrainUnit::Documents,
        Unit::Sentences => sitrep_ner::TrainUnit::Sentences,
    };
    o.batch_size = a.batch_size.unwrap_or(match a.unit {
        Unit::Documents => 8,
        Unit::Sentences => 32,
    });
    o.casing = !a.no_casing;
    o.max_len = a.max_len;
    o.seed = a.seed;
    o.max_steps = a.max_steps;
    o.f16 = !a.fp32;
    let started = std::time::Instant::now();
    let summary = sitrep_ner::train(&o, |e| match e {
        sitrep_ner::TrainEvent::Step {
            epoch,
            step,
            total,
            loss,
        } => {
            eprintln!(
                "epoch {epoch} step {step}/{total} loss {loss:.4} ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
        sitrep_ner::TrainEvent::Epoch {
            epoch,
            dev,
            best,
            elapsed_s,
        } => {
            eprintln!(
                "epoch {epoch}: dev F1 {:.2}{} ({elapsed_s:.0} s)\n{dev}",
                dev.overall.f1,
                if *best { " (best, saved)" } else { "" }
            );
        }
    })?;
    println!(
        "kept epoch {} of {}: dev F1 {:.2}; {} sequences, {} steps, {:.0} s; model in {}",
        summary.best_epoch,
        summary.epochs.len(),
        summary
            .epochs
            .get(summary.best_epoch.saturating_sub(1))
            .map_or(0.0, |r| r.overall.f1),
        summary.sequences,
        summary.steps,
        summary.seconds,
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn eval(e: EvalCommand) -> Result<ExitCode> {
    match e {
        EvalCommand::Ner { conll, model, json } => {
            let dir = model.unwrap_or_else(sitrep::default_ner_model_dir);
            let model = sitrep_ner::NerModel::load(&dir)
                .with_context(|| format!("loading {}", dir.display()))?;
            let corpus = sitrep_ner::conll::ConllCorpus::read(&conll)?;
            let started = std::time::Instant::now();
            let report = sitrep_ner::evaluate_conll(&model, &corpus)?;
            let secs = started.elapsed().as_secs_f64();
            if report.length_mismatches > 0 {
                bail!(
                    "{} sentence(s) had predictions of the wrong length",
                    report.length_mismatches
                );
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                println!(
                    "{} documents, {} tokens, {secs:.1} s ({:.0} tokens/s)",
                    corpus.documents.len(),
                    report.tokens,
                    report.tokens as f64 / secs
                );
                print!("{report}");
            }
        }
        EvalCommand::Casualties { gvdb, labels, json } => {
            let labels = labels.unwrap_or_else(|| default_gvdb_labels(&gvdb));
            let report = sitrep_numbers::eval::gvdb(&gvdb, &labels).with_context(|| {
                format!("evaluating on {} with {}", gvdb.display(), labels.display())
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
        EvalCommand::Numbers { newsquant, json } => {
            let report = sitrep_numbers::eval::newsquant(&newsquant)
                .with_context(|| format!("evaluating on {}", newsquant.display()))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `gvdb/splits/dev.tsv` → `gvdb/derived/gvdb_casualties.tsv`.
fn default_gvdb_labels(split: &Path) -> PathBuf {
    split.parent().and_then(Path::parent).map_or_else(
        || PathBuf::from("gvdb_casualties.tsv"),
        |root| root.join("derived/gvdb_casualties.tsv"),
    )
}
