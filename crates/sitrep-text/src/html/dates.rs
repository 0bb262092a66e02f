//! Dates as pages print them, for pages whose markup names no date: in the
//! text of a date line ("Donnerstag, 15.2.2018, 19:51", "27 juin 2019",
//! "December 4, 2006"), in the page's address (`/2014/07/19/`) and in the
//! JSON of its scripts (`"published_at":"2019-03-02T06:22:28+01:00"`).
//!
//! The scanner reads numbers, words and separators and knows these shapes:
//!
//! | shape | example |
//! |---|---|
//! | year, month, day | `2019-06-27`, `2016/12/23`, `2018.06.10` |
//! | day, month, year with dots or dashes | `16.12.2012`, `15.2.2018`, `06-08-2009` |
//! | numbers with slashes | `08/08/2017`: month first in English, day first elsewhere, unless a part is over 12 |
//! | day, month's name, year | `6. August 2009`, `27 juin 2019`, `23 Oct. 2024`, `1er mars 2020`, `5 de junio de 2019` |
//! | month's name, day, year | `December 4, 2006`, `Dezember 16th, 2012` |
//!
//! Month names are English ([`month_number`]) or those of
//! [`FOREIGN_MONTH_NAMES`](crate::lexicon::FOREIGN_MONTH_NAMES); years run
//! from 1990 to 2100, and a date must exist.

use chrono::{FixedOffset, NaiveDate};

use crate::lexicon::{foreign_month_number, month_number};

/// Years a page's date may have.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A run of digits: its value and number of digits.
    Num(u32, usize),
    /// A run of letters, lower-cased.
    Word(String),
    /// Any other character but white space.
    Sep(char),
}

/// The tokens of `text`, each with whether white space came before it.
fn tokens(text: &str) -> Vec<(Tok, bool)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut space = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            space = true;
            chars.next();
        } else if c.is_ascii_digit() {
            let (mut value, mut digits) = (0u32, 0usize);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(d as u32 - '0' as u32);
                digits += 1;
                chars.next();
            }
            out.push((Tok::Num(value, digits), space));
            space = false;
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                word.extend(l.to_lowercase());
                chars.next();
            }
            out.push((Tok::Word(word), space));
            space = false;
        } else {
            out.push((Tok::Sep(c), space));
            space = false;
            chars.next();
        }
    }
    out
}

fn month_of(word: &str) -> Option<u32> {
    month_number(word).or_else(|| foreign_month_number(word))
}

fn date(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    let y = i32::try_from(y).ok().filter(|y| YEARS.contains(y))?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Ordinal endings after a day's number ("16th", "1er").
const ORDINALS: &[&str] = &["er", "nd", "rd", "st", "th", "º"];

/// Whether the page writes numeric dates month first (English pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    MonthFirst,
    DayFirst,
}

/// The dates written in `text`, in order.
pub(super) fn text_dates(text: &str, order: Order) -> Vec<NaiveDate> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((d, used)) = date_at(&toks, i, order) {
            out.push(d);
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at token `i`, and how many tokens it takes.
fn date_at(t: &[(Tok, bool)], i: usize, order: Order) -> Option<(NaiveDate, usize)> {
    let num = |k: usize| match t.get(k) {
        Some((Tok::Num(v, n), _)) => Some((*v, *n)),
        _ => None,
    };
    // The separator at k, when nothing spaces it from its neighbours.
    let tight = |k: usize| match (t.get(k), t.get(k + 1)) {
        (Some((Tok::Sep(c), false)), Some((_, false))) => Some(*c),
        _ => None,
    };
    let word = |k: usize| match t.get(k) {
        Some((Tok::Word(w), _)) => Some(w.as_str()),
        _ => None,
    };
    let sep = |k: usize, c: char| matches!(t.get(k), Some((Tok::Sep(s), _)) if *s == c);
    let (a, an) = match num(i) {
        Some(x) => x,
        None => return month_name_first(t, i),
    };
    // Numbers joined by one separator: 2019-06-27, 16.12.2012, 08/08/2017.
    if let (Some(s1), Some((b, bn)), Some(s2), Some((c, cn))) =
        (tight(i + 1), num(i + 2), tight(i + 3), num(i + 4))
    {
        if s1 == s2 && bn <= 2 {
            let found = if an == 4 && cn <= 2 && matches!(s1, '-' | '/' | '.') {
                date(a, b, c)
            } else if an <= 2 && cn == 4 {
                match s1 {
                    '.' | '-' => date(c, b, a),
                    '/' => {
                        let month_first = b > 12 || (a <= 12 && order == Order::MonthFirst);
                        if month_first {
                            date(c, a, b)
                        } else {
                            date(c, b, a)
                        }
                    }
                    _ => None,
                }
            } else {
                None
            };
            return found.map(|d| (d, 5));
        }
    }
    // Day, month's name, year: "6. August 2009", "1er mars 2020", "5 de junio de 2019".
    if an > 2 {
        return None;
    }
    let mut k = i + 1;
    if sep(k, '.') || word(k).is_some_and(|w| ORDINALS.contains(&w)) {
        k += 1;
    }
    if word(k) == Some("de") {
        k += 1;
    }
    let month = word(k).and_then(month_of)?;
    k += 1;
    if sep(k, '.') {
        k += 1;
    }
    if sep(k, ',') || word(k) == Some("de") {
        k += 1;
    }
    let (y, yn) = num(k)?;
    (yn == 4).then_some(())?;
    date(y, month, a).map(|d| (d, k + 1 - i))
}

/// Month's name, day, year: "December 4, 2006", "Dezember 16th, 2012".
fn month_name_first(t: &[(Tok, bool)], i: usize) -> Option<(NaiveDate, usize)> {
    let Some((Tok::Word(w), _)) = t.get(i) else {
        return None;
    };
    let month = month_of(w)?;
    let mut k = i + 1;
    if matches!(t.get(k), Some((Tok::Sep('.'), _))) {
        k += 1;
    }
    let Some((Tok::Num(d, dn), _)) = t.get(k) else {
        return None;
    };
    (*dn <= 2).then_some(())?;
    k += 1;
    if matches!(t.get(k), Some((Tok::Word(o), _)) if ORDINALS.contains(&o.as_str())) {
        k += 1;
    }
    if matches!(t.get(k), Some((Tok::Sep(','), _))) {
        k += 1;
    }
    let Some((Tok::Num(y, 4), _)) = t.get(k) else {
        return None;
    };
    date(*y, month, *d).map(|date| (date, k + 1 - i))
}

/// The date in a page's address: `/2014/07/19/`, `/2019-06-27-title`.
pub(super) fn url_date(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let toks = tokens(path);
    let after_slash = |i: usize| i > 0 && matches!(toks.get(i - 1), Some((Tok::Sep('/'), _)));
    (0..toks.len()).find_map(|i| match toks.get(i) {
        Some((Tok::Num(_, 4), _)) => date_at(&toks, i, Order::DayFirst)
            .filter(|_| matches!(toks.get(i + 1), Some((Tok::Sep('/' | '-'), _))))
            .map(|(d, _)| d),
        // /20200428/ or /20030331_speech.html
        Some((Tok::Num(v, 8), _)) if after_slash(i) => date(v / 10_000, v / 100 % 100, v % 100),
        _ => None,
    })
}

/// Keys under which scripts' JSON states the publication date.
const SCRIPT_DATE_KEYS: &[&str] = &[
    "\"datePublished\"",
    "\"date_published\"",
    "\"publishDate\"",
    "\"publish_date\"",
    "\"publishedAt\"",
    "\"published_at\"",
    "\"publishedDate\"",
    "\"published_date\"",
    "\"pubDate\"",
    "\"firstPublishedDate\"",
    "\"dateCreated\"",
    "\"createdAt\"",
    "\"created_at\"",
];

/// The first publication date a script's JSON states under one of
/// [`SCRIPT_DATE_KEYS`], whatever the script (state objects, analytics).
pub(super) fn script_date(script: &str) -> Option<NaiveDate> {
    for key in SCRIPT_DATE_KEYS {
        let mut from = 0;
        while let Some(at) = script.get(from..).and_then(|s| s.find(key)) {
            let value_start = from + at + key.len();
            from = value_start;
            let rest = script.get(value_start..)?.trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let rest = rest.trim_start().trim_start_matches('"');
            let value: String = rest
                .chars()
                .take(40)
                .collect::<String>()
                .replace("\\/", "/");
            let value = value.split('"').next().unwrap_or("");
            if let Some(d) = text_dates(value, Order::DayFirst).into_iter().next() {
                return Some(d);
            }
        }
    }
    None
}

/// The first time zone offset other than UTC that a time in `s` states
/// (`22:28:35-05:00`, `10:35:41.085+0100`): the page's own time zone.
pub(super) fn local_offset(s: &str) -> Option<FixedOffset> {
    let b = s.as_bytes();
    let digits = |i: usize, n: usize| {
        b.get(i..i + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let two = |i: usize| i32::from(b[i] - b'0') * 10 + i32::from(b[i + 1] - b'0');
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| r.find(':')) {
        let colon = from + at;
        from = colon + 1;
        // hh:mm[:ss[.fff]] then ±hh[:]mm
        if colon < 2 || !digits(colon - 2, 2) || !digits(colon + 1, 2) {
            continue;
        }
        let mut k = colon + 3;
        if b.get(k) == Some(&b':') && digits(k + 1, 2) {
            k += 3;
            if b.get(k) == Some(&b'.') {
                k += 1;
                while b.get(k).is_some_and(u8::is_ascii_digit) {
                    k += 1;
                }
            }
        }
        let sign = match b.get(k) {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => continue,
        };
        let (h, m) = if digits(k + 1, 2) && b.get(k + 3) == Some(&b':') && digits(k + 4, 2) {
            (two(k + 1), two(k + 4))
        } else if digits(k + 1, 4) {
            (two(k + 1), two(k + 3))
        } else {
            continue;
        };
        if (h, m) != (0, 0) && h <= 14 && m < 60 {
            return FixedOffset::east_opt(sign * (h * 3600 + m * 60));
        }
    }
    None
}

/// The day of a UTC time (`2023-11-09T03:28:35Z`, `…+00:00`) in the page's
/// own time zone; `None` when `s` is no UTC time.
pub(super) fn utc_in(s: &str, offset: FixedOffset) -> Option<NaiveDate> {
    let t = chrono::DateTime::parse_from_rfc3339(s.trim()).ok()?;
    (t.offset().local_minus_utc() == 0).then(|| t.with_timezone(&offset).date_naive())
}

/// Words of a `class` or `id` that mark the element printing the date.
const DATE_LINE_WORDS: &[&str] = &[
    "author",
    "autor",
    "byline",
    "created",
    "date",
    "dateline",
    "datetime",
    "datum",
    "fecha",
    "info",
    "meta",
    "posted",
    "postmeta",
    "pubdate",
    "published",
    "release",
    "submitted",
    "time",
    "timestamp",
];

/// What comes before "date" in one-word names of date lines (`postdate`).
const DATE_PREFIXES: &[&str] = &[
    "article", "blog", "created", "entry", "item", "news", "post", "pub", "publish", "story",
];

/// Whether a `class`/`id` word marks a date line (`date`, `postdate`,
/// `newsdatum`; `itemPostDate` is split into words before).
pub(super) fn is_date_line_word(w: &str) -> bool {
    DATE_LINE_WORDS.binary_search(&w).is_ok()
        || w.ends_with("datum")
        || w.strip_suffix("date")
            .is_some_and(|p| DATE_PREFIXES.contains(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_in_text() {
        let rows: &[(&str, Order, Option<NaiveDate>)] = &[
            (
                "Donnerstag, 15.2.2018, 19:51",
                Order::DayFirst,
                Some(ymd(2018, 2, 15)),
            ),
            (
                "Artikel veröffentlicht am 16.12.2012",
                Order::DayFirst,
                Some(ymd(2012, 12, 16)),
            ),
            (
                "2020-02-19 20:29:58",
                Order::DayFirst,
                Some(ymd(2020, 2, 19)),
            ),
            ("08/08/2017", Order::MonthFirst, Some(ymd(2017, 8, 8))),
            ("10/09/2017", Order::MonthFirst, Some(ymd(2017, 10, 9))),
            ("10/09/2017", Order::DayFirst, Some(ymd(2017, 9, 10))),
            ("25/08/2015", Order::MonthFirst, Some(ymd(2015, 8, 25))),
            (
                "06-08-2009T14:12:32",
                Order::DayFirst,
                Some(ymd(2009, 8, 6)),
            ),
            (
                "jeudi 27 juin 2019",
                Order::DayFirst,
                Some(ymd(2019, 6, 27)),
            ),
            ("6. August 2009", Order::DayFirst, Some(ymd(2009, 8, 6))),
            (
                "on December 4, 2006",
                Order::MonthFirst,
                Some(ymd(2006, 12, 4)),
            ),
            (
                "Sonntag, Dezember 16th, 2012, 7:05 pm",
                Order::DayFirst,
                Some(ymd(2012, 12, 16)),
            ),
            ("23 Oct. 2024", Order::MonthFirst, Some(ymd(2024, 10, 23))),
            ("1er mars 2020", Order::DayFirst, Some(ymd(2020, 3, 1))),
            ("5 de junio de 2019", Order::DayFirst, Some(ymd(2019, 6, 5))),
            (
                "Datum: 22.12.2012, Rubrik: USA",
                Order::DayFirst,
                Some(ymd(2012, 12, 22)),
            ),
            // Not dates: a version, a score, a day that does not exist, a far year.
            ("version 2.10.2", Order::DayFirst, None),
            ("won 3-1", Order::DayFirst, None),
            ("31.02.2019", Order::DayFirst, None),
            ("12.05.1850", Order::DayFirst, None),
            ("1. 2. 2019", Order::DayFirst, None),
            ("May 2019", Order::MonthFirst, None),
        ];
        for (text, order, want) in rows {
            assert_eq!(text_dates(text, *order).first().copied(), *want, "{text}");
        }
    }

    #[test]
    fn dates_in_addresses_and_scripts() {
        assert_eq!(
            url_date("https://die-partei.net/sh/2014/07/19/landesparteitag-2014/"),
            Some(ymd(2014, 7, 19))
        );
        assert_eq!(
            url_date("https://www.example.org/en/2019-12-02-health-workers"),
            Some(ymd(2019, 12, 2))
        );
        assert_eq!(
            url_date("https://www.thelocal.se/20200428/meet-the-swede"),
            Some(ymd(2020, 4, 28))
        );
        assert_eq!(url_date("https://example.org/2019/report.pdf"), None);
        assert_eq!(url_date("https://example.org/item/12345678"), None);
        assert_eq!(
            script_date(
                r#"{"id":7,"published_at":"2019-03-02T06:22:28+01:00","created_at":"2019-01-01"}"#
            ),
            Some(ymd(2019, 3, 2))
        );
        assert_eq!(
            script_date(r#"var d = {"publish_date":"2020\/02\/24","date":"2020-02-24T21:25"}"#),
            Some(ymd(2020, 2, 24))
        );
        assert_eq!(script_date(r#"{"datePublished": null}"#), None);
    }

    #[test]
    fn utc_times_on_the_page_s_own_day() {
        let ny = local_offset(r#"{"date":"2023-11-08T22:28:35-05:00"}"#).unwrap();
        assert_eq!(ny.local_minus_utc(), -5 * 3600);
        assert_eq!(utc_in("2023-11-09T03:28:35Z", ny), Some(ymd(2023, 11, 8)));
        assert_eq!(
            utc_in("2023-11-09T03:28:35+00:00", ny),
            Some(ymd(2023, 11, 8))
        );
        assert_eq!(utc_in("2023-11-09T03:28:35-05:00", ny), None);
        assert_eq!(utc_in("2023-11-09", ny), None);
        assert_eq!(
            local_offset("2020-04-03T10:35:41.085+0100").map(|o| o.local_minus_utc()),
            Some(3600)
        );
        assert_eq!(local_offset("12:00:00+00:00 and 10:30 - 11:00"), None);
    }

    #[test]
    fn date_line_words() {
        for w in ["date", "newsdatum", "postdate", "time", "byline"] {
            assert!(is_date_line_word(w), "{w}");
        }
        for w in ["updated", "candidate", "content", "title"] {
            assert!(!is_date_line_word(w), "{w}");
        }
        for w in DATE_LINE_WORDS.windows(2) {
            assert!(w[0] < w[1], "{w:?}");
        }
    }
}
