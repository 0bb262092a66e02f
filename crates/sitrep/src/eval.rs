//! Evaluation of event clustering on labelled documents: the real pipeline
//! runs over a JSON Lines file whose records carry a gold event label, and
//! the grouping is scored with B³ and pairwise precision/recall/F1.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_cluster::eval::{b_cubed, pairwise, Prf};
use sitrep_text::{Document, InputItem};

use crate::error::{DocumentResult, Error, Result};
use crate::pipeline::Pipeline;
use crate::Report;

mod cache;
mod dates;
pub use cache::AnalysisCache;
pub use dates::{
    fold_of, read_date_labels, score_dates, DateEval, DateLabels, DateMiss, DateShares, DateSplit,
    FOLDS, TUNED_FOLDS,
};

/// Which fields of the records to read. Each list is tried in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fields {
    /// The gold event label.
    pub gold: String,
    /// Document id fields (by default `id`, `doc_id`).
    pub id: Vec<String>,
    /// Text fields (by default `text`, `content`, `body`).
    pub text: Vec<String>,
    /// Title fields (by default `title`).
    pub title: Vec<String>,
    /// Publication date fields (by default `date`, `dct`, `published`).
    pub date: Vec<String>,
    /// Outlet fields (by default `source`).
    pub source: Vec<String>,
    /// Web address fields (by default `url`, `archive_uri`).
    pub url: Vec<String>,
}

impl Fields {
    /// The defaults with `gold` as the gold field.
    #[must_use]
    pub fn new(gold: &str) -> Fields {
        let v = |xs: &[&str]| xs.iter().map(|s| (*s).to_string()).collect();
        Fields {
            gold: gold.to_string(),
            id: v(&["id", "doc_id"]),
            text: v(&["text", "content", "body"]),
            title: v(&["title"]),
            date: v(&["date", "dct", "published"]),
            source: v(&["source"]),
            url: v(&["url", "archive_uri"]),
        }
    }
}

/// Labelled documents read from JSON Lines.
#[derive(Debug, Clone, Default)]
pub struct Labelled {
    /// The documents, as the pipeline reads them.
    pub items: Vec<InputItem>,
    /// The gold label of each item (`None` when the record has none).
    pub gold: Vec<Option<String>>,
}

fn field<'a>(v: &'a serde_json::Value, names: &[String]) -> Option<&'a serde_json::Value> {
    names.iter().find_map(|n| v.get(n).filter(|x| !x.is_null()))
}

fn as_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads labelled documents from a JSON Lines file. Records that cannot be
/// read are kept as skipped items with their line number.
///
/// # Errors
///
/// When the file cannot be opened or read.
pub fn read_labelled(path: &Path, fields: &Fields) -> Result<Labelled> {
    let file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Labelled::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), n + 1);
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                out.items.push(InputItem::Skipped(sitrep_text::Skipped {
                    id: at,
                    reason: format!("malformed JSON: {e}"),
                }));
                out.gold.push(None);
                continue;
            }
        };
        let mut id = field(&v, &fields.id)
            .and_then(as_text)
            .unwrap_or(at.clone());
        let count = seen.entry(id.clone()).or_default();
        *count += 1;
        if *count > 1 {
            id = format!("{id}#{count}");
        }
        let gold = field(&v, std::slice::from_ref(&fields.gold)).and_then(as_text);
        out.gold.push(gold);
        let text = field(&v, &fields.text)
            .and_then(as_text)
            .unwrap_or_default();
        if text.trim().is_empty() {
            out.items.push(InputItem::Skipped(sitrep_text::Skipped {
                id,
                reason: "empty document: no text".into(),
            }));
            continue;
        }
        let mut doc = Document::new(id, text);
        doc.title = field(&v, &fields.title).and_then(as_text);
        doc.source = field(&v, &fields.source).and_then(as_text);
        doc.url = field(&v, &fields.url).and_then(as_text);
        if let Some(d) = field(&v, &fields.date).and_then(as_text) {
            match chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d") {
                Ok(date) => doc.date = Some(date),
                Err(_) => doc
                    .warnings
                    .push(format!("date {d:?} is not YYYY-MM-DD; ignored")),
            }
        }
        out.items.push(InputItem::Document(doc));
    }
    Ok(out)
}

/// A gold event whose documents were split, or a predicted event that
/// merged several gold events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    /// The gold labels involved (with their document counts).
    pub gold: Vec<(String, usize)>,
    /// The predicted events involved (with their document counts).
    pub predicted: Vec<(String, usize)>,
    /// Titles (or first words) of the documents.
    pub titles: Vec<String>,
}

/// Scores of one grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterScores {
    /// Documents scored.
    pub documents: usize,
    /// Gold events among them.
    pub gold_events: usize,
    /// Predicted events among them.
    pub predicted_events: usize,
    /// B³.
    pub b_cubed: Prf,
    /// Pairwise.
    pub pairwise: Prf,
}

/// Event-level figures against gold incident labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TollScores {
    /// Gold events compared (those with a label).
    pub events: usize,
    /// Share of events whose killed best equals the label (no figure = 0).
    pub killed_exact: f64,
    /// Mean absolute error of killed.
    pub killed_mae: f64,
    /// Share of events whose injured best equals the label.
    pub injured_exact: f64,
    /// Mean absolute error of injured.
    pub injured_mae: f64,
}

/// Everything `sitrep eval clusters` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterEval {
    /// Records read.
    pub records: usize,
    /// Records without a gold label or not processed (not scored).
    pub unscored: usize,
    /// All scored documents.
    pub all: ClusterScores,
    /// Only documents whose gold event has two documents or more.
    pub multi: ClusterScores,
    /// The largest merges (predicted events spanning several gold events).
    pub merges: Vec<Confusion>,
    /// The largest splits (gold events spread over several predicted events).
    pub splits: Vec<Confusion>,
    /// Event-level figures against labels, when labels were given.
    pub toll: Option<TollScores>,
    /// Incident dates against labels, when they were scored
    /// ([`score_dates`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateEval>,
}

fn scores(pred: &[&str], gold: &[&str]) -> ClusterScores {
    let count = |v: &[&str]| {
        let mut s: Vec<&str> = v.to_vec();
        s.sort_unstable();
        s.dedup();
        s.len()
    };
    ClusterScores {
        documents: pred.len(),
        gold_events: count(gold),
        predicted_events: count(pred),
        b_cubed: b_cubed(pred, gold),
        pairwise: pairwise(pred, gold),
    }
}

/// Incident labels: gold label → (killed, injured).
pub type TollLabels = HashMap<String, (u64, u64)>;

/// Reads incident labels from JSON Lines: `key` names the gold label field,
/// `killed`/`injured` the counts.
///
/// # Errors
///
/// When the file cannot be read.
pub fn read_toll_labels(path: &Path, key: &str, killed: &str, injured: &str) -> Result<TollLabels> {
    read_keyed(path, key, |v| {
        let n = |f: &str| v.get(f).and_then(serde_json::Value::as_u64);
        Some((n(killed)?, n(injured)?))
    })
}

/// Reads JSON Lines records into a map: `key` names the field holding each
/// record's key, `value` reads what it maps to. Lines that are no JSON and
/// records without the key or the value are left out.
///
/// # Errors
///
/// When the file cannot be read.
pub(crate) fn read_keyed<T>(
    path: &Path,
    key: &str,
    value: impl Fn(&serde_json::Value) -> Option<T>,
) -> Result<HashMap<String, T>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = HashMap::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let (Some(k), Some(x)) = (v.get(key).and_then(as_text), value(&v)) {
            out.insert(k, x);
        }
    }
    Ok(out)
}

/// Scores `report` (made from `labelled.items`) against the gold labels.
#[must_use]
pub fn score_report(
    report: &Report,
    labelled: &Labelled,
    labels: Option<&TollLabels>,
) -> ClusterEval {
    let mut pred: Vec<&str> = Vec::new();
    let mut gold: Vec<&str> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    for ((rec, g), item) in report
        .documents
        .iter()
        .zip(&labelled.gold)
        .zip(&labelled.items)
    {
        if let (Some(e), Some(g)) = (&rec.event, g) {
            pred.push(e);
            gold.push(g);
            let t = match item {
                InputItem::Document(d) => d
                    .title
                    .clone()
                    .unwrap_or_else(|| d.text.chars().take(80).collect()),
                InputItem::Skipped(_) => String::new(),
            };
            titles.push(t.replace('\n', " "));
        }
    }
    let mut gsize: HashMap<&str, usize> = HashMap::new();
    for g in &gold {
        *gsize.entry(g).or_default() += 1;
    }
    let (mp, mg): (Vec<&str>, Vec<&str>) = pred
        .iter()
        .zip(&gold)
        .filter(|(_, g)| gsize[*g] >= 2)
        .map(|(p, g)| (*p, *g))
        .unzip();
    // Confusions.
    let mut by_pred: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_gold: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (p, g)) in pred.iter().zip(&gold).enumerate() {
        by_pred.entry(p).or_default().push(i);
        by_gold.entry(g).or_default().push(i);
    }
    let confusion = |members: &[usize]| {
        let mut gs: BTreeMap<&str, usize> = BTreeMap::new();
        let mut ps: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in members {
            *gs.entry(gold[i]).or_default() += 1;
            *ps.entry(pred[i]).or_default() += 1;
        }
        Confusion {
            gold: gs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            predicted: ps.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            titles: members.iter().map(|&i| titles[i].clone()).collect(),
        }
    };
    let mut merges: Vec<Confusion> = by_pred
        .values()
        .filter(|m| {
            m.iter()
                .map(|&i| gold[i])
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1
        })
        .map(|m| confusion(m))
        .collect();
    merges.sort_by_key(|c| std::cmp::Reverse(c.titles.len()));
    merges.truncate(10);
    let mut splits: Vec<Confusion> = by_gold
        .values()
        .filter(|m| {
            m.iter()
                .map(|&i| pred[i])
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1
        })
        .map(|m| confusion(m))
        .collect();
    splits.sort_by_key(|c| std::cmp::Reverse(c.titles.len()));
    splits.truncate(10);

    let toll = labels.map(|labels| {
        // Each labelled gold event is read from the predicted event holding
        // most of its documents.
        let events: HashMap<&str, &crate::EventRecord> =
            report.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let (mut n, mut ke, mut ka, mut ie, mut ia) = (0usize, 0usize, 0f64, 0usize, 0f64);
        for (g, members) in &by_gold {
            let Some(&(k, i)) = labels.get(*g) else {
                continue;
            };
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in members {
                *votes.entry(pred[m]).or_default() += 1;
            }
            let Some((p, _)) = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
                continue;
            };
            let Some(ev) = events.get(p) else { continue };
            let best = |f: &Option<crate::FigureRecord>| {
                f.as_ref().and_then(|f| f.best.or(f.low)).unwrap_or(0)
            };
            let (pk, pi) = (best(&ev.toll.killed), best(&ev.toll.injured));
            n += 1;
            ke += usize::from(pk == k);
            ie += usize::from(pi == i);
            ka += pk.abs_diff(k) as f64;
            ia += pi.abs_diff(i) as f64;
        }
        let d = n.max(1) as f64;
        TollScores {
            events: n,
            killed_exact: ke as f64 / d,
            killed_mae: ka / d,
            injured_exact: ie as f64 / d,
            injured_mae: ia / d,
        }
    });
    ClusterEval {
        records: labelled.items.len(),
        unscored: labelled.items.len() - pred.len(),
        all: scores(&pred, &gold),
        multi: scores(&mp, &mg),
        merges,
        splits,
        toll,
        dates: None,
    }
}

/// Writes what the pair model is fitted on, as tab-separated values (see
/// `scripts/fit-pair-model.py`): a `features` row naming the pair
/// features; a `doc` row per clustered document (index, gold event, id); a
/// `pair` row per candidate pair of documents that both have a gold event
/// (1 when they share it, the two indices, the features).
///
/// # Errors
///
/// When writing fails.
pub fn dump_pairs(
    pipeline: &Pipeline,
    labelled: &Labelled,
    analyses: &[DocumentResult],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (inputs, idx) = pipeline.cluster_inputs(&labelled.items, analyses);
    let mentions: Vec<(&str, &[sitrep_text::EntityMention])> =
        inputs.iter().map(|d| (d.text, d.entities)).collect();
    let canonical = sitrep_cluster::canonicalize(&mentions);
    let features = sitrep_cluster::doc_features(&inputs, &canonical);
    let pairs = sitrep_cluster::candidates(&features, pipeline.cluster_options());
    writeln!(
        out,
        "features\t{}",
        sitrep_cluster::PairFeatures::NAMES.join("\t")
    )?;
    for (k, &item) in idx.iter().enumerate() {
        let gold = labelled.gold[item].as_deref().unwrap_or("");
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        writeln!(out, "doc\t{k}\t{}\t{}", clean(gold), clean(inputs[k].id))?;
    }
    for (i, j) in pairs {
        let (gi, gj) = (
            &labelled.gold[idx[i as usize]],
            &labelled.gold[idx[j as usize]],
        );
        let (Some(gi), Some(gj)) = (gi, gj) else {
            continue;
        };
        let f = sitrep_cluster::pair_features(&features[i as usize], &features[j as usize]);
        let cols: Vec<String> = f.to_vec().iter().map(|x| format!("{x:.5}")).collect();
        writeln!(
            out,
            "pair\t{}\t{i}\t{j}\t{}",
            u8::from(gi == gj),
            cols.join("\t")
        )?;
    }
    Ok(())
}

impl std::fmt::Display for ClusterEval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} records, {} scored, {} not scored (no gold label or not processed)",
            self.records, self.all.documents, self.unscored
        )?;
        writeln!(
            f,
            "{:<28} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>5}",
            "", "B3 P", "B3 R", "B3 F1", "pw P", "pw R", "pw F1", "gold", "pred"
        )?;
        for (name, s) in [
            ("all documents", &self.all),
            ("events with >= 2 documents", &self.multi),
        ] {
            writeln!(
                f,
                "{:<28} {:>6.4} {:>6.4} {:>6.4}   {:>6.4} {:>6.4} {:>6.4}   {:>5} {:>5}",
                name,
                s.b_cubed.precision,
                s.b_cubed.recall,
                s.b_cubed.f1,
                s.pairwise.precision,
                s.pairwise.recall,
                s.pairwise.f1,
                s.gold_events,
                s.predicted_events
            )?;
        }
        if let Some(t) = &self.toll {
            writeln!(
                f,
                "event figures vs labels ({} events): killed exact {:.1}% (MAE {:.3}), injured exact {:.1}% (MAE {:.3})",
                t.events,
                100.0 * t.killed_exact,
                t.killed_mae,
                100.0 * t.injured_exact,
                t.injured_mae
            )?;
        }
        if let Some(d) = &self.dates {
            write!(f, "{d}")?;
        }
        for (name, list) in [
            ("largest merges", &self.merges),
            ("largest splits", &self.splits),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(f, "{name}:")?;
            for c in list.iter().take(5) {
                let g: Vec<String> = c.gold.iter().map(|(k, n)| format!("{k}×{n}")).collect();
                let p: Vec<String> = c
                    .predicted
                    .iter()
                    .map(|(k, n)| format!("{k}×{n}"))
                    .collect();
                writeln!(f, "  gold [{}] predicted [{}]", g.join(", "), p.join(", "))?;
                for t in c.titles.iter().take(4) {
                    let t: String = t.chars().take(90).collect();
                    writeln!(f, "    - {t}")?;
                }
            }
        }
        Ok(())
    }
}
