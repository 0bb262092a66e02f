//! A resolved date ([`EventDate`]): when, how precise, and what it rests on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_text::Span;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day.
    Day,
    /// A week (the date is its first day).
    Week,
    /// A month (the date is its first day).
    Month,
    /// A year (the date is January 1).
    Year,
}

impl Precision {
    /// Its name as written in the output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// What a date rests on.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// An expression in the text (a relative one resolved against the
    /// publication date).
    #[default]
    Stated,
    /// Nothing in the text: the publication date stands in for it.
    Publication,
}

/// A resolved date; `year` is `None` when the text gives a day and month
/// only and there is no publication date to take the year from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    /// Year, when known.
    pub year: Option<i32>,
    /// Month (1–12; 1 for year precision).
    pub month: u32,
    /// Day of month (the first day of the period for coarser precision).
    pub day: u32,
    /// How precise it is.
    pub precision: Precision,
    /// What it rests on (by default [`Basis::Stated`]).
    #[serde(default)]
    pub basis: Basis,
    /// Where it is stated (empty when it is not).
    pub span: Span,
}

impl EventDate {
    /// The date when the year is known.
    #[must_use]
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// ACLED's time precision: 1 when the text states the day, 2 when the
    /// incident is known to a few days or a week (a week, or a day taken
    /// from the publication date), 3 when known to the month or coarser.
    #[must_use]
    pub fn time_precision(&self) -> u8 {
        match (self.precision, self.basis) {
            (Precision::Day, Basis::Stated) => 1,
            (Precision::Day, Basis::Publication) | (Precision::Week, _) => 2,
            (Precision::Month | Precision::Year, _) => 3,
        }
    }

    /// `YYYY-MM-DD`, or `XXXX-MM-DD` when the year is unknown.
    #[must_use]
    pub fn iso(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("XXXX-{:02}-{:02}", self.month, self.day),
        }
    }

    /// Whether two dates name the same time at the coarser precision of the
    /// two (an unknown year matches any year).
    #[must_use]
    pub fn agrees(&self, other: &EventDate) -> bool {
        let years = match (self.year, other.year) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let coarse = self.precision.max(other.precision);
        match coarse {
            Precision::Year => years,
            Precision::Month => years && self.month == other.month,
            Precision::Week => match (self.date(), other.date()) {
                (Some(a), Some(b)) => (a - b).num_days().abs() <= 6,
                _ => years && self.month == other.month,
            },
            Precision::Day => years && self.month == other.month && self.day == other.day,
        }
    }
}
