//! Evaluation of incident parties and their roles
//! ([`sitrep_coding::find_parties`]) against the named victims and shooters
//! of GVDB and the named participants of the Gun Violence Archive.
//!
//! The real pipeline supplies sentences, NER entities and casualty facts
//! (kept in an [`AnalysisCache`] so that a rule change re-scores in
//! seconds). Per article, the gold named people with their role (victim or
//! perpetrator) are matched on surname (last word, case-insensitive) with the
//! predicted parties that are named people (a `PER` entity): `victim` and
//! `target` read as victim. Precision is the share of predicted (surname,
//! role) pairs that are gold; recall the share of gold pairs predicted.
//!
//! Articles fall into [`FOLDS`] fixed folds by a seeded hash of their id (of
//! the incident id for GVA, so that reports of one incident share a fold).
//! Rules are written while looking at folds 0–2 only ([`TUNING_FOLDS`]);
//! folds 3–4 are reported beside them as the untuned figure, and only the
//! tuning folds' errors are ever listed.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_coding::{find_parties, Parties, PartyInput, Role};
use sitrep_text::{Document, InputItem};

use crate::error::{DocumentResult, Error, Result};
use crate::eval::{read_labelled, AnalysisCache, Fields};
use crate::pipeline::{Analysis, Pipeline};

/// Number of folds.
pub const FOLDS: usize = 5;
/// The folds rules may be tuned on (and whose errors may be shown).
pub const TUNING_FOLDS: std::ops::Range<usize> = 0..3;

/// The fold of an article (or incident) id: a seeded FNV-1a hash.
#[must_use]
pub fn fold_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in "sitrep-roles:".bytes().chain(id.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % FOLDS as u64) as usize
}

/// The gold role of a person: GVDB and GVA know victims and shooters only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldRole {
    /// A victim (GVDB `victim-section`, GVA `Victim`).
    Victim,
    /// A shooter or suspect (GVDB `shooter-section`, GVA `Subject-Suspect`).
    Perpetrator,
}

impl GoldRole {
    fn of(role: Role) -> GoldRole {
        match role {
            Role::Perpetrator => GoldRole::Perpetrator,
            Role::Target | Role::Victim => GoldRole::Victim,
        }
    }
}

/// One gold article: its document and the named people with their roles.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The document.
    pub item: InputItem,
    /// The id its fold is drawn from.
    pub fold_id: String,
    /// Named people (full names as annotated) and roles.
    pub people: Vec<(String, GoldRole)>,
}

/// A surname: the last word of a name, lowercase, without quotes,
/// possessives or generational suffixes.
#[must_use]
pub fn surname(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .find(|w| !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .cloned()
}

fn gold_pairs(people: &[(String, GoldRole)]) -> BTreeSet<(String, GoldRole)> {
    people
        .iter()
        .filter_map(|(n, r)| surname(n).map(|s| (s, *r)))
        .collect()
}

/// Reads GVDB's split TSV (`Article id, url, title, Full text, Json,
/// Worker`): named victims (`victim-section[].name.value`) and shooters
/// (`shooter-section[].name.value`); empty names are left out.
///
/// # Errors
///
/// When the file cannot be read.
pub fn read_gvdb(path: &Path) -> Result<Vec<GoldArticle>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 || f[3].trim().is_empty() {
            continue;
        }
        let json: serde_json::Value = serde_json::from_str(f[4]).unwrap_or_default();
        let mut people = Vec::new();
        for (section, role) in [
            ("victim-section", GoldRole::Victim),
            ("shooter-section", GoldRole::Perpetrator),
        ] {
            for entry in json
                .get(section)
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = entry
                    .pointer("/name/value")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("")
                    .trim();
                if !name.is_empty() {
                    people.push((name.to_string(), role));
                }
            }
        }
        out.push(GoldArticle {
            item: InputItem::Document(Document::new(f[0], f[3])),
            fold_id: f[0].to_string(),
            people,
        });
    }
    Ok(out)
}

/// Reads the GVA-news documents (JSON Lines, `doc_id`, `content`,
/// `incident_id`) and their incidents' named participants
/// (`participants[]` with `Type` `Victim` or `Subject-Suspect` and `Name`).
///
/// # Errors
///
/// When a file cannot be read.
pub fn read_gva(docs: &Path, incidents: &Path) -> Result<Vec<GoldArticle>> {
    let labelled = read_labelled(docs, &Fields::new("incident_id"))?;
    let text = std::fs::read_to_string(incidents).map_err(|source| Error::Read {
        path: incidents.to_owned(),
        source,
    })?;
    let mut named: HashMap<String, Vec<(String, GoldRole)>> = HashMap::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(id) = v.get("incident_id").and_then(|x| match x {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }) else {
            continue;
        };
        let people = v
            .get("participants")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| {
                let name = p.get("Name")?.as_str()?.trim();
                let role = match p.get("Type")?.as_str()? {
                    "Victim" => GoldRole::Victim,
                    "Subject-Suspect" => GoldRole::Perpetrator,
                    _ => return None,
                };
                (!name.is_empty()).then(|| (name.to_string(), role))
            })
            .collect();
        named.insert(id, people);
    }
    Ok(labelled
        .items
        .into_iter()
        .zip(labelled.gold)
        .filter_map(|(item, gold)| {
            let gold = gold?;
            let people = named.get(&gold)?.clone();
            Some(GoldArticle {
                item,
                fold_id: gold,
                people,
            })
        })
        .collect())
}

/// The parties of one analysed document.
#[must_use]
pub fn document_parties(doc: &Document, a: &Analysis) -> Parties {
    find_parties(&PartyInput {
        text: &doc.text,
        sentences: &a.sentences,
        entities: &a.entities,
        casualties: &a.casualties,
    })
}

/// Counts behind a precision and a recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleCounts {
    /// Articles scored.
    pub articles: usize,
    /// Predicted (surname, role) pairs of named people.
    pub predicted: usize,
    /// Gold (surname, role) pairs.
    pub gold: usize,
    /// Pairs in both.
    pub correct: usize,
    /// Gold pairs whose surname occurs in the article's text.
    pub gold_in_text: usize,
    /// Of those, pairs predicted.
    pub correct_in_text: usize,
}

impl RoleCounts {
    fn add(&mut self, o: &RoleCounts) {
        self.articles += o.articles;
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.correct += o.correct;
        self.gold_in_text += o.gold_in_text;
        self.correct_in_text += o.correct_in_text;
    }

    /// Correct / predicted (1 when nothing was predicted).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Correct / gold (1 when there is no gold).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Recall over gold people whose surname the article's text contains.
    #[must_use]
    pub fn recall_in_text(&self) -> f64 {
        ratio(self.correct_in_text, self.gold_in_text)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One tuning-fold article the rules got wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleError {
    /// Document id.
    pub id: String,
    /// Gold pairs not predicted.
    pub missed: Vec<(String, GoldRole)>,
    /// Predicted pairs not gold.
    pub wrong: Vec<(String, GoldRole)>,
}

/// The scores of one data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleScores {
    /// The data set.
    pub name: String,
    /// All articles.
    pub all: RoleCounts,
    /// Each fold.
    pub folds: Vec<RoleCounts>,
    /// Folds 0–2, which rules were written on.
    pub tuning: RoleCounts,
    /// Folds 3–4, never looked at.
    pub untuned: RoleCounts,
    /// Articles that could not be analysed.
    pub failed: usize,
    /// Errors of the tuning folds (in file order).
    pub errors: Vec<RoleError>,
}

fn text_has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .any(|w| w.trim_end_matches("'s").to_lowercase() == word)
}

/// Scores the articles' parties.
#[must_use]
pub fn score(name: &str, articles: &[GoldArticle], analyses: &[DocumentResult]) -> RoleScores {
    let mut folds = vec![RoleCounts::default(); FOLDS];
    let mut errors = Vec::new();
    let mut failed = 0;
    for (art, a) in articles.iter().zip(analyses) {
        let (InputItem::Document(doc), Ok(a)) = (&art.item, a) else {
            failed += 1;
            continue;
        };
        let parties = document_parties(doc, a);
        let predicted: BTreeSet<(String, GoldRole)> = parties
            .parties
            .iter()
            .filter(|p| {
                p.entity
                    .and_then(|e| a.entities.get(e))
                    .is_some_and(|e| e.label == "PER")
            })
            .filter_map(|p| surname(&p.name).map(|s| (s, GoldRole::of(p.role))))
            .collect();
        let gold = gold_pairs(&art.people);
        let in_text: BTreeSet<&(String, GoldRole)> = gold
            .iter()
            .filter(|(s, _)| text_has_word(&doc.text, s))
            .collect();
        let correct = predicted.intersection(&gold).count();
        let c = RoleCounts {
            articles: 1,
            predicted: predicted.len(),
            gold: gold.len(),
            correct,
            gold_in_text: in_text.len(),
            correct_in_text: in_text.iter().filter(|g| predicted.contains(**g)).count(),
        };
        let fold = fold_of(&art.fold_id);
        folds[fold].add(&c);
        if TUNING_FOLDS.contains(&fold) && (correct < predicted.len() || correct < gold.len()) {
            errors.push(RoleError {
                id: doc.id.clone(),
                missed: gold.difference(&predicted).cloned().collect(),
                wrong: predicted.difference(&gold).cloned().collect(),
            });
        }
    }
    let sum = |r: std::ops::Range<usize>| {
        let mut t = RoleCounts::default();
        for f in &folds[r] {
            t.add(f);
        }
        t
    };
    RoleScores {
        name: name.to_string(),
        all: sum(0..FOLDS),
        tuning: sum(TUNING_FOLDS),
        untuned: sum(TUNING_FOLDS.end..FOLDS),
        folds,
        failed,
        errors,
    }
}

/// Analyses the articles (through `cache`) and scores them.
pub fn evaluate(
    name: &str,
    pipeline: &Pipeline,
    cache: &mut AnalysisCache,
    articles: &[GoldArticle],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> RoleScores {
    let items: Vec<InputItem> = articles.iter().map(|a| a.item.clone()).collect();
    let analyses = cache.analyze(pipeline, &items, progress);
    score(name, articles, &analyses)
}

impl std::fmt::Display for RoleScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}: {} articles ({} not analysed); named people matched on surname",
            self.name, self.all.articles, self.failed
        )?;
        writeln!(
            f,
            "  {:<22} {:>8} {:>6} {:>6} {:>7} {:>6} {:>6} {:>9}",
            "", "articles", "pred", "gold", "correct", "P", "R", "R in text"
        )?;
        let row = |f: &mut std::fmt::Formatter<'_>, label: &str, c: &RoleCounts| {
            writeln!(
                f,
                "  {:<22} {:>8} {:>6} {:>6} {:>7} {:>6.3} {:>6.3} {:>9.3}",
                label,
                c.articles,
                c.predicted,
                c.gold,
                c.correct,
                c.precision(),
                c.recall(),
                c.recall_in_text()
            )
        };
        row(f, "all", &self.all)?;
        row(f, "folds 0-2 (tuned on)", &self.tuning)?;
        row(f, "folds 3-4 (untuned)", &self.untuned)?;
        for (k, c) in self.folds.iter().enumerate() {
            row(f, &format!("fold {k}"), c)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_drop_suffixes_quotes_and_case() {
        let cases = [
            ("Marcus Cole Holt", Some("holt")),
            ("Larry \"Boxx\" Henderson", Some("henderson")),
            ("John Smith Jr.", Some("smith")),
            ("LeGrier's", Some("legrier")),
            ("  ", None),
        ];
        for (name, want) in cases {
            assert_eq!(surname(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn folds_are_fixed_and_spread() {
        assert_eq!(fold_of("46"), fold_of("46"));
        let mut seen = [0usize; FOLDS];
        for i in 0..500 {
            seen[fold_of(&i.to_string())] += 1;
        }
        assert!(seen.iter().all(|&n| n > 60), "{seen:?}");
    }

    #[test]
    fn counts_give_precision_and_recall() {
        let c = RoleCounts {
            articles: 2,
            predicted: 4,
            gold: 5,
            correct: 3,
            gold_in_text: 4,
            correct_in_text: 3,
        };
        assert!((c.precision() - 0.75).abs() < 1e-9);
        assert!((c.recall() - 0.6).abs() < 1e-9);
        assert!((c.recall_in_text() - 0.75).abs() < 1e-9);
    }
}
