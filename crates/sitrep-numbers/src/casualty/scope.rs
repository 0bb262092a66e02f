//! Whether a fact is about the article's own incident, another one, or
//! background statistics.

use sitrep_text::Span;

use super::context::Ctx;
use super::types::{Casualty, Outcome, Scope};
use crate::numbers::NumberKind;
use crate::token::Doc;

/// Marks facts about other incidents and background statistics.
pub(super) fn assign_scopes(
    ctx: &Ctx<'_, '_>,
    sentences: &[Span],
    sent_tok: &[(usize, usize)],
    facts: &mut [(Casualty, usize, bool)],
) {
    let doc = ctx.doc;
    // Dates (month, day) and years in each sentence.
    let sent_dates = |si: usize| -> (Vec<(String, u32)>, Vec<u32>) {
        let (a, b) = sent_tok[si];
        let mut dates = Vec::new();
        let mut years = Vec::new();
        for n in &ctx.nums {
            if n.first < a || n.last > b {
                continue;
            }
            let v = n.value.unwrap_or(0.0);
            match n.kind {
                NumberKind::Date if n.last == n.core + 1 => {
                    // Month before or after.
                    let m = if n.core > 0 && doc.is(n.core - 1, ".") {
                        n.core.wrapping_sub(2)
                    } else {
                        n.core.wrapping_sub(1)
                    };
                    let month = if doc.is_word(m) {
                        doc.w(m)
                    } else {
                        doc.w(n.last)
                    };
                    dates.push((month.chars().take(3).collect(), v as u32));
                }
                NumberKind::Year => {
                    // Only "in 2023" / "since 2014" / "2014 killing": a year the fact happened.
                    years.push(v as u32);
                }
                _ => {}
            }
        }
        (dates, years)
    };
    let _ = sentences;
    let mut anchor_date: Option<(String, u32)> = None;
    let mut anchor_years: Vec<u32> = Vec::new();
    let mut anchored = false;
    let max_year = ctx
        .nums
        .iter()
        .filter(|n| n.kind == NumberKind::Year)
        .filter_map(|n| n.value)
        .map(|v| v as u32)
        .max();
    for (f, si, _) in facts.iter_mut() {
        let (a, b) = sent_tok[*si];
        let (dates, years) = sent_dates(*si);
        if background_cue(ctx, a, b, f) {
            f.scope = Scope::Background;
            continue;
        }
        let past_shift = past_shift_cue(doc, a, b);
        if !matches!(f.outcome, Outcome::Killed | Outcome::Injured | Outcome::Hit) {
            if past_shift {
                f.scope = Scope::OtherEvent;
            }
            continue;
        }
        if !anchored {
            // The first casualty fact is the article's incident, whatever its
            // time cues ("the man fatally shot by police last month").
            anchor_date = dates.first().cloned();
            anchor_years.clone_from(&years);
            anchored = true;
            continue;
        }
        let other_date = match (&anchor_date, dates.first()) {
            (Some(ad), Some(d)) => ad != d && !dates.contains(ad),
            _ => false,
        };
        let other_year = years.iter().any(|y| {
            if anchor_years.is_empty() {
                max_year.is_some_and(|m| *y < m)
            } else {
                !anchor_years.contains(y)
            }
        }) && !years.iter().any(|y| anchor_years.contains(y));
        if past_shift || other_date || other_year {
            f.scope = Scope::OtherEvent;
        } else {
            // A later statement of the incident can give its date.
            if anchor_date.is_none() {
                anchor_date = dates.first().cloned();
            }
            if anchor_years.is_empty() {
                anchor_years.clone_from(&years);
            }
        }
    }
}

fn past_shift_cue(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    for j in a..b {
        let w = doc.w(j);
        let hit = match w {
            "last" => doc.is_any(
                j + 1,
                &[
                    "month",
                    "year",
                    "week",
                    "summer",
                    "winter",
                    "spring",
                    "fall",
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                ],
            ),
            "earlier" => {
                doc.is_any(j + 1, &["this", "that", "in"])
                    || doc.is_any(
                        j.wrapping_sub(1),
                        &["week", "month", "year", "weeks", "months", "years", "days"],
                    )
                    || (j == a && doc.is(j + 1, ","))
            }
            "ago" => doc.is_any(
                j.wrapping_sub(1),
                &["years", "months", "weeks", "year", "month"],
            ),
            "previous" | "previously" | "prior" => {
                doc.is_any(
                    j + 1,
                    &[
                        "attack",
                        "attacks",
                        "strike",
                        "strikes",
                        "shooting",
                        "shootings",
                        "incident",
                        "incidents",
                        "raid",
                        "year",
                        "month",
                    ],
                ) || w == "previously"
            }
            "separate" => doc.is_any(
                j + 1,
                &[
                    "incident", "shooting", "attack", "strike", "raid", "case", "bombing",
                ],
            ),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

fn background_cue(ctx: &Ctx<'_, '_>, a: usize, b: usize, f: &Casualty) -> bool {
    let doc = ctx.doc;
    for j in a..b {
        let w = doc.w(j);
        let hit = match w {
            "so" => doc.is(j + 1, "far") && f.outcome != Outcome::Arrested,
            "this" => doc.is(j + 1, "year") && !doc.is(j.wrapping_sub(1), "earlier"),
            "since" => {
                (j + 1..(j + 7).min(b))
                    .any(|k| ctx.num(k).is_some_and(|n| n.kind == NumberKind::Year))
                    || doc.is_any(j + 1, &["the"]) && doc.is_any(j + 2, &["start", "beginning"])
            }
            "average" | "analysis" | "study" | "data" | "survey" | "database" => true,
            "annually" | "statistics" | "annual" | "tally" => true,
            "per" | "each" | "every" => doc.is_any(j + 1, &["year", "month", "day", "week"]),
            "on" => doc.is(j + 1, "average"),
            "estimates" => true,
            _ => false,
        };
        if hit {
            return true;
        }
    }
    // "the city's 100th homicide".
    false
}
