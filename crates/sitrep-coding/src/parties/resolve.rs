//! From mentions to parties: which sentences are the incident's, what each
//! mention's context says (the [`rules`](super::rules)), which mentions are
//! one actor, and each actor's role.

use sitrep_numbers::{Casualty, Group, Outcome, Scope};
use sitrep_text::Span;

use super::lexicon::{has, CREDIT_WORDS, GAP_BREAKS, REBEL_MEMBER_WORDS, STATE_MEMBER_WORDS};
use super::mentions::{country_key, mentions, rebel_key, tokens, Kind, Mention, Tok};
use super::rules::{best_left, best_right, normalise, Evidence, Hit};
use super::{Parties, Party, PartyInput, Role};
use crate::ActorType;

/// Sentences read as the lead: the incident as the article first states it.
const LEAD_SENTENCES: usize = 3;
/// Words of context read on each side of a mention.
const CONTEXT_WORDS: usize = 10;
/// Tokens an apposition may run after a mention ("Smith, 23, of Dayton,").
const APPOSITION_TOKENS: usize = 14;

/// What a sentence is to the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// The lead, or a sentence stating a casualty of this incident.
    Incident,
    /// States casualties of other incidents or background only.
    Other,
    /// Neither: read for actors that the incident's sentences name.
    Neutral,
}

fn sentence_status(input: &PartyInput<'_>) -> Vec<Status> {
    let n = input.sentences.len();
    let mut event = vec![false; n];
    let mut other = vec![false; n];
    for c in input.casualties {
        if let Some(k) = sentence_of(input.sentences, c.span.start) {
            if c.scope == Scope::Event {
                event[k] = true;
            } else {
                other[k] = true;
            }
        }
    }
    (0..n)
        .map(|k| {
            if event[k] {
                Status::Incident
            } else if other[k] {
                Status::Other
            } else if k < LEAD_SENTENCES {
                Status::Incident
            } else {
                Status::Neutral
            }
        })
        .collect()
}

fn sentence_of(sentences: &[Span], at: usize) -> Option<usize> {
    let k = sentences.partition_point(|s| s.end <= at);
    sentences
        .get(k)
        .filter(|s| s.start <= at && at < s.end.max(s.start + 1))
        .map(|_| k)
}

/// Whether a sentence is a byline or credit line.
fn is_credit(toks: &[Tok<'_>], range: (usize, usize)) -> bool {
    let words = &toks[range.0..range.1];
    words.first().is_some_and(|t| t.text == "By")
        || words
            .iter()
            .any(|t| t.text.contains('@') || has(CREDIT_WORDS, &t.lower))
}

/// Token ranges of every sentence.
fn sentence_tokens(toks: &[Tok<'_>], n: usize) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); n];
    let mut k = 0;
    while k < toks.len() {
        let Some(s) = toks[k].sentence else {
            k += 1;
            continue;
        };
        let start = k;
        while k < toks.len() && toks[k].sentence == Some(s) {
            k += 1;
        }
        if let Some(slot) = out.get_mut(s) {
            *slot = (start, k);
        }
    }
    out
}

/// The rules that decide what one mention's context says: at most one hit
/// per side; none when it speaks.
pub(crate) fn mention_hits(
    toks: &[Tok<'_>],
    sentence: (usize, usize),
    first: usize,
    last: usize,
    group: bool,
) -> Vec<Hit> {
    let (s0, s1) = (sentence.0.min(toks.len()), sentence.1.min(toks.len()));
    let s0 = s0.min(s1);
    let first = first.clamp(s0, s1);
    let last = last.clamp(first, s1);
    let from = first.saturating_sub(CONTEXT_WORDS).max(s0);
    let left = normalise(toks[from..first].iter().map(|t| t.lower.as_str()));
    let mut contexts: Vec<Vec<&str>> = vec![normalise(
        toks[last..s1]
            .iter()
            .take(CONTEXT_WORDS)
            .map(|t| t.lower.as_str()),
    )];
    for p in last..s1.min(last + APPOSITION_TOKENS) {
        let w = toks[p].lower.as_str();
        if w == "," {
            contexts.push(normalise(
                toks[p + 1..s1]
                    .iter()
                    .take(CONTEXT_WORDS)
                    .map(|t| t.lower.as_str()),
            ));
        } else if p > last && has(GAP_BREAKS, w) {
            break;
        }
    }
    let right = best_right(&contexts, group);
    let left = best_left(&left, group);
    match (left, right) {
        (_, Some(r)) if r.rule.evidence == Evidence::Speaker => Vec::new(),
        (Some(l), Some(r)) if l.rule.evidence != Evidence::Speaker => vec![l, r],
        (_, Some(r)) => vec![r],
        (Some(l), None) if l.rule.evidence == Evidence::Speaker => Vec::new(),
        (Some(l), None) => vec![l],
        (None, None) => Vec::new(),
    }
}

/// The affiliation a person's title or apposition states ("officer Sean
/// Bolton", "Jassim al-Mazrouei, the militant group's commander").
fn affiliation(toks: &[Tok<'_>], m: &Mention, s1: usize) -> Option<ActorType> {
    if m.actor_type.is_some() {
        return m.actor_type;
    }
    let opens = |t: &Tok<'_>| {
        matches!(
            t.lower.as_str(),
            "a" | "an" | "the" | "who" | "one" | "another"
        ) || t.lower.starts_with(|c: char| c.is_ascii_digit())
    };
    if toks.get(m.last).is_some_and(|t| t.lower == ",") && toks.get(m.last + 1).is_some_and(opens) {
        for t in toks.iter().take(s1.min(m.last + 10)).skip(m.last + 1) {
            if t.lower == "," || has(GAP_BREAKS, &t.lower) {
                break;
            }
            if has(REBEL_MEMBER_WORDS, &t.lower) || rebel_key(&t.lower).is_some() {
                return Some(ActorType::RebelGroup);
            }
            if has(STATE_MEMBER_WORDS, &t.lower) {
                return Some(ActorType::StateForces);
            }
        }
    }
    None
}

/// One actor: the mentions that are one party.
#[derive(Debug, Default)]
struct Actor {
    mentions: Vec<usize>,
    acted: u32,
    harmed: u32,
    first_evidence: Option<Evidence>,
    counted: bool,
    actor_type: Option<ActorType>,
}

/// Actor keys for every mention: people by full name, a one-word name joined
/// to the nearest full name ending or starting with it; generic group nouns
/// joined to the only named actor of their kind.
fn resolve_actors(ms: &[Mention]) -> Vec<String> {
    let mut keys: Vec<String> = ms.iter().map(|m| m.key.clone()).collect();
    for (i, m) in ms.iter().enumerate() {
        if m.kind != Kind::Person || m.key.contains(' ') {
            continue;
        }
        let fits = |o: &Mention| {
            o.kind == Kind::Person
                && o.key.contains(' ')
                && (o.key.ends_with(&format!(" {}", m.key))
                    || o.key.starts_with(&format!("{} ", m.key)))
        };
        let before = ms[..i].iter().rev().find(|o| fits(o));
        let after = ms[i + 1..].iter().find(|o| fits(o));
        if let Some(o) = before.or(after) {
            keys[i] = o.key.clone();
        }
    }
    for prefix in ["state:", "rebel:"] {
        let mut named: Vec<&str> = ms
            .iter()
            .filter(|m| !m.generic && m.key.starts_with(prefix))
            .map(|m| m.key.as_str())
            .collect();
        named.sort_unstable();
        named.dedup();
        if let [only] = named.as_slice() {
            let only = (*only).to_string();
            for (k, m) in ms.iter().enumerate() {
                if m.generic && m.key == prefix {
                    keys[k] = only.clone();
                }
            }
        }
    }
    keys
}

/// Mentions joined by "and" or commas share what their context says
/// ("CENTCOM and Iraqi security forces conducted a raid").
fn coordinated(toks: &[Tok<'_>], a: &Mention, b: &Mention) -> bool {
    a.kind == b.kind
        && a.sentence == b.sentence
        && a.last < b.first
        && b.first - a.last <= 4
        && toks[a.last..b.first].iter().any(|t| t.lower == "and")
        && toks[a.last..b.first].iter().all(|t| {
            matches!(t.lower.as_str(), "and" | "," | "the" | "its")
                || t.lower.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Finds the parties; see [`super::find_parties`].
pub(crate) fn find(input: &PartyInput<'_>) -> Parties {
    let own;
    let sentences: &[Span] = if input.sentences.is_empty() {
        own = sitrep_text::split_sentences(input.text);
        &own
    } else {
        input.sentences
    };
    let input = PartyInput {
        sentences,
        ..*input
    };
    let toks = tokens(input.text, sentences);
    let ranges = sentence_tokens(&toks, sentences.len());
    let status = sentence_status(&input);
    let ms = mentions(&toks, input.entities);
    let keys = resolve_actors(&ms);

    // Evidence of each mention from its context, shared across coordination.
    let mut hits: Vec<Vec<Hit>> = ms
        .iter()
        .map(|m| {
            let range = ranges.get(m.sentence).copied().unwrap_or((0, 0));
            if is_credit(&toks, range) {
                return Vec::new();
            }
            mention_hits(&toks, range, m.first, m.last, m.kind == Kind::Group)
        })
        .collect();
    for i in 1..ms.len() {
        if coordinated(&toks, &ms[i - 1], &ms[i]) {
            let (a, b) = (hits[i - 1].clone(), hits[i].clone());
            hits[i - 1].extend(b);
            hits[i].extend(a);
        }
    }

    // Actors.
    let mut order: Vec<String> = Vec::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut actor_of = vec![0usize; ms.len()];
    for (i, k) in keys.iter().enumerate() {
        let a = match order.iter().position(|o| o == k) {
            Some(a) => a,
            None => {
                order.push(k.clone());
                actors.push(Actor::default());
                order.len() - 1
            }
        };
        actor_of[i] = a;
        actors[a].mentions.push(i);
        let st = status.get(ms[i].sentence).copied().unwrap_or(Status::Other);
        actors[a].counted |= st == Status::Incident;
    }

    // Casualty facts of the incident: their victims are harmed (arrested
    // people acted).
    let victim_spans: Vec<Option<Span>> = input
        .casualties
        .iter()
        .map(|c| victims_span(input.text, c))
        .collect();
    let mut casualty_evidence: Vec<Vec<Evidence>> = vec![Vec::new(); ms.len()];
    for (c, vs) in input.casualties.iter().zip(&victim_spans) {
        let Some(vs) = vs else { continue };
        if c.scope != Scope::Event {
            continue;
        }
        for (i, m) in ms.iter().enumerate() {
            if m.span.start < vs.end && vs.start < m.span.end {
                casualty_evidence[i].push(match c.outcome {
                    Outcome::Arrested if m.kind == Kind::Person => Evidence::Acted,
                    _ => Evidence::Harmed,
                });
            }
        }
    }

    for (i, m) in ms.iter().enumerate() {
        let a = &mut actors[actor_of[i]];
        let st = status.get(m.sentence).copied().unwrap_or(Status::Other);
        let counts = match st {
            Status::Incident => true,
            Status::Neutral => a.counted,
            Status::Other => false,
        };
        if !counts {
            continue;
        }
        let casualty_weight = if m.kind == Kind::Person { 2 } else { 1 };
        let evidence = hits[i]
            .iter()
            .map(|h| (h.rule.evidence, 1))
            .chain(casualty_evidence[i].iter().map(|e| (*e, casualty_weight)));
        for (e, w) in evidence {
            match e {
                Evidence::Acted => a.acted += w,
                Evidence::Harmed => a.harmed += w,
                Evidence::Speaker => continue,
            }
            a.first_evidence.get_or_insert(e);
        }
        if a.actor_type.is_none() {
            let s1 = ranges.get(m.sentence).map_or(m.last, |r| r.1);
            a.actor_type = match m.kind {
                Kind::Person => affiliation(&toks, m, s1),
                Kind::Group => m.actor_type,
            };
        }
    }

    // Parties, in order of first mention.
    let mut parties = Vec::new();
    let mut party_of_actor: Vec<Option<usize>> = vec![None; actors.len()];
    for (a, actor) in actors.iter().enumerate() {
        if actor.acted == 0 && actor.harmed == 0 {
            continue;
        }
        let acted = match actor.acted.cmp(&actor.harmed) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => actor.first_evidence == Some(Evidence::Acted),
        };
        let Some(&head) = actor.mentions.iter().max_by_key(|&&i| {
            (
                ms[i].span.len(),
                std::cmp::Reverse(ms[i].span.start),
                ms[i].entity.is_some(),
            )
        }) else {
            continue;
        };
        let m = &ms[head];
        let kind = m.kind;
        let role = if acted {
            Role::Perpetrator
        } else if kind == Kind::Group
            || matches!(
                actor.actor_type,
                Some(ActorType::RebelGroup | ActorType::StateForces)
            )
        {
            Role::Target
        } else {
            Role::Victim
        };
        let actor_type = match (role, kind, actor.actor_type) {
            (Role::Victim, Kind::Person, None) => Some(ActorType::Civilians),
            (_, _, t) => t,
        };
        party_of_actor[a] = Some(parties.len());
        parties.push(Party {
            name: input
                .text
                .get(m.span.range())
                .unwrap_or_default()
                .to_string(),
            span: m.span,
            role,
            actor_type,
            entity: m
                .entity
                .or_else(|| actor.mentions.iter().find_map(|&i| ms[i].entity)),
        });
    }

    // The party each casualty fact's victims belong to.
    let casualty_party = input
        .casualties
        .iter()
        .zip(&victim_spans)
        .map(|(c, vs)| {
            let st = sentence_of(sentences, c.span.start).and_then(|k| status.get(k).copied());
            if st == Some(Status::Other) {
                return None;
            }
            let named = vs.and_then(|vs| {
                ms.iter()
                    .enumerate()
                    .filter(|(_, m)| m.span.start < vs.end && vs.start < m.span.end)
                    .find_map(|(i, _)| party_of_actor[actor_of[i]])
            });
            named.or_else(|| group_party(&parties, c))
        })
        .collect();
    Parties {
        parties,
        casualty_party,
    }
}

/// The victims' words of a casualty fact, in bytes.
fn victims_span(text: &str, c: &Casualty) -> Option<Span> {
    let within = c.span.slice(text)?;
    if c.victims.is_empty() {
        return None;
    }
    let at = within.find(c.victims.as_str())?;
    Some(Span {
        start: c.span.start + at,
        end: c.span.start + at + c.victims.len(),
    })
}

/// The party a casualty group belongs to when no party is named among the
/// victims: the only armed group for militants, the force of the victims'
/// country (or the only state force) for soldiers and police.
fn group_party(parties: &[Party], c: &Casualty) -> Option<usize> {
    let of_type = |t: ActorType| -> Vec<usize> {
        parties
            .iter()
            .enumerate()
            .filter(|(_, p)| p.actor_type == Some(t))
            .map(|(i, _)| i)
            .collect()
    };
    match c.group {
        Group::Militants => match of_type(ActorType::RebelGroup).as_slice() {
            [only] => Some(*only),
            _ => None,
        },
        Group::Military | Group::Police => {
            let states = of_type(ActorType::StateForces);
            let country = c
                .country
                .as_deref()
                .and_then(|n| country_key(&n.to_lowercase()));
            if let Some(country) = country {
                let own: Vec<usize> = states
                    .iter()
                    .copied()
                    .filter(|&i| {
                        parties[i].name.split_whitespace().any(|w| {
                            country_key(&w.to_lowercase().replace('’', "'")) == Some(country)
                        })
                    })
                    .collect();
                if let [only] = own.as_slice() {
                    return Some(*only);
                }
            }
            match states.as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        }
        Group::Civilians | Group::Unknown => None,
    }
}
