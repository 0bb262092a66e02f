//! Finding numbers: where each expression starts and ends, its qualifier,
//! currency, range, suffix qualifier ("or more", "50-plus") and bounds.

use super::digits::parse_digits;
use super::kinds::classify;
use super::lexicon::CURRENCY_SIGNS;
use super::qualifiers::{qualifier_at, QUALIFIERS_BY_FIRST};
use super::types::{Core, Num, NumberKind, Qualifier};
use super::words::parse_words;
use crate::token::{Doc, Kind};

/// Finds all numbers, as token ranges.
pub(crate) fn scan(doc: &Doc<'_>) -> Vec<Num> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        // Cheap pre-check: a number can only start at a digit, a word, a
        // currency sign or a minus sign.
        match parse_at(doc, i) {
            Some(m) if m.last > i => {
                i = m.last;
                out.push(m);
            }
            _ => i += 1,
        }
    }
    out
}

/// Words that can start a number, a qualifier or a currency prefix (a
/// `match` compiles to a length switch: cheaper than hashing every word).
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "hundredth"
            | "at"
            | "no"
            | "not"
            | "a"
            | "more"
            | "well"
            | "just"
            | "upwards"
            | "in"
            | "greater"
            | "over"
            | "above"
            | "as"
            | "up"
            | "fewer"
            | "less"
            | "under"
            | "below"
            | "close"
            | "nearly"
            | "almost"
            | "an"
            | "estimated"
            | "approximately"
            | "approx"
            | "roughly"
            | "around"
            | "about"
            | "some"
            | "circa"
            | "exactly"
            | "precisely"
            | "several"
            | "multiple"
            | "dozens"
            | "scores"
            | "hundreds"
            | "thousands"
            | "millions"
            | "tens"
            | "half"
            | "between"
            | "usd"
            | "eur"
            | "gbp"
            | "inr"
            | "rs"
            | "cad"
            | "aud"
            | "chf"
            | "jpy"
            | "us"
            | "c"
            | "nz"
            | "hk"
            | "s"
    )
}

fn parse_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    let t = doc.toks.get(i)?;
    if t.kind == Kind::Word && !is_starter(doc.w(i)) {
        return None;
    }
    let mut qualifier = Qualifier::None;
    let mut c = i;
    let mut between = false;
    if t.kind == Kind::Word {
        if doc.is(i, "between") {
            between = true;
            c = i + 1;
        } else if let Some((q, e)) = qualifier_at(doc, i) {
            qualifier = q;
            c = e;
        } else if !matches!(doc.w(i), "a" | "an") && QUALIFIERS_BY_FIRST.contains_key(doc.w(i)) {
            // "in", "at", "about" without a number after them.
            return None;
        }
    }
    if t.kind == Kind::Punct && !(CURRENCY_SIGNS.contains(&doc.w(i)) || doc.is(i, "-")) {
        return None;
    }
    // Currency sign (possibly after a qualifier): "$6", "more than $ 247 million", "US$5", "C $ 16.4".
    let mut money = false;
    let sign = CURRENCY_SIGNS.contains(&doc.w(c));
    // Currency codes glued to the number: "USD115".
    let code = doc.is_word(c)
        && matches!(
            doc.w(c),
            "usd" | "eur" | "gbp" | "inr" | "rs" | "cad" | "aud" | "chf" | "jpy"
        )
        && doc.tight(c);
    if (sign || code) && doc.is_num(c + 1) {
        money = true;
        c += 1;
    } else if doc.is_word(c)
        && matches!(doc.w(c), "us" | "c" | "a" | "nz" | "hk" | "s")
        && doc.is(c + 1, "$")
        && doc.tight(c)
        && doc.is_num(c + 2)
    {
        money = true;
        c += 2;
    }
    // A minus sign glued to a number, after a space or at the start.
    let mut negative = false;
    if doc.is(c, "-")
        && doc.tight(c)
        && doc.is_num(c + 1)
        && doc.toks[c].space_before
        && qualifier == Qualifier::None
    {
        negative = true;
        c += 1;
    }
    let mut core = parse_core(doc, c, money)?;
    if negative {
        core.value = core.value.map(|v| -v);
        core.low = core.low.map(|v| -v);
    }
    let mut end = core.end;
    let mut value = core.value;
    let mut low = core.low.or(core.value);
    let mut high = if core.vague { None } else { core.value };
    let mut is_range = false;
    let mut kind_hint = core.shape;

    // Phone numbers "504-471-2789", "554-1111", "(504) 822-1111".
    if core.plain_digits
        && doc.tight(end - 1)
        && doc.is(end, "-")
        && doc.tight(end)
        && doc.is_num(end + 1)
    {
        let a = doc.raw(end - 1).len();
        let b = doc.raw(end + 1).len();
        if doc.is(end + 2, "-") && doc.tight(end + 1) && doc.is_num(end + 3) && doc.tight(end + 2) {
            end += 4;
            kind_hint = Some(NumberKind::Other);
        } else if a == 3 && b == 4 {
            end += 2;
            kind_hint = Some(NumberKind::Other);
        }
    }

    // Ranges: "1,500 to 3,000", "between 20 and 30", "5-7", "two or three", "eight to 10 feet".
    if kind_hint.is_none() && !core.ordinal && value.is_some() {
        let sep = doc.w(end);
        let dash = matches!(sep, "-" | "–" | "—");
        let ok_sep = (between && sep == "and")
            || (!between
                && (sep == "to"
                    || sep == "or"
                    || (dash && (doc.tight(end - 1) == doc.tight(end)))));
        if ok_sep {
            let mut c2 = end + 1;
            if CURRENCY_SIGNS.contains(&doc.w(c2)) && doc.is_num(c2 + 1) {
                c2 += 1;
            }
            if let Some(core2) = parse_core(doc, c2, money) {
                if let (Some(a), Some(b)) = (value, core2.value) {
                    if !core2.ordinal && !core2.vague && core2.shape.is_none() {
                        let mut a = a;
                        // "1.5 to 2 million": the scale of the second applies to the first.
                        if core2.scaled && !core.scaled && a < 1000.0 {
                            let scale = scale_of(b);
                            if a * scale < b * 10.0 {
                                a *= scale;
                            }
                        }
                        if b > a {
                            value = None;
                            low = Some(a);
                            high = Some(b);
                            end = core2.end;
                            is_range = true;
                        }
                    }
                }
            }
        }
    }
    if between && !is_range {
        // "between" without a range is not a qualifier.
        if c == i + 1 {
            return parse_at(doc, i + 1).map(|m| Num {
                first: m.first,
                ..m
            });
        }
        return None;
    }

    // Suffix qualifiers: "or more", "or so", "50-plus", "100+".
    if qualifier == Qualifier::None && !is_range && !core.vague {
        if let Some(e) = doc.seq(end, "or more") {
            qualifier = Qualifier::AtLeast;
            end = e;
        } else if let Some(e) = doc.seq(end, "or so") {
            qualifier = Qualifier::Approximately;
            end = e;
        } else if doc.is(end, "plus") && (doc.tight(end - 1) || doc.is(end - 1, "-")) {
            qualifier = Qualifier::AtLeast;
            end += 1;
        } else if doc.is(end, "-") && doc.tight(end - 1) && doc.is(end + 1, "plus") {
            qualifier = Qualifier::AtLeast;
            end += 2;
        } else if doc.is(end, "+") && doc.tight(end - 1) {
            qualifier = Qualifier::AtLeast;
            end += 1;
        }
    }
    if core.vague {
        qualifier = Qualifier::Vague;
    }

    // Bounds from the qualifier.
    if !is_range && !core.vague {
        match qualifier {
            Qualifier::None | Qualifier::Exact => {}
            Qualifier::AtLeast | Qualifier::MoreThan => high = None,
            Qualifier::UpTo | Qualifier::LessThan | Qualifier::Nearly => low = None,
            Qualifier::Approximately => {
                low = None;
                high = None;
            }
            Qualifier::Vague => high = None,
        }
    }

    let first = if between || qualifier != Qualifier::None && qualifier != Qualifier::Vague || c > i
    {
        i
    } else {
        c
    };
    let core_start = if money && c > i && CURRENCY_SIGNS.contains(&doc.w(c - 1)) {
        c - 1
    } else {
        c
    };
    let kind = match kind_hint {
        Some(k) => k,
        None => classify(doc, core_start, c, end, value.or(low), core, money),
    };
    // A qualifier word before an age or a year is still part of it, but
    // "over 2,000" etc. stays as found.
    Some(Num {
        first: first.min(core_start),
        core: c,
        last: end,
        value,
        low,
        high,
        qualifier,
        kind,
    })
}

fn scale_of(b: f64) -> f64 {
    if b >= 1e12 {
        1e12
    } else if b >= 1e9 {
        1e9
    } else if b >= 1e6 {
        1e6
    } else if b >= 1e3 {
        1e3
    } else {
        1.0
    }
}

/// Parses the number itself at token `c`.
fn parse_core(doc: &Doc<'_>, c: usize, money: bool) -> Option<Core> {
    let t = doc.toks.get(c)?;
    match t.kind {
        Kind::Num => parse_digits(doc, c, money),
        Kind::Word => parse_words(doc, c),
        Kind::Punct => None,
    }
}
