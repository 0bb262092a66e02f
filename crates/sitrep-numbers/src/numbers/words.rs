//! Numbers written in words: "two hundred and fifty", "twenty-first",
//! and vague quantities ("several", "dozens", "a handful").

use super::lexicon::{ones, ordinal, scale, tens};
use super::types::Core;
use crate::token::Doc;

pub(super) fn parse_words(doc: &Doc<'_>, c: usize) -> Option<Core> {
    let w = doc.w(c);
    let vague = |end: usize, value: Option<f64>, low: f64| Core {
        end,
        value,
        low: Some(low),
        vague: true,
        ordinal: false,
        plain_digits: false,
        scaled: false,
        shape: None,
    };
    let exact = |end: usize, value: f64, scaled: bool| Core {
        end,
        value: Some(value),
        low: None,
        vague: false,
        ordinal: false,
        plain_digits: false,
        scaled,
        shape: None,
    };
    // Vague quantities.
    match w {
        "several" => return Some(vague(c + 1, None, 3.0)),
        "multiple" => return Some(vague(c + 1, None, 2.0)),
        "dozens" => return Some(vague(c + 1, Some(12.0), 12.0)),
        "scores" if doc.is(c + 1, "of") => return Some(vague(c + 1, Some(20.0), 20.0)),
        "hundreds" | "thousands" | "millions" | "tens" => {
            // "tens of thousands", "hundreds of thousands".
            if doc.is(c + 1, "of") && doc.is_any(c + 2, &["thousands", "millions"]) {
                let base = if w == "tens" { 10.0 } else { 100.0 };
                let s = if doc.is(c + 2, "thousands") { 1e3 } else { 1e6 };
                return Some(vague(c + 3, Some(base * s), base * s));
            }
            let v = match w {
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                _ => return None,
            };
            return Some(vague(c + 1, Some(v), v));
        }
        "a" | "an" => {
            let n = doc.w(c + 1);
            match n {
                "few" => return Some(vague(c + 2, None, 2.0)),
                "handful" => return Some(vague(c + 2, None, 2.0)),
                "couple" => return Some(exact(c + 2, 2.0, false)),
                "dozen" => return Some(exact(c + 2, 12.0, false)),
                "hundred" | "thousand" | "million" | "billion" => {
                    // "a hundred", "a thousand and fifty": reuse the word parser.
                    return parse_word_number(doc, c + 1, 1.0).map(|(v, e)| exact(e, v, true));
                }
                _ => return None,
            }
        }
        "half" if doc.seq(c + 1, "a dozen").is_some() => return Some(exact(c + 3, 6.0, false)),
        _ => {}
    }
    if let Some(o) = ordinal(w) {
        // "second" is also a unit of time: only an ordinal after a determiner.
        if w == "second"
            && !doc.is_any(
                c.wrapping_sub(1),
                &["a", "the", "his", "her", "their", "its"],
            )
        {
            return None;
        }
        return Some(Core {
            end: c + 1,
            value: Some(f64::from(o)),
            low: None,
            vague: false,
            ordinal: true,
            plain_digits: false,
            scaled: false,
            shape: None,
        });
    }
    if ones(w).is_none() && tens(w).is_none() {
        return None;
    }
    // "one" as a pronoun: "no one", "any one", "one another".
    if w == "one"
        && (doc.is_any(
            c.wrapping_sub(1),
            &["no", "any", "every", "each", "this", "that", "which", "the"],
        ) || doc.is(c + 1, "another"))
    {
        return None;
    }
    let (v, e) = parse_word_number(doc, c, 0.0)?;
    // Twenty-first etc.
    if doc.is(e, "-") && doc.tight(e - 1) && doc.tight(e) {
        if let Some(o) = ordinal(doc.w(e + 1)) {
            if o < 10 && v >= 20.0 {
                return Some(Core {
                    end: e + 2,
                    value: Some(v + f64::from(o)),
                    low: None,
                    vague: false,
                    ordinal: true,
                    plain_digits: false,
                    scaled: false,
                    shape: None,
                });
            }
        }
    }
    let mut core = exact(e, v, e > c + 1 && (e - c) > 1);
    core.scaled = (c..e).any(|k| scale(doc.w(k)).is_some());
    // "two dozen".
    if doc.is(e, "dozen") {
        core.value = Some(v * 12.0);
        core.end = e + 1;
    }
    Some(core)
}

/// Parses a run of number words from `c` ("two hundred and fifty",
/// "twenty-one", "ninety five", "one million"). `current` starts the
/// accumulator (1 after "a").
fn parse_word_number(doc: &Doc<'_>, c: usize, current: f64) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut cur = current;
    let mut j = c;
    let mut any = current > 0.0;
    // What the previous word was: 0 none, 1 ones/teens, 2 tens, 3 hundred, 4 big scale.
    let mut last = if current > 0.0 { 1 } else { 0 };
    loop {
        let w = doc.w(j);
        if let Some(v) = ones(w) {
            if last == 1 || (last == 2 && v >= 10) {
                break;
            }
            cur += f64::from(v);
            last = 1;
            any = true;
            j += 1;
        } else if let Some(v) = tens(w) {
            if last == 1 || last == 2 {
                break;
            }
            cur += f64::from(v);
            last = 2;
            any = true;
            j += 1;
            // "twenty-one"
            if doc.is(j, "-") && doc.tight(j - 1) && doc.tight(j) {
                if let Some(u) = ones(doc.w(j + 1)) {
                    if (1..10).contains(&u) {
                        cur += f64::from(u);
                        last = 1;
                        j += 2;
                    }
                }
            }
        } else if w == "hundred" && any {
            if cur == 0.0 {
                cur = 1.0;
            }
            cur *= 100.0;
            last = 3;
            j += 1;
        } else if let Some(s) = scale(w).filter(|&s| s >= 1e3 && any) {
            if cur == 0.0 {
                cur = 1.0;
            }
            total += cur * s;
            cur = 0.0;
            last = 4;
            j += 1;
        } else if w == "and"
            && (last == 3 || last == 4)
            && (ones(doc.w(j + 1)).is_some() || tens(doc.w(j + 1)).is_some())
        {
            j += 1;
            last = 0;
        } else {
            break;
        }
    }
    if !any || j == c {
        return None;
    }
    Some((total + cur, j))
}
