//! Entity-level scoring compatible with `conlleval.pl`.
//!
//! A predicted chunk counts as correct only when a gold chunk has exactly the
//! same span and type. Chunks are decoded from tags with conlleval's rules
//! ([`decode`]), so IOB1 and IOB2 input (even mixed) give the same scores, and
//! `E-`/`S-` tags are understood too. Each [`Scorer::add`] call is one
//! sentence, so no chunk crosses a sentence boundary, as in conlleval, where
//! a blank line is an `O`.
//!
//! Precision, recall and F1 are percentages, 0 when undefined, as conlleval
//! prints them.
//!
//! ```
//! use sitrep_ner::score::Scorer;
//!
//! let mut scorer = Scorer::new();
//! scorer.add(&["B-PER", "I-PER", "O", "B-LOC"], &["B-PER", "I-PER", "O", "O"]);
//! let report = scorer.report();
//! assert_eq!(report.overall.precision, 100.0);
//! assert_eq!(report.overall.recall, 50.0);
//! assert_eq!(report.per_type["LOC"].gold, 1);
//! println!("{report}");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tags::{decode, parse_label, TagScheme};

/// Precision, recall and F1 (percentages) with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Prf {
    /// `100 * tp / predicted`, 0 when nothing was predicted.
    pub precision: f64,
    /// `100 * tp / gold`, 0 when there is nothing to find.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub f1: f64,
    /// Correct predicted chunks (true positives).
    pub tp: usize,
    /// Predicted chunks.
    pub predicted: usize,
    /// Gold chunks.
    pub gold: usize,
}

impl Prf {
    /// Computes precision, recall and F1 from counts, as conlleval does.
    #[must_use]
    pub fn from_counts(tp: usize, predicted: usize, gold: usize) -> Prf {
        let percent = |num: usize, den: usize| {
            if den == 0 {
                0.0
            } else {
                100.0 * num as f64 / den as f64
            }
        };
        let precision = percent(tp, predicted);
        let recall = percent(tp, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
            tp,
            predicted,
            gold,
        }
    }
}

/// The result of [`Scorer::report`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScoreReport {
    /// Scores over all types (micro-averaged, as conlleval).
    pub overall: Prf,
    /// Scores per entity type, for every type seen in gold or predictions.
    pub per_type: BTreeMap<String, Prf>,
    /// Tokens seen through [`Scorer::add`] (0 when only spans were added).
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag (prefix and type).
    pub correct_tags: usize,
    /// `100 * correct_tags / tokens`, 0 when there are no tokens.
    pub accuracy: f64,
    /// How many [`Scorer::add`] calls had gold and predicted sequences of
    /// different lengths (the shorter one was padded with `O`). Should be 0.
    pub length_mismatches: usize,
}

impl fmt::Display for ScoreReport {
    /// A table like conlleval's output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.overall;
        writeln!(
            f,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, o.gold, o.predicted, o.tp
        )?;
        if self.tokens > 0 {
            write!(f, "accuracy: {:6.2}%; ", self.accuracy)?;
        }
        writeln!(
            f,
            "precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            o.precision, o.recall, o.f1
        )?;
        for (ty, p) in &self.per_type {
            writeln!(
                f,
                "{ty:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                p.precision, p.recall, p.f1, p.predicted
            )?;
        }
        if self.length_mismatches > 0 {
            writeln!(
                f,
                "warning: {} sentences had gold and predicted tags of different lengths",
                self.length_mismatches
            )?;
        }
        Ok(())
    }
}

/// Per-type counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

/// Accumulates conlleval-style entity counts over sentences or documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scorer {
    counts: BTreeMap<String, Counts>,
    tokens: usize,
    correct_tags: usize,
    length_mismatches: usize,
}

impl Scorer {
    /// An empty scorer.
    #[must_use]
    pub fn new() -> Scorer {
        Scorer::default()
    }

    /// Adds one sentence's gold and predicted tags (any of IOB1, IOB2, BIOES
    /// or a mix; labels are read with [`parse_label`]).
    ///
    /// The sentence is a unit: a chunk open at its end is closed there. When
    /// the lengths differ, the shorter sequence is padded with `O` and the
    /// call is counted in [`ScoreReport::length_mismatches`].
    pub fn add<G: AsRef<str>, P: AsRef<str>>(&mut self, gold: &[G], pred: &[P]) {
        let len = gold.len().max(pred.len());
        if gold.len() != pred.len() {
            self.length_mismatches += 1;
        }
        self.tokens += len;
        self.correct_tags += (0..len)
            .filter(|&i| {
                let g = gold.get(i).map_or("O", |t| t.as_ref());
                let p = pred.get(i).map_or("O", |t| t.as_ref());
                parse_label(g) == parse_label(p)
            })
            .count();
        // The BIOES rules equal conlleval.pl's on tags without E-/S-, and
        // also read E-/S- properly.
        let gold = decode(gold, TagScheme::Bioes);
        let pred = decode(pred, TagScheme::Bioes);
        self.add_spans(&gold, &pred);
    }

    /// Adds a document given as sentences of gold and predicted tags: each
    /// sentence pair goes through [`add`](Self::add), so chunks are cut at
    /// sentence boundaries. A sentence missing on one side counts as empty
    /// (and as a length mismatch when the other side has tokens).
    pub fn add_document<GS, PS, G, P>(&mut self, gold: &[GS], pred: &[PS])
    where
        GS: AsRef<[G]>,
        PS: AsRef<[P]>,
        G: AsRef<str>,
        P: AsRef<str>,
    {
        for i in 0..gold.len().max(pred.len()) {
            let g: &[G] = match gold.get(i) {
                Some(sentence) => sentence.as_ref(),
                None => &[],
            };
            let p: &[P] = match pred.get(i) {
                Some(sentence) => sentence.as_ref(),
                None => &[],
            };
            self.add(g, p);
        }
    }

    /// Adds gold and predicted chunks `(start, end, type)` directly, in any
    /// unit (words, bytes, characters) as long as both sides use the same
    /// one. A predicted chunk is correct when a gold chunk has the same start,
    /// end and type; each gold chunk matches at most one prediction.
    pub fn add_spans<G: AsRef<str>, P: AsRef<str>>(
        &mut self,
        gold: &[(usize, usize, G)],
        pred: &[(usize, usize, P)],
    ) {
        let mut unmatched: BTreeMap<(usize, usize, &str), usize> = BTreeMap::new();
        for (start, end, ty) in gold {
            let ty = ty.as_ref();
            *unmatched.entry((*start, *end, ty)).or_insert(0) += 1;
            self.entry(ty).gold += 1;
        }
        for (start, end, ty) in pred {
            let ty = ty.as_ref();
            let matched = match unmatched.get_mut(&(*start, *end, ty)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => false,
            };
            let counts = self.entry(ty);
            counts.predicted += 1;
            if matched {
                counts.tp += 1;
            }
        }
    }

    /// Adds another scorer's counts to this one (for scoring in parallel).
    pub fn merge(&mut self, other: &Scorer) {
        for (ty, c) in &other.counts {
            let counts = self.entry(ty);
            counts.tp += c.tp;
            counts.predicted += c.predicted;
            counts.gold += c.gold;
        }
        self.tokens += other.tokens;
        self.correct_tags += other.correct_tags;
        self.length_mismatches += other.length_mismatches;
    }

    /// Precision, recall and F1 overall and per type, from everything added.
    #[must_use]
    pub fn report(&self) -> ScoreReport {
        let mut total = Counts::default();
        let mut per_type = BTreeMap::new();
        for (ty, c) in &self.counts {
            total.tp += c.tp;
            total.predicted += c.predicted;
            total.gold += c.gold;
            per_type.insert(ty.clone(), Prf::from_counts(c.tp, c.predicted, c.gold));
        }
        let accuracy = if self.tokens == 0 {
            0.0
        } else {
            100.0 * self.correct_tags as f64 / self.tokens as f64
        };
        ScoreReport {
            overall: Prf::from_counts(total.tp, total.predicted, total.gold),
            per_type,
            tokens: self.tokens,
            correct_tags: self.correct_tags,
            accuracy,
            length_mismatches: self.length_mismatches,
        }
    }

    fn entry(&mut self, ty: &str) -> &mut Counts {
        self.counts.entry(ty.to_string()).or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn scored(pairs: &[(&[&str], &[&str])]) -> ScoreReport {
        let mut scorer = Scorer::new();
        for (gold, pred) in pairs {
            scorer.add(gold, pred);
        }
        scorer.report()
    }

    /// Two sentences, IOB2.
    const GOLD_IOB2: [&[&str]; 2] = [
        &["B-PER", "I-PER", "O", "B-LOC"],
        &["B-ORG", "I-ORG", "O", "B-PER", "O"],
    ];
    const PRED_IOB2: [&[&str]; 2] = [
        &["B-PER", "I-PER", "O", "B-LOC"],
        &["B-ORG", "O", "O", "B-PER", "B-MISC"],
    ];
    /// The same sentences, IOB1.
    const GOLD_IOB1: [&[&str]; 2] = [
        &["I-PER", "I-PER", "O", "I-LOC"],
        &["I-ORG", "I-ORG", "O", "I-PER", "O"],
    ];
    const PRED_IOB1: [&[&str]; 2] = [
        &["I-PER", "I-PER", "O", "I-LOC"],
        &["I-ORG", "O", "O", "I-PER", "I-MISC"],
    ];

    /// What conlleval prints for the case above, worked out by hand:
    /// gold PER x2, LOC, ORG (4); predicted PER x2, LOC, ORG (one word), MISC
    /// (5); correct PER x2, LOC (3). P = 3/5 = 60%, R = 3/4 = 75%,
    /// F = 2*60*75/135 = 66.67. Tags right: 4 + 3 of 9 = 77.78%.
    const CONLLEVAL: &str = "\
processed 9 tokens with 4 phrases; found: 5 phrases; correct: 3.
accuracy:  77.78%; precision:  60.00%; recall:  75.00%; FB1:  66.67
              LOC: precision: 100.00%; recall: 100.00%; FB1: 100.00  1
             MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2
";

    #[test]
    fn matches_conlleval_by_hand() {
        let report = scored(&[(GOLD_IOB2[0], PRED_IOB2[0]), (GOLD_IOB2[1], PRED_IOB2[1])]);
        assert_eq!(report.to_string(), CONLLEVAL);
        let o = report.overall;
        assert_eq!((o.tp, o.predicted, o.gold), (3, 5, 4));
        assert!(close(o.precision, 60.0));
        assert!(close(o.recall, 75.0));
        assert!(close(o.f1, 200.0 / 3.0));
        assert_eq!((report.tokens, report.correct_tags), (9, 7));
        assert_eq!(report.per_type["MISC"].gold, 0);
        assert_eq!(report.per_type["ORG"].predicted, 1);
        assert_eq!(report.length_mismatches, 0);
    }

    #[test]
    fn iob1_and_iob2_score_the_same() {
        let iob2 = scored(&[(GOLD_IOB2[0], PRED_IOB2[0]), (GOLD_IOB2[1], PRED_IOB2[1])]);
        let iob1 = scored(&[(GOLD_IOB1[0], PRED_IOB1[0]), (GOLD_IOB1[1], PRED_IOB1[1])]);
        let mixed = scored(&[(GOLD_IOB1[0], PRED_IOB2[0]), (GOLD_IOB2[1], PRED_IOB1[1])]);
        assert_eq!(iob1.overall, iob2.overall);
        assert_eq!(iob1.per_type, iob2.per_type);
        assert_eq!(mixed.overall, iob2.overall);
        assert_eq!(mixed.per_type, iob2.per_type);

        // IOB1's B- between adjacent same-type chunks.
        let a = scored(&[(&["I-PER", "B-PER", "O"], &["B-PER", "B-PER", "O"])]);
        assert_eq!(a.overall.tp, 2);
        assert!(close(a.overall.f1, 100.0));

        // BIOES reads the same chunks.
        let b = scored(&[(&["B-PER", "E-PER", "S-PER"], &["B-PER", "I-PER", "B-PER"])]);
        assert_eq!(
            (b.overall.tp, b.overall.gold, b.overall.predicted),
            (2, 2, 2)
        );
    }

    #[test]
    fn entities_split_across_sentences() {
        // One PER running over a sentence boundary is two chunks per sentence.
        let mut per_sentence = Scorer::new();
        per_sentence.add(&["O", "B-PER"], &["O", "B-PER"]);
        per_sentence.add(&["I-PER", "O"], &["I-PER", "O"]);
        let r = per_sentence.report();
        assert_eq!(
            (r.overall.tp, r.overall.gold, r.overall.predicted),
            (2, 2, 2)
        );

        // add_document cuts at the boundary too.
        let gold = vec![vec!["O", "B-PER"], vec!["I-PER", "O"]];
        let pred = vec![vec!["O", "B-PER"], vec!["B-PER", "O"]];
        let mut doc = Scorer::new();
        doc.add_document(&gold, &pred);
        assert_eq!(doc.report().overall, r.overall);

        // Flattened, the same tags would be one chunk, and gold/pred differ.
        let mut flat = Scorer::new();
        flat.add(&["O", "B-PER", "I-PER", "O"], &["O", "B-PER", "B-PER", "O"]);
        let f = flat.report().overall;
        assert_eq!((f.tp, f.gold, f.predicted), (0, 1, 2));
    }

    #[test]
    fn empty_predictions_give_zero_not_nan() {
        let r = scored(&[(&["B-PER", "O"], &["O", "O"])]);
        assert_eq!(
            (r.overall.precision, r.overall.recall, r.overall.f1),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(r.overall.gold, 1);

        let empty = Scorer::new().report();
        assert_eq!(empty.overall, Prf::default());
        assert_eq!(empty.accuracy, 0.0);
        assert!(empty.per_type.is_empty());
        assert!(!serde_json::to_string(&empty).unwrap().contains("NaN"));
        assert_eq!(
            empty.to_string(),
            "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n\
             precision:   0.00%; recall:   0.00%; FB1:   0.00\n"
        );

        // Predictions but no gold.
        let r = scored(&[(&["O"], &["B-LOC"])]);
        assert_eq!(
            (r.overall.precision, r.overall.recall, r.overall.f1),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn all_correct_is_100() {
        let tags: &[&str] = &["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
        let r = scored(&[(tags, tags), (tags, tags)]);
        assert_eq!(r.overall.precision, 100.0);
        assert_eq!(r.overall.recall, 100.0);
        assert_eq!(r.overall.f1, 100.0);
        assert_eq!(r.accuracy, 100.0);
        assert_eq!(r.per_type["ORG"].tp, 2);
    }

    #[test]
    fn type_mismatch() {
        let r = scored(&[(&["B-PER", "I-PER"], &["B-ORG", "I-ORG"])]);
        assert_eq!(r.overall.tp, 0);
        assert_eq!(r.per_type["PER"], Prf::from_counts(0, 0, 1));
        assert_eq!(r.per_type["ORG"], Prf::from_counts(0, 1, 0));
        assert_eq!(r.accuracy, 0.0);
    }

    #[test]
    fn boundary_mismatch() {
        // Too short, too long, shifted: none counts.
        let gold: &[&str] = &["B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG", "O"];
        let pred: &[&str] = &["B-PER", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-ORG"];
        let r = scored(&[(gold, pred)]);
        assert_eq!(
            (r.overall.tp, r.overall.gold, r.overall.predicted),
            (0, 3, 3)
        );
        assert_eq!(r.overall.f1, 0.0);
    }

    #[test]
    fn length_mismatch_does_not_panic() {
        let r = scored(&[(&["B-PER", "I-PER", "O"], &["B-PER"])]);
        assert_eq!(r.length_mismatches, 1);
        assert_eq!(r.tokens, 3);
        assert_eq!(
            (r.overall.tp, r.overall.gold, r.overall.predicted),
            (0, 1, 1)
        );
        assert!(r.to_string().contains("warning: 1 sentences"));

        let mut s = Scorer::new();
        s.add_document(&[vec!["B-PER"]], &Vec::<Vec<&str>>::new());
        assert_eq!(s.report().length_mismatches, 1);
    }

    #[test]
    fn spans_and_merge() {
        let mut a = Scorer::new();
        a.add_spans(
            &[(0, 5, "PER"), (10, 14, "LOC"), (10, 14, "LOC")],
            &[
                (0, 5, "PER"),
                (10, 14, "LOC"),
                (10, 14, "LOC"),
                (10, 14, "LOC"),
            ],
        );
        let r = a.report();
        assert_eq!(
            (r.overall.tp, r.overall.gold, r.overall.predicted),
            (3, 3, 4)
        );
        assert_eq!(r.tokens, 0);
        assert!(!r.to_string().contains("accuracy"));

        let gold = vec![(1, 2, "X".to_string())];
        let mut b = Scorer::new();
        b.add_spans(&gold, &gold);
        b.add(&["B-PER"], &["B-PER"]);
        a.merge(&b);
        let m = a.report();
        assert_eq!(
            (m.overall.tp, m.overall.gold, m.overall.predicted),
            (5, 5, 6)
        );
        assert_eq!(m.tokens, 1);
        assert_eq!(m.per_type["PER"].tp, 2);
    }

    #[test]
    fn report_serializes() {
        let r = scored(&[(GOLD_IOB2[0], PRED_IOB2[0])]);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["overall"]["tp"], 2);
        assert_eq!(json["per_type"]["LOC"]["f1"], 100.0);
        let back: ScoreReport = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }
}
