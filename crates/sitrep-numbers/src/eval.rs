//! Evaluation against public data sets: per-article casualty counts on the
//! Gun Violence Database (GVDB) and number values on the NewsQuant unit sets.
//!
//! ```no_run
//! let report = sitrep_numbers::eval::gvdb(
//!     "../shared/data/gvdb/splits/dev.tsv",
//!     "../shared/data/gvdb/derived/gvdb_casualties.tsv",
//! )?;
//! println!("{report}");
//! let numbers = sitrep_numbers::eval::newsquant("../shared/data/newsquant")?;
//! println!("{numbers}");
//! # Ok::<(), sitrep_numbers::Error>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::numbers::{find_numbers, NumberKind};
use crate::{document_toll, extract_casualties};

fn read(path: &Path) -> Result<String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })
}

// ---------------------------------------------------------------- GVDB

/// Scores for one outcome (killed or injured) over the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountScores {
    /// Articles whose predicted count equals the gold count.
    pub exact: usize,
    /// `exact` / articles.
    pub exact_rate: f64,
    /// Mean absolute error of the count.
    pub mae: f64,
    /// Gold says none, the toll gives a number (> 0).
    pub none_as_number: usize,
    /// Gold gives a number (> 0), the toll says none (null or 0).
    pub number_as_none: usize,
    /// Both > 0, prediction too low.
    pub undercount: usize,
    /// Both > 0, prediction too high.
    pub overcount: usize,
}

/// One article the toll got wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mismatch {
    /// GVDB article id.
    pub article: String,
    /// Article title.
    pub title: String,
    /// Gold killed, predicted killed.
    pub killed: (u64, u64),
    /// Gold injured (not killed), predicted injured.
    pub injured: (u64, u64),
}

/// Per-article casualty counts against GVDB annotation.
///
/// The prediction for an article is its [`crate::Toll`]: `best` (else `low`)
/// of each figure, and 0 when the figure is null. The gold is the derived
/// `n_killed` and `n_injured_not_killed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GvdbReport {
    /// Articles scored.
    pub articles: usize,
    /// Articles in the text file without a gold row (skipped).
    pub without_gold: usize,
    /// Killed scores.
    pub killed: CountScores,
    /// Injured scores.
    pub injured: CountScores,
    /// Articles with a wrong killed or injured count.
    pub mismatches: Vec<Mismatch>,
}

fn scores(pairs: &[(u64, u64)]) -> CountScores {
    let n = pairs.len().max(1) as f64;
    let mut s = CountScores {
        exact: 0,
        exact_rate: 0.0,
        mae: 0.0,
        none_as_number: 0,
        number_as_none: 0,
        undercount: 0,
        overcount: 0,
    };
    let mut abs = 0.0;
    for &(g, p) in pairs {
        if g == p {
            s.exact += 1;
        } else if g == 0 {
            s.none_as_number += 1;
        } else if p == 0 {
            s.number_as_none += 1;
        } else if p < g {
            s.undercount += 1;
        } else {
            s.overcount += 1;
        }
        abs += (g as f64 - p as f64).abs();
    }
    s.exact_rate = s.exact as f64 / n;
    s.mae = abs / n;
    s
}

/// Scores per-article killed and injured counts on a GVDB split.
///
/// `dev_tsv` is `splits/dev.tsv` (`Article id, url, title, Full text, Json,
/// Worker`); `casualties_tsv` is `derived/gvdb_casualties.tsv`. Sentences
/// come from `sitrep_text::split_sentences`; no NER entities are used.
///
/// # Errors
///
/// When a file cannot be read or lacks the expected columns.
pub fn gvdb(dev_tsv: impl AsRef<Path>, casualties_tsv: impl AsRef<Path>) -> Result<GvdbReport> {
    let dev_path = dev_tsv.as_ref();
    let gold_path = casualties_tsv.as_ref();
    let gold_text = read(gold_path)?;
    let mut lines = gold_text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| -> Result<usize> {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| Error::Format {
                path: gold_path.to_path_buf(),
                message: format!("no column {name:?} in the header"),
            })
    };
    let (c_id, c_k, c_i) = (
        col("article_id")?,
        col("n_killed")?,
        col("n_injured_not_killed")?,
    );
    let mut gold: HashMap<String, (u64, u64)> = HashMap::new();
    for (ln, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |c: usize| f.get(c).copied().unwrap_or("");
        let parse = |c: usize| -> Result<u64> {
            get(c).trim().parse::<u64>().map_err(|e| Error::Format {
                path: gold_path.to_path_buf(),
                message: format!("line {}: column {c}: {e}", ln + 2),
            })
        };
        gold.insert(get(c_id).to_string(), (parse(c_k)?, parse(c_i)?));
    }

    let text = read(dev_path)?;
    let mut killed = Vec::new();
    let mut injured = Vec::new();
    let mut mismatches = Vec::new();
    let mut without_gold = 0;
    for (ln, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            return Err(Error::Format {
                path: dev_path.to_path_buf(),
                message: format!("line {}: {} fields, expected 6", ln + 1, f.len()),
            });
        }
        let (id, title, body) = (f[0], f[2], f[3]);
        let Some(&(gk, gi)) = gold.get(id) else {
            without_gold += 1;
            continue;
        };
        let sentences = sitrep_text::split_sentences(body);
        let facts = extract_casualties(body, &sentences, &[]);
        let toll = document_toll(id, &facts);
        let pk = toll
            .killed
            .as_ref()
            .and_then(crate::Figure::estimate)
            .unwrap_or(0);
        let pi = toll
            .injured
            .as_ref()
            .and_then(crate::Figure::estimate)
            .unwrap_or(0);
        killed.push((gk, pk));
        injured.push((gi, pi));
        if gk != pk || gi != pi {
            mismatches.push(Mismatch {
                article: id.to_string(),
                title: title.to_string(),
                killed: (gk, pk),
                injured: (gi, pi),
            });
        }
    }
    Ok(GvdbReport {
        articles: killed.len(),
        without_gold,
        killed: scores(&killed),
        injured: scores(&injured),
        mismatches,
    })
}

impl fmt::Display for GvdbReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GVDB per-article casualty counts ({} articles, {} without gold)",
            self.articles, self.without_gold
        )?;
        writeln!(
            f,
            "{:<9} {:>7} {:>8} {:>6} {:>12} {:>12} {:>6} {:>6}",
            "outcome", "exact", "exact%", "MAE", "none->num", "num->none", "under", "over"
        )?;
        for (name, s) in [("killed", &self.killed), ("injured", &self.injured)] {
            writeln!(
                f,
                "{:<9} {:>7} {:>7.1}% {:>6.3} {:>12} {:>12} {:>6} {:>6}",
                name,
                s.exact,
                100.0 * s.exact_rate,
                s.mae,
                s.none_as_number,
                s.number_as_none,
                s.undercount,
                s.overcount
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- NewsQuant

/// Precision, recall and F1 of number values on one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueScores {
    /// The file (or `all`).
    pub set: String,
    /// Sentences.
    pub sentences: usize,
    /// Gold quantities.
    pub gold: usize,
    /// Predicted quantities (after the kind filter).
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// matched / predicted.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// Number-value scores on NewsQuant-format files.
///
/// Matching rule: per sentence, each predicted value is matched to at most
/// one gold quantity with the same value (relative difference below 1e-6;
/// a range matches a gold `a-b` when both ends match). Predictions of kind
/// year, date, time, ordinal and other (identifiers) are left out, because
/// these sets do not annotate them. A range predicts `low-high`, a vague
/// word its conventional value or, lacking one, its lower bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumbersReport {
    /// One row per file, then `all`.
    pub sets: Vec<ValueScores>,
}

#[derive(Deserialize)]
struct NqSentence {
    text: String,
    #[serde(default)]
    quantities: Vec<NqQuantity>,
}

#[derive(Deserialize)]
struct NqQuantity {
    value: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    One(f64),
    Range(f64, f64),
}

fn parse_gold(v: &serde_json::Value) -> Option<Val> {
    let s = match v {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if let Ok(x) = s.parse::<f64>() {
        return Some(Val::One(x));
    }
    // "252.0-287.0", "-5--3".
    let bytes = s.as_bytes();
    for (i, &c) in bytes.iter().enumerate().skip(1) {
        if c == b'-' && bytes[i - 1] != b'e' {
            if let (Ok(a), Ok(b)) = (s[..i].parse::<f64>(), s[i + 1..].parse::<f64>()) {
                return Some(Val::Range(a, b));
            }
        }
    }
    None
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn matches(p: Val, g: Val) -> bool {
    match (p, g) {
        (Val::One(a), Val::One(b)) => close(a, b),
        (Val::Range(a, b), Val::Range(c, d)) => close(a, c) && close(b, d),
        _ => false,
    }
}

fn predict(text: &str) -> Vec<Val> {
    find_numbers(text)
        .into_iter()
        .filter(|n| {
            !matches!(
                n.kind,
                NumberKind::Year
                    | NumberKind::Date
                    | NumberKind::Time
                    | NumberKind::Ordinal
                    | NumberKind::Other
            )
        })
        .filter_map(|n| match (n.value, n.low, n.high) {
            (None, Some(l), Some(h)) => Some(Val::Range(l, h)),
            (Some(v), _, _) => Some(Val::One(v)),
            (None, Some(l), None) => Some(Val::One(l)),
            _ => None,
        })
        .collect()
}

fn score_file(path: &Path) -> Result<(ValueScores, usize, usize, usize)> {
    let text = read(path)?;
    let sentences: Vec<NqSentence> = serde_json::from_str(&text).map_err(|source| Error::Json {
        path: path.to_path_buf(),
        line: None,
        source,
    })?;
    let (mut gold_n, mut pred_n, mut matched) = (0usize, 0usize, 0usize);
    for s in &sentences {
        let gold: Vec<Val> = s
            .quantities
            .iter()
            .filter_map(|q| parse_gold(&q.value))
            .collect();
        let pred = predict(&s.text);
        gold_n += gold.len();
        pred_n += pred.len();
        let mut used = vec![false; gold.len()];
        for p in pred {
            if let Some(k) = (0..gold.len()).find(|&k| !used[k] && matches(p, gold[k])) {
                used[k] = true;
                matched += 1;
            }
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((
        prf(name, sentences.len(), gold_n, pred_n, matched),
        gold_n,
        pred_n,
        matched,
    ))
}

fn prf(
    set: String,
    sentences: usize,
    gold: usize,
    predicted: usize,
    matched: usize,
) -> ValueScores {
    let precision = if predicted == 0 {
        0.0
    } else {
        matched as f64 / predicted as f64
    };
    let recall = if gold == 0 {
        0.0
    } else {
        matched as f64 / gold as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    ValueScores {
        set,
        sentences,
        gold,
        predicted,
        matched,
        precision,
        recall,
        f1,
    }
}

/// Scores number values on a NewsQuant-format JSON file, or on every
/// `*.json` file of a folder.
///
/// # Errors
///
/// When a file cannot be read or parsed.
pub fn newsquant(path: impl AsRef<Path>) -> Result<NumbersReport> {
    let path = path.as_ref();
    let mut files: Vec<PathBuf> = Vec::new();
    if path.is_dir() {
        let rd = std::fs::read_dir(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        for e in rd {
            let e = e.map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    let mut sets = Vec::new();
    let (mut s_n, mut g, mut p, mut m) = (0, 0, 0, 0);
    for f in &files {
        let (row, gn, pn, mn) = score_file(f)?;
        s_n += row.sentences;
        g += gn;
        p += pn;
        m += mn;
        sets.push(row);
    }
    if files.len() > 1 {
        sets.push(prf("all".to_string(), s_n, g, p, m));
    }
    Ok(NumbersReport { sets })
}

impl fmt::Display for NumbersReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Number values (NewsQuant format; value match, ranges as low-high)"
        )?;
        writeln!(
            f,
            "{:<26} {:>9} {:>6} {:>6} {:>7} {:>6} {:>6} {:>6}",
            "set", "sentences", "gold", "pred", "matched", "P", "R", "F1"
        )?;
        for s in &self.sets {
            writeln!(
                f,
                "{:<26} {:>9} {:>6} {:>6} {:>7} {:>6.1} {:>6.1} {:>6.1}",
                s.set,
                s.sentences,
                s.gold,
                s.predicted,
                s.matched,
                100.0 * s.precision,
                100.0 * s.recall,
                100.0 * s.f1
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_values_parse() {
        assert_eq!(parse_gold(&serde_json::json!("19.0")), Some(Val::One(19.0)));
        assert_eq!(
            parse_gold(&serde_json::json!("252.0-287.0")),
            Some(Val::Range(252.0, 287.0))
        );
        assert_eq!(parse_gold(&serde_json::json!("-5")), Some(Val::One(-5.0)));
        assert_eq!(
            parse_gold(&serde_json::json!("8-10")),
            Some(Val::Range(8.0, 10.0))
        );
    }

    #[test]
    fn scores_count_classes() {
        let s = scores(&[(0, 0), (1, 1), (0, 2), (2, 0), (3, 1), (1, 3)]);
        assert_eq!(
            (
                s.exact,
                s.none_as_number,
                s.number_as_none,
                s.undercount,
                s.overcount
            ),
            (2, 1, 1, 1, 1)
        );
    }
}
