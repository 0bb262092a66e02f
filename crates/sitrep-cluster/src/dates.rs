//! When an incident happened: date expressions found in an article and
//! resolved against its publication date.
//!
//! Understood: "October 22", "Oct. 22, 2024", "22 October 2024",
//! "2024-10-22", "in August", "August 2024", weekdays ("Wednesday",
//! "last Thursday", resolved to the latest such day on or before the
//! publication date), "today", "tonight", "this morning", "yesterday",
//! "last night", "overnight" (the night before publication), "last week",
//! "last month", "last year". Without a publication date only expressions
//! that carry their own year resolve fully; a day and month without a year
//! keeps an unknown year (written `XXXX-10-22`, as ISO 8601-2/EDTF writes
//! unspecified digits).

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
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
    /// Where it is stated.
    pub span: Span,
}

impl EventDate {
    /// The date when the year is known.
    #[must_use]
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
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

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == s).map(|(_, n)| *n)
}

const MONTH_RE: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).expect("valid date pattern");
    vec![
        (Kind::Iso, r(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        (
            Kind::MonthDay,
            r(&format!(
                r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::DayMonth,
            r(&format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthYear,
            r(&format!(r"\b{MONTH_RE}\s+(?:of\s+)?(\d{{4}})\b")),
        ),
        (
            Kind::InMonth,
            r(&format!(
                r"\b(?:[Ii]n|[Ll]ate|[Ee]arly|[Mm]id-?)\s+{MONTH_RE}\b"
            )),
        ),
        (
            Kind::Weekday,
            r(
                r"\b(?:(last|this|on|Last|This|On)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            ),
        ),
        (
            Kind::Relative,
            r(
                r"(?i)\b(today|tonight|this morning|this afternoon|this evening|earlier today|yesterday|last night|overnight|last week|last month|last year)\b",
            ),
        ),
    ]
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    MonthDay,
    DayMonth,
    MonthYear,
    InMonth,
    Weekday,
    Relative,
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The year of a day and month stated without one: the publication year,
/// or the year before when that would put the day well after publication.
fn year_for(m: u32, d: u32, published: Option<NaiveDate>) -> Option<i32> {
    let p = published?;
    let this = NaiveDate::from_ymd_opt(p.year(), m, d)?;
    if this > p + Duration::days(7) {
        Some(p.year() - 1)
    } else {
        Some(p.year())
    }
}

fn day_of(date: NaiveDate, precision: Precision, span: Span) -> EventDate {
    EventDate {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
        precision,
        span,
    }
}

/// Every date expression in `text` (byte offsets), resolved against
/// `published` when given, in text order. Expressions that cannot be
/// resolved (a weekday without a publication date) are left out.
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_cluster::{find_dates, Precision};
///
/// let p = NaiveDate::from_ymd_opt(2024, 10, 24);
/// let d = find_dates("The raid on Wednesday followed a strike on October 14.", p);
/// assert_eq!(d[0].iso(), "2024-10-23");
/// assert_eq!(d[1].iso(), "2024-10-14");
/// let d = find_dates("The operation, conducted on October 22, ...", None);
/// assert_eq!((d[0].iso(), d[0].precision), ("XXXX-10-22".to_string(), Precision::Day));
/// ```
#[must_use]
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<EventDate> {
    let mut out: Vec<EventDate> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let span = Span::new(m.start(), m.end());
            if taken
                .iter()
                .any(|t| t.start < span.end && span.start < t.end)
            {
                continue;
            }
            let g = |i: usize| c.get(i).map(|x| x.as_str());
            let num = |i: usize| g(i).and_then(|s| s.parse::<u32>().ok());
            let resolved = match kind {
                Kind::Iso => {
                    let y = g(1).and_then(|s| s.parse::<i32>().ok());
                    match (y, num(2), num(3)) {
                        (Some(y), Some(mo), Some(d)) => NaiveDate::from_ymd_opt(y, mo, d)
                            .map(|dt| day_of(dt, Precision::Day, span)),
                        _ => None,
                    }
                }
                Kind::MonthDay | Kind::DayMonth => {
                    let (mo, d) = if *kind == Kind::MonthDay {
                        (g(1).and_then(month), num(2))
                    } else {
                        (g(2).and_then(month), num(1))
                    };
                    let y = g(3).and_then(|s| s.parse::<i32>().ok());
                    match (mo, d) {
                        (Some(mo), Some(d)) if (1..=31).contains(&d) => {
                            let year = y.or_else(|| year_for(mo, d, published));
                            let valid =
                                NaiveDate::from_ymd_opt(year.unwrap_or(2000), mo, d).is_some();
                            valid.then_some(EventDate {
                                year,
                                month: mo,
                                day: d,
                                precision: Precision::Day,
                                span,
                            })
                        }
                        _ => None,
                    }
                }
                Kind::MonthYear => {
                    let y = g(2).and_then(|s| s.parse::<i32>().ok());
                    match (g(1).and_then(month), y) {
                        (Some(mo), Some(y)) => Some(EventDate {
                            year: Some(y),
                            month: mo,
                            day: 1,
                            precision: Precision::Month,
                            span,
                        }),
                        _ => None,
                    }
                }
                Kind::InMonth => {
                    // "May" alone is too often the verb; only "in May" etc.
                    g(1).and_then(month).and_then(|mo| {
                        let p = published?;
                        let year = if mo > p.month() {
                            p.year() - 1
                        } else {
                            p.year()
                        };
                        Some(EventDate {
                            year: Some(year),
                            month: mo,
                            day: 1,
                            precision: Precision::Month,
                            span,
                        })
                    })
                }
                Kind::Weekday => {
                    let p = published;
                    match (g(2).and_then(weekday), p) {
                        (Some(w), Some(p)) => {
                            let back = (7 + p.weekday().num_days_from_monday()
                                - w.num_days_from_monday())
                                % 7;
                            let last = g(1).is_some_and(|x| x.eq_ignore_ascii_case("last"));
                            let back = if last && back == 0 { 7 } else { back };
                            Some(day_of(
                                p - Duration::days(i64::from(back)),
                                Precision::Day,
                                span,
                            ))
                        }
                        _ => None,
                    }
                }
                Kind::Relative => published.and_then(|p| {
                    let w = g(1)?.to_lowercase();
                    Some(match w.as_str() {
                        "yesterday" | "last night" | "overnight" => {
                            day_of(p - Duration::days(1), Precision::Day, span)
                        }
                        "last week" => {
                            let start = p - Duration::days(
                                7 + i64::from(p.weekday().num_days_from_monday()),
                            );
                            day_of(start, Precision::Week, span)
                        }
                        "last month" => {
                            let (y, mo) = if p.month() == 1 {
                                (p.year() - 1, 12)
                            } else {
                                (p.year(), p.month() - 1)
                            };
                            EventDate {
                                year: Some(y),
                                month: mo,
                                day: 1,
                                precision: Precision::Month,
                                span,
                            }
                        }
                        "last year" => EventDate {
                            year: Some(p.year() - 1),
                            month: 1,
                            day: 1,
                            precision: Precision::Year,
                            span,
                        },
                        _ => day_of(p, Precision::Day, span),
                    })
                }),
            };
            if let Some(r) = resolved {
                taken.push(span);
                out.push(r);
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

/// The date of the incident an article reports: the first date stated in
/// its lead (the first `lead_sentences` sentences) or in one of `event_sentences`
/// (sentences that state the incident's casualties), preferring day
/// precision, never after publication, and not more than a year before it.
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_cluster::event_date;
/// use sitrep_text::split_sentences;
///
/// let text = "Two people were shot Thursday night in Gary. Police said a man was arrested last month.";
/// let s = split_sentences(text);
/// let d = event_date(text, &s, &[], NaiveDate::from_ymd_opt(2014, 2, 15)).unwrap();
/// assert_eq!(d.iso(), "2014-02-13");
/// ```
#[must_use]
pub fn event_date(
    text: &str,
    sentences: &[Span],
    event_sentences: &[Span],
    published: Option<NaiveDate>,
) -> Option<EventDate> {
    const LEAD: usize = 3;
    let lead_end = sentences
        .get(LEAD.min(sentences.len()).saturating_sub(1))
        .map_or(text.len().min(600), |s| s.end);
    let in_scope = |d: &EventDate| {
        d.span.start < lead_end
            || event_sentences
                .iter()
                .any(|s| s.start <= d.span.start && d.span.end <= s.end)
    };
    let plausible = |d: &EventDate| match (d.date(), published) {
        (Some(x), Some(p)) => x <= p && (p - x).num_days() <= 366,
        _ => true,
    };
    let found: Vec<EventDate> = find_dates(text, published)
        .into_iter()
        .filter(|d| in_scope(d) && plausible(d))
        .collect();
    found
        .iter()
        .find(|d| d.precision == Precision::Day)
        .or_else(|| found.first())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn expressions_resolve() {
        // 2024-10-24 is a Thursday.
        let rows: &[(&str, Option<NaiveDate>, &str, Precision)] = &[
            (
                "on October 22",
                p(2024, 10, 24),
                "2024-10-22",
                Precision::Day,
            ),
            ("Oct. 22, 2023", None, "2023-10-22", Precision::Day),
            ("22 October 2024", None, "2024-10-22", Precision::Day),
            ("on 2024-10-22", None, "2024-10-22", Precision::Day),
            (
                "on Wednesday",
                p(2024, 10, 24),
                "2024-10-23",
                Precision::Day,
            ),
            ("on Thursday", p(2024, 10, 24), "2024-10-24", Precision::Day),
            (
                "last Thursday",
                p(2024, 10, 24),
                "2024-10-17",
                Precision::Day,
            ),
            ("yesterday", p(2024, 10, 24), "2024-10-23", Precision::Day),
            ("overnight", p(2024, 10, 24), "2024-10-23", Precision::Day),
            ("last month", p(2024, 1, 10), "2023-12-01", Precision::Month),
            ("in August", p(2024, 10, 24), "2024-08-01", Precision::Month),
            (
                "in December",
                p(2024, 10, 24),
                "2023-12-01",
                Precision::Month,
            ),
            ("August 2024", None, "2024-08-01", Precision::Month),
            ("last year", p(2024, 10, 24), "2023-01-01", Precision::Year),
            (
                "on December 30",
                p(2025, 1, 2),
                "2024-12-30",
                Precision::Day,
            ),
            ("on October 22", None, "XXXX-10-22", Precision::Day),
        ];
        for (text, pubd, iso, prec) in rows {
            let d = find_dates(text, *pubd);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!(
                (d[0].iso().as_str(), d[0].precision),
                (*iso, *prec),
                "{text}"
            );
            assert!(d[0].span.slice(text).is_some());
        }
    }

    #[test]
    fn unresolvable_left_out() {
        assert!(find_dates("on Wednesday", None).is_empty());
        assert!(find_dates("She may go. In May 32 people came.", None).is_empty());
        assert!(find_dates("February 30, 2024", None).is_empty());
    }

    #[test]
    fn event_date_prefers_lead_day() {
        let text =
            "Police said the shooting happened early Sunday. Background: in 2019 a similar case. \
                    Another line. A man was arrested on March 3 for something else.";
        let s = sitrep_text::split_sentences(text);
        let d = event_date(text, &s, &[], p(2016, 6, 13)).expect("a date");
        assert_eq!(d.iso(), "2016-06-12");
    }

    #[test]
    fn agreement() {
        let a = find_dates("October 22", None)[0];
        let b = find_dates("Oct. 22, 2024", None)[0];
        let c = find_dates("in October", p(2024, 11, 2))[0];
        let e = find_dates("October 14, 2024", None)[0];
        assert!(a.agrees(&b));
        assert!(b.agrees(&c));
        assert!(!b.agrees(&e));
    }
}
