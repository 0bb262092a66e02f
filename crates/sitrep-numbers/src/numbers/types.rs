//! The public types of a numeric expression ([`NumberMention`], its
//! [`Qualifier`] and [`NumberKind`]) and the parser's own ([`Num`], [`Core`]).

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

/// How a number is hedged in the text.
///
/// Bounds follow from the qualifier (see [`NumberMention`]): `at_least` and
/// `more_than` give a lower bound only, `up_to`, `less_than` and `nearly` an
/// upper bound only, `approximately` neither, `none` and `exact` both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier written: "nine", "2,500".
    None,
    /// Stated as exact: "exactly 12", "a total of nine".
    Exact,
    /// "at least", "no fewer than", "or more", "50-plus".
    AtLeast,
    /// "more than", "over", "upwards of", "in excess of".
    MoreThan,
    /// "up to", "as many as", "at most", "no more than".
    UpTo,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "about", "around", "roughly", "approximately", "some", "an estimated", "or so".
    Approximately,
    /// A vague quantity word ("several", "multiple", "dozens", "hundreds"):
    /// the value, if any, is a documented conventional reading.
    Vague,
}

/// What a number measures. Only [`NumberKind::Count`] can be a head count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things ("nine militants", "121 strikes", "killing 15").
    Count,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// A year or decade ("2024", "the 1990s", "mid-2010s").
    Year,
    /// A calendar date's day ("Oct. 22", "14 October", "12/25/2015").
    Date,
    /// A clock time ("8:20 a.m.", "7 p.m.").
    Time,
    /// An age ("18-year-old", "aged 25", "John Smith, 36,").
    Age,
    /// An amount of money ("$6", "420 million finnish markka").
    Money,
    /// A percentage ("27 %", "5 percent").
    Percent,
    /// A measurement or duration ("ten miles", "3-inch", "20 minutes", "90 degrees").
    Measure,
    /// An identifier, not a quantity: phone numbers, street addresses,
    /// route or channel numbers, model names ("AK-47").
    Other,
}

/// One numeric expression found in a text.
///
/// `value` is the figure as stated (`None` for ranges and for vague words
/// that have no conventional reading); `low`/`high` are the bounds the
/// expression supports. A plain or exact number has `low == high == value`;
/// "at least 7" has `low = 7`, no `high`; "up to 30" has `high = 30`, no
/// `low`; "about 2,500" has neither bound; "1,500 to 3,000" has no `value`,
/// `low = 1500`, `high = 3000`.
///
/// Vague words, with the readings used: "a couple" = 2; "a dozen" = 12;
/// "dozens" = 12 and "scores" = 20 (ACLED's conservative readings; no upper
/// bound); "hundreds" = 100, "thousands" = 1,000, "tens of thousands" =
/// 10,000, "hundreds of thousands" = 100,000, "millions" = 1,000,000 (each a
/// lower bound); "several" has no value and `low = 3`; "multiple", "a few"
/// and "a handful" have no value and `low = 2`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Where it is (qualifier included), in bytes.
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// The figure as stated.
    pub value: Option<f64>,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// The hedge.
    pub qualifier: Qualifier,
    /// What it measures.
    pub kind: NumberKind,
}

/// A number as the crate sees it internally, with token positions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    /// First token (qualifier included).
    pub first: usize,
    /// First token of the number itself (after qualifier and currency sign).
    pub core: usize,
    /// One past the last token.
    pub last: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
}

/// A number without its qualifier: where it ends and what it is worth.
#[derive(Debug, Clone, Copy)]
pub(super) struct Core {
    pub(super) end: usize,
    pub(super) value: Option<f64>,
    pub(super) low: Option<f64>,
    pub(super) vague: bool,
    pub(super) ordinal: bool,
    /// A bare digit token (no scale, no words).
    pub(super) plain_digits: bool,
    /// A scale word was applied ("1.5 million").
    pub(super) scaled: bool,
    /// Date or time shape detected while parsing ("12/25", "8:20").
    pub(super) shape: Option<NumberKind>,
}
