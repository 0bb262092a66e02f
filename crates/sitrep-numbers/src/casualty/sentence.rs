//! The facts of one sentence: every trigger resolved, duplicates merged,
//! "two others" chained to the fact before, "one fatally" added.

use sitrep_text::Span;

use super::context::Ctx;
use super::resolution::{make_fact, resolve};
use super::triggers::trigger_at;
use super::types::{Casualty, Count, Outcome};

/// All facts of one sentence (tokens `a..b`).
pub(super) fn sentence_facts(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> Vec<(Casualty, bool)> {
    let doc = ctx.doc;
    let mut out: Vec<(Casualty, bool)> = Vec::new();
    let mut k = a;
    // Negated nouns: "no injuries", "no civilian casualties", "no indication of casualties".
    while k < b {
        let Some(tr) = trigger_at(doc, k, b) else {
            k += 1;
            continue;
        };
        let next_k = tr.end.max(k + 1);
        if let Some(mut facts) = resolve(ctx, &tr, a, b) {
            for (f, _) in &mut facts {
                if f.span.is_empty() {
                    continue;
                }
            }
            for (f, later) in facts {
                // One fact per victim phrase and outcome: "was shot and wounded" twice is once.
                if let Some(prev) = out
                    .iter_mut()
                    .find(|(p, _)| p.span.start == f.span.start && same_kind(p.outcome, f.outcome))
                {
                    if prev.0.outcome == Outcome::Hit && f.outcome != Outcome::Hit {
                        prev.0.outcome = f.outcome;
                    }
                    prev.1 |= later;
                    continue;
                }
                out.push((f, later));
            }
        }
        k = next_k;
    }
    // "two others" adds to an earlier fact of the sentence with the same
    // outcome; otherwise it is a count of its own.
    for k in 0..out.len() {
        if out[k].0.additive {
            let o = out[k].0.outcome;
            // "others" contrasts with the fact right before it: "two dead and
            // three others wounded" adds nothing to an earlier "3 wounded".
            let chained = k > 0 && {
                let p = out[k - 1].0.outcome;
                p == o
                    || matches!(
                        (p, o),
                        (Outcome::Hit, Outcome::Injured) | (Outcome::Injured, Outcome::Hit)
                    )
            };
            if !chained {
                out[k].0.additive = false;
            }
        }
    }
    // "one fatally": "Two people were shot, one fatally."
    for j in a..b {
        if doc.is(j, "fatally")
            && !doc.is_any(
                j + 1,
                &["shot", "wounded", "injured", "stabbed", "struck", "hit"],
            )
        {
            if let Some(n) = ctx.count_num(j.wrapping_sub(1)) {
                let span = Span::new(doc.toks[n.first].start, doc.toks[j].end);
                out.push((
                    make_fact(
                        ctx,
                        Outcome::Killed,
                        Count::from_num(n),
                        n.first,
                        n.last,
                        span,
                        false,
                    ),
                    false,
                ));
            }
        }
    }
    out
}

fn same_kind(a: Outcome, b: Outcome) -> bool {
    a == b
        || matches!(
            (a, b),
            (Outcome::Hit, Outcome::Injured | Outcome::Killed)
                | (Outcome::Injured | Outcome::Killed, Outcome::Hit)
        )
}
