//! What a number measures: a count, an age, a date, a year, money, a
//! percentage, a measure, or an identifier.

use super::lexicon::{
    is_month, ones, scale, tens, CURRENCY_WORDS, IDENT_BEFORE, NOT_PLURAL_NOUN, STREET_SUFFIX,
    UNITS,
};
use super::types::{Core, NumberKind};
use crate::token::Doc;

/// Decides what a parsed number measures. `core_start` is the first token of
/// the number (currency sign included), `c` the first digit/word token and
/// `end` one past the last token.
pub(super) fn classify(
    doc: &Doc<'_>,
    core_start: usize,
    c: usize,
    end: usize,
    v: Option<f64>,
    core: Core,
    money: bool,
) -> NumberKind {
    let prev = core_start.wrapping_sub(1);
    let pw = doc.w(prev);
    let nw = doc.w(end);
    let v = v.unwrap_or(0.0);
    let is_int = v.fract() == 0.0;

    if money {
        return NumberKind::Money;
    }
    // Dates: "Oct. 22", "October 14", "14 October", "the 14th of October".
    let month_before =
        is_month(doc, prev) || (doc.is(prev, ".") && is_month(doc, prev.wrapping_sub(1)));
    let month_after = is_month(doc, end) || (doc.is(end, "of") && is_month(doc, end + 1));
    if is_int
        && (1.0..=31.0).contains(&v)
        && (month_before || month_after)
        && !core.vague
        && end == c + 1
    {
        return NumberKind::Date;
    }
    if core.ordinal {
        return NumberKind::Ordinal;
    }
    // Percentages.
    if nw == "%"
        || matches!(nw, "percent" | "pct" | "percentage")
        || doc.seq(end, "per cent").is_some()
    {
        return NumberKind::Percent;
    }
    if CURRENCY_WORDS.contains(&nw) || (nw == "pounds" && doc.is(end + 1, "sterling")) {
        return NumberKind::Money;
    }
    // Ages.
    if is_age_after(doc, end) || matches!(pw, "aged" | "age" | "ages") {
        return NumberKind::Age;
    }
    // "ages 8 and 5": a number right after an age and "and".
    if pw == "and"
        && doc.is_num(prev.wrapping_sub(1))
        && doc.is_any(prev.wrapping_sub(2), &["ages", "aged"])
    {
        return NumberKind::Age;
    }
    // Decades and ages in decades: "the 1990s", "in his 20s", "mid-2010s", "the '90s".
    if doc.is(end, "s") && doc.tight(end - 1) {
        if (doc.is_any(prev, &["his", "her", "their"])
            || doc.is_any(prev, &["early", "mid", "late"])
                && doc.is_any(prev.wrapping_sub(1), &["his", "her", "their"]))
            && v < 100.0
        {
            return NumberKind::Age;
        }
        return NumberKind::Year;
    }
    // Clock times.
    if is_time_after(doc, end) {
        return NumberKind::Time;
    }
    // Identifiers: phone-like, glued to letters, after label words, addresses.
    if let Some(k) = identifier(doc, core_start, c, end, v) {
        return k;
    }
    // Years.
    if core.plain_digits && is_int && (1500.0..=2100.0).contains(&v) && doc.raw(c).len() == 4 {
        let plural_noun_after = doc.is_word(end)
            && !doc.is_cap(end)
            && ((nw.len() > 3
                && nw.ends_with('s')
                && !nw.ends_with("ss")
                && !NOT_PLURAL_NOUN.contains(&nw))
                || matches!(
                    nw,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "personnel"
                        | "staff"
                        | "feet"
                ));
        let year_context = matches!(
            pw,
            "in" | "since"
                | "of"
                | "from"
                | "by"
                | "until"
                | "through"
                | "during"
                | "year"
                | "mid"
                | "early"
                | "late"
                | "before"
                | "after"
        );
        // "1500 troops" is a count; "1988 sales" and "the 2016 elections" are years.
        let people_after = crate::persons::person(nw) == Some(true);
        if plural_noun_after && !year_context && (v < 1900.0 || people_after) {
            return NumberKind::Count;
        }
        return NumberKind::Year;
    }
    // Age after a name: "John Smith, 36, of Allen", "Dunnigan, 42, with".
    let person_before = doc.is_cap(prev.wrapping_sub(1))
        || crate::persons::person(doc.w(prev.wrapping_sub(1))).is_some();
    if is_int && v < 111.0 && !core.vague && core.plain_digits && pw == "," && person_before {
        let after_ok = end >= doc.toks.len()
            || doc.is_any(
                end,
                &[
                    ",", ".", ";", ")", "of", "and", "was", "is", "who", "from", "died", "had",
                    "has", "were",
                ],
            );
        if after_ok && !is_month(doc, prev.wrapping_sub(1)) {
            return NumberKind::Age;
        }
    }
    // "(25)" after a name.
    if is_int && v < 111.0 && pw == "(" && doc.is(end, ")") && doc.is_cap(prev.wrapping_sub(1)) {
        return NumberKind::Age;
    }
    // Measures: "ten miles", "six-mile", "3-inch", "200lbs", "98.6 degrees".
    let unit_at = |k: usize| doc.is_word(k) && UNITS.contains(&doc.w(k));
    if unit_at(end) || (doc.is(end, "-") && doc.tight(end - 1) && unit_at(end + 1)) || nw == "°" {
        // "a second", "the first day": units after ordinals are fine; "2 years old" handled above.
        return NumberKind::Measure;
    }
    NumberKind::Count
}

fn is_age_after(doc: &Doc<'_>, end: usize) -> bool {
    let mut j = end;
    if doc.is(j, "-") {
        j += 1;
    }
    if !doc.is_any(
        j,
        &[
            "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
        ],
    ) {
        return false;
    }
    j += 1;
    if doc.is(j, "-") {
        j += 1;
    }
    doc.is_any(j, &["old", "olds"]) || doc.seq(j, "of age").is_some()
        // GVDB writes "18-year" for ages in annotation-style text: only with the hyphen.
        || (end < doc.toks.len() && doc.is(end, "-") && doc.is(end + 1, "year") && doc.is(end + 2, "-") && doc.is(end + 3, "old"))
}

fn is_time_after(doc: &Doc<'_>, end: usize) -> bool {
    let nw = doc.w(end);
    if matches!(
        nw,
        "am" | "pm"
            | "a.m"
            | "p.m"
            | "o"
            | "hrs"
            | "gmt"
            | "utc"
            | "est"
            | "pst"
            | "cst"
            | "edt"
            | "pdt"
            | "cdt"
    ) {
        if nw == "o" {
            return doc.is_any(end + 1, &["'", "’"]) && doc.is(end + 2, "clock");
        }
        if nw == "hrs" {
            return false;
        }
        return true;
    }
    // "a.m." tokenizes as a . m .
    (nw == "a" || nw == "p") && doc.is(end + 1, ".") && doc.is(end + 2, "m")
}

fn identifier(
    doc: &Doc<'_>,
    core_start: usize,
    c: usize,
    end: usize,
    v: f64,
) -> Option<NumberKind> {
    let prev = core_start.wrapping_sub(1);
    // Letters glued after: "6abc.com", "3M" (units, scales and "s" are read before).
    if doc.is_word(end) && !doc.toks[end].space_before {
        let w = doc.w(end);
        if !(UNITS.contains(&w)
            || scale(w).is_some()
            || matches!(
                w,
                "s" | "am" | "pm" | "a" | "p" | "dozen" | "x" | "m" | "g" | "l" | "k"
            ))
        {
            return Some(NumberKind::Other);
        }
    }
    // Glued to letters: "C183499", "K-9s", "AK-47", "F-16", "COVID-19".
    if core_start > 0 && !doc.toks[core_start].space_before {
        if doc.is_word(prev) {
            return Some(NumberKind::Other);
        }
        if doc.is(prev, "-") && !doc.toks[prev].space_before && doc.is_word(prev.wrapping_sub(1)) {
            let w = doc.w(prev - 1);
            if !matches!(
                w,
                "mid"
                    | "early"
                    | "late"
                    | "pre"
                    | "post"
                    | "about"
                    | "over"
                    | "under"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "and"
                    | "to"
                    | "or"
            ) && ones(w).is_none()
                && tens(w).is_none()
            {
                return Some(NumberKind::Other);
            }
        }
        if doc.is_any(prev, &["#"]) {
            return Some(NumberKind::Other);
        }
    }
    // "No. 5", label words: "Channel 7", "Route 66", "FM 917".
    if doc.is(prev, ".")
        && doc.is_any(
            prev.wrapping_sub(1),
            &["no", "nos", "vol", "art", "sec", "ch", "apt", "rt", "hwy"],
        )
    {
        return Some(NumberKind::Other);
    }
    if doc.is_word(prev) && IDENT_BEFORE.contains(&doc.w(prev)) && doc.is_cap(prev) {
        return Some(NumberKind::Other);
    }
    if doc.is_any(
        prev,
        &[
            "highway",
            "route",
            "interstate",
            "exit",
            "channel",
            "flight",
            "room",
            "suite",
            "precinct",
            "chapter",
            "section",
            "apartment",
            "apt",
        ],
    ) {
        return Some(NumberKind::Other);
    }
    if v == 911.0 && end == c + 1 {
        return Some(NumberKind::Other);
    }
    // Addresses: "2500 block", "608 Savage Road", "2810 W. Arkansas", "3400 N. Main St".
    let int = v.fract() == 0.0 && end == c + 1;
    if int && doc.is(end, "block") {
        return Some(NumberKind::Other);
    }
    if int && v >= 10.0 && doc.is_cap(end) {
        let mut j = end;
        for _ in 0..5 {
            if doc.is_word(j) && STREET_SUFFIX.contains(&doc.w(j)) && doc.is_cap(j) && j > end {
                return Some(NumberKind::Other);
            }
            if doc.is_cap(j) || doc.is(j, ".") || doc.is_num(j) && doc.toks[j].ordinal {
                j += 1;
            } else {
                break;
            }
        }
        // Compass point after the number: "2810 W. Arkansas".
        if doc.is_any(end, &["n", "s", "e", "w", "ne", "nw", "se", "sw"])
            && doc.is(end + 1, ".")
            && doc.is_cap(end + 2)
        {
            return Some(NumberKind::Other);
        }
    }
    // Ordinal street numbers "W. 56th Avenue" are ordinals already.
    None
}
