//! Tests of finding dates and choosing the incident's.

use chrono::NaiveDate;

use super::clause::{clause_after, clause_before};
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
