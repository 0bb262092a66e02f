//! When an incident happened: date expressions found in an article and
//! resolved against its publication date.
//!
//! Understood: "October 22", "Oct. 22, 2024", "22 October 2024",
//! "2024-10-22", "10/22/2024", "in August", "August 2024", weekdays
//! ("Wednesday", "last Thursday", resolved to the latest such day on or
//! before the publication date; "next Friday", or a weekday a future verb
//! governs, "will be arraigned Friday", to the next one), "today",
//! "tonight", "this morning", "yesterday", "last night", "overnight" (the
//! small hours of the publication day), "last week", "last month", "last
//! year". Without a publication date only expressions that carry their own
//! year resolve fully; a day and month without a year keeps an unknown year
//! (written `XXXX-10-22`, as ISO 8601-2/EDTF writes unspecified digits).
//! [`event_date`] picks the incident's own date among them.

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
        // US order, as in "Updated: 08/10/2014 4:26 PM".
        (Kind::Numeric, r(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")),
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
                r"\b(?:(last|this|on|next|Last|This|On|Next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
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
    Numeric,
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

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The words of the clause right before byte `at`: at most `max` bytes, cut
/// at a line break or at the end of a sentence (a full stop after a word of
/// four letters or more, so that "p.m." and "Jan." do not cut).
fn clause_before(text: &str, at: usize, max: usize) -> &str {
    let at = floor_boundary(text, at);
    let from = ceil_boundary(text, at.saturating_sub(max));
    let window = &text[from..at];
    let mut cut = 0;
    for (i, c) in window.char_indices() {
        match c {
            '\n' | ';' | '!' | '?' => cut = i + c.len_utf8(),
            '.' => {
                let word = window[..i]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if word.chars().count() >= 4 {
                    cut = i + 1;
                }
            }
            _ => {}
        }
    }
    &window[cut..]
}

/// The words right after byte `at`, at most `max` bytes, up to a line break.
fn clause_after(text: &str, at: usize, max: usize) -> &str {
    let at = ceil_boundary(text, at);
    let to = floor_boundary(text, at + max);
    let window = &text[at..to.max(at)];
    window.split('\n').next().unwrap_or("")
}

/// Words that put the time they govern after the writing: "will be
/// arraigned", "is scheduled to appear", "set for", "next".
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|\w+'ll|\w+’ll|(?:is|are) (?:scheduled|set|due|expected)|set for|scheduled for|plans? to|planned for|upcoming|next)\b",
    )
    .expect("valid pattern")
});

/// Whether a future verb governs the time expression starting at `at`.
fn future_before(text: &str, at: usize) -> bool {
    FUTURE.is_match(clause_before(text, at, 48))
}

/// What the words next to a date tie it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    /// Something later than the incident: a court date, a funeral, an
    /// arrest, a death in hospital, a statement ("police said Monday").
    FollowUp,
    /// Nothing either way.
    Neutral,
    /// The incident itself: "was shot Sunday", "Sunday's shooting".
    Incident,
}

/// Cue words, the nearest one before a date deciding: incident words and
/// follow-up words in one alternation, told apart by the capture group.
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:(shot|shoot\w*|gunned|gunfire|gunshots?|fired|firing|opened fire|killed|killing|slain|slaying|",
        r"murder\w*|wounded|injured|hurt|stabbed|struck|hit|attack\w*|robbed|robbery|happened|occurred|",
        r"took place|broke out|erupted|responded|found|discovered|incident|dead|deadly|fatal\w*)",
        r"|(arraign\w*|charg\w+|booked|court|hearing|trial|sentenc\w*|plead\w*|indict\w*|convicted|",
        r"funeral|vigil|memorial|services?|buried|burial|autopsy|released|bond|bail|jail\w*|custody|",
        r"arrest\w*|surrender\w*|turned himself|identified|named|died|passed away|succumbed|",
        r"said|says|told|announced|confirmed|updated|statement|conference|appear\w*))\b"
    ))
    .expect("valid pattern")
});

/// Nouns right after a date that make it the incident's ("Sunday's
/// shooting", "the Jan. 16 slaying") or a later event's ("Monday's hearing").
static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:'s|’s)?\s*(?:(?:morning|afternoon|evening|night|early|late)\s+)?(?:",
        r"(shooting|slaying|killing|homicide|attack|incident|rampage|massacre|murder|stabbing|gunfire|robbery|",
        r"home invasion|standoff|crash)|",
        r"(arraignment|hearing|court|funeral|vigil|memorial|service|news conference|press conference|statement))\b"
    ))
    .expect("valid pattern")
});

fn cue(text: &str, span: Span) -> Cue {
    if let Some(c) = CUE_AFTER.captures(clause_after(text, span.end, 40)) {
        return if c.get(1).is_some() {
            Cue::Incident
        } else {
            Cue::FollowUp
        };
    }
    match CUE_BEFORE
        .captures_iter(clause_before(text, span.start, 80))
        .last()
    {
        Some(c) if c.get(1).is_some() => Cue::Incident,
        Some(_) => Cue::FollowUp,
        None => Cue::Neutral,
    }
}

/// A publication stamp an outlet writes into its page ("Posted: Saturday,
/// June 27, 2015 10:39 PM EDT", "(Published Tuesday, April 28, 2015)",
/// "Updated: 08/10/2014 4:26 PM", "Created: …"): the keyword, and whether
/// it is a later revision ("Updated").
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(posted|published|created|first published)|((?:last )?updated|modified))(?:\s+on)?\s*:?\s*")
        .expect("valid pattern")
});

/// Stamps are looked for in the first bytes of a page only.
const STAMP_BYTES: usize = 800;

/// The dates of an outlet's publication stamps in the first bytes of `text`:
/// the spans they cover (keyword, weekday, date and time) and the date the
/// page was first published (the earliest "Posted"/"Published"/"Created"
/// date, else the earliest "Updated" one).
fn stamps(text: &str) -> (Vec<Span>, Option<NaiveDate>) {
    let head = &text[..floor_boundary(text, STAMP_BYTES)];
    let found = find_dates(head, None);
    let mut spans = Vec::new();
    let (mut first, mut updated): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for m in STAMP.captures_iter(head) {
        let Some(k) = m.get(0) else { continue };
        // The stamp's date: the first dated expression with a year that
        // starts within a weekday's reach of the keyword.
        let mut end = k.end();
        let mut covered = Vec::new();
        for d in found.iter().filter(|d| d.span.start >= k.end()) {
            // Only a weekday may stand between ("Posted: Saturday, June 27").
            let gap = head[end..d.span.start].trim_matches([',', ' ']);
            if !(gap.is_empty() || weekday(gap).is_some()) {
                break;
            }
            end = d.span.end;
            covered.push(*d);
            if d.year.is_some() {
                break;
            }
        }
        let Some(date) = covered
            .iter()
            .rev()
            .find(|d| d.precision == Precision::Day)
            .and_then(EventDate::date)
        else {
            continue;
        };
        spans.push(Span::new(k.start(), end));
        let slot = if m.get(1).is_some() {
            &mut first
        } else {
            &mut updated
        };
        *slot = Some(slot.map_or(date, |x| x.min(date)));
    }
    (spans, first.or(updated))
}

/// The date of the incident an article reports, read from the time
/// expressions of its lead (the first three sentences of `sentences`) and
/// of `event_sentences` (those stating its casualties), resolved against
/// the publication date: the page's own publication stamp when it has one
/// (which the crawl date `published` may not be), else `published`.
///
/// Each expression is weighed by what the words around it tie it to: the
/// incident ("was shot Sunday", "Sunday's shooting") above nothing, nothing
/// above something later (a court date, an arrest, a funeral, a death in
/// hospital, "police said Monday"); then the lead's first sentence above
/// the rest; then text order. Expressions in the future ("will be arraigned
/// Friday"), in a stamp, after publication or more than a year before it
/// are left out. When no day is stated the publication date stands in for
/// it, with [`Basis::Publication`] (time precision 2).
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_cluster::event_date;
/// use sitrep_text::split_sentences;
///
/// let text = "Two people were shot Thursday night in Gary. Police said a man was arrested last month.";
/// let s = split_sentences(text);
/// let d = event_date(text, &s, &[], NaiveDate::from_ymd_opt(2014, 2, 15)).unwrap();
/// assert_eq!((d.iso(), d.time_precision()), ("2014-02-13".to_string(), 1));
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
    let first_end = sentences.first().map_or(lead_end, |s| s.end);
    let (stamp_spans, stamped) = stamps(text);
    let published = stamped.or(published);
    let in_stamp = |d: &EventDate| {
        stamp_spans
            .iter()
            .any(|s| s.start <= d.span.start && d.span.end <= s.end)
    };
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
    let found: Vec<(EventDate, Cue)> = find_dates(text, published)
        .into_iter()
        .filter(|d| in_scope(d) && plausible(d) && !in_stamp(d))
        .filter(|d| !future_before(text, d.span.start))
        .map(|d| (d, cue(text, d.span)))
        .collect();
    let best = found
        .iter()
        .filter(|(d, _)| d.precision == Precision::Day)
        .max_by_key(|(d, c)| {
            (
                *c,
                d.span.start < first_end,
                std::cmp::Reverse(d.span.start),
            )
        })
        .or_else(|| found.first())
        .map(|(d, _)| *d);
    best.or_else(|| {
        let p = published?;
        Some(EventDate {
            basis: Basis::Publication,
            span: Span::new(0, 0),
            ..day_of(p, Precision::Day, Span::new(0, 0))
        })
    })
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
            ("overnight", p(2024, 10, 24), "2024-10-24", Precision::Day),
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
    fn future_weekdays_and_numeric_dates_resolve() {
        // 2014-01-14 is a Tuesday.
        let rows: &[(&str, &str)] = &[
            ("He will be arraigned Friday.", "2014-01-17"),
            ("A hearing is scheduled for Tuesday.", "2014-01-14"),
            ("They meet next Tuesday.", "2014-01-21"),
            ("He was arraigned Friday.", "2014-01-10"),
            ("Updated: 08/10/2013 4:26 PM", "2013-08-10"),
            ("Posted 12/23/13", "2013-12-23"),
        ];
        for (text, iso) in rows {
            let d = find_dates(text, p(2014, 1, 14));
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!(d[0].iso(), *iso, "{text}");
        }
        assert!(find_dates("13/45/2014 and 1/2 of them", None).is_empty());
    }

    #[test]
    fn incident_dates() {
        // Invented reports; 2014-01-14 is a Tuesday.
        let tue = p(2014, 1, 14);
        // (text, publication date, expected (ISO date, time precision)).
        type Row<'a> = (&'a str, Option<NaiveDate>, Option<(&'a str, u8)>);
        let rows: &[Row<'_>] = &[
            // A weekday is the latest such day on or before publication.
            ("Two men were shot Sunday night outside a bar.", tue, Some(("2014-01-12", 1))),
            ("A woman was shot Tuesday afternoon at her home.", tue, Some(("2014-01-14", 1))),
            // Early-morning hours belong to the day named.
            ("Three people were hurt early Saturday in a shooting.", tue, Some(("2014-01-11", 1))),
            ("A man was shot late Monday on Elm Street.", tue, Some(("2014-01-13", 1))),
            ("Four people were hurt in a shooting overnight.", tue, Some(("2014-01-14", 1))),
            ("A man was shot last night on Main Street.", tue, Some(("2014-01-13", 1))),
            ("A man was shot this morning on Main Street.", tue, Some(("2014-01-14", 1))),
            ("A man was shot yesterday on Main Street.", tue, Some(("2014-01-13", 1))),
            ("A man was shot Jan. 9 on Main Street.", tue, Some(("2014-01-09", 1))),
            ("A man was shot on December 30 on Main Street.", tue, Some(("2013-12-30", 1))),
            // A statement's or a follow-up's day gives way to the incident's.
            ("Police said Monday that a man was shot Saturday.", tue, Some(("2014-01-11", 1))),
            (
                "A teen was charged Monday in the killing. The shooting happened Friday on Elm Street.",
                tue,
                Some(("2014-01-10", 1)),
            ),
            ("He died Sunday at a hospital. He had been shot Friday night.", tue, Some(("2014-01-10", 1))),
            (
                "Funeral services will be held Saturday. The boy was shot Jan. 9 outside his home.",
                tue,
                Some(("2014-01-09", 1)),
            ),
            // The future is never the incident's day.
            ("A man was shot. He will be arraigned Tuesday.", tue, Some(("2014-01-14", 2))),
            // Nothing stated: the publication day, flagged.
            ("A man was shot on Main Street, police said.", tue, Some(("2014-01-14", 2))),
            ("A man was shot on Main Street, police said.", None, None),
            // Without a publication date a day keeps an unknown year.
            ("The operation, conducted on October 22, killed nine.", None, Some(("XXXX-10-22", 1))),
            // The page's own stamp beats a crawl date.
            (
                "Posted: Saturday, June 27, 2015 10:39 PM EDT Updated: Sunday, June 28, 2015 2:26 PM EDT\n\n\
                 A man was killed in a shooting Saturday evening.",
                p(2017, 1, 28),
                Some(("2015-06-27", 1)),
            ),
            (
                "Updated: 08/10/2014 4:26 PM Created: 08/09/2014 5:14 AM\n\nNine people were injured early Saturday.",
                p(2017, 1, 28),
                Some(("2014-08-09", 1)),
            ),
            (
                "Deputies found a man shot dead. (Published Tuesday, April 28, 2015)\n\nNo one was arrested.",
                p(2015, 5, 2),
                Some(("2015-04-28", 2)),
            ),
        ];
        for (text, published, want) in rows {
            let s = sitrep_text::split_sentences(text);
            let got = event_date(text, &s, &[], *published);
            let got = got.as_ref().map(|d| (d.iso(), d.time_precision()));
            let want = want.map(|(iso, tp)| (iso.to_string(), tp));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn nothing_panics_on_odd_text() {
        let texts = [
            "",
            "é",
            "Posted:",
            "Updated: ",
            "Posted: Monday,",
            "…Sunday…",
            "Published 99/99/9999",
            "ééé Saturday, ééé. Jan. 32, 2014 on 2/30/2014 at 0/0/00",
        ];
        for t in texts {
            for p in [None, p(2014, 1, 14), NaiveDate::from_ymd_opt(1, 1, 1)] {
                let s = sitrep_text::split_sentences(t);
                let _ = event_date(t, &s, &[], p);
                let _ = find_dates(t, p);
                for i in 0..=t.len() {
                    let _ = clause_before(t, i, 7);
                    let _ = clause_after(t, i, 7);
                }
            }
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
