//! Evaluation of the event-type classifier on CASE 2021 Task 2 snippets
//! (`id`, `EventSnippet`, `SubType` TSV): the real pipeline analyses each
//! snippet (sentences, casualty facts, lead embedding) and
//! [`EventTypeModel::classify`] reads the result, as it does in a run.
//!
//! [`dump_features`] writes every snippet's feature vector and gold code for
//! `scripts/fit-event-types.py`, which fits and cross-validates the model on
//! exactly what this code computes. Documents of a crime corpus (GVA-news
//! JSON Lines or a GVDB split TSV) can be added as `ORG_CRIME` examples, or
//! checked: how many of them come out as crime.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use sitrep_coding::event_type::{dense_feature_names, features, MAX_BUCKETS};
use sitrep_coding::taxonomy::SUB_EVENT_TYPES;
use sitrep_coding::{Category, EventLabel, EventTypeModel, TypeInput};
use sitrep_text::{Document, InputItem};

use crate::error::DocumentResult;
use crate::eval::{read_labelled, Fields};
use crate::pipeline::{Analysis, Pipeline};

/// Why the evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalTypesError {
    /// A file could not be read or written.
    #[error("cannot read or write {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A line of the CASE or GVDB file is not what it should be.
    #[error("{}:{line}: {reason}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// The line (1-based).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The crime corpus could not be read.
    #[error("cannot read the crime documents")]
    Crime(#[source] crate::Error),
}

type Result<T, E = EvalTypesError> = std::result::Result<T, E>;

/// Where an example comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A CASE 2021 snippet with its gold code.
    Case,
    /// A document of the crime corpus (gold: `ORG_CRIME`).
    Crime,
}

impl Source {
    /// The name written in dumps.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Source::Case => "case",
            Source::Crime => "crime",
        }
    }
}

/// Labelled examples: documents with their gold CASE 2021 code.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// The documents, as the pipeline reads them.
    pub items: Vec<InputItem>,
    /// Each one's gold code.
    pub gold: Vec<String>,
    /// Each one's source.
    pub source: Vec<Source>,
}

impl Examples {
    fn push(&mut self, item: InputItem, gold: &str, source: Source) {
        self.items.push(item);
        self.gold.push(gold.to_string());
        self.source.push(source);
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> EvalTypesError + '_ {
    move |source| EvalTypesError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Reads CASE 2021 Task 2 snippets (TSV with a header `id`, `EventSnippet`,
/// `SubType`).
///
/// # Errors
///
/// When the file cannot be read, the header is not CASE's, a line has
/// fewer than three columns or its code is no CASE 2021 code.
pub fn read_case(path: &Path) -> Result<Examples> {
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    let mut out = Examples::default();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_err(path))?;
        let bad = |reason: String| EvalTypesError::Format {
            path: path.to_owned(),
            line: n + 1,
            reason,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if n == 0 {
            if cols.get(1) != Some(&"EventSnippet") || cols.get(2) != Some(&"SubType") {
                return Err(bad(format!(
                    "header {cols:?}: expected id, EventSnippet, SubType"
                )));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let [id, text, code, ..] = cols[..] else {
            return Err(bad(format!("{} column(s), expected 3", cols.len())));
        };
        let code = code.trim();
        if EventLabel::from_code(code).is_none() {
            return Err(bad(format!("{code:?} is no CASE 2021 code")));
        }
        out.push(
            InputItem::Document(Document::new(format!("case-{id}"), text)),
            code,
            Source::Case,
        );
    }
    Ok(out)
}

/// Reads `sample` documents spread evenly over a crime corpus (all when
/// `sample` is 0 or more than there are): GVA-news JSON Lines (`doc_id`,
/// `title`, `content`), or a GVDB split (TSV with `Article title` and
/// `Full text` columns) when the name ends in `.tsv`.
///
/// # Errors
///
/// When the file cannot be read or a GVDB file lacks those columns.
pub fn read_crime(path: &Path, sample: usize) -> Result<Examples> {
    let docs: Vec<Document> = if path.extension().is_some_and(|e| e == "tsv") {
        read_gvdb(path)?
    } else {
        read_labelled(path, &Fields::new("incident_id"))
            .map_err(EvalTypesError::Crime)?
            .items
            .into_iter()
            .filter_map(|i| match i {
                InputItem::Document(d) => Some(d),
                InputItem::Skipped(_) => None,
            })
            .collect()
    };
    let step = if sample == 0 || sample >= docs.len() {
        1
    } else {
        docs.len() / sample
    };
    let mut out = Examples::default();
    for d in
        docs.into_iter()
            .step_by(step.max(1))
            .take(if sample == 0 { usize::MAX } else { sample })
    {
        out.push(InputItem::Document(d), "ORG_CRIME", Source::Crime);
    }
    Ok(out)
}

fn read_gvdb(path: &Path) -> Result<Vec<Document>> {
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    let mut cols: Option<(usize, usize, usize)> = None;
    let mut out = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_err(path))?;
        let c: Vec<&str> = line.split('\t').collect();
        let Some((id, title, text)) = cols else {
            let find = |name: &str| c.iter().position(|x| *x == name);
            match (find("Article id"), find("Article title"), find("Full text")) {
                (Some(a), Some(b), Some(t)) => cols = Some((a, b, t)),
                _ => {
                    return Err(EvalTypesError::Format {
                        path: path.to_owned(),
                        line: n + 1,
                        reason: "expected GVDB's Article id, Article title and Full text columns"
                            .into(),
                    })
                }
            }
            continue;
        };
        let (Some(i), Some(t)) = (c.get(id), c.get(text)) else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        let mut d = Document::new(format!("gvdb-{i}"), *t);
        d.title = c.get(title).map(|s| (*s).to_string());
        out.push(d);
    }
    Ok(out)
}

/// What the classifier reads of an analysed document.
#[must_use]
pub fn type_input<'a>(doc: &'a Document, a: &'a Analysis) -> TypeInput<'a> {
    TypeInput {
        text: &doc.text,
        title: doc.title.as_deref(),
        sentences: &a.sentences,
        casualties: &a.casualties,
        embedding: a.embedding.as_deref(),
    }
}

/// Runs the pipeline's per-document stages over the examples (aligned with
/// `examples.items`).
#[must_use]
pub fn analyse(
    pipeline: &Pipeline,
    examples: &Examples,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<DocumentResult> {
    pipeline.analyze_documents(&examples.items, progress)
}

/// Writes one TSV row per analysed example: `id`, `source`, `gold`,
/// `ngrams` (its distinct n-gram buckets out of [`MAX_BUCKETS`], comma
/// separated), the dense features by name, then `emb:0…` (the lead
/// embedding at unit length; empty cells without one). Returns the rows
/// written.
///
/// # Errors
///
/// When writing fails.
pub fn dump_features(
    examples: &Examples,
    analyses: &[DocumentResult],
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let dim = analyses
        .iter()
        .filter_map(|a| a.as_ref().ok()?.embedding.as_ref().map(Vec::len))
        .max()
        .unwrap_or(0);
    let mut header = vec![
        "id".to_string(),
        "source".into(),
        "gold".into(),
        "ngrams".into(),
    ];
    header.extend(dense_feature_names());
    header.extend((0..dim).map(|k| format!("emb:{k}")));
    writeln!(out, "{}", header.join("\t"))?;
    let mut rows = 0;
    for (k, (item, a)) in examples.items.iter().zip(analyses).enumerate() {
        let (InputItem::Document(d), Ok(a)) = (item, a) else {
            continue;
        };
        let f = features(&type_input(d, a), MAX_BUCKETS);
        let ngrams: Vec<String> = f.ngrams.iter().map(u32::to_string).collect();
        let mut row = vec![
            d.id.clone(),
            examples.source[k].name().to_string(),
            examples.gold[k].clone(),
            ngrams.join(","),
        ];
        row.extend(f.dense.iter().map(|v| format!("{v}")));
        match &f.embedding {
            Some(e) if e.len() == dim => row.extend(e.iter().map(|v| format!("{v}"))),
            _ => row.extend(std::iter::repeat_n(String::new(), dim)),
        }
        writeln!(out, "{}", row.join("\t"))?;
        rows += 1;
    }
    Ok(rows)
}

/// Precision, recall and F1 of one label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelScore {
    /// The CASE 2021 code.
    pub code: String,
    /// Gold examples.
    pub support: usize,
    /// Examples predicted with it.
    pub predicted: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// How the crime documents came out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrimeCheck {
    /// Documents classified.
    pub documents: usize,
    /// Classified as crime.
    pub crime: usize,
    /// The labels given to the others, with counts.
    pub others: BTreeMap<String, usize>,
    /// Classifier time per document (features and scoring), microseconds.
    pub micros_per_document: f64,
}

/// Scores of the classifier on CASE snippets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeScores {
    /// The model's description ("shipped" or its file).
    pub model: String,
    /// Whether the model was fitted on these snippets (the shipped model
    /// and CASE 2021 dev): then the figures are in-sample.
    pub in_sample: bool,
    /// Snippets classified.
    pub snippets: usize,
    /// Of which with an ACLED sub-event type as gold.
    pub acled_snippets: usize,
    /// Weighted F1 over ACLED's 25 sub-event types (snippets with ACLED
    /// gold; a prediction outside ACLED counts as a miss).
    pub acled_weighted_f1: f64,
    /// Weighted F1 over all labels (all snippets).
    pub all_weighted_f1: f64,
    /// Share of snippets with ACLED gold whose predicted event type is the
    /// gold one.
    pub event_type_accuracy: f64,
    /// Share of all snippets with the gold label.
    pub accuracy: f64,
    /// Per label, in the codebook's order then the categories.
    pub labels: Vec<LabelScore>,
    /// Snippets classified with an embedding.
    pub with_embedding: usize,
    /// Classifier time per snippet (features and scoring), microseconds.
    pub micros_per_document: f64,
    /// The crime documents, when given.
    pub crime: Option<CrimeCheck>,
}

/// The CASE 2021 code of a label.
#[must_use]
pub fn label_code(l: EventLabel) -> &'static str {
    match l {
        EventLabel::Acled(s) => s.code(),
        EventLabel::Outside(Category::Crime) => "ORG_CRIME",
        EventLabel::Outside(Category::Disaster) => "NATURAL_DISASTER",
        EventLabel::Outside(Category::Accident) => "MAN_MADE_DISASTER",
        EventLabel::Outside(Category::Diplomacy) => "DIPLO",
        EventLabel::Outside(Category::Other) => "ATTRIB",
    }
}

/// Every CASE 2021 code: ACLED's 25 in the codebook's order, then the five
/// outside ACLED.
fn all_codes() -> Vec<&'static str> {
    SUB_EVENT_TYPES
        .iter()
        .map(|r| r.2)
        .chain([
            "ORG_CRIME",
            "NATURAL_DISASTER",
            "MAN_MADE_DISASTER",
            "DIPLO",
            "ATTRIB",
        ])
        .collect()
}

/// Per-label scores and their support-weighted F1 over `labels`, for
/// (gold, predicted) pairs (as scikit-learn's `f1_score(average="weighted",
/// labels=…)`).
fn weighted(pairs: &[(&str, &str)], labels: &[&str]) -> (f64, Vec<LabelScore>) {
    let mut rows = Vec::new();
    let mut sum = 0.0;
    let mut support_sum = 0usize;
    for &l in labels {
        let support = pairs.iter().filter(|p| p.0 == l).count();
        let predicted = pairs.iter().filter(|p| p.1 == l).count();
        let tp = pairs.iter().filter(|p| p.0 == l && p.1 == l).count();
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (div(tp, predicted), div(tp, support));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        sum += f1 * support as f64;
        support_sum += support;
        rows.push(LabelScore {
            code: l.to_string(),
            support,
            predicted,
            precision: p,
            recall: r,
            f1,
        });
    }
    (
        if support_sum == 0 {
            0.0
        } else {
            sum / support_sum as f64
        },
        rows,
    )
}

/// Classifies every analysed example with `model` and scores the CASE ones
/// against their gold codes; the crime ones, if any, are counted apart.
#[must_use]
pub fn score(
    model: &EventTypeModel,
    model_name: &str,
    in_sample: bool,
    examples: &Examples,
    analyses: &[DocumentResult],
) -> TypeScores {
    let mut case: Vec<(&str, &str)> = Vec::new();
    let mut case_time = (0usize, 0f64);
    let mut crime_time = (0usize, 0f64);
    let mut with_embedding = 0;
    let mut crime: Option<CrimeCheck> = None;
    for (k, (item, a)) in examples.items.iter().zip(analyses).enumerate() {
        let (InputItem::Document(d), Ok(a)) = (item, a) else {
            continue;
        };
        let input = type_input(d, a);
        let started = Instant::now();
        let reading = model.classify(&input);
        let secs = started.elapsed().as_secs_f64();
        let code = reading.map_or("NONE", |r| label_code(r.label));
        match examples.source[k] {
            Source::Case => {
                case.push((examples.gold[k].as_str(), code));
                case_time = (case_time.0 + 1, case_time.1 + secs);
                with_embedding += usize::from(a.embedding.is_some());
            }
            Source::Crime => {
                let c = crime.get_or_insert_with(|| CrimeCheck {
                    documents: 0,
                    crime: 0,
                    others: BTreeMap::new(),
                    micros_per_document: 0.0,
                });
                c.documents += 1;
                if code == "ORG_CRIME" {
                    c.crime += 1;
                } else {
                    *c.others.entry(code.to_string()).or_default() += 1;
                }
                crime_time = (crime_time.0 + 1, crime_time.1 + secs);
            }
        }
    }
    if let Some(c) = &mut crime {
        c.micros_per_document = 1e6 * crime_time.1 / crime_time.0.max(1) as f64;
    }
    let acled: Vec<&str> = SUB_EVENT_TYPES.iter().map(|r| r.2).collect();
    let acled_pairs: Vec<(&str, &str)> = case
        .iter()
        .copied()
        .filter(|p| acled.contains(&p.0))
        .collect();
    let (acled_weighted_f1, _) = weighted(&acled_pairs, &acled);
    let (all_weighted_f1, labels) = weighted(&case, &all_codes());
    let event_of = |c: &str| {
        EventLabel::from_code(c)
            .and_then(EventLabel::sub_event_type)
            .map(|s| s.event_type())
    };
    let same_event = acled_pairs
        .iter()
        .filter(|p| event_of(p.1).is_some() && event_of(p.0) == event_of(p.1))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    TypeScores {
        model: model_name.to_string(),
        in_sample,
        snippets: case.len(),
        acled_snippets: acled_pairs.len(),
        acled_weighted_f1,
        all_weighted_f1,
        event_type_accuracy: ratio(same_event, acled_pairs.len()),
        accuracy: ratio(case.iter().filter(|p| p.0 == p.1).count(), case.len()),
        labels,
        with_embedding,
        micros_per_document: 1e6 * case_time.1 / case_time.0.max(1) as f64,
        crime,
    }
}

impl std::fmt::Display for TypeScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.in_sample {
            "IN-SAMPLE (the model was fitted on these snippets; cross-validated figures are in \
             models/sitrep-event-types/MODEL_CARD.md)"
        } else {
            "on a model not marked as fitted on these snippets"
        };
        writeln!(f, "event types, model {}: {kind}", self.model)?;
        writeln!(
            f,
            "{} snippets ({} with an ACLED sub-event type, {} with a lead embedding)",
            self.snippets, self.acled_snippets, self.with_embedding
        )?;
        writeln!(
            f,
            "weighted F1, 25 ACLED sub-event types: {:.3}",
            self.acled_weighted_f1
        )?;
        writeln!(
            f,
            "weighted F1, all 30 labels:            {:.3}",
            self.all_weighted_f1
        )?;
        writeln!(
            f,
            "event type accuracy (ACLED gold):      {:.3}",
            self.event_type_accuracy
        )?;
        writeln!(
            f,
            "accuracy, all labels:                  {:.3}",
            self.accuracy
        )?;
        writeln!(
            f,
            "\n{:<30} {:>7} {:>9} {:>9} {:>6} {:>6}",
            "label", "support", "predicted", "precision", "recall", "F1"
        )?;
        for l in &self.labels {
            writeln!(
                f,
                "{:<30} {:>7} {:>9} {:>9.3} {:>6.3} {:>6.3}",
                l.code, l.support, l.predicted, l.precision, l.recall, l.f1
            )?;
        }
        if let Some(c) = &self.crime {
            writeln!(
                f,
                "\ncrime documents: {} of {} classified ORG_CRIME (crime); others: {:?}",
                c.crime, c.documents, c.others
            )?;
            writeln!(
                f,
                "classifier time: {:.0} µs per crime document (full article)",
                c.micros_per_document
            )?;
        }
        writeln!(
            f,
            "classifier time: {:.0} µs per snippet (features and scoring, after the pipeline's stages)",
            self.micros_per_document
        )
    }
}
