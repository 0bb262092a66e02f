//! The public types of a casualty fact: what happened ([`Outcome`]), to
//! whom ([`Group`]), how many ([`Count`]), and for which incident ([`Scope`]).

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

use crate::numbers::{Num, Qualifier};

/// What happened to the victims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Killed, dead, died, fatally shot, eliminated.
    Killed,
    /// Injured, wounded, hurt, sustained injuries.
    Injured,
    /// Shot or otherwise hit, hospitalised, "in critical condition": a
    /// casualty whose fate the clause does not state (they may have died
    /// later). The toll counts hits that are not also reported dead as
    /// injured.
    Hit,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Arrested, detained, taken into custody.
    Arrested,
    /// Missing.
    Missing,
}

/// Who the victims are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Militants, insurgents, terrorists, fighters of an armed group.
    Militants,
    /// Soldiers, troops, service members (see [`Casualty::country`]).
    Military,
    /// Police officers, troopers, deputies.
    Police,
    /// Civilians, residents, children, bystanders.
    Civilians,
    /// Not stated ("a man", "15 people").
    Unknown,
}

/// Whether a fact is about the article's own incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// This article's incident.
    Event,
    /// Another incident the article mentions (an earlier strike, last year's shooting).
    OtherEvent,
    /// Statistics and context: yearly tolls, running totals, estimates.
    Background,
}

/// How many victims a fact reports. `value` is `Some(0)` for a reported
/// zero ("no one was hurt"); all fields `None` when the text gives no
/// number ("ISIS members killed in the attack").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The figure as stated.
    pub value: Option<u64>,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// The hedge.
    pub qualifier: Qualifier,
}

impl Count {
    pub(crate) fn exact(v: u64) -> Count {
        Count {
            value: Some(v),
            low: Some(v),
            high: Some(v),
            qualifier: Qualifier::None,
        }
    }

    pub(crate) fn unknown() -> Count {
        Count {
            value: None,
            low: None,
            high: None,
            qualifier: Qualifier::None,
        }
    }

    /// "At least one", for facts that imply a casualty without counting
    /// ("a fatal shooting", "charged with murder").
    pub(crate) fn implied() -> Count {
        Count {
            value: None,
            low: Some(1),
            high: None,
            qualifier: Qualifier::Vague,
        }
    }

    pub(super) fn from_num(n: &Num) -> Count {
        let conv = |x: Option<f64>| {
            x.filter(|v| v.is_finite() && *v >= 0.0 && *v < 1e13)
                .map(|v| v.round() as u64)
        };
        Count {
            value: conv(n.value),
            low: conv(n.low),
            high: conv(n.high),
            qualifier: n.qualifier,
        }
    }

    /// The single reading: the value, else the lower bound.
    #[must_use]
    pub fn point(&self) -> Option<u64> {
        self.value.or(self.low)
    }

    pub(crate) fn add(&mut self, other: &Count) {
        let add = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        let (v, l, h) = (
            add(self.value, other.value),
            add(self.point(), other.point()),
            add(self.high, other.high),
        );
        self.value = v;
        self.low = l;
        self.high = h;
        if self.qualifier == Qualifier::None {
            self.qualifier = other.qualifier;
        }
    }
}

/// One casualty fact, as a sentence of the article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualty {
    /// The words that state it (victims and trigger), in bytes.
    pub span: Span,
    /// What happened.
    pub outcome: Outcome,
    /// How many.
    pub count: Count,
    /// The victims as written ("at least seven ISIS operatives", "two others").
    pub victims: String,
    /// Who they are.
    pub group: Group,
    /// The country of a military or police group, when named ("United States").
    pub country: Option<String>,
    /// Who says so ("CENTCOM", "Iraq's Joint Operations Command", "police").
    pub claimed_by: Option<String>,
    /// This incident, another one, or background.
    pub scope: Scope,
    /// These victims come in addition to an earlier fact's ("two others",
    /// "another man", "a second victim"): the toll adds them up.
    pub additive: bool,
    /// The victims are one person named or described without a number
    /// ("Jassim al-Mazrouei", "the victim", "he") or a part of a group ("one
    /// of the wounded"): a partial mention, which the toll does not read as
    /// a total when a larger count is reported.
    pub partial: bool,
}
