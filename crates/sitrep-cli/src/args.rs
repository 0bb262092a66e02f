//! Command-line arguments (parsing only; no I/O here).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "News articles in, a table of events out.

sitrep reads news articles, finds the people, places and organisations in them
with a transformer model run locally, extracts casualty figures with who claims
them, and keeps every figure traceable to its source sentence.";

const EXAMPLES: &str = "\
Examples:
  sitrep run corpus/                              a table of events and the claims behind them
  sitrep run corpus/ --format json -o out.json    the full record (schema/sitrep-output.schema.json)
  sitrep run corpus/ --format html -o report.html one page: events, sources side by side, claims
                                                  linked to their highlighted sentences
  sitrep run corpus/ --format csv -o events.csv   one row per event, ACLED/UCDP-style columns
  cat articles.jsonl | sitrep run - --format jsonl --documents-out docs.jsonl
  sitrep eval ner --conll ../shared/data/conll2003/iob2/valid.txt
  sitrep eval clusters --docs docs.jsonl --gold-field incident_id
  sitrep train-ner --train train.txt --dev valid.txt --base .models/all-MiniLM-L6-v2 --out models/my-ner

Exit status:
  0  every input was processed
  1  an error stopped the run (bad model folder, unwritable output, ...)
  2  bad command-line usage
  3  the run finished, but some inputs were skipped (see their `reason`)";

/// The `sitrep` command.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about = ABOUT, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles: entities, numbers, casualty facts and tolls.
    #[command(after_help = RUN_EXAMPLES)]
    Run(RunArgs),
    /// Fine-tune a NER model on CoNLL-format data.
    #[command(name = "train-ner", after_help = TRAIN_EXAMPLES)]
    TrainNer(TrainArgs),
    /// Measure quality on labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

const RUN_EXAMPLES: &str = "\
Examples, one per format:
  sitrep run corpus/                                  table (on a terminal)
  sitrep run a.txt b.md feed.jsonl --format json --output report.json
  cat feed.jsonl | sitrep run - --format jsonl --threads 2 > events.jsonl
  sitrep run corpus/ --format csv --bom -o events.csv  (--bom: for Excel)
  sitrep run corpus/ --format html -o report.html
  sitrep run corpus/ -o report.html                   (the same: format from the extension)
  sitrep run corpus/ --format csv -o events.csv --documents-out documents.jsonl
  sitrep run corpus/ --precision f32                  exact f32 models (default: bf16 on
                                                      CPUs with native bf16; same F1)
  sitrep run corpus/ --pair-model mine.json           a same-incident model refitted on your
                                                      own labels (scripts/fit-pair-model.py)

Formats:
  table  one row per event (date, place, killed best (low–high), injured, sources,
         headline) with the claims behind each figure, who claims them and in which
         document; `!` marks figures the sources disagree on, `≠` the claims at odds
         with the figure quoted. Then documents in no event, then skipped inputs.
  json   the whole report: documents and events (schema/sitrep-output.schema.json).
  jsonl  one event per line.
  csv    one row per event: event_id, event_date, date_precision, country, location,
         actors, fatalities_best, fatalities_low, fatalities_high,
         fatalities_conservative, injured_best, injured_low, injured_high,
         number_of_sources, sources, notes. UTF-8, RFC 4180 quoting, several values
         in one cell joined with \"; \". Text from articles that would start with
         = + - @ (a spreadsheet formula) gets a leading '.
  html   one self-contained page (no scripts, nothing fetched): events with their
         source articles side by side, every claim linked to its sentence highlighted
         in the text, conflicting figures marked, entities coloured by type.
--documents-out writes one document record per line (JSON Lines), with any format.

Inputs: directories (read recursively: .txt, .md, .json, .jsonl), files, or `-` for
JSON Lines on standard input. A JSON record has `id` and `text`, optionally `title`,
`date` (YYYY-MM-DD), `source` and `url`. Unreadable records are kept in the output
with status `skipped` and the reason.

Exit status: 0 every input processed, 1 error, 2 bad usage, 3 finished with skipped inputs.";

const TRAIN_EXAMPLES: &str = "\
Example (the shipped default model):
  sitrep train-ner --train ../shared/data/conll2003/iob2/train.txt \\
      --dev ../shared/data/conll2003/iob2/valid.txt --base .models/all-MiniLM-L6-v2 \\
      --out models/sitrep-ner-minilm";

const CLUSTER_EXAMPLES: &str = "\
Examples:
  sitrep eval clusters --docs ../shared/data/ecbplus/derived/ecbplus_docs.jsonl --gold-field subtopic
  sitrep eval clusters --docs ../shared/data/gva-news/documents.jsonl --gold-field incident_id \\
      --labels ../shared/data/gva-news/incidents.jsonl --cache /tmp/gva-cache.json

All documents are clustered together in one run. Scores are reported over all
documents and over those whose gold event has two documents or more.";

/// Output formats of `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One row per event with the claims behind its figures (default on a terminal).
    Table,
    /// The whole report as one JSON document (default otherwise).
    Json,
    /// One event record per line.
    Jsonl,
    /// One row per event, ACLED/UCDP-style columns.
    Csv,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// The format an output file name asks for by its extension.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "html" | "htm" => Some(Format::Html),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

/// Arguments of `run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Directories, files, or `-` for JSON Lines on standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format [default: from the --output extension (.json, .jsonl, .csv, .html,
    /// .txt); else table on a terminal, json otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write the output here instead of standard output.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Also write every document's record here, one JSON object per line.
    #[arg(long, value_name = "PATH")]
    pub documents_out: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark, so that Excel reads non-ASCII
    /// text correctly (csv only).
    #[arg(long)]
    pub bom: bool,
    /// NER model folder [default: the shipped models/sitrep-ner-minilm].
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Worker threads for the text stages (results do not depend on it) [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Skip documents with more text than this (bytes; K, M, G suffixes) [default: 10M].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_document_bytes: Option<u64>,
    /// Skip HTML pages with more markup than this [default: 32M].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_html_bytes: Option<u64>,
    /// Skip files larger than this unread, JSON Lines included [default: 1G].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_file_bytes: Option<u64>,
    /// Numeric precision of the models: f32, bf16 or int8 [default: bf16 where the CPU
    /// has native bfloat16 (AMX or AVX512-BF16), else f32]. See BENCHMARKS.md.
    #[arg(long, value_name = "P")]
    pub precision: Option<sitrep_ner::Precision>,
    /// Same-incident pair model (JSON, as written by scripts/fit-pair-model.py)
    /// [default: the shipped models/sitrep-pair-model].
    #[arg(long, value_name = "FILE.json")]
    pub pair_model: Option<PathBuf>,
    /// No progress bar or summary on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Arguments of `train-ner`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Training data, CoNLL format (IOB1 or IOB2, detected).
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,
    /// Development data, evaluated after each epoch; the best epoch is kept.
    #[arg(long, value_name = "FILE")]
    pub dev: PathBuf,
    /// Pretrained encoder folder to start from.
    #[arg(long, value_name = "DIR")]
    pub base: PathBuf,
    /// Folder to write the model to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    /// Peak learning rate (AdamW, linear warm-up then decay).
    #[arg(long, default_value_t = 1e-4)]
    pub lr: f64,
    /// Sequences per step [default: 8 document windows, or 32 sentences].
    #[arg(long)]
    pub batch_size: Option<usize>,
    /// Train on whole-document windows (as the model reads articles) or sentences.
    #[arg(long, value_enum, default_value_t = Unit::Documents)]
    pub unit: Unit,
    /// Do not add the casing embedding.
    #[arg(long)]
    pub no_casing: bool,
    /// Sub-words per sequence including [CLS] and [SEP].
    #[arg(long, default_value_t = 256)]
    pub max_len: usize,
    /// Random seed.
    #[arg(long, default_value_t = 13)]
    pub seed: i64,
    /// Stop after this many steps (smoke tests).
    #[arg(long)]
    pub max_steps: Option<usize>,
    /// Save weights in f32 instead of f16.
    #[arg(long)]
    pub fp32: bool,
    /// Threads for libtorch [default: all cores].
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Training example unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Unit {
    /// Windows over whole documents.
    Documents,
    /// One sentence per sequence.
    Sentences,
}

/// `eval` subcommands.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Entity-level precision/recall/F1 on a CoNLL file (conlleval rules), whole documents fed at once.
    Ner {
        /// CoNLL file (IOB1 or IOB2).
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        /// Model folder [default: the shipped model].
        #[arg(long, value_name = "DIR")]
        model: Option<PathBuf>,
        /// f32, bf16 or int8 [default: bf16 where the CPU has native bfloat16, else f32].
        #[arg(long, value_name = "P")]
        precision: Option<sitrep_ner::Precision>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Per-article killed/injured counts against GVDB annotations.
    Casualties {
        /// GVDB split file (e.g. gvdb/splits/dev.tsv).
        #[arg(long, value_name = "FILE.tsv")]
        gvdb: PathBuf,
        /// Per-article counts [default: ../derived/gvdb_casualties.tsv beside the split's folder].
        #[arg(long, value_name = "FILE.tsv")]
        labels: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Event clustering against gold event labels: the real pipeline over
    /// labelled JSON Lines, scored with B³ and pairwise precision/recall/F1.
    #[command(after_help = CLUSTER_EXAMPLES)]
    Clusters {
        /// JSON Lines: `id` or `doc_id`, `text` or `content`, optional `title`,
        /// `date` or `dct` (YYYY-MM-DD), `source`, and the gold field.
        #[arg(long, value_name = "FILE.jsonl")]
        docs: PathBuf,
        /// The field holding each document's gold event.
        #[arg(long, value_name = "FIELD")]
        gold_field: String,
        /// Incident labels to compare event-level figures with: JSON Lines
        /// keyed by the gold field, with `num_killed` and `num_injured`, and
        /// `date_iso` (YYYY-MM-DD) to score incident dates.
        #[arg(long, value_name = "FILE.jsonl")]
        labels: Option<PathBuf>,
        /// Keep the per-document model outputs in this file and reuse them
        /// on later runs (documents with the same id and text).
        #[arg(long, value_name = "FILE.json")]
        cache: Option<PathBuf>,
        /// Write every document's gold event and every candidate pair's
        /// features and gold answer (TSV), for refitting and cross-validating
        /// the pair model with scripts/fit-pair-model.py.
        #[arg(long, value_name = "FILE.tsv")]
        dump_pairs: Option<PathBuf>,
        /// Merge threshold of the average linkage (0–1) [default: the
        /// library's, 0.5]: higher keeps more events apart.
        #[arg(long, value_name = "P", value_parser = unit_interval)]
        threshold: Option<f32>,
        /// Same-incident pair model to evaluate (JSON, as written by
        /// scripts/fit-pair-model.py) [default: the shipped one].
        #[arg(long, value_name = "FILE.json")]
        pair_model: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Number value precision/recall/F1 on NewsQuant-format files.
    Numbers {
        /// A NewsQuant JSON file or a folder of them.
        #[arg(long, value_name = "FILE.json")]
        newsquant: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// A number in [0, 1].
fn unit_interval(s: &str) -> Result<f32, String> {
    let v: f32 = s
        .parse()
        .map_err(|e| format!("{s:?} is not a number: {e}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
    }
}

/// A size in bytes: a whole number with an optional K, M or G (powers of
/// 1,024; `KiB`/`MB`-style spellings too).
fn byte_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 500000, 512K, 10M or 1G"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "{s:?} is not a size such as 500000, 512K, 10M or 1G"
            ))
        }
    };
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

#[cfg(test)]
mod size_tests {
    use super::byte_size;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(byte_size("500000"), Ok(500_000));
        assert_eq!(byte_size("512K"), Ok(512 << 10));
        assert_eq!(byte_size("10M"), Ok(10 << 20));
        assert_eq!(byte_size("1GiB"), Ok(1 << 30));
        assert_eq!(byte_size(" 2 mb "), Ok(2 << 20));
        for bad in ["", "M", "ten", "1.5M", "3T", "99999999999999999999G"] {
            assert!(byte_size(bad).is_err(), "{bad:?}");
        }
    }
}
