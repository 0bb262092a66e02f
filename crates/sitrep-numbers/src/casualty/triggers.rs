//! Casualty triggers: the words that say something happened to people
//! ("killed", "were shot", "died", "deaths", "in critical condition"),
//! their outcome, and on which side their victims stand.

use super::lexicon::INCIDENT_NOUNS;
use super::types::Outcome;
use crate::token::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A participle or finite verb: passive (victims before) or active (after).
    Verb,
    /// "killing", "wounding": victims after.
    Ing,
    /// A finite present-tense verb ("kills", "shoots"): victims after.
    Active,
    /// "died", "dead", "hospitalized", "in critical condition": victims before.
    Intrans,
    /// "deaths", "injuries", "death of": counted before or after "of".
    Noun,
    /// "a fatal shooting", "charged with murder": at least one, uncounted.
    Implied,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Trigger {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) outcome: Outcome,
    pub(super) form: Form,
    /// "later died", "died at the hospital", "succumbed": death after injury.
    pub(super) died_later: bool,
}

/// Finds the casualty trigger starting at token `i`, if any.
pub(super) fn trigger_at(doc: &Doc<'_>, i: usize, s_end: usize) -> Option<Trigger> {
    let w = doc.w(i);
    // Every trigger word has four letters or more ("shot", "dead", "died").
    if w.len() < 4 || !doc.is_word(i) {
        return None;
    }
    let t = |end: usize, outcome: Outcome, form: Form| {
        Some(Trigger {
            start: i,
            end,
            outcome,
            form,
            died_later: false,
        })
    };
    let next = doc.w(i + 1);
    match w {
        "fatally" | "mortally" => {
            if doc.is_any(
                i + 1,
                &[
                    "shot", "wounded", "injured", "stabbed", "struck", "hit", "shooting",
                    "wounding", "injuring",
                ],
            ) {
                let form = if next.ends_with("ing") {
                    Form::Ing
                } else {
                    Form::Verb
                };
                return t(i + 2, Outcome::Killed, form);
            }
            None
        }
        "shot" | "shoots" | "shoot" | "gunned" => {
            if w == "gunned" {
                return if next == "down" {
                    t(i + 2, Outcome::Hit, Form::Verb)
                } else {
                    None
                };
            }
            if w == "shoots" {
                for (p, o) in [
                    ("and kills", Outcome::Killed),
                    (", kills", Outcome::Killed),
                    ("and wounds", Outcome::Injured),
                    ("and injures", Outcome::Injured),
                    (", wounds", Outcome::Injured),
                ] {
                    if let Some(e) = doc.seq(i + 1, p) {
                        return t(e, o, Form::Active);
                    }
                }
                if next == "at" || next == "up" {
                    return None;
                }
                return t(i + 1, Outcome::Hit, Form::Active);
            }
            if let Some(e) = doc
                .seq(i + 1, "and killed")
                .or_else(|| doc.seq(i + 1, ", killed"))
                .or_else(|| doc.seq(i + 1, "and fatally wounded"))
                .or_else(|| doc.seq(i + 1, "dead"))
                .or_else(|| doc.seq(i + 1, "to death"))
            {
                return t(e, Outcome::Killed, Form::Verb);
            }
            if let Some(e) = doc
                .seq(i + 1, "and wounded")
                .or_else(|| doc.seq(i + 1, "and injured"))
                .or_else(|| doc.seq(i + 1, "and critically wounded"))
                .or_else(|| doc.seq(i + 1, "and critically injured"))
            {
                return t(e, Outcome::Injured, Form::Verb);
            }
            if next == "at" || next == "up" || next == "down" && w != "gunned" || next == "through"
            {
                return None;
            }
            if w == "shoot" {
                return None;
            }
            // "a shot", "one shot", "a warning shot": the noun.
            let prev = doc.w(i.wrapping_sub(1));
            if matches!(
                prev,
                "a" | "the"
                    | "single"
                    | "warning"
                    | "fatal"
                    | "another"
                    | "fired"
                    | "first"
                    | "final"
                    | "last"
                    | "lucky"
                    | "good"
                    | "kill"
                    | "head"
                    | "mug"
                    | "booster"
                    | "flu"
            ) || (matches!(prev, "one" | "1")
                && doc.is_any(
                    i.wrapping_sub(2),
                    &["fired", "fires", "firing", "only", "just", "least", "with"],
                ))
            {
                return None;
            }
            t(i + 1, Outcome::Hit, Form::Verb)
        }
        "shooting" => {
            if doc.is_any(i + 1, &["and", "killing"]) && doc.is_any(i + 2, &["killing", "killed"]) {
                return t(i + 3, Outcome::Killed, Form::Ing);
            }
            // "accused of shooting his wife", "charged with shooting a man".
            if doc.is_any(
                i.wrapping_sub(1),
                &["of", "with", "for", "after", "before", "in", "while"],
            ) && doc.is_any(
                i + 1,
                &[
                    "his", "her", "their", "a", "an", "two", "three", "him", "them", "another",
                    "the",
                ],
            ) {
                return t(i + 1, Outcome::Hit, Form::Ing);
            }
            None
        }
        "body" | "bodies" => {
            // "the body of a man", "two bodies", "a body was found".
            if doc.is(i + 1, "of") && doc.is_any(i + 2, &["a", "an", "the", "his", "her", "their"])
            {
                return t(i + 2, Outcome::Killed, Form::Ing);
            }
            if doc.is_any(i + 1, &["was", "were", "had", "has"])
                && doc.is_any(
                    i + 2,
                    &[
                        "found",
                        "discovered",
                        "recovered",
                        "located",
                        "pulled",
                        "been",
                    ],
                )
            {
                return t(i + 1, Outcome::Killed, Form::Noun);
            }
            None
        }
        "killed" | "kills" | "murdered" | "slain" | "assassinated" | "massacred" | "executed"
        | "eliminated" | "neutralized" | "neutralised" | "beheaded" | "slaughtered" => {
            if w == "executed"
                && doc.is_any(
                    i + 1,
                    &["a", "the", "search", "warrant", "warrants", "arrest"],
                )
            {
                return None;
            }
            if w == "kills" {
                return t(i + 1, Outcome::Killed, Form::Active);
            }
            t(i + 1, Outcome::Killed, Form::Verb)
        }
        "killing" | "murdering" | "slaying" => {
            if doc.is_any(i + 1, &["himself", "herself"]) {
                return t(i + 2, Outcome::Killed, Form::Ing);
            }
            t(i + 1, Outcome::Killed, Form::Ing)
        }
        "died" | "dies" | "perished" | "succumbed" => {
            let later = w == "succumbed"
                || doc.is(i.wrapping_sub(1), "later")
                || doc.is(i + 1, "later")
                || doc.seq(i + 1, "at the hospital").is_some()
                || doc.seq(i + 1, "at a hospital").is_some()
                || doc.seq(i + 1, "in the hospital").is_some()
                || doc.seq(i + 1, "at an area hospital").is_some()
                || doc.seq(i + 1, "at a local hospital").is_some()
                || doc.seq(i + 1, "from his injuries").is_some()
                || doc.seq(i + 1, "from her injuries").is_some()
                || doc.seq(i + 1, "of his injuries").is_some()
                || doc.seq(i + 1, "of her injuries").is_some()
                || doc.seq(i + 1, "of his wounds").is_some()
                || doc.seq(i + 1, "of her wounds").is_some()
                || (doc.is(i + 1, "at")
                    && (i + 2..(i + 7).min(s_end)).any(|k| doc.is_any(k, &["hospital", "center"])));
            Some(Trigger {
                start: i,
                end: i + 1,
                outcome: Outcome::Killed,
                form: Form::Intrans,
                died_later: later,
            })
        }
        "dead" | "deceased" => {
            if doc.is(i.wrapping_sub(1), "the")
                || doc.is_any(i + 1, &["end", "body", "bodies", "man", "woman"]) && w == "dead"
            {
                return None;
            }
            t(i + 1, Outcome::Killed, Form::Intrans)
        }
        "lost" => {
            if doc.is_any(i + 1, &["his", "her", "their"]) && doc.is_any(i + 2, &["life", "lives"])
            {
                return t(i + 3, Outcome::Killed, Form::Intrans);
            }
            None
        }
        "took" => {
            if doc.is_any(i + 1, &["his", "her", "their"])
                && doc.is(i + 2, "own")
                && doc.is_any(i + 3, &["life", "lives"])
            {
                return t(i + 4, Outcome::Killed, Form::Intrans);
            }
            if doc.is(i + 1, "the") && doc.is_any(i + 2, &["life", "lives"]) && doc.is(i + 3, "of")
            {
                return t(i + 4, Outcome::Killed, Form::Ing);
            }
            None
        }
        "claimed" => {
            if doc.is(i + 1, "the") && doc.is_any(i + 2, &["life", "lives"]) && doc.is(i + 3, "of")
            {
                return t(i + 4, Outcome::Killed, Form::Ing);
            }
            None
        }
        "death" | "deaths" | "fatalities" | "fatality" | "killings" => {
            t(i + 1, Outcome::Killed, Form::Noun)
        }
        "homicide" | "murder" | "manslaughter" => {
            let prev = doc.w(i.wrapping_sub(1));
            if matches!(prev, "attempted" | "attempt")
                || doc.is(i.wrapping_sub(1), "-") && doc.is(i.wrapping_sub(2), "attempted")
            {
                return None;
            }
            if w == "murder" && doc.is(i + 1, "-") && doc.is(i + 2, "suicide") {
                return Some(Trigger {
                    start: i,
                    end: i + 3,
                    outcome: Outcome::Killed,
                    form: Form::Implied,
                    died_later: false,
                });
            }
            t(i + 1, Outcome::Killed, Form::Implied)
        }
        "fatal" | "deadly" => {
            // "a deadly Christmas Day shooting", "the fatal early-morning stabbing".
            let mut j = i + 1;
            while j < i + 4
                && j < s_end
                && doc.is_word(j)
                && !doc.is_any(j, INCIDENT_NOUNS)
                && !doc.is_any(j, &["and", "in", "of", "on", "at", "for"])
                && (doc.is_cap(j) || doc.is(j + 1, "shooting"))
                || doc.is(j, "-") && j < i + 4
            {
                j += 1;
            }
            if doc.is_any(
                j,
                &["shooting", "shootings", "stabbing", "attack", "incident"],
            ) && j > i + 1
            {
                return Some(Trigger {
                    start: i,
                    end: j + 1,
                    outcome: Outcome::Killed,
                    form: Form::Implied,
                    died_later: false,
                });
            }
            if doc.is_any(i + 1, INCIDENT_NOUNS) {
                return t(i + 2, Outcome::Killed, Form::Implied);
            }
            None
        }
        "injured" | "wounded" | "hurt" | "injures" | "wounds" | "grazed" | "maimed" => {
            if w == "wounds" && !doc.is_any(i.wrapping_sub(1), &["it", "he", "she"]) {
                // "wounds" is usually the noun: "gunshot wounds".
                return injury_noun(doc, i);
            }
            if w == "hurt" && doc.is_any(i + 1, &["feelings", "business", "sales"]) {
                return None;
            }
            if w == "injures" {
                return t(i + 1, Outcome::Injured, Form::Active);
            }
            t(i + 1, Outcome::Injured, Form::Verb)
        }
        "injuring" | "wounding" => t(i + 1, Outcome::Injured, Form::Ing),
        "injuries" | "injury" | "wound" => injury_noun(doc, i),
        "hospitalized" | "hospitalised" => t(i + 1, Outcome::Hit, Form::Intrans),
        "hospital" => {
            // "taken to the hospital", "transported to a local hospital".
            let mut k = i;
            let mut steps = 0;
            while k > 0 && steps < 5 {
                k -= 1;
                steps += 1;
                if doc.is_any(
                    k,
                    &[
                        "taken",
                        "transported",
                        "rushed",
                        "flown",
                        "airlifted",
                        "driven",
                        "brought",
                        "admitted",
                        "hospitalized",
                        "treated",
                        "drove",
                        "took",
                        "carried",
                        "evacuated",
                    ],
                ) {
                    if doc.is_any(k, &["drove", "took"]) {
                        return None;
                    }
                    return Some(Trigger {
                        start: k,
                        end: i + 1,
                        outcome: Outcome::Hit,
                        form: Form::Intrans,
                        died_later: false,
                    });
                }
            }
            None
        }
        "condition" => {
            // "in critical condition", "listed in stable condition".
            let prev = doc.w(i.wrapping_sub(1));
            if matches!(
                prev,
                "critical"
                    | "stable"
                    | "serious"
                    | "grave"
                    | "fair"
                    | "good"
                    | "guarded"
                    | "satisfactory"
            ) && doc.is_any(i.wrapping_sub(2), &["in", "a"])
            {
                return Some(Trigger {
                    start: i - 2,
                    end: i + 1,
                    outcome: Outcome::Hit,
                    form: Form::Intrans,
                    died_later: false,
                });
            }
            None
        }
        "kidnapped" | "abducted" => t(i + 1, Outcome::Kidnapped, Form::Verb),
        "hostage" | "hostages" => {
            if doc.is_any(i.wrapping_sub(1), &["taken", "held", "seized"]) {
                return Some(Trigger {
                    start: i - 1,
                    end: i + 1,
                    outcome: Outcome::Kidnapped,
                    form: Form::Intrans,
                    died_later: false,
                });
            }
            None
        }
        "arrested" | "detained" | "apprehended" | "captured" => {
            t(i + 1, Outcome::Arrested, Form::Verb)
        }
        "custody" => {
            if doc.is_any(i.wrapping_sub(1), &["into"]) && doc.is(i.wrapping_sub(2), "taken") {
                return Some(Trigger {
                    start: i - 2,
                    end: i + 1,
                    outcome: Outcome::Arrested,
                    form: Form::Intrans,
                    died_later: false,
                });
            }
            None
        }
        "missing" => {
            if doc.is_any(
                i.wrapping_sub(1),
                &[
                    "are", "were", "remain", "remained", "still", "went", "is", "was", "reported",
                    "listed",
                ],
            ) || doc.is_num(i.wrapping_sub(1))
            {
                return t(i + 1, Outcome::Missing, Form::Intrans);
            }
            None
        }
        "casualties" | "casualty" => t(i + 1, Outcome::Killed, Form::Noun),
        _ => None,
    }
}

fn injury_noun(doc: &Doc<'_>, i: usize) -> Option<Trigger> {
    // "gunshot wound(s)" are also found on the dead: a hit, not an injury.
    let gun = doc.is_any(
        i.wrapping_sub(1),
        &["gunshot", "bullet", "stab", "shrapnel"],
    ) || (doc.is(i.wrapping_sub(1), "-") && doc.is(i.wrapping_sub(2), "gunshot"));
    let outcome = if gun { Outcome::Hit } else { Outcome::Injured };
    // "non-life-threatening injuries" says they survived; "life-threatening" does not.
    let mut k = i.wrapping_sub(1);
    let mut life_threatening = false;
    for _ in 0..4 {
        if doc.is(k, "threatening") {
            life_threatening = !(k >= 4 && doc.is(k - 4, "non"));
        }
        k = k.wrapping_sub(1);
    }
    let outcome = if life_threatening {
        Outcome::Hit
    } else {
        outcome
    };
    Some(Trigger {
        start: i,
        end: i + 1,
        outcome,
        form: Form::Noun,
        died_later: false,
    })
}
