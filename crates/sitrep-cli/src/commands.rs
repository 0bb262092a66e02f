//! What each subcommand does.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sitrep::{Pipeline, Status};

use crate::args::{Cli, Command, EvalCommand, Format, RunArgs, TrainArgs, Unit};
use crate::render;

mod eval_geo;
mod extract;
mod io;

use io::{create, read};

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Run(a) => run_pipeline(a),
        Command::Extract(a) => extract::extract(a),
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

/// Reports a usage error found after parsing, with clap's exit status (2).
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("sitrep: error: {msg}\n\nFor more information, try '--help'.");
    ExitCode::from(2)
}

/// The output format: asked for, else implied by the output file's extension,
/// else a table on a terminal and JSON otherwise.
fn resolve_format(a: &RunArgs) -> Format {
    a.format
        .or_else(|| a.output.as_deref().and_then(Format::from_extension))
        .unwrap_or(if a.output.is_none() && std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
}

fn run_pipeline(a: RunArgs) -> Result<ExitCode> {
    let format = resolve_format(&a);
    if a.bom && !matches!(format, Format::Csv | Format::AcledCsv | Format::UcdpCsv) {
        return Ok(usage_error(
            "--bom applies to --format csv, acled-csv and ucdp-csv only",
        ));
    }
    if a.documents_out.is_some() && a.documents_out == a.output {
        return Ok(usage_error(
            "--documents-out and --output name the same file",
        ));
    }
    let limits = a.limits.options();
    let items = read(&a.inputs, &limits)?;
    let mut builder = Pipeline::builder();
    if let Some(m) = &a.model {
        builder = builder.ner_model(m);
    }
    if let Some(t) = a.threads {
        builder = builder.threads(t);
    }
    if let Some(p) = a.precision {
        builder = builder.precision(p);
    }
    if let Some(m) = &a.pair_model {
        builder = builder.cluster_options(sitrep::ClusterOptions {
            model: load_pair_model(m)?,
            ..sitrep::ClusterOptions::default()
        });
    }
    let pipeline = builder.build().context("starting the pipeline")?;
    let bar = progress_bar(a.quiet, items.len() as u64, "analysing");
    let mut report =
        pipeline.analyze_with_progress(&items, &|done, _| bar.set_position(done as u64));
    bar.finish_and_clear();
    if a.with_text {
        let texts = render::texts(&items);
        for d in &mut report.documents {
            d.text = texts.get(d.id.as_str()).map(|t| (*t).to_owned());
        }
    }

    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => create(p)?,
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let to_terminal = a.output.is_none() && std::io::stdout().is_terminal();
    match format {
        Format::Json => render::json(&mut out, &report)?,
        Format::Jsonl => render::events_jsonl(&mut out, &report)?,
        Format::Csv => render::events_csv(&mut out, &report, render::CsvOptions { bom: a.bom })?,
        Format::Html => {
            // The map draws over country outlines when they are installed;
            // without them it still places the events, on a bare graticule.
            let outlines = match sitrep_geo::Outlines::load_default() {
                Ok(o) => Some(o),
                Err(e) => {
                    eprintln!("sitrep: the map has no country outlines: {e}");
                    None
                }
            };
            render::html(&mut out, &report, &render::texts(&items), outlines.as_ref())?;
        }
        Format::AcledCsv => {
            render::acled_csv(&mut out, &report, render::CsvOptions { bom: a.bom })?;
        }
        Format::UcdpCsv => {
            render::ucdp_csv(&mut out, &report, render::CsvOptions { bom: a.bom })?;
        }
        Format::Geojson => render::geojson(&mut out, &report)?,
        Format::Table => {
            let opts = if to_terminal {
                render::TableOptions::for_terminal()
            } else {
                render::TableOptions::default()
            };
            render::table(&mut out, &report, opts)?;
        }
    }
    out.flush().context("writing the output")?;
    if let Some(p) = &a.documents_out {
        let mut docs = create(p)?;
        render::documents_jsonl(&mut docs, &report)?;
        docs.flush()
            .with_context(|| format!("writing {}", p.display()))?;
    }
    let skipped = report
        .documents
        .iter()
        .filter(|d| d.status == Status::Skipped)
        .count();
    if !a.quiet {
        eprintln!(
            "sitrep: {} document(s): {} analysed, {skipped} skipped; {} event(s)",
            report.documents.len(),
            report.documents.len() - skipped,
            report.events.len()
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
        EvalCommand::Ner {
            conll,
            model,
            precision,
            json,
        } => {
            let dir = model.unwrap_or_else(sitrep::default_ner_model_dir);
            let mut model = sitrep_ner::NerModel::load(&dir)
                .with_context(|| format!("loading {}", dir.display()))?;
            if let Some(p) = precision {
                let mut s = model.settings();
                s.precision = p;
                model.set_settings(s)?;
            }
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
                    "{} documents, {} tokens, {secs:.1} s ({:.0} tokens/s), precision {}",
                    corpus.documents.len(),
                    report.tokens,
                    report.tokens as f64 / secs,
                    model.settings().precision
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
        EvalCommand::Clusters {
            docs,
            gold_field,
            labels,
            cache,
            dump_pairs,
            threshold,
            pair_model,
            json,
            quiet,
        } => eval_clusters(
            &docs,
            &gold_field,
            labels.as_deref(),
            cache.as_deref(),
            dump_pairs.as_deref(),
            threshold,
            pair_model.as_deref(),
            json,
            quiet,
        )?,
        EvalCommand::Types {
            case,
            dump_features,
            model,
            crime,
            crime_sample,
            json,
        } => eval_types(
            &case,
            dump_features.as_deref(),
            model.as_deref(),
            crime.as_deref(),
            crime_sample,
            json,
        )?,
        EvalCommand::Roles {
            gvdb,
            gva_docs,
            gva_labels,
            cache,
            errors,
            json,
            quiet,
        } => eval_roles(
            gvdb.as_deref(),
            gva_docs.as_deref().zip(gva_labels.as_deref()),
            cache.as_deref(),
            errors,
            json,
            quiet,
        )?,
        EvalCommand::Geo {
            gwn,
            gva,
            gva_split,
            cache,
            gazetteer,
            seed,
            misses,
            json,
            quiet,
        } => eval_geo::run(&eval_geo::GeoArgs {
            gwn: gwn.as_deref(),
            gva: gva.as_deref(),
            gva_split: &gva_split,
            cache: cache.as_deref(),
            gazetteer: gazetteer.as_deref(),
            seed,
            misses,
            json,
            quiet,
        })?,
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

fn load_pair_model(path: &Path) -> Result<std::sync::Arc<sitrep::PairModel>> {
    let m = sitrep::PairModel::from_path(path)
        .with_context(|| format!("loading the pair model {}", path.display()))?;
    Ok(std::sync::Arc::new(m))
}

// The options of `eval clusters`, one argument each.
#[allow(clippy::too_many_arguments)]
fn eval_clusters(
    docs: &Path,
    gold_field: &str,
    labels: Option<&Path>,
    cache: Option<&Path>,
    dump_pairs: Option<&Path>,
    threshold: Option<f32>,
    pair_model: Option<&Path>,
    json: bool,
    quiet: bool,
) -> Result<()> {
    use sitrep::eval::{
        read_date_labels, read_labelled, read_toll_labels, score_dates, score_report,
        AnalysisCache, Fields,
    };
    let labelled = read_labelled(docs, &Fields::new(gold_field))
        .with_context(|| format!("reading {}", docs.display()))?;
    let date_labels = labels
        .map(|l| read_date_labels(l, gold_field, "date_iso"))
        .transpose()?;
    let labels = labels
        .map(|l| read_toll_labels(l, gold_field, "num_killed", "num_injured"))
        .transpose()?;
    let mut options = sitrep::ClusterOptions::default();
    if let Some(t) = threshold {
        options.threshold = t;
    }
    if let Some(m) = pair_model {
        options.model = load_pair_model(m)?;
    }
    let builder = Pipeline::builder().cluster_options(options);
    let pipeline = builder.build()?;
    let mut store = match cache {
        Some(c) => AnalysisCache::load(c).with_context(|| format!("reading {}", c.display()))?,
        None => AnalysisCache::default(),
    };
    let bar = progress_bar(quiet, labelled.items.len() as u64, "analysing");
    let analyses = store.analyze(&pipeline, &labelled.items, &|done, _| {
        bar.set_position(done as u64)
    });
    bar.finish_and_clear();
    if let Some(c) = cache {
        store
            .save(c)
            .with_context(|| format!("writing {}", c.display()))?;
    }
    let report = pipeline.assemble(&labelled.items, &analyses);
    if let Some(p) = dump_pairs {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        );
        sitrep::eval::dump_pairs(&pipeline, &labelled, &analyses, &mut f)?;
        f.flush()?;
    }
    let mut scores = score_report(&report, &labelled, labels.as_ref());
    scores.dates = date_labels
        .filter(|l| !l.is_empty())
        .map(|l| score_dates(&pipeline, &labelled, &analyses, &report, &l));
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print!("{scores}");
        if pair_model.is_none() {
            println!(
                "note: the shipped pair model was trained on the GVA-news and ECB+ dev sets, so \
                 on them these scores are in-sample; cross-validated ones are in \
                 models/sitrep-pair-model/MODEL_CARD.md"
            );
        }
    }
    Ok(())
}

fn eval_types(
    case: &Path,
    dump: Option<&Path>,
    model: Option<&Path>,
    crime: Option<&Path>,
    crime_sample: usize,
    json: bool,
) -> Result<()> {
    use sitrep::eval_types as et;
    let mut examples = et::read_case(case)?;
    if let Some(c) = crime {
        let extra = et::read_crime(c, crime_sample)?;
        examples.items.extend(extra.items);
        examples.gold.extend(extra.gold);
        examples.source.extend(extra.source);
    }
    let (model, name, in_sample) = match model {
        Some(p) => (
            std::sync::Arc::new(
                sitrep_coding::EventTypeModel::from_path(p)
                    .with_context(|| format!("loading the event-type model {}", p.display()))?,
            ),
            p.display().to_string(),
            false,
        ),
        None => (
            sitrep_coding::EventTypeModel::shipped(),
            "shipped".to_string(),
            true,
        ),
    };
    let pipeline = Pipeline::builder()
        .build()
        .context("starting the pipeline")?;
    let bar = progress_bar(false, examples.items.len() as u64, "analysing");
    let analyses = et::analyse(&pipeline, &examples, &|done, _| {
        bar.set_position(done as u64)
    });
    bar.finish_and_clear();
    if let Some(p) = dump {
        let mut f = create(p)?;
        let rows = et::dump_features(&examples, &analyses, &mut f)
            .with_context(|| format!("writing {}", p.display()))?;
        f.flush()
            .with_context(|| format!("writing {}", p.display()))?;
        eprintln!(
            "sitrep: {rows} examples' features written to {}",
            p.display()
        );
        return Ok(());
    }
    let scores = et::score(&model, &name, in_sample, &examples, &analyses);
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print!("{scores}");
    }
    Ok(())
}

fn eval_roles(
    gvdb: Option<&Path>,
    gva: Option<(&Path, &Path)>,
    cache: Option<&Path>,
    errors: usize,
    json: bool,
    quiet: bool,
) -> Result<()> {
    use sitrep::eval::AnalysisCache;
    use sitrep::eval_roles::{evaluate, read_gva, read_gvdb};
    if gvdb.is_none() && gva.is_none() {
        bail!("give --gvdb and/or --gva-docs with --gva-labels");
    }
    let mut sets = Vec::new();
    if let Some(p) = gvdb {
        sets.push((
            "GVDB",
            read_gvdb(p).with_context(|| format!("reading {}", p.display()))?,
        ));
    }
    if let Some((d, l)) = gva {
        let a = read_gva(d, l)
            .with_context(|| format!("reading {} and {}", d.display(), l.display()))?;
        sets.push(("GVA-news", a));
    }
    let pipeline = Pipeline::builder().no_embeddings().build()?;
    let mut store = match cache {
        Some(c) => AnalysisCache::load(c).with_context(|| format!("reading {}", c.display()))?,
        None => AnalysisCache::default(),
    };
    let mut scores = Vec::new();
    for (name, articles) in &sets {
        let bar = progress_bar(quiet, articles.len() as u64, "analysing");
        scores.push(evaluate(
            name,
            &pipeline,
            &mut store,
            articles,
            &|done, _| bar.set_position(done as u64),
        ));
        bar.finish_and_clear();
    }
    if let Some(c) = cache {
        store
            .save(c)
            .with_context(|| format!("writing {}", c.display()))?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
        return Ok(());
    }
    for s in &scores {
        print!("{s}");
        for e in s.errors.iter().take(errors) {
            let show = |v: &[(String, sitrep::eval_roles::GoldRole)]| {
                v.iter()
                    .map(|(n, r)| format!("{n}:{r:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            println!(
                "  {} missed [{}] wrong [{}]",
                e.id,
                show(&e.missed),
                show(&e.wrong)
            );
        }
    }
    Ok(())
}

/// `gvdb/splits/dev.tsv` → `gvdb/derived/gvdb_casualties.tsv`.
fn default_gvdb_labels(split: &Path) -> PathBuf {
    split.parent().and_then(Path::parent).map_or_else(
        || PathBuf::from("gvdb_casualties.tsv"),
        |root| root.join("derived/gvdb_casualties.tsv"),
    )
}
