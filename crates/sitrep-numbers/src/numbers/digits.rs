//! Numbers written in digits: "2,500", "1.5 million", "$6bn", "10 1/2",
//! clock times and dates in digits.

use super::lexicon::scale;
use super::types::{Core, NumberKind};
use crate::token::{num_value, Doc};

/// `value * scale` without binary noise: 16.4 million is 16,400,000.
fn scaled_value(value: f64, scale: f64) -> f64 {
    let v = value * scale;
    if scale >= 1e3 {
        (v * 1e3).round() / 1e3
    } else {
        v
    }
}

pub(super) fn parse_digits(doc: &Doc<'_>, c: usize, money: bool) -> Option<Core> {
    let t = doc.toks[c];
    let mut value = num_value(doc.raw(c))?;
    let mut end = c + 1;
    let mut shape = None;
    let mut plain = true;
    let mut scaled = false;
    if t.ordinal {
        return Some(Core {
            end,
            value: Some(value),
            low: None,
            vague: false,
            ordinal: true,
            plain_digits: false,
            scaled: false,
            shape: None,
        });
    }
    // Clock times "8:20", "20:15:03".
    if doc.tight(c) && doc.is(end, ":") && doc.tight(end) && doc.is_num(end + 1) {
        end += 2;
        if doc.tight(end - 1) && doc.is(end, ":") && doc.tight(end) && doc.is_num(end + 1) {
            end += 2;
        }
        shape = Some(NumberKind::Time);
        plain = false;
    } else if doc.tight(c) && doc.is(end, "/") && doc.tight(end) && doc.is_num(end + 1) {
        // Dates "12/25/2015", "12/25"; fractions "1/2".
        let b = num_value(doc.raw(end + 1)).unwrap_or(0.0);
        end += 2;
        if doc.tight(end - 1) && doc.is(end, "/") && doc.tight(end) && doc.is_num(end + 1) {
            end += 2;
            shape = Some(NumberKind::Date);
        } else if value <= 12.0 && (1.0..=31.0).contains(&b) && b > 4.0 {
            shape = Some(NumberKind::Date);
        } else if b > 0.0 {
            value /= b;
        }
        plain = false;
    } else if doc.is_num(end) && !doc.tight(c) {
        // Mixed fractions "10 1/2".
        if doc.tight(end) && doc.is(end + 1, "/") && doc.tight(end + 1) && doc.is_num(end + 2) {
            let a = num_value(doc.raw(end)).unwrap_or(0.0);
            let b = num_value(doc.raw(end + 2)).unwrap_or(0.0);
            if b > a && b > 0.0 && !doc.tight(end + 2) {
                value += a / b;
                end += 3;
                plain = false;
            }
        }
    }
    if shape.is_none() {
        // Scale words: "1.5 million", "40 thousand", "2 dozen"; "$6bn", "$75m".
        let w = doc.w(end);
        if let Some(s) = scale(w) {
            value = scaled_value(value, s);
            end += 1;
            plain = false;
            scaled = true;
            // "2 million 500 thousand" is rare; stop here.
        } else if w == "dozen" {
            value *= 12.0;
            end += 1;
            plain = false;
        } else if money && doc.tight(end - 1) && doc.is_word(end) {
            let s = match w {
                "bn" | "b" | "billion" => Some(1e9),
                "m" | "mn" | "mln" | "million" => Some(1e6),
                "k" | "thousand" => Some(1e3),
                "tn" | "trillion" => Some(1e12),
                _ => None,
            };
            if let Some(s) = s {
                value = scaled_value(value, s);
                end += 1;
                plain = false;
                scaled = true;
            }
        }
    }
    Some(Core {
        end,
        value: Some(value),
        low: None,
        vague: false,
        ordinal: false,
        plain_digits: plain,
        scaled,
        shape,
    })
}
