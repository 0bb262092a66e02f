//! Event dates against gold incident dates: the share of documents (and of
//! events) dated to the incident's own day, and how the others miss it.
//!
//! Rules for reading dates must generalise to reports nobody looked at, so
//! the gold incidents are split into [`FOLDS`] fixed folds by a seeded hash
//! of their label: errors are studied on the tuned folds
//! ([`TUNED_FOLDS`]) only, and the others are reported beside them as the
//! held-out figure.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_cluster::{document_date, EventDate};

use super::Labelled;
use crate::error::{DocumentResult, Result};
use crate::pipeline::Pipeline;
use crate::Report;

/// Number of folds the gold incidents are split into.
pub const FOLDS: u32 = 5;

/// The folds whose errors may be looked at when writing rules; the others
/// are held out.
pub const TUNED_FOLDS: std::ops::Range<u32> = 0..3;

/// The seed of the fold split (part of the hashed string).
const FOLD_SEED: &str = "sitrep-date-folds-v1";

/// The fold (0..[`FOLDS`]) of a gold label: FNV-1a of the seed and the label,
/// so that it is the same on every run and platform.
#[must_use]
pub fn fold_of(label: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in FOLD_SEED.bytes().chain([0u8]).chain(label.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // The high bits mix better than the low ones.
    u32::try_from((h >> 32) % u64::from(FOLDS)).unwrap_or(0)
}

/// Gold incident dates: gold label → date.
pub type DateLabels = HashMap<String, NaiveDate>;

/// Reads gold incident dates from JSON Lines: `key` names the gold label
/// field, `field` the date (`YYYY-MM-DD`). Records without either are left
/// out.
///
/// # Errors
///
/// When the file cannot be read.
pub fn read_date_labels(path: &Path, key: &str, field: &str) -> Result<DateLabels> {
    super::read_keyed(path, key, |v| {
        let s = v.get(field)?.as_str()?;
        NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
    })
}

/// How one date compares with the gold day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Exact,
    OffByOne,
    OffByTwo,
    OffThreeOrMore,
    /// Known to the week, month or year only, or without a year.
    Coarser,
    None,
}

fn outcome(date: Option<(NaiveDate, bool)>, gold: NaiveDate) -> Outcome {
    match date {
        None => Outcome::None,
        Some((_, false)) => Outcome::Coarser,
        Some((d, true)) => match (d - gold).num_days().abs() {
            0 => Outcome::Exact,
            1 => Outcome::OffByOne,
            2 => Outcome::OffByTwo,
            _ => Outcome::OffThreeOrMore,
        },
    }
}

/// Shares of dated items by how their date compares with the gold day
/// (they sum to 1).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DateShares {
    /// Items compared.
    pub scored: usize,
    /// Dated to the gold day.
    pub exact: f64,
    /// A day off.
    pub off_by_one: f64,
    /// Two days off.
    pub off_by_two: f64,
    /// Three days off or more.
    pub off_three_plus: f64,
    /// Dated to the week, month or year only, or to a day of unknown year.
    pub coarser: f64,
    /// Not dated.
    pub none: f64,
    /// Share dated to the gold day among those whose date is stated to the
    /// day (ACLED time precision 1).
    pub exact_when_precise: f64,
    /// Share whose date is stated to the day (time precision 1).
    pub precise: f64,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    n: usize,
    exact: usize,
    one: usize,
    two: usize,
    three: usize,
    coarser: usize,
    none: usize,
    precise: usize,
    precise_exact: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome, precise: bool) {
        self.n += 1;
        match o {
            Outcome::Exact => self.exact += 1,
            Outcome::OffByOne => self.one += 1,
            Outcome::OffByTwo => self.two += 1,
            Outcome::OffThreeOrMore => self.three += 1,
            Outcome::Coarser => self.coarser += 1,
            Outcome::None => self.none += 1,
        }
        if precise {
            self.precise += 1;
            self.precise_exact += usize::from(o == Outcome::Exact);
        }
    }

    fn shares(&self) -> DateShares {
        let d = self.n.max(1) as f64;
        DateShares {
            scored: self.n,
            exact: self.exact as f64 / d,
            off_by_one: self.one as f64 / d,
            off_by_two: self.two as f64 / d,
            off_three_plus: self.three as f64 / d,
            coarser: self.coarser as f64 / d,
            none: self.none as f64 / d,
            exact_when_precise: self.precise_exact as f64 / self.precise.max(1) as f64,
            precise: self.precise as f64 / d,
        }
    }
}

/// Date scores over all folds, the tuned folds and the held-out ones.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DateSplit {
    /// Every fold.
    pub all: DateShares,
    /// Folds 0–2, whose errors rules were written from.
    pub tuned: DateShares,
    /// Folds 3–4, never looked at.
    pub held_out: DateShares,
}

#[derive(Debug, Clone, Copy, Default)]
struct SplitTally {
    all: Tally,
    tuned: Tally,
    held_out: Tally,
}

impl SplitTally {
    fn add(&mut self, fold: u32, o: Outcome, precise: bool) {
        self.all.add(o, precise);
        if TUNED_FOLDS.contains(&fold) {
            self.tuned.add(o, precise);
        } else {
            self.held_out.add(o, precise);
        }
    }

    fn shares(&self) -> DateSplit {
        DateSplit {
            all: self.all.shares(),
            tuned: self.tuned.shares(),
            held_out: self.held_out.shares(),
        }
    }
}

/// A document of a tuned fold whose incident date is not the gold day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMiss {
    /// Document id.
    pub document: String,
    /// Its gold label's fold.
    pub fold: u32,
    /// Publication date.
    pub published: Option<String>,
    /// The date read (`XXXX-MM-DD` without a year).
    pub predicted: Option<String>,
    /// ACLED-style time precision of the date read (1 day, 2 a few days or a
    /// week, 3 a month or coarser).
    pub time_precision: Option<u8>,
    /// The gold incident date.
    pub gold: String,
    /// The words the date was read from (empty when not stated).
    pub evidence: Option<String>,
}

/// Everything the date evaluation reports.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DateEval {
    /// Each document's own reading of its incident's date.
    pub documents: DateSplit,
    /// Each predicted event's date against the gold date of the label most of
    /// its documents carry.
    pub events: DateSplit,
    /// Each document scored by the date of the event it is in (what `sitrep
    /// run` reports for it), against its own gold label's date.
    #[serde(default)]
    pub documents_by_event: DateSplit,
    /// The documents of the tuned folds whose date misses the gold day (the
    /// held-out folds' are not listed).
    pub misses: Vec<DateMiss>,
}

fn day_of(d: &EventDate) -> Option<(NaiveDate, bool)> {
    let date = d.date()?;
    Some((date, d.precision == sitrep_cluster::Precision::Day))
}

/// Scores the document and event dates of `report` (made by `pipeline` from
/// `labelled.items` and `analyses`) against `labels`.
#[must_use]
pub fn score_dates(
    pipeline: &Pipeline,
    labelled: &Labelled,
    analyses: &[DocumentResult],
    report: &Report,
    labels: &DateLabels,
) -> DateEval {
    let (inputs, idx) = pipeline.cluster_inputs(&labelled.items, analyses);
    let mut docs = SplitTally::default();
    let mut misses = Vec::new();
    for (input, &item) in inputs.iter().zip(&idx) {
        let Some(label) = labelled.gold.get(item).and_then(Option::as_deref) else {
            continue;
        };
        let Some(&gold) = labels.get(label) else {
            continue;
        };
        let fold = fold_of(label);
        let date = document_date(input);
        let o = outcome(date.as_ref().and_then(day_of), gold);
        let precise = date.is_some_and(|d| d.time_precision() == 1);
        docs.add(fold, o, precise);
        if o != Outcome::Exact && TUNED_FOLDS.contains(&fold) {
            misses.push(DateMiss {
                document: input.id.to_owned(),
                fold,
                published: input.published.map(|p| p.to_string()),
                predicted: date.map(|d| d.iso()),
                time_precision: date.map(|d| d.time_precision()),
                gold: gold.to_string(),
                evidence: date.and_then(|d| d.span.slice(input.text).map(str::to_owned)),
            });
        }
    }
    // Events: the gold label most of their documents carry.
    let mut label_of: HashMap<&str, BTreeMap<&str, usize>> = HashMap::new();
    for (rec, g) in report.documents.iter().zip(&labelled.gold) {
        if let (Some(e), Some(g)) = (&rec.event, g) {
            *label_of
                .entry(e.as_str())
                .or_default()
                .entry(g.as_str())
                .or_default() += 1;
        }
    }
    let event_day = |ev: &crate::EventRecord| {
        ev.date.as_deref().map(|s| {
            (
                NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                ev.date_precision == Some(sitrep_cluster::Precision::Day),
            )
        })
    };
    let score_event = |ev: &crate::EventRecord, gold: NaiveDate| match event_day(ev) {
        None => Outcome::None,
        Some((Some(d), day)) => outcome(Some((d, day)), gold),
        Some((None, _)) => Outcome::Coarser,
    };
    let by_id: HashMap<&str, &crate::EventRecord> =
        report.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut by_event = SplitTally::default();
    for (rec, g) in report.documents.iter().zip(&labelled.gold) {
        let (Some(e), Some(g)) = (&rec.event, g) else {
            continue;
        };
        let (Some(ev), Some(&gold)) = (by_id.get(e.as_str()), labels.get(g.as_str())) else {
            continue;
        };
        by_event.add(
            fold_of(g),
            score_event(ev, gold),
            ev.time_precision == Some(1),
        );
    }
    let mut events = SplitTally::default();
    for ev in &report.events {
        let Some(votes) = label_of.get(ev.id.as_str()) else {
            continue;
        };
        let Some((label, _)) = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
            continue;
        };
        let Some(&gold) = labels.get(*label) else {
            continue;
        };
        events.add(
            fold_of(label),
            score_event(ev, gold),
            ev.time_precision == Some(1),
        );
    }
    DateEval {
        documents: docs.shares(),
        events: events.shares(),
        documents_by_event: by_event.shares(),
        misses,
    }
}

impl std::fmt::Display for DateEval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "incident dates vs labels ({FOLDS} folds by label; rules written from folds {}–{}):",
            TUNED_FOLDS.start,
            TUNED_FOLDS.end - 1
        )?;
        writeln!(
            f,
            "{:<22} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}   {:>7} {:>9}",
            "", "n", "exact", "±1", "±2", "≥3", "coarser", "none", "precise", "exact|tp1"
        )?;
        for (what, s) in [
            ("documents", &self.documents),
            ("docs by event", &self.documents_by_event),
            ("events", &self.events),
        ] {
            for (split, x) in [
                ("all", &s.all),
                ("tuned 0–2", &s.tuned),
                ("held out 3–4", &s.held_out),
            ] {
                writeln!(
                    f,
                    "{:<22} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>7.3} {:>6.3}   {:>7.3} {:>9.3}",
                    format!("{what}, {split}"),
                    x.scored,
                    x.exact,
                    x.off_by_one,
                    x.off_by_two,
                    x.off_three_plus,
                    x.coarser,
                    x.none,
                    x.precise,
                    x.exact_when_precise
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_fixed_and_spread() {
        let mut count = [0usize; FOLDS as usize];
        for i in 0..5000 {
            let f = fold_of(&i.to_string());
            assert_eq!(f, fold_of(&i.to_string()));
            count[f as usize] += 1;
        }
        for c in count {
            assert!((800..1200).contains(&c), "{count:?}");
        }
    }

    #[test]
    fn outcomes() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let g = d("2014-01-16");
        let rows = [
            (Some((d("2014-01-16"), true)), Outcome::Exact),
            (Some((d("2014-01-15"), true)), Outcome::OffByOne),
            (Some((d("2014-01-18"), true)), Outcome::OffByTwo),
            (Some((d("2014-01-30"), true)), Outcome::OffThreeOrMore),
            (Some((d("2014-01-16"), false)), Outcome::Coarser),
            (None, Outcome::None),
        ];
        for (date, want) in rows {
            assert_eq!(outcome(date, g), want, "{date:?}");
        }
        let mut t = Tally::default();
        t.add(Outcome::Exact, true);
        t.add(Outcome::OffByOne, true);
        t.add(Outcome::None, false);
        t.add(Outcome::Exact, false);
        let s = t.shares();
        assert_eq!(s.scored, 4);
        assert!((s.exact - 0.5).abs() < 1e-9);
        assert!((s.exact_when_precise - 0.5).abs() < 1e-9);
        assert!((s.precise - 0.5).abs() < 1e-9);
        let sum = s.exact + s.off_by_one + s.off_by_two + s.off_three_plus + s.coarser + s.none;
        assert!((sum - 1.0).abs() < 1e-9);
    }
}
