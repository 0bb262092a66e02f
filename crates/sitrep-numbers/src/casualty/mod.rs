//! Casualty facts: who was killed, injured, hit, kidnapped, arrested or
//! missing, how many, who says so, and whether it is this article's incident.
//!
//! The rules, by module: [`lexicon`] holds the words they look for;
//! [`triggers`] finds the words that state a casualty ("killed", "were
//! shot", "deaths"); [`victims`] and [`names`] find who they happened to and
//! how many; [`resolution`] turns a trigger and its victims into facts, with
//! [`groups`] telling who the victims are; [`sentence`] collects and merges
//! the facts of one sentence; [`mod@attribution`] finds who claims them; [`scope`]
//! tells this incident from others and from background figures.
//! [`extract_casualties`] runs them over a text.

mod attribution;
mod context;
mod groups;
mod lexicon;
mod names;
mod resolution;
mod scope;
mod sentence;
#[cfg(test)]
mod tests;
mod triggers;
mod types;
mod victims;

use sitrep_text::{EntityMention, Span};

use crate::numbers::scan;
use crate::token::Doc;

use attribution::attribution;
use context::{Ctx, NO_NUM};
use scope::assign_scopes;
use sentence::sentence_facts;

pub use types::{Casualty, Count, Group, Outcome, Scope};

/// Extracts casualty facts from `text`, one sentence at a time.
///
/// `sentences` are byte spans into `text` (from `sitrep_text::split_sentences`);
/// when it is empty, `sitrep_text::split_sentences` is used. `entities` are optional
/// NER mentions: `PER` names help find named victims and claimants. Every
/// returned span slices `text`.
///
/// ```
/// use sitrep_numbers::{extract_casualties, Outcome, Scope};
///
/// let text = "According to CENTCOM, two U.S. service members were injured during the operation.";
/// let facts = extract_casualties(text, &[], &[]);
/// assert_eq!(facts[0].outcome, Outcome::Injured);
/// assert_eq!(facts[0].count.value, Some(2));
/// assert_eq!(facts[0].claimed_by.as_deref(), Some("CENTCOM"));
/// assert_eq!(facts[0].scope, Scope::Event);
/// ```
#[must_use]
pub fn extract_casualties(
    text: &str,
    sentences: &[Span],
    entities: &[EntityMention],
) -> Vec<Casualty> {
    let doc = Doc::new(text);
    let nums = scan(&doc);
    let mut num_at = vec![NO_NUM; doc.toks.len()];
    for (k, n) in nums.iter().enumerate() {
        for slot in num_at.iter_mut().take(n.last).skip(n.first) {
            *slot = k as u32;
        }
    }
    let ctx = Ctx {
        doc: &doc,
        nums,
        num_at,
        entities,
    };
    let own;
    let sentences: &[Span] = if sentences.is_empty() {
        own = sitrep_text::split_sentences(text);
        &own
    } else {
        sentences
    };

    let mut facts: Vec<(Casualty, usize, bool)> = Vec::new(); // fact, sentence index, died_later
    let mut sent_claims: Vec<Option<String>> = Vec::with_capacity(sentences.len());
    let mut sent_tok: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        // Token range of the sentence.
        let a = doc.toks.partition_point(|t| t.start < s.start);
        let b = doc.toks.partition_point(|t| t.end <= s.end);
        sent_tok.push((a, b));
        if a >= b {
            sent_claims.push(None);
            continue;
        }
        let found = sentence_facts(&ctx, a, b);
        // Attribution is only worked out where needed: for sentences with
        // facts, and for the sentence before a quotation that has facts.
        let quoted = si > 0 && doc.is_any(a, &["“", "\""]);
        let claim = if found.is_empty() {
            None
        } else {
            match attribution(&ctx, a, b).0 {
                Some(c) => Some(c),
                // A quotation right after "X said." continues X's words.
                None if quoted => {
                    let (pa, pb) = sent_tok[si - 1];
                    sent_claims.last().cloned().flatten().or_else(|| {
                        if pa < pb {
                            attribution(&ctx, pa, pb).0
                        } else {
                            None
                        }
                    })
                }
                None => None,
            }
        };
        sent_claims.push(claim.clone());
        for (mut f, later) in found {
            f.claimed_by.clone_from(&claim);
            facts.push((f, si, later));
        }
    }

    assign_scopes(&ctx, sentences, &sent_tok, &mut facts);

    // "The other man was found with gunshot wounds" after "one man dead": a
    // hit on someone other than the dead is an injury.
    let mut killed_before = false;
    for (f, _, _) in &mut facts {
        if f.scope != Scope::Event {
            continue;
        }
        if f.outcome == Outcome::Killed && f.count.point().is_some_and(|p| p > 0) {
            killed_before = true;
        } else if f.outcome == Outcome::Hit && killed_before && !f.additive {
            let v = f.victims.to_ascii_lowercase();
            if v.split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "other" | "another" | "second" | "others"))
            {
                f.outcome = Outcome::Injured;
            }
        }
    }
    // A victim reported injured (or hit) and later said to have died is not
    // also an injured survivor: turn such earlier injuries into hits.
    let died_later: u64 = facts
        .iter()
        .filter(|(f, _, later)| *later && f.scope == Scope::Event)
        .filter_map(|(f, _, _)| f.count.point())
        .max()
        .unwrap_or(0);
    if died_later > 0 {
        let injured: u64 = facts
            .iter()
            .filter(|(f, _, _)| f.scope == Scope::Event && f.outcome == Outcome::Injured)
            .filter_map(|(f, _, _)| f.count.point())
            .max()
            .unwrap_or(0);
        if injured <= died_later {
            for (f, _, _) in &mut facts {
                if f.scope == Scope::Event && f.outcome == Outcome::Injured {
                    f.outcome = Outcome::Hit;
                }
            }
        }
    }
    facts.into_iter().map(|(f, _, _)| f).collect()
}
