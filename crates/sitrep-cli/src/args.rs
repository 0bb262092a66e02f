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
  sitrep extract saved-pages/ -o pages.jsonl      the text and metadata read from each page, no model
  sitrep eval ner --conll ../shared/data/conll2003/iob2/valid.txt
  sitrep eval clusters --docs docs.jsonl --gold-field incident_id
  sitrep eval types --case ../shared/data/case2021/dev.tsv
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
    /// Read the inputs as `run` does and write what was read (text, title, date,
    /// outlet, author, language) or why an item was skipped; no model is loaded.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Fine-tune a NER model on CoNLL-format data.
    #[command(name = "train-ner", after_help = TRAIN_EXAMPLES)]
    TrainNer(TrainArgs),
    /// Measure quality on labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

const EXTRACT_EXAMPLES: &str = "\
Examples:
  sitrep extract page.html                            one JSON line: id, title, date, source, url,
                                                      author, language, text, status, reason, warnings
  sitrep extract saved-pages/ -o pages.jsonl          every page of a folder (schema/sitrep-extract.schema.json)
  sitrep extract saved-pages/ --format json -o pages.json   one JSON array
  sitrep extract saved-pages/ | jq -r 'select(.status == \"skipped\") | [.id, .reason] | @tsv'
  sitrep extract saved-pages/ -o pages.jsonl && sitrep run pages.jsonl
                                                      a stage of its own: pages in, JSON Lines out,
                                                      and run reads those lines as it reads the pages

Exit status: 0 every input was read; 1 an error stopped it; 2 bad usage; 3 some inputs were skipped.";

const RUN_EXAMPLES: &str = "\
Examples, one per format:
  sitrep run corpus/                                  table (on a terminal)
  sitrep run a.txt b.md feed.jsonl --format json --output report.json
  cat feed.jsonl | sitrep run - --format jsonl --threads 2 > events.jsonl
  sitrep run corpus/ --format csv --bom -o events.csv  (--bom: for Excel)
  sitrep run corpus/ --format html -o report.html
  sitrep run corpus/ --format acled-csv -o acled.csv  ACLED's columns (also ucdp-csv)
  sitrep run corpus/ -o events.geojson                GeoJSON for QGIS / geopandas
  sitrep run corpus/ -o report.html                   (the same: format from the extension)
  sitrep run corpus/ --format csv -o events.csv --documents-out documents.jsonl
  sitrep run pages/ --format json --with-text -o report.json   each document record holds the
                                                      text its offsets point into (code points)
  sitrep run corpus/ --precision f32                  exact f32 models (default: bf16 on
                                                      CPUs with native bf16; same F1)
  sitrep run corpus/ --pair-model mine.json           a same-incident model refitted on your
                                                      own labels (scripts/fit-pair-model.py)

Filtering by event type (ACLED's names), e.g. air and drone strikes in Iraq:
  sitrep run news/ --format jsonl | jq -c 'select(.sub_event_type == \"Air/drone strike\"
      and .country == \"Iraq\") | {id, event_date: .date, actor1, actor2, killed: .toll.killed.best}'
  sitrep run news/ --format jsonl | jq -c 'select(.event_type == \"Battles\")'

Formats:
  table  one row per event (date, place, killed best (low–high), injured, sources,
         headline, ACLED type, actor1 → actor2) with the claims behind each figure, who claims them and in which
         document; `!` marks figures the sources disagree on, `≠` the claims at odds
         with the figure quoted. Then documents in no event, then skipped inputs.
  json   the whole report: documents (with their parties: perpetrator, target or
         victim, and ACLED actor type) and events (ACLED disorder_type, event_type,
         sub_event_type or a category outside ACLED, the evidence sentence, actor1/2,
         inter1/2, interaction, civilian_targeting) (schema/sitrep-output.schema.json).
  jsonl  one event per line.
  csv    one row per event: event_id, event_date, date_precision, disorder_type,
         event_type, sub_event_type, category, actor1, assoc_actor_1, inter1, actor2,
         assoc_actor_2, inter2, interaction, civilian_targeting, country, location,
         actors, fatalities_best, fatalities_low, fatalities_high,
         fatalities_conservative, injured_best, injured_low, injured_high,
         number_of_sources, sources, notes. UTF-8, RFC 4180 quoting, several values
         in one cell joined with \"; \". Text from articles that would start with
         = + - @ (a spreadsheet formula) gets a leading '.
  acled-csv  ACLED's 31 columns in the codebook's order (event_id_cnty, event_date,
         year, time_precision, disorder_type, …, fatalities, tags, timestamp);
         fatalities is the most conservative figure, as ACLED codes it; blank where
         sitrep does not know a value.
  ucdp-csv   UCDP GED's 49 columns in its order (best, low, high, side_a, side_b,
         where_prec, date_prec, latitude, longitude, …); blank where unknown.
  geojson    a FeatureCollection, one Point per event ([longitude, latitude]), the
         event record as properties: opens as it is in QGIS, kepler.gl, geopandas.
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

const TYPES_EXAMPLES: &str = "\
Examples:
  sitrep eval types --case ../shared/data/case2021/dev.tsv
  sitrep eval types --case ../shared/data/case2021/dev.tsv --crime ../shared/data/gvdb/splits/dev.tsv
  sitrep eval types --case ../shared/data/case2021/dev.tsv \\
      --crime ../shared/data/gva-news/documents.jsonl --dump-features /tmp/case-feats.tsv

The shipped model was fitted on CASE 2021 dev, so its scores there are in-sample;
the cross-validated ones are in models/sitrep-event-types/MODEL_CARD.md.";

const GEO_EXAMPLES: &str = "\
Examples:
  sitrep eval geo --gwn ../shared/data/geo/GWN.xml --cache /tmp/geo-cache.json
  sitrep eval geo --gva ../shared/data/gva-news/documents.jsonl --gva-split dev --cache /tmp/geo-cache.json";

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
    /// One row per event with ACLED's columns, in the codebook's order.
    AcledCsv,
    /// One row per event with UCDP GED's columns, in its order.
    UcdpCsv,
    /// A GeoJSON FeatureCollection: a Point per event, the event record as
    /// its properties (QGIS, kepler.gl, geopandas).
    Geojson,
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
            "geojson" => Some(Format::Geojson),
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
    /// Put each document's text in its record (json, jsonl's --documents-out): the text
    /// every start/end offset points into, in Unicode code points; for an HTML page, the
    /// main text read from it.
    #[arg(long)]
    pub with_text: bool,
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
    /// Size limits of the inputs.
    #[command(flatten)]
    pub limits: InputLimits,
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

/// Size limits of the inputs, shared by `run` and `extract`.
#[derive(Debug, Args)]
pub struct InputLimits {
    /// Skip documents with more text than this (bytes; K, M, G suffixes) [default: 10M].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_document_bytes: Option<u64>,
    /// Skip HTML pages with more markup than this [default: 32M].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_html_bytes: Option<u64>,
    /// Skip files larger than this unread, JSON Lines included [default: 1G].
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    pub max_file_bytes: Option<u64>,
}

impl InputLimits {
    /// The limits asked for, the defaults elsewhere.
    pub fn options(&self) -> sitrep_text::InputOptions {
        use sitrep_text::InputOptions as O;
        O {
            max_document_bytes: self
                .max_document_bytes
                .unwrap_or(O::DEFAULT_MAX_DOCUMENT_BYTES),
            max_html_bytes: self.max_html_bytes.unwrap_or(O::DEFAULT_MAX_HTML_BYTES),
            max_file_bytes: self.max_file_bytes.unwrap_or(O::DEFAULT_MAX_FILE_BYTES),
        }
    }
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Directories, files, or `-` for JSON Lines on standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format [default: from the --output extension (.json); else jsonl].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExtractFormat>,
    /// Write the records here instead of standard output.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Size limits of the inputs.
    #[command(flatten)]
    pub limits: InputLimits,
    /// No summary on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One record per line (default).
    Jsonl,
    /// One JSON array of the records.
    Json,
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
    /// Event types (ACLED sub-event types and categories outside ACLED) on
    /// CASE 2021 Task 2 snippets: the real pipeline and classifier, scored
    /// with weighted F1 and event-type accuracy.
    #[command(after_help = TYPES_EXAMPLES)]
    Types {
        /// CASE 2021 Task 2 TSV (`id`, `EventSnippet`, `SubType`).
        #[arg(long, value_name = "FILE.tsv")]
        case: PathBuf,
        /// Write every example's features and gold code (TSV) for
        /// scripts/fit-event-types.py instead of scoring.
        #[arg(long, value_name = "FILE.tsv")]
        dump_features: Option<PathBuf>,
        /// Event-type model to evaluate (JSON, as written by
        /// scripts/fit-event-types.py) [default: the shipped one].
        #[arg(long, value_name = "FILE.json")]
        model: Option<PathBuf>,
        /// Crime documents (GVA-news JSON Lines, or a GVDB split .tsv): dumped
        /// as ORG_CRIME examples with --dump-features, else classified and
        /// counted.
        #[arg(long, value_name = "FILE")]
        crime: Option<PathBuf>,
        /// How many crime documents to take, spread evenly over the file (0: all).
        #[arg(long, value_name = "N", default_value_t = 100)]
        crime_sample: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Incident parties and their roles against the named victims and
    /// shooters of GVDB and the named participants of GVA-news: the real
    /// pipeline, then precision and recall of (surname, role) per article,
    /// per fold (rules are tuned on folds 0-2; 3-4 are never looked at).
    Roles {
        /// GVDB split file (e.g. gvdb/splits/dev.tsv).
        #[arg(long, value_name = "FILE.tsv")]
        gvdb: Option<PathBuf>,
        /// GVA-news documents (JSON Lines with `doc_id`, `content`, `incident_id`).
        #[arg(long, value_name = "FILE.jsonl", requires = "gva_labels")]
        gva_docs: Option<PathBuf>,
        /// GVA-news incidents with `participants` (JSON Lines).
        #[arg(long, value_name = "FILE.jsonl", requires = "gva_docs")]
        gva_labels: Option<PathBuf>,
        /// Keep the per-document model outputs in this file and reuse them
        /// on later runs (documents with the same id and text).
        #[arg(long, value_name = "FILE.json")]
        cache: Option<PathBuf>,
        /// List up to N articles of the tuning folds (0-2) with errors.
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Geocoding: GeoWebNews toponyms end to end (our NER, then the
    /// resolver) and given the gold spans, per seeded fold; and GVA
    /// document-level locations against the incidents' state and city.
    #[command(after_help = GEO_EXAMPLES)]
    Geo {
        /// GeoWebNews `GWN.xml`.
        #[arg(long, value_name = "FILE.xml")]
        gwn: Option<PathBuf>,
        /// GVA news `documents.jsonl` (`incidents.jsonl` is read beside it).
        #[arg(long, value_name = "FILE.jsonl")]
        gva: Option<PathBuf>,
        /// GVA documents to score by their `gvc_split`: dev, train or all.
        #[arg(long, default_value = "dev", value_name = "SPLIT")]
        gva_split: String,
        /// Keep the per-document model outputs in this file and reuse them.
        #[arg(long, value_name = "FILE.json")]
        cache: Option<PathBuf>,
        /// Gazetteer folder [default: $SITREP_GAZETTEER, the runtime cache, .models/geonames].
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
        /// Seed of the GeoWebNews folds.
        #[arg(long, default_value_t = 17)]
        seed: u64,
        /// Misses to list (GeoWebNews: from the tuned folds 0-2 only).
        #[arg(long, default_value_t = 0)]
        misses: usize,
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
