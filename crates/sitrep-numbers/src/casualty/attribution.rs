//! Who claims a figure: "according to X", "X said", "said X".

use super::context::Ctx;
use sitrep_text::lexicon::is_weekday;

use super::lexicon::SPEECH;
use crate::token::Doc;

/// Who a sentence attributes its statements to: "according to X", "X said",
/// "said X". Returns the claimant and whether it came from "according to".
pub(super) fn attribution(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> (Option<String>, bool) {
    let doc = ctx.doc;
    // "according to X".
    for j in a..b {
        if doc.is(j, "according") && doc.is(j + 1, "to") {
            let mut s = j + 2;
            // Strip "a statement from/by", "reports from".
            for _ in 0..3 {
                if doc.is_any(s, &["a", "the", "an"])
                    && doc.is_any(
                        s + 1,
                        &[
                            "statement",
                            "report",
                            "release",
                            "news",
                            "spokesman",
                            "spokeswoman",
                            "spokesperson",
                        ],
                    )
                {
                    let mut k = s + 2;
                    while k < b && k < s + 5 && !doc.is_any(k, &["from", "by", "of"]) {
                        k += 1;
                    }
                    if doc.is_any(k, &["from", "by", "of"]) {
                        s = k + 1;
                        continue;
                    }
                }
                if doc.is_any(s, &["statement", "statements", "reports", "report"])
                    && doc.is_any(s + 1, &["from", "by", "of"])
                {
                    s += 2;
                    continue;
                }
                break;
            }
            let e = claim_end(ctx, s, b);
            if e > s {
                return (Some(clean_claim(doc, s, e)), true);
            }
        }
    }
    // "X said" / "said X".
    let mut best: Option<String> = None;
    for j in a..b {
        if !SPEECH.contains(&doc.w(j)) || !doc.is_word(j) {
            continue;
        }
        if doc.w(j) == "reported"
            && doc.is_any(
                j.wrapping_sub(1),
                &["was", "were", "is", "are", "been", "no", "be"],
            )
        {
            continue;
        }
        // Subject on the left.
        let mut k = j;
        while k > a
            && doc.is_any(
                k - 1,
                &[
                    "have",
                    "has",
                    "had",
                    "also",
                    "later",
                    "previously",
                    "earlier",
                    "further",
                ],
            )
        {
            k -= 1;
        }
        let e = k;
        let mut s = e;
        while s > a && s + 10 > e {
            let w = doc.w(s - 1);
            if matches!(
                w,
                "," | "“"
                    | "”"
                    | "\""
                    | "—"
                    | "–"
                    | ":"
                    | ";"
                    | "("
                    | "|"
                    | "that"
                    | "and"
                    | "but"
                    | "which"
                    | "as"
                    | "while"
                    | "after"
                    | "before"
                    | "when"
                    | "since"
                    | "because"
                    | "if"
                    | "although"
                    | "though"
                    | "until"
                    | "once"
                    | "where"
            ) {
                break;
            }
            if s - 1 == a {
                s -= 1;
                break;
            }
            if doc.is_word(s - 1) && SPEECH.contains(&w) {
                break;
            }
            s -= 1;
        }
        // "In a separate statement, X said": the subject starts after the comma.
        let subj = if s < e {
            Some(clean_claim(doc, s, e))
        } else {
            None
        };
        let subj = subj.filter(|t| !t.is_empty());
        let pronoun = subj.as_deref().is_some_and(|t| {
            let l = t.to_ascii_lowercase();
            matches!(
                l.as_str(),
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "you"
                    | "the statement"
                    | "the report"
                    | "it also"
                    | "officials also"
            )
        });
        let found = match subj {
            Some(t) if !pronoun && s + 10 > e => Some(t),
            Some(_) => None,
            None => {
                // "said Paul Sanfelippo, Taxi MKE".
                let s2 = j + 1;
                let e2 = claim_end(ctx, s2, b);
                if e2 > s2
                    && !doc.is_any(
                        s2,
                        &[
                            "that", "the", "it", "he", "she", "they", "in", "on", "at", "a",
                            "there",
                        ],
                    )
                {
                    Some(clean_claim(doc, s2, e2))
                } else {
                    None
                }
            }
        };
        // "did not say how": no attribution.
        let negated = doc.is_any(j.wrapping_sub(1), &["not", "never", "t"]);
        if let Some(f) = found.filter(|f| !negated && plausible_claimant(f)) {
            if best.is_none() {
                best = Some(f);
            }
        }
    }
    (best, false)
}

/// Where a claimant phrase starting at `s` ends: before a comma, clause
/// word or time expression.
fn claim_end(ctx: &Ctx<'_, '_>, s: usize, b: usize) -> usize {
    let doc = ctx.doc;
    let mut e = s;
    let mut paren = 0i32;
    while e < b && e < s + 14 {
        let w = doc.w(e);
        if w == "(" {
            paren += 1;
        } else if w == ")" {
            paren -= 1;
            if paren < 0 {
                break;
            }
        } else if paren == 0 {
            if matches!(
                w,
                "," | ";"
                    | ":"
                    | "“"
                    | "”"
                    | "\""
                    | "—"
                    | "–"
                    | "|"
                    | "that"
                    | "who"
                    | "which"
                    | "and"
                    | "but"
                    | "as"
                    | "after"
                    | "when"
                    | "while"
            ) {
                break;
            }
            if matches!(
                w,
                "on" | "in"
                    | "at"
                    | "during"
                    | "late"
                    | "early"
                    | "last"
                    | "this"
                    | "yesterday"
                    | "today"
                    | "tonight"
            ) && e > s
            {
                break;
            }
            if is_weekday(w) && e > s {
                break;
            }
            if w == "." && (e + 1 >= b || doc.toks[e + 1].space_before && !doc.is_cap(e + 1)) {
                break;
            }
        }
        e += 1;
    }
    // Extend over a NER entity that starts inside.
    if let (Some(st), Some(en)) = (doc.toks.get(s), doc.toks.get(e.saturating_sub(1))) {
        let (st, en) = (st.start, en.end);
        if let Some(ent) = ctx.entities.iter().find(|m| {
            m.span.start >= st
                && m.span.start < en
                && m.span.end > en
                && matches!(m.label.as_str(), "ORG" | "PER")
        }) {
            while e < b && doc.toks[e].end <= ent.span.end {
                e += 1;
            }
        }
    }
    // Trim a trailing period.
    while e > s
        && doc.is_any(e - 1, &[".", ","])
        && !(doc.is_word(e.wrapping_sub(2)) && doc.raw(e - 2).len() == 1)
    {
        e -= 1;
    }
    e
}

/// Words for a source: a phrase with one of them can be a claimant.
pub(super) const SOURCE_WORDS: &[&str] = &[
    "activists",
    "agencies",
    "agency",
    "army",
    "attorney",
    "authorities",
    "channel",
    "chief",
    "command",
    "commander",
    "coroner",
    "council",
    "department",
    "deputies",
    "detectives",
    "diplomat",
    "diplomats",
    "doctors",
    "embassy",
    "examiner",
    "family",
    "firefighters",
    "forces",
    "government",
    "governor",
    "group",
    "hospital",
    "investigators",
    "leaders",
    "mayor",
    "media",
    "medics",
    "military",
    "ministry",
    "monitor",
    "neighbors",
    "news",
    "newspaper",
    "observatory",
    "office",
    "officer",
    "officers",
    "official",
    "officials",
    "paramedics",
    "police",
    "prosecutors",
    "records",
    "relatives",
    "release",
    "report",
    "reporters",
    "reports",
    "residents",
    "security",
    "sheriff",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "statement",
    "station",
    "troopers",
    "witness",
    "witnesses",
];

/// Casualty words: a phrase with one of them is not a claimant.
pub(super) const CASUALTY_WORDS: &[&str] = &[
    "casualties",
    "dead",
    "deaths",
    "injured",
    "injuries",
    "killed",
    "shot",
    "wounded",
];

/// Whether a phrase can name who makes a claim: a name, or a word for a
/// source ("police", "a defense official"), and no casualty words.
fn plausible_claimant(c: &str) -> bool {
    let words: Vec<&str> = c
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| CASUALTY_WORDS.contains(&w.as_str())) {
        return false;
    }
    if lower.iter().any(|w| SOURCE_WORDS.contains(&w.as_str())) {
        return true;
    }
    // A capitalised word that is not a determiner or pronoun.
    words.iter().zip(&lower).any(|(w, l)| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !matches!(
                l.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "this"
                    | "that"
                    | "but"
                    | "and"
                    | "in"
                    | "on"
            )
    })
}

fn clean_claim(doc: &Doc<'_>, s: usize, e: usize) -> String {
    let text = &doc.text[doc.toks[s].start..doc.toks[e - 1].end];
    text.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '"' || c == '“' || c == '”')
        .to_string()
}
