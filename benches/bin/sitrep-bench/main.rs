//! `sitrep-bench`: the Rust side of `scripts/bench.sh` (see BENCHMARKS.md).
//!
//! - `ner`: sitrep's NER on a JSON Lines file the way the library is used
//!   (read the inputs, split words, tag in chunks of documents, decode
//!   entities), with throughput, peak RSS, a time profile and the encoder's
//!   FLOP count;
//! - `matmul`: libtorch's matrix-product speed on the encoder's shapes, f32,
//!   bf16 and FBGEMM int8, the peak the encoder is measured against;
//! - `conll`: entity-level F1 on a CoNLL file at a chosen precision;
//! - `pipeline`: the whole of `sitrep run` as a library call (read, sentences,
//!   NER, numbers, casualties, lead embeddings, events, the JSON report), with
//!   the time of each part;
//! - `stages`: what event coding and geocoding cost, in one process: the
//!   whole pipeline with every stage, without event coding and without
//!   geocoding, alternated over rounds, and the gazetteer's load time and
//!   resident memory measured before and after loading it.
//!
//! Each prints one JSON object on standard output.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Value};
use sitrep_ner::{ModelFolder, NerModel, NerTimings, Precision};
use sitrep_text::{read_inputs, word_tokens, InputItem, InputOptions, InputSource, Span};

mod matmul;

type Error = Box<dyn std::error::Error>;

#[derive(Debug, Parser)]
#[command(name = "sitrep-bench", about = "Benchmarks behind BENCHMARKS.md")]
struct Cli {
    /// libtorch intra-op threads.
    #[arg(long, default_value_t = 2, global = true)]
    threads: usize,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// NER over JSON Lines documents (`id`, `text`).
    Ner {
        /// The documents.
        #[arg(long)]
        input: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
        /// Documents per NER call (sitrep's pipeline uses 32).
        #[arg(long, default_value_t = 32)]
        chunk: usize,
    },
    /// Matrix-product speed on the encoder's shapes.
    Matmul {
        /// Model folder whose config gives the shapes [default: models/sitrep-ner-minilm].
        #[arg(long)]
        model: Option<PathBuf>,
        /// Rows (sequences × length) per product.
        #[arg(long, default_value_t = 16)]
        batch: i64,
        /// Sequence length.
        #[arg(long, default_value_t = 256)]
        length: i64,
        /// Seconds to time each shape.
        #[arg(long, default_value_t = 1.0)]
        seconds: f64,
    },
    /// The whole pipeline (`sitrep run`, JSON report) over JSON Lines documents.
    Pipeline {
        /// The documents.
        #[arg(long)]
        input: PathBuf,
        /// Without lead embeddings (to see what they cost).
        #[arg(long)]
        no_embeddings: bool,
    },
    /// The cost of event coding and geocoding: the whole pipeline with and
    /// without each, alternated in one process.
    Stages {
        /// The documents.
        #[arg(long)]
        input: PathBuf,
        /// Rounds; each runs every configuration once, in rotated order.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Entity-level scores on a CoNLL file.
    Conll {
        /// The CoNLL file.
        #[arg(long)]
        conll: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

/// The NER model and its settings; unset ones keep the model's defaults.
#[derive(Debug, Args)]
struct ModelArgs {
    /// Model folder [default: models/sitrep-ner-minilm].
    #[arg(long)]
    model: Option<PathBuf>,
    /// f32, bf16 or int8 [default: the model's recommended precision].
    #[arg(long)]
    precision: Option<Precision>,
    /// Windows per forward pass.
    #[arg(long)]
    batch_size: Option<usize>,
    /// Padded sub-words per forward pass.
    #[arg(long)]
    max_batch_tokens: Option<usize>,
    /// Sub-words shared by consecutive windows.
    #[arg(long)]
    overlap: Option<usize>,
}

impl ModelArgs {
    fn dir(&self) -> PathBuf {
        self.model.clone().unwrap_or_else(default_model)
    }

    fn load(&self) -> Result<NerModel, Error> {
        let mut m = NerModel::load(&self.dir())?;
        let mut s = m.settings();
        s.precision = self.precision.unwrap_or(s.precision);
        s.batch_size = self.batch_size.unwrap_or(s.batch_size);
        s.max_batch_tokens = self.max_batch_tokens.unwrap_or(s.max_batch_tokens);
        s.overlap = self.overlap.unwrap_or(s.overlap);
        m.set_settings(s)?;
        Ok(m)
    }
}

fn default_model() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../models/sitrep-ner-minilm"
    ))
}

/// Peak resident set size of this process, MiB.
#[allow(unsafe_code)]
fn peak_rss_mib() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we own.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut u) == 0 {
            return u.ru_maxrss as f64 / 1024.0;
        }
    }
    f64::NAN
}

/// What the `sitrep` binary does at start-up (see crates/sitrep-cli/src/main.rs).
#[allow(unsafe_code)]
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tunables; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 512 << 20);
    }
}

fn ner(input: PathBuf, args: &ModelArgs, chunk: usize) -> Result<Value, Error> {
    let config = ModelFolder::open(&args.dir())?.config()?;
    let load_started = Instant::now();
    let m = args.load()?;
    // Warm-up on a short invented text, as on the Python side.
    m.recognize(&["Mara Velasquez arrived in Port Halden on Monday."])?;
    let load_seconds = load_started.elapsed().as_secs_f64();

    let started = Instant::now();
    let items = read_inputs(&[InputSource::Path(input)], &InputOptions::default())?;
    let read = started.elapsed();
    let docs: Vec<&sitrep_text::Document> = items
        .iter()
        .filter_map(|i| match i {
            InputItem::Document(d) => Some(d),
            InputItem::Skipped(_) => None,
        })
        .collect();
    let mut timings = NerTimings::default();
    let mut words_time = Duration::ZERO;
    let mut entities_time = Duration::ZERO;
    let mut entities = 0usize;
    let mut words_total = 0usize;
    for group in docs.chunks(chunk.max(1)) {
        let t = Instant::now();
        let words: Vec<Vec<Span>> = group.iter().map(|d| word_tokens(&d.text)).collect();
        words_time += t.elapsed();
        words_total += words.iter().map(Vec::len).sum::<usize>();
        let pairs: Vec<(&str, &[Span])> = group
            .iter()
            .zip(&words)
            .map(|(d, w)| (d.text.as_str(), w.as_slice()))
            .collect();
        let (tags, t_ner) = m.tag_words_timed(&pairs)?;
        timings.add(&t_ner);
        let t = Instant::now();
        for ((text, w), tags) in pairs.iter().zip(&tags) {
            entities += m.entities(text, w, tags).len();
        }
        entities_time += t.elapsed();
    }
    let seconds = started.elapsed().as_secs_f64();
    let (per_position, per_pair) = matmul::flops_model(&config);
    let flops =
        per_position * timings.padded_positions as f64 + per_pair * timings.attention_pairs as f64;
    let s = m.settings();
    Ok(json!({
        "config": format!("precision={} batch_size={} max_batch_tokens={} overlap={} chunk={chunk}",
            s.precision, s.batch_size, s.max_batch_tokens, s.overlap),
        "precision": s.precision.name(),
        "documents": docs.len(),
        "skipped": items.len() - docs.len(),
        "words": words_total,
        "seconds": seconds,
        "load_seconds": load_seconds,
        "peak_rss_mib": peak_rss_mib(),
        "entities": entities,
        "threads": tch::get_num_threads(),
        "profile_seconds": {
            "read_inputs": read.as_secs_f64(),
            "word_tokens": words_time.as_secs_f64(),
            "subwords_windows": timings.tokenise.as_secs_f64(),
            "model": timings.model.as_secs_f64(),
            "copy_and_viterbi": timings.decode.as_secs_f64(),
            "entities": entities_time.as_secs_f64(),
        },
        "windows": timings.windows,
        "batches": timings.batches,
        "positions": timings.positions,
        "padded_positions": timings.padded_positions,
        "encoder_gflop": flops / 1e9,
        "encoder_gflops_model_time": flops / 1e9 / timings.model.as_secs_f64(),
        "encoder_gflops_end_to_end": flops / 1e9 / seconds,
    }))
}

fn conll_scores(conll: PathBuf, args: &ModelArgs) -> Result<Value, Error> {
    let m = args.load()?;
    let corpus = sitrep_ner::conll::ConllCorpus::read(&conll)?;
    let started = Instant::now();
    let report = sitrep_ner::evaluate_conll(&m, &corpus)?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(json!({
        "precision": m.settings().precision.name(),
        "overlap": m.settings().overlap,
        "documents": corpus.documents.len(),
        "tokens": report.tokens,
        "seconds": seconds,
        "tokens_per_second": report.tokens as f64 / seconds,
        "precision_pct": report.overall.precision,
        "recall_pct": report.overall.recall,
        "f1": report.overall.f1,
        "f1_per_type": report.per_type.iter().map(|(k, v)| (k.clone(), json!(v.f1))).collect::<serde_json::Map<_, _>>(),
    }))
}

/// The whole pipeline, as `sitrep run --format json` runs it, with the
/// default models (`models/sitrep-ner-minilm`, `.models/all-MiniLM-L6-v2`).
fn pipeline(input: PathBuf, threads: usize, no_embeddings: bool) -> Result<Value, Error> {
    let load_started = Instant::now();
    let mut builder = sitrep::Pipeline::builder()
        .threads(threads)
        .torch_threads(threads);
    if no_embeddings {
        builder = builder.no_embeddings();
    }
    let p = builder.build()?;
    // Warm-up on a short invented text, as on the Python side.
    let warm = [InputItem::Document(sitrep_text::Document::new(
        "warm-up",
        "Mara Velasquez arrived in Port Halden on Monday.",
    ))];
    let _ = p.analyze(&warm);
    let load_seconds = load_started.elapsed().as_secs_f64();

    let started = Instant::now();
    let items = read_inputs(&[InputSource::Path(input)], &InputOptions::default())?;
    let read = started.elapsed();
    let t = Instant::now();
    let analyses = p.analyze_documents(&items, &|_, _| {});
    let analyse = t.elapsed();
    let t = Instant::now();
    let report = p.assemble(&items, &analyses);
    let assemble = t.elapsed();
    let t = Instant::now();
    let json = serde_json::to_vec(&report)?;
    let write = t.elapsed();
    let seconds = started.elapsed().as_secs_f64();
    let documents = items
        .iter()
        .filter(|i| matches!(i, InputItem::Document(_)))
        .count();
    Ok(json!({
        "config": format!(
            "pipeline precision={}{}",
            p.ner().settings().precision,
            if no_embeddings { " no-embeddings" } else { "" }
        ),
        "precision": p.ner().settings().precision.name(),
        "documents": documents,
        "skipped": items.len() - documents,
        "events": report.events.len(),
        "seconds": seconds,
        "load_seconds": load_seconds,
        "peak_rss_mib": peak_rss_mib(),
        "json_bytes": json.len(),
        "threads": threads,
        "profile_seconds": {
            "read_inputs": read.as_secs_f64(),
            "per_document_stages": analyse.as_secs_f64(),
            "events_and_records": assemble.as_secs_f64(),
            "json": write.as_secs_f64(),
        },
    }))
}

/// Resident set size of this process now, MiB (Linux; NaN elsewhere).
fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A change to the pipeline's settings.
type Configure = fn(sitrep::PipelineBuilder) -> sitrep::PipelineBuilder;

/// The whole pipeline (documents analysed, events assembled, JSON written)
/// with every stage, without event coding and without geocoding, each
/// configuration run once per round in rotated order so that drift in the
/// machine's speed falls on all of them; each stage's share is
/// `1 - without / with` of the fastest rounds.
fn stages(input: PathBuf, threads: usize, rounds: usize) -> Result<Value, Error> {
    // The gazetteer alone, before and after: what geocoding holds in memory.
    let before = rss_mib();
    let t = Instant::now();
    let gaz = sitrep_geo::Gazetteer::load_default()?;
    let gaz_load = t.elapsed().as_secs_f64();
    let gaz_mib = rss_mib() - before;

    let configs: [(&str, Configure); 3] = [
        ("all stages", |b| b),
        (
            "without event coding",
            sitrep::PipelineBuilder::without_event_coding,
        ),
        (
            "without geocoding",
            sitrep::PipelineBuilder::without_geocoding,
        ),
    ];
    let warm = [InputItem::Document(sitrep_text::Document::new(
        "warm-up",
        "Mara Velasquez arrived in Port Halden on Monday.",
    ))];
    let mut pipelines = Vec::new();
    for (_, make) in &configs {
        let p = make(
            sitrep::Pipeline::builder()
                .threads(threads)
                .torch_threads(threads),
        )
        .build()?;
        let _ = p.analyze(&warm);
        pipelines.push(p);
    }
    let items = read_inputs(&[InputSource::Path(input)], &InputOptions::default())?;
    let documents = items
        .iter()
        .filter(|i| matches!(i, InputItem::Document(_)))
        .count();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
    let mut kept: Vec<sitrep::DocumentResult> = Vec::new();
    for round in 0..rounds.max(1) {
        for k in 0..configs.len() {
            let c = (k + round) % configs.len();
            let t = Instant::now();
            let analyses = pipelines[c].analyze_documents(&items, &|_, _| {});
            let report = pipelines[c].assemble(&items, &analyses);
            let json = serde_json::to_vec(&report)?;
            std::hint::black_box(json);
            times[c].push(t.elapsed().as_secs_f64());
            if c == 0 {
                kept = analyses;
            }
        }
    }
    // The per-document functions of each stage alone, on one thread, over
    // the same documents and model outputs: their CPU time per document.
    let types = sitrep_coding::EventTypeModel::shipped();
    let (mut coding_s, mut geo_s) = (0.0, 0.0);
    for (item, a) in items.iter().zip(&kept) {
        let (InputItem::Document(d), Ok(a)) = (item, a) else {
            continue;
        };
        let t = Instant::now();
        std::hint::black_box(types.classify(&sitrep_coding::TypeInput {
            text: &d.text,
            title: d.title.as_deref(),
            sentences: &a.sentences,
            casualties: &a.casualties,
            embedding: a.embedding.as_deref(),
        }));
        std::hint::black_box(sitrep_coding::find_parties(&sitrep_coding::PartyInput {
            text: &d.text,
            sentences: &a.sentences,
            entities: &a.entities,
            casualties: &a.casualties,
        }));
        coding_s += t.elapsed().as_secs_f64();
        let t = Instant::now();
        std::hint::black_box(sitrep_geo::resolve_places_from(
            &gaz,
            &d.text,
            &a.entities,
            d.url.as_deref(),
        ));
        std::hint::black_box(d.url.as_deref().map(|u| sitrep_geo::outlet_home(&gaz, u)));
        geo_s += t.elapsed().as_secs_f64();
    }
    let per_doc_ms = |s: f64| 1000.0 * s / documents.max(1) as f64;
    let fastest = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let slowest = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let all = fastest(&times[0]);
    let share = |c: usize| 1.0 - fastest(&times[c]) / all;
    Ok(json!({
        "config": "stages",
        "documents": documents,
        "threads": threads,
        "rounds": rounds,
        "seconds": configs.iter().zip(&times).map(|((name, _), t)| {
            (name.to_string(), json!({ "fastest": fastest(t), "slowest": slowest(t), "all": t }))
        }).collect::<serde_json::Map<_, _>>(),
        "share_of_pipeline": {
            "event_coding": share(1),
            "geocoding": share(2),
        },
        "stage_functions_ms_per_document": {
            "event_coding": per_doc_ms(coding_s),
            "geocoding": per_doc_ms(geo_s),
            "whole_pipeline": per_doc_ms(all),
        },
        "gazetteer": { "load_seconds": gaz_load, "resident_mib": gaz_mib },
        "peak_rss_mib": peak_rss_mib(),
    }))
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    sitrep_ner::set_torch_threads(cli.threads);
    let out = match cli.command {
        Command::Ner {
            input,
            model,
            chunk,
        } => ner(input, &model, chunk),
        Command::Matmul {
            model,
            batch,
            length,
            seconds,
        } => matmul::matmul(&model.unwrap_or_else(default_model), batch, length, seconds),
        Command::Conll { conll, model } => conll_scores(conll, &model),
        Command::Pipeline {
            input,
            no_embeddings,
        } => pipeline(input, cli.threads, no_embeddings),
        Command::Stages { input, rounds } => stages(input, cli.threads, rounds),
    };
    match out {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitrep-bench: error: {e}");
            ExitCode::FAILURE
        }
    }
}
