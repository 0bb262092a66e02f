//! From a trigger to facts: its victims by the trigger's form (passive,
//! active, noun, implied), hypothetical and negated statements, and the
//! [`Casualty`] built from them.

use sitrep_text::Span;

use super::context::{Ctx, Victim};
use super::groups::group_of;
use super::lexicon::{AUX, BE};
use super::triggers::{Form, Trigger};
use super::types::{Casualty, Count, Outcome, Scope};
use super::victims::stop_word;
use crate::numbers::{NumberKind, Qualifier};
use crate::token::Doc;

pub(super) fn make_fact(
    ctx: &Ctx<'_, '_>,
    outcome: Outcome,
    count: Count,
    vf: usize,
    vl: usize,
    span: Span,
    additive: bool,
) -> Casualty {
    make_fact_p(ctx, outcome, count, vf, vl, span, additive, false)
}

#[allow(clippy::too_many_arguments)]
fn make_fact_p(
    ctx: &Ctx<'_, '_>,
    outcome: Outcome,
    count: Count,
    vf: usize,
    vl: usize,
    span: Span,
    additive: bool,
    partial: bool,
) -> Casualty {
    let doc = ctx.doc;
    let victims = if vf < vl && vl <= doc.toks.len() {
        doc.text[doc.toks[vf].start..doc.toks[vl - 1].end].to_string()
    } else {
        String::new()
    };
    let (group, country) = group_of(doc, vf, vl);
    Casualty {
        span,
        outcome,
        count,
        victims,
        group,
        country,
        claimed_by: None,
        scope: Scope::Event,
        additive,
        partial,
    }
}

/// Turns a trigger into facts (usually one).
pub(super) fn resolve(
    ctx: &Ctx<'_, '_>,
    tr: &Trigger,
    a: usize,
    b: usize,
) -> Option<Vec<(Casualty, bool)>> {
    let doc = ctx.doc;
    let span_of = |f: usize, l: usize| -> Span {
        let s = doc.toks[f.min(tr.start)].start;
        let e = doc.toks[(l.max(tr.end)) - 1].end;
        Span::new(s, e.max(s))
    };
    // Hypothetical or averted: "could have killed", "within inches of possibly
    // killing", "threatened to kill", "tried to shoot".
    if (tr.start.saturating_sub(4).max(a)..tr.start).any(|j| {
        doc.is_any(
            j,
            &[
                "could",
                "would",
                "might",
                "possibly",
                "nearly",
                "almost",
                "narrowly",
                "threatened",
                "threatening",
                "tried",
                "trying",
                "attempted",
                "attempting",
                "intent",
                "intending",
                "intended",
                "plotted",
                "plotting",
                "planned",
                "planning",
                "wanted",
                "inches",
                "afraid",
                "fear",
                "feared",
                "if",
                "whether",
                "risk",
            ],
        )
    }) {
        return None;
    }
    // Negation between the subject and the verb, or right before a noun.
    let negated_verb = (tr.start.saturating_sub(3).max(a)..tr.start).any(|j| {
        doc.is_any(j, &["not", "n't", "never"])
            || (doc.is(j, "t") && doc.is_any(j.wrapping_sub(1), &["’", "'"]))
    });
    let mut out = Vec::new();
    match tr.form {
        Form::Noun => {
            // "no injuries", "no civilian casualties", "no indication of casualties".
            if let Some(z) = negated_noun(doc, tr.start, a) {
                let vf = z + 1;
                let mut outs = vec![tr.outcome];
                if doc.is_any(tr.start, &["casualties", "casualty"]) {
                    outs = vec![Outcome::Killed, Outcome::Injured];
                }
                for o in outs {
                    let mut f = make_fact(
                        ctx,
                        o,
                        Count::exact(0),
                        vf,
                        tr.end,
                        span_of(z, tr.end),
                        doc.is_any(
                            tr.start.wrapping_sub(1),
                            &["other", "further", "additional", "more"],
                        ),
                    );
                    f.victims = doc.text
                        [doc.toks[vf.min(tr.start)].start..doc.toks[tr.start].start]
                        .trim()
                        .to_string();
                    out.push((f, false));
                }
                return Some(out);
            }
            if doc.is_any(tr.start, &["casualties", "casualty"]) {
                return None;
            }
            // "15 deaths", "seven injuries to US troops", "two civilian deaths"
            // (not "six gunshot wounds": wounds are not people).
            let mut j = tr.start;
            let mut steps = if doc.is_any(tr.start, &["wounds", "wound"]) {
                3
            } else {
                0
            };
            while j > a && steps < 3 {
                j -= 1;
                steps += 1;
                if let Some(n) = ctx.count_num(j) {
                    let count = Count::from_num(n);
                    // Victims after "to"/"among"/"of": "injuries to US troops".
                    let (vf, vl) = if doc.is_any(tr.end, &["to", "among", "of"]) {
                        match ctx.right_victim(tr.end + 1, b) {
                            Some(v) => (v.first, v.last),
                            None => (n.first, tr.end),
                        }
                    } else {
                        (n.first, tr.end)
                    };
                    out.push((
                        make_fact(
                            ctx,
                            tr.outcome,
                            count,
                            vf,
                            vl,
                            span_of(n.first, vl.max(tr.end)),
                            false,
                        ),
                        false,
                    ));
                    return Some(out);
                }
                if !doc.is_word(j) || stop_word(doc.w(j)) {
                    break;
                }
            }
            // "a body was found", "two bodies were recovered".
            if doc.is_any(tr.start, &["body", "bodies"]) {
                let single = doc.is(tr.start, "body");
                let count = if single {
                    Count::exact(1)
                } else {
                    Count::unknown()
                };
                out.push((
                    make_fact_p(
                        ctx,
                        tr.outcome,
                        count,
                        tr.start,
                        tr.start + 1,
                        span_of(tr.start, tr.end),
                        false,
                        single,
                    ),
                    false,
                ));
                return Some(out);
            }
            // "the death(s) of NP", "the killing of".
            if doc.is(tr.end, "of")
                && doc.is_any(tr.start, &["death", "deaths", "killings", "fatalities"])
            {
                if let Some(v) = ctx.right_victim(tr.end + 1, b) {
                    out.push((
                        make_fact_p(
                            ctx,
                            tr.outcome,
                            v.count.clone(),
                            v.first,
                            v.last,
                            span_of(tr.start, v.last),
                            v.additive,
                            v.partial,
                        ),
                        false,
                    ));
                    return Some(out);
                }
            }
            // "Larry's death".
            if doc.is_any(tr.start, &["death"])
                && doc.is(tr.start.wrapping_sub(1), "s")
                && doc.is_any(tr.start.wrapping_sub(2), &["’", "'"])
                && ctx.name_end(tr.start.wrapping_sub(3), a)
            {
                let v = ctx.name_from_end(tr.start - 3, a);
                out.push((
                    make_fact_p(
                        ctx,
                        tr.outcome,
                        Count::exact(1),
                        v.first,
                        v.last,
                        span_of(v.first, tr.end),
                        false,
                        true,
                    ),
                    false,
                ));
                return Some(out);
            }
            // "suffered injuries", "with non-life-threatening injuries": the subject.
            if matches!(tr.outcome, Outcome::Injured | Outcome::Hit) {
                // "died of his injuries", "succumbed to his wounds": not a survivor.
                if (tr.start.saturating_sub(5).max(a)..tr.start)
                    .any(|j| doc.is_any(j, &["died", "dies", "succumbed", "succumbing", "dying"]))
                {
                    return None;
                }
                let mut j = tr.start;
                let mut steps = 0;
                let mut verb = None;
                while j > a && steps < 6 {
                    j -= 1;
                    steps += 1;
                    if doc.is_any(
                        j,
                        &[
                            "sustained",
                            "suffered",
                            "received",
                            "suffering",
                            "sustaining",
                            "with",
                            "for",
                            "treated",
                            "from",
                            "of",
                        ],
                    ) {
                        verb = Some(j);
                        break;
                    }
                }
                if let Some(vj) = verb {
                    if let Some(v) = ctx.left_victim(vj, a) {
                        out.push((
                            make_fact_p(
                                ctx,
                                tr.outcome,
                                v.count.clone(),
                                v.first,
                                v.last,
                                span_of(v.first, tr.end),
                                v.additive,
                                v.partial,
                            ),
                            false,
                        ));
                        return Some(out);
                    }
                }
            }
            None
        }
        Form::Implied => {
            if negated_noun(doc, tr.start, a).is_some() {
                return None;
            }
            let count = if doc.is(tr.start, "murder") && doc.is(tr.start + 2, "suicide") {
                Count {
                    value: None,
                    low: Some(2),
                    high: None,
                    qualifier: Qualifier::Vague,
                }
            } else {
                Count::implied()
            };
            out.push((
                make_fact(
                    ctx,
                    tr.outcome,
                    count,
                    tr.start,
                    tr.start,
                    span_of(tr.start, tr.end),
                    false,
                ),
                false,
            ));
            Some(out)
        }
        Form::Active => {
            let v = ctx.right_victim(tr.end, b)?;
            out.push((
                make_fact_p(
                    ctx,
                    tr.outcome,
                    v.count.clone(),
                    v.first,
                    v.last,
                    span_of(tr.start, v.last),
                    v.additive,
                    v.partial,
                ),
                false,
            ));
            Some(out)
        }
        Form::Ing => {
            // "the killing of X".
            let mut s = tr.end;
            if doc.is(s, "of") {
                s += 1;
            }
            if doc.is_any(tr.end.wrapping_sub(1), &["himself", "herself"]) {
                let f = make_fact(
                    ctx,
                    tr.outcome,
                    Count::exact(1),
                    tr.end - 1,
                    tr.end,
                    span_of(tr.start, tr.end),
                    false,
                );
                out.push((f, false));
                return Some(out);
            }
            let v = ctx.right_victim(s, b)?;
            out.push((
                make_fact_p(
                    ctx,
                    tr.outcome,
                    v.count.clone(),
                    v.first,
                    v.last,
                    span_of(tr.start, v.last),
                    v.additive,
                    v.partial,
                ),
                false,
            ));
            Some(out)
        }
        Form::Intrans | Form::Verb => {
            let passive = {
                let mut j = tr.start;
                let mut is_p = false;
                let mut steps = 0;
                while j > a && steps < 4 {
                    j -= 1;
                    steps += 1;
                    let w = doc.w(j);
                    if BE.contains(&w) {
                        is_p = true;
                        break;
                    }
                    if !AUX.contains(&w) || w == "and" || w == "shot" || w == "who" || w == "that" {
                        break;
                    }
                }
                is_p
            };
            let victim = if tr.form == Form::Verb && !passive {
                // Active "killed 15 people", "wounded two U.S. service members",
                // else a reduced relative/headline "Seven ISIS members eliminated".
                let mut s = tr.end;
                if doc.is_any(tr.start.wrapping_sub(0), &["killed", "shot", "kills"])
                    && doc.is_any(s, &["himself", "herself"])
                {
                    Some(Victim {
                        first: s,
                        last: s + 1,
                        count: Count::exact(1),
                        additive: false,
                        partial: true,
                    })
                } else {
                    if doc.is(s, "“") || doc.is(s, "\"") {
                        s += 1;
                    }
                    ctx.right_victim(s, b).or_else(|| {
                        // A reduced relative or headline ("Man shot", "Seven ISIS
                        // members killed"): the noun phrase right before. Not
                        // "he shot" or "troopers who shot": those are shooters.
                        let prev = tr.start.checked_sub(1)?;
                        if prev < a
                            || doc.is_any(
                                prev,
                                &[
                                    "who", "that", "which", "he", "she", "they", "we", "i", "and",
                                    "then", "had", "has", "have", "also",
                                ],
                            )
                        {
                            return None;
                        }
                        ctx.left_victim(tr.start, a).filter(|v| {
                            v.last == tr.start
                                || v.last + 1 == tr.start && doc.is(prev, ",")
                                || (v.last..tr.start).all(|j| {
                                    doc.is(j, ",")
                                        || ctx.num(j).is_some_and(|n| n.kind == NumberKind::Age)
                                        || doc.is_any(
                                            j,
                                            &[
                                                "critically",
                                                "seriously",
                                                "fatally",
                                                "badly",
                                                "mortally",
                                                "severely",
                                                "slightly",
                                                "gravely",
                                                "lightly",
                                                "reportedly",
                                                "allegedly",
                                                "also",
                                                "both",
                                                "all",
                                                "accidentally",
                                            ],
                                        )
                                })
                        })
                    })
                }
            } else {
                ctx.left_victim(tr.start, a)
            };
            let v = victim?;
            let mut count = v.count.clone();
            if negated_verb && !(v.first..v.last).any(|j| doc.is_any(j, &["no", "nobody", "none"]))
            {
                count = Count::exact(0);
            }
            let f = make_fact_p(
                ctx,
                tr.outcome,
                count,
                v.first,
                v.last,
                span_of(v.first, v.last),
                v.additive,
                v.partial,
            );
            out.push((f, tr.died_later));
            Some(out)
        }
    }
}

/// "no injuries", "no civilian casualties", "no indication of casualties",
/// "no other injuries": returns the index of the negating word.
fn negated_noun(doc: &Doc<'_>, n: usize, a: usize) -> Option<usize> {
    let mut j = n;
    let mut steps = 0;
    while j > a && steps < 5 {
        j -= 1;
        steps += 1;
        let w = doc.w(j);
        if matches!(w, "no" | "without" | "zero" | "nor") {
            return Some(j);
        }
        if !(doc.is_word(j)
            && matches!(
                w,
                "civilian"
                    | "other"
                    | "further"
                    | "additional"
                    | "serious"
                    | "major"
                    | "reported"
                    | "indication"
                    | "sign"
                    | "signs"
                    | "report"
                    | "reports"
                    | "immediate"
                    | "known"
                    | "of"
                    | "life"
                    | "threatening"
                    | "more"
                    | "confirmed"
                    | "physical"
            )
            || w == "-")
        {
            return None;
        }
    }
    None
}
