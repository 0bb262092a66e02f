//! Finding the date expressions of a text ([`find_dates`]) and resolving
//! them against the publication date.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use sitrep_text::{lexicon, Span};

use super::clause::future_before;
use super::date::{Basis, EventDate, Precision};

fn month(s: &str) -> Option<u32> {
    lexicon::month_number(s.trim_end_matches('.'))
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).expect("valid date pattern");
    let months = lexicon::month_alternation();
    let weekdays = lexicon::weekday_alternation();
    vec![
        (Kind::Iso, r(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        // US order, as in "Updated: 08/10/2014 4:26 PM".
        (Kind::Numeric, r(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")),
        (
            Kind::MonthDay,
            r(&format!(
                r"\b{months}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::DayMonth,
            r(&format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{months}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthYear,
            r(&format!(r"\b{months}\s+(?:of\s+)?(\d{{4}})\b")),
        ),
        (
            Kind::InMonth,
            r(&format!(
                r"\b(?:[Ii]n|[Ll]ate|[Ee]arly|[Mm]id-?)\s+{months}\b"
            )),
        ),
        (
            Kind::Weekday,
            r(&format!(
                r"\b(?:(last|this|on|next|Last|This|On|Next)\s+)?{weekdays}\b"
            )),
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
    Numeric,
    MonthDay,
    DayMonth,
    MonthYear,
    InMonth,
    Weekday,
    Relative,
}

pub(super) fn weekday(s: &str) -> Option<Weekday> {
    // As written (the patterns match capitalised names only), Monday first.
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let k = lexicon::WEEKDAYS.iter().position(|d| *d == s)?;
    DAYS.get(k).copied()
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

pub(super) fn day_of(date: NaiveDate, precision: Precision, span: Span) -> EventDate {
    EventDate {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
        precision,
        basis: Basis::Stated,
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
                Kind::Numeric => {
                    let y = g(3).and_then(|s| s.parse::<i32>().ok()).map(|y| {
                        if y < 100 {
                            2000 + y
                        } else {
                            y
                        }
                    });
                    match (y, num(1), num(2)) {
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
                                basis: Basis::Stated,
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
                            basis: Basis::Stated,
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
                            basis: Basis::Stated,
                            span,
                        })
                    })
                }
                Kind::Weekday => {
                    let p = published;
                    match (g(2).and_then(weekday), p) {
                        (Some(w), Some(p)) => {
                            let (pw, ww) = (
                                i64::from(p.weekday().num_days_from_monday()),
                                i64::from(w.num_days_from_monday()),
                            );
                            let word = |x: &str| g(1).is_some_and(|y| y.eq_ignore_ascii_case(x));
                            // "Tuesday" in a Tuesday article is that day;
                            // "last Tuesday" the week before. A weekday a
                            // future verb governs ("will be arraigned
                            // Friday") is the next one.
                            let shift = if word("next") || future_before(text, span.start) {
                                let ahead = (7 + ww - pw) % 7;
                                if word("next") && ahead == 0 {
                                    7
                                } else {
                                    ahead
                                }
                            } else {
                                let back = (7 + pw - ww) % 7;
                                -(if word("last") && back == 0 { 7 } else { back })
                            };
                            Some(day_of(p + Duration::days(shift), Precision::Day, span))
                        }
                        _ => None,
                    }
                }
                Kind::Relative => published.and_then(|p| {
                    let w = g(1)?.to_lowercase();
                    Some(match w.as_str() {
                        "yesterday" | "last night" => {
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
                                basis: Basis::Stated,
                                span,
                            }
                        }
                        "last year" => EventDate {
                            year: Some(p.year() - 1),
                            month: 1,
                            day: 1,
                            precision: Precision::Year,
                            basis: Basis::Stated,
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
