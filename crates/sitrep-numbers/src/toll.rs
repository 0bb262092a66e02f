//! Claims, figures and an article's toll of its own incident.

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

use crate::casualty::{Casualty, Count, Outcome, Scope};
use crate::numbers::Qualifier;

/// One reported figure and who reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The figure as stated (`None` for ranges and vague words).
    pub value: Option<u64>,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// The hedge.
    pub qualifier: Qualifier,
    /// Who says so, when the text says.
    pub claimed_by: Option<String>,
    /// The document the claim comes from.
    pub document: String,
    /// Where the claim is stated in that document, in bytes.
    pub span: Span,
}

impl Claim {
    /// A claim from a casualty count.
    #[must_use]
    pub fn from_count(
        count: &Count,
        claimed_by: Option<String>,
        document: &str,
        span: Span,
    ) -> Claim {
        Claim {
            value: count.value,
            low: count.low,
            high: count.high,
            qualifier: count.qualifier,
            claimed_by,
            document: document.to_string(),
            span,
        }
    }

    /// The single reading: the value, else the lower bound.
    #[must_use]
    pub fn point(&self) -> Option<u64> {
        self.value.or(self.low)
    }

    /// A number stated as such (not a vague word without a conventional reading).
    fn numeric(&self) -> bool {
        self.value.is_some()
            || (self.qualifier != Qualifier::Vague && (self.low.is_some() || self.high.is_some()))
    }

    /// How much this claim supports `v` being the true figure.
    fn support(&self, v: u64) -> f64 {
        let vf = v as f64;
        match self.qualifier {
            Qualifier::None | Qualifier::Exact => {
                if self.value == Some(v) {
                    2.0
                } else if self.value.is_none()
                    && self.low.is_some_and(|l| l <= v)
                    && self.high.is_some_and(|h| v <= h)
                {
                    1.0
                } else {
                    0.0
                }
            }
            Qualifier::AtLeast | Qualifier::MoreThan => {
                if self.low.or(self.value).is_some_and(|l| l <= v)
                    && self.high.is_none_or(|h| v <= h)
                {
                    if self.point() == Some(v) {
                        1.5
                    } else {
                        1.0
                    }
                } else {
                    0.0
                }
            }
            Qualifier::UpTo | Qualifier::LessThan | Qualifier::Nearly => {
                if self.high.or(self.value).is_some_and(|h| v <= h) {
                    1.0
                } else {
                    0.0
                }
            }
            Qualifier::Approximately => match self.value {
                Some(x) if (x as f64 - vf).abs() <= 0.15 * x as f64 => 1.5,
                _ if self.low.is_some_and(|l| l <= v) && self.high.is_some_and(|h| v <= h) => 1.0,
                _ => 0.0,
            },
            Qualifier::Vague => {
                if self.low.is_some_and(|l| l <= v) {
                    0.5
                } else {
                    0.0
                }
            }
        }
    }
}

/// A reconciled figure: a best estimate, its range, and every claim behind it.
///
/// - `best`: the UCDP-GED-style best estimate, the figure the claims support
///   most (an exact figure counts twice as much as a hedged one that admits
///   it; ties go to the larger figure). `None` when only vague words
///   ("several", "multiple") were reported.
/// - `low` / `high`: the smallest and largest figures across the claims
///   (vague words only when nothing else was reported).
/// - `conservative`: the ACLED-style most conservative reported figure, the
///   smallest point figure.
/// - `conflict`: the claims state different figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Best estimate.
    pub best: Option<u64>,
    /// Smallest reported figure.
    pub low: Option<u64>,
    /// Largest reported figure.
    pub high: Option<u64>,
    /// Most conservative reported figure.
    pub conservative: Option<u64>,
    /// Whether the claims disagree.
    pub conflict: bool,
    /// The claims, in the order given.
    pub claims: Vec<Claim>,
}

impl Figure {
    /// Reconciles `claims` into a figure; `None` when there are none, or
    /// when none carries a number.
    ///
    /// ```
    /// use sitrep_numbers::{Claim, Figure, Qualifier};
    /// use sitrep_text::Span;
    ///
    /// let claim = |value, qualifier, by: &str| Claim {
    ///     value: Some(value), low: Some(value), high: None, qualifier,
    ///     claimed_by: Some(by.to_string()), document: "d".into(), span: Span::new(0, 1),
    /// };
    /// let f = Figure::from_claims(vec![
    ///     claim(7, Qualifier::AtLeast, "CENTCOM"),
    ///     claim(9, Qualifier::None, "Iraq's Joint Operations Command"),
    /// ]).unwrap();
    /// assert_eq!((f.best, f.low, f.high, f.conservative, f.conflict), (Some(9), Some(7), Some(9), Some(7), true));
    /// ```
    #[must_use]
    pub fn from_claims(claims: Vec<Claim>) -> Option<Figure> {
        let claims: Vec<Claim> = claims
            .into_iter()
            .filter(|c| c.point().is_some() || c.high.is_some())
            .collect();
        if claims.is_empty() {
            return None;
        }
        let numeric: Vec<&Claim> = claims.iter().filter(|c| c.numeric()).collect();
        let pool: Vec<&Claim> = if numeric.is_empty() {
            claims.iter().collect()
        } else {
            numeric.clone()
        };
        let points: Vec<u64> = pool.iter().filter_map(|c| c.point().or(c.high)).collect();
        let low = pool
            .iter()
            .filter_map(|c| c.low.or(c.value).or(c.high))
            .min();
        let high = pool
            .iter()
            .filter_map(|c| c.high.or(c.value).or(c.low))
            .max();
        let conservative = points.iter().copied().min();
        let mut distinct = points.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let conflict = numeric
            .iter()
            .filter_map(|c| c.point().or(c.high))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1;
        let best = if numeric.is_empty() {
            // Only vague words: a conventional value if one has it ("dozens").
            claims.iter().filter_map(|c| c.value).max()
        } else {
            let mut cands: Vec<u64> = distinct.clone();
            for c in &numeric {
                if let Some(h) = c.high {
                    cands.push(h);
                }
            }
            cands.sort_unstable();
            cands.dedup();
            let mut best: Option<(f64, u64)> = None;
            for v in cands {
                let score: f64 = claims.iter().map(|c| c.support(v)).sum();
                if best.is_none_or(|(s, bv)| score > s || (score == s && v > bv)) {
                    best = Some((score, v));
                }
            }
            best.map(|(_, v)| v)
        };
        Some(Figure {
            best,
            low,
            high,
            conservative,
            conflict,
            claims,
        })
    }

    /// The figure to report when one number is needed: `best`, else `low`.
    #[must_use]
    pub fn estimate(&self) -> Option<u64> {
        self.best.or(self.low)
    }
}

/// An article's reading of its own incident.
///
/// An entry is `None` when the article reports nothing about it; a reported
/// zero ("no one was hurt") is a figure whose best is 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Toll {
    /// People killed.
    pub killed: Option<Figure>,
    /// People injured (and not reported dead).
    pub injured: Option<Figure>,
}

/// Claims for one outcome: consecutive additive facts ("five soldiers were
/// wounded and two others were hurt") add up into one claim. Partial
/// mentions (a named victim, "one of the wounded") are dropped when a larger
/// count is reported.
fn chain_claims(doc_id: &str, facts: &[&Casualty]) -> Vec<Claim> {
    struct Open {
        count: Count,
        by: Option<String>,
        span: Span,
        partial: bool,
    }
    let mut claims: Vec<(Claim, bool)> = Vec::new();
    let mut open: Option<Open> = None;
    let close = |o: Open, claims: &mut Vec<(Claim, bool)>| {
        claims.push((Claim::from_count(&o.count, o.by, doc_id, o.span), o.partial));
    };
    for f in facts {
        if f.count.point().is_none() && f.count.high.is_none() {
            // Uncounted ("ISIS members killed in the attack"): no figure.
            continue;
        }
        match (&mut open, f.additive) {
            (Some(o), true) => {
                if f.count.point() == Some(0) {
                    continue;
                }
                o.count.add(&f.count);
                o.span = o.span.cover(f.span);
                o.partial = false;
                if o.by.is_none() {
                    o.by.clone_from(&f.claimed_by);
                }
            }
            _ => {
                if let Some(o) = open.take() {
                    close(o, &mut claims);
                }
                if f.additive && f.count.point() == Some(0) {
                    // "no one else was hurt" on its own says nothing.
                    continue;
                }
                open = Some(Open {
                    count: f.count.clone(),
                    by: f.claimed_by.clone(),
                    span: f.span,
                    partial: f.partial,
                });
            }
        }
    }
    if let Some(o) = open {
        close(o, &mut claims);
    }
    let whole_max = claims
        .iter()
        .filter(|(_, p)| !p)
        .filter_map(|(c, _)| c.point().or(c.high))
        .max();
    if let Some(m) = whole_max {
        claims.retain(|(c, p)| !p || c.point().or(c.high).is_some_and(|v| v >= m));
    }
    let mut claims: Vec<Claim> = claims.into_iter().map(|(c, _)| c).collect();
    // A reported zero stands only when nothing positive is reported.
    if claims
        .iter()
        .any(|c| c.point().is_some_and(|p| p > 0) || c.high.is_some_and(|h| h > 0))
    {
        claims.retain(|c| c.point() != Some(0));
    }
    claims
}

/// The article's toll of its own incident from its casualty facts (those
/// with [`Scope::Event`]).
///
/// Killed comes from the killed facts. Injured comes from the injured facts,
/// and from hits ("two people were shot") that are not reported dead: hits
/// minus killed, when that is more than zero.
///
/// ```
/// use sitrep_numbers::{document_toll, extract_casualties};
///
/// let text = "Two people were shot Tuesday, one fatally.";
/// let toll = document_toll("doc-1", &extract_casualties(text, &[], &[]));
/// assert_eq!(toll.killed.and_then(|f| f.best), Some(1));
/// assert_eq!(toll.injured.and_then(|f| f.best), Some(1));
/// ```
#[must_use]
pub fn document_toll(doc_id: &str, casualties: &[Casualty]) -> Toll {
    let of = |o: Outcome| -> Vec<&Casualty> {
        casualties
            .iter()
            .filter(|c| c.scope == Scope::Event && c.outcome == o)
            .collect()
    };
    let killed_claims = chain_claims(doc_id, &of(Outcome::Killed));
    let killed = Figure::from_claims(killed_claims);
    let mut injured_claims = chain_claims(doc_id, &of(Outcome::Injured));
    let hit_claims = chain_claims(doc_id, &of(Outcome::Hit));
    if let Some(hit) = Figure::from_claims(hit_claims) {
        let k = killed.as_ref().and_then(Figure::estimate).unwrap_or(0);
        if let Some(h) = hit.estimate() {
            // The claim that states the winning hit figure.
            let src = hit
                .claims
                .iter()
                .find(|c| c.point() == Some(h))
                .or_else(|| hit.claims.first());
            if h > k {
                if let Some(src) = src {
                    let v = h - k;
                    injured_claims.push(Claim {
                        value: Some(v),
                        low: Some(v),
                        high: Some(v),
                        qualifier: if k == 0 {
                            src.qualifier
                        } else {
                            Qualifier::None
                        },
                        claimed_by: src.claimed_by.clone(),
                        document: doc_id.to_string(),
                        span: src.span,
                    });
                }
            } else if h == 0 && injured_claims.is_empty() {
                if let Some(src) = src {
                    injured_claims.push(src.clone());
                }
            }
        }
    }
    if injured_claims
        .iter()
        .any(|c| c.point().is_some_and(|p| p > 0))
    {
        injured_claims.retain(|c| c.point() != Some(0));
    }
    let injured = Figure::from_claims(injured_claims);
    Toll { killed, injured }
}
