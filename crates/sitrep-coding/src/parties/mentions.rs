//! Mentions of possible parties: named people and groups from the NER
//! entities, and unnamed group phrases ("Iraqi security forces", "ISIS
//! operatives", "police"), each with the key its actor is known by.

use sitrep_text::lexicon::{country_by_word, is_name_suffix, is_title};
use sitrep_text::{EntityMention, Span};

use super::lexicon::{
    has, FORCE_MODIFIERS, FORCE_TITLES, MEMBER_NOUNS, NAMED_FORCES, REBEL_NAMES, REBEL_NOUNS,
    STATE_FORCE_NAMES, STATE_FORCE_NOUNS,
};
use crate::ActorType;

/// A word token of the document.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// Where it is.
    pub span: Span,
    /// As written.
    pub text: &'a str,
    /// Lowercase, with curly apostrophes made straight.
    pub lower: String,
    /// Index of its sentence, when it lies in one.
    pub sentence: Option<usize>,
}

/// The word tokens of `text` with their sentences.
pub(crate) fn tokens<'a>(text: &'a str, sentences: &[Span]) -> Vec<Tok<'a>> {
    sitrep_text::word_tokens(text)
        .into_iter()
        .filter_map(|span| {
            let t = span.slice(text)?;
            let k = sentences.partition_point(|s| s.end <= span.start);
            let sentence = sentences
                .get(k)
                .filter(|s| s.start <= span.start && span.end <= s.end)
                .map(|_| k);
            Some(Tok {
                span,
                text: t,
                lower: t.to_lowercase().replace('’', "'"),
                sentence,
            })
        })
        .collect()
}

/// A person or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A named person.
    Person,
    /// A named organisation or an unnamed group phrase.
    Group,
}

/// One mention of a possible party.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Its sentence.
    pub sentence: usize,
    /// Person or group.
    pub kind: Kind,
    /// The NER entity it is, when it is one.
    pub entity: Option<usize>,
    /// The name as written, in bytes.
    pub span: Span,
    /// The words of its key (lowercase, no titles); resolved into an actor
    /// key by [`super::resolve_actors`].
    pub key: String,
    /// Its actor category, when the words tell it.
    pub actor_type: Option<ActorType>,
    /// Whether the key is a generic noun ("police", "militants") rather
    /// than a name.
    pub generic: bool,
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// The rebel key of a name or word ("islamic state" → "isis").
pub(crate) fn rebel_key(name: &str) -> Option<&'static str> {
    lookup(REBEL_NAMES, name)
}

/// The country key of a nationality word or country name (the country's
/// name in the shared lexicon: "iraqi" → "Iraq").
pub(crate) fn country_key(name: &str) -> Option<&'static str> {
    country_by_word(name)
        .map(|c| c.name)
        .or_else(|| lookup(NAMED_FORCES, name))
}

fn is_possessive(t: &str) -> bool {
    t == "'s" || t == "'"
}

/// The tokens of `span` (those lying inside it).
fn token_range(toks: &[Tok<'_>], span: Span) -> Option<(usize, usize)> {
    let first = toks.partition_point(|t| t.span.start < span.start);
    let mut last = first;
    while last < toks.len() && toks[last].span.end <= span.end {
        last += 1;
    }
    (last > first).then_some((first, last))
}

/// What a named organisation is: its key and actor category.
fn organisation(words: &[&str]) -> (String, Option<ActorType>) {
    let name = words.join(" ");
    if let Some(k) = rebel_key(&name).or_else(|| words.iter().find_map(|w| rebel_key(w))) {
        return (format!("rebel:{k}"), Some(ActorType::RebelGroup));
    }
    if let Some(c) = lookup(NAMED_FORCES, &name) {
        return (format!("state:{c}"), Some(ActorType::StateForces));
    }
    let state = has(STATE_FORCE_NAMES, &name)
        || words.last().is_some_and(|w| has(STATE_FORCE_NAMES, w))
        || words.iter().any(|w| has(STATE_FORCE_NOUNS, w));
    (
        format!("org:{name}"),
        state.then_some(ActorType::StateForces),
    )
}

/// Mentions of named entities: people (PER) and organisations (ORG, and
/// MISC names of armed groups).
fn entity_mentions(toks: &[Tok<'_>], entities: &[EntityMention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.span.start > e.span.end {
            continue;
        }
        let Some((first, mut last)) = token_range(toks, e.span) else {
            continue;
        };
        while last > first + 1 && is_possessive(&toks[last - 1].lower) {
            last -= 1;
        }
        let Some(sentence) = toks[first].sentence else {
            continue;
        };
        // A name does not run across sentences.
        last = first
            + toks[first..last]
                .iter()
                .take_while(|t| t.sentence == Some(sentence))
                .count();
        let words: Vec<&str> = toks[first..last]
            .iter()
            .map(|t| t.lower.as_str())
            .filter(|w| !is_title(w) && !is_name_suffix(w) && !is_possessive(w))
            .collect();
        if words.is_empty() {
            continue;
        }
        let span = Span {
            start: toks[first].span.start,
            end: toks[last - 1].span.end,
        };
        // A web address the recogniser took for a name ("FOX8.com", in a
        // station's credit line) is no party.
        if words.iter().any(|w| is_web_address(w)) || is_web_address(&words.concat()) {
            continue;
        }
        let (kind, key, actor_type) = match e.label.as_str() {
            "PER" => {
                let title = toks[first..last]
                    .iter()
                    .chain(first.checked_sub(1).and_then(|k| toks.get(k)))
                    .any(|t| has(FORCE_TITLES, &t.lower));
                (
                    Kind::Person,
                    words.join(" "),
                    title.then_some(ActorType::StateForces),
                )
            }
            "ORG" => {
                let (k, t) = organisation(&words);
                (Kind::Group, k, t)
            }
            "MISC" => match organisation(&words) {
                (k, Some(ActorType::RebelGroup)) => (Kind::Group, k, Some(ActorType::RebelGroup)),
                _ => continue,
            },
            _ => continue,
        };
        out.push(Mention {
            first,
            last,
            sentence,
            kind,
            entity: Some(i),
            span,
            key,
            actor_type,
            generic: false,
        });
    }
    out
}

/// Unnamed group phrases: a force or armed-group noun with the modifiers
/// before it ("Iraqi security forces", "ISIS operatives", "U.S. service
/// members", "police").
fn group_phrases(toks: &[Tok<'_>], entity_at: &[Option<usize>]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let head = t.lower.as_str();
        let state = has(STATE_FORCE_NOUNS, head);
        let rebel = has(REBEL_NOUNS, head);
        let member = has(MEMBER_NOUNS, head);
        if !(state || rebel || member) {
            continue;
        }
        let Some(sentence) = t.sentence else { continue };
        // The head is a noun only when a verb-like word does not follow it
        // as a modifier would ("police officers": take "officers").
        if toks
            .get(i + 1)
            .is_some_and(|n| n.sentence == t.sentence && has(STATE_FORCE_NOUNS, &n.lower))
        {
            continue;
        }
        let mut first = i;
        let mut country: Option<&'static str> = None;
        let mut rebel_name: Option<&'static str> = None;
        let mut named = false;
        while first > 0 {
            let p = &toks[first - 1];
            if p.sentence != t.sentence {
                break;
            }
            let w = p.lower.as_str();
            let in_entity = entity_at.get(first - 1).copied().flatten().is_some();
            if let Some(k) = rebel_key(w) {
                rebel_name = rebel_name.or(Some(k));
                named = true;
            } else if let Some(c) = country_key(w) {
                country = country.or(Some(c));
                named = true;
            } else if has(FORCE_MODIFIERS, w) || w == "service" {
                // "security", "special operations"
            } else if is_possessive(w)
                && first >= 2
                && country_key(&toks[first - 2].lower).is_some()
            {
                // "Iraq's security forces"
            } else if in_entity && p.text.chars().next().is_some_and(char::is_uppercase) {
                named = true;
                if let Some(k) = rebel_key(w) {
                    rebel_name = rebel_name.or(Some(k));
                }
            } else {
                break;
            }
            first -= 1;
        }
        // A multi-word entity name before the head ("Islamic State fighters").
        if rebel_name.is_none() && first < i {
            let name: Vec<&str> = toks[first..i].iter().map(|t| t.lower.as_str()).collect();
            rebel_name = rebel_key(&name.join(" "));
        }
        if member && !named && !(first < i && toks[i - 1].lower == "service") {
            continue;
        }
        let modifiers_only = toks[first..i]
            .iter()
            .all(|t| has(FORCE_MODIFIERS, &t.lower) || t.lower == "service");
        let (key, actor_type, generic) = if let Some(r) = rebel_name {
            (format!("rebel:{r}"), Some(ActorType::RebelGroup), false)
        } else if let Some(c) = country {
            if rebel {
                (format!("rebel:{c}"), Some(ActorType::RebelGroup), false)
            } else {
                (format!("state:{c}"), Some(ActorType::StateForces), false)
            }
        } else if named {
            let name: Vec<&str> = toks[first..=i].iter().map(|t| t.lower.as_str()).collect();
            let t = if rebel {
                ActorType::RebelGroup
            } else {
                ActorType::StateForces
            };
            (format!("group:{}", name.join(" ")), Some(t), false)
        } else if rebel {
            let t = (head != "gunmen").then_some(ActorType::RebelGroup);
            (String::from("rebel:"), t, true)
        } else if modifiers_only {
            (String::from("state:"), Some(ActorType::StateForces), true)
        } else {
            continue;
        };
        out.push(Mention {
            first,
            last: i + 1,
            sentence,
            kind: Kind::Group,
            entity: (first..=i).find_map(|k| entity_at.get(k).copied().flatten()),
            span: Span {
                start: toks[first].span.start,
                end: t.span.end,
            },
            key,
            actor_type,
            generic,
        });
    }
    out
}

/// Every mention in the document, in text order; a group phrase replaces the
/// entity mentions inside it.
pub(crate) fn mentions(toks: &[Tok<'_>], entities: &[EntityMention]) -> Vec<Mention> {
    let named = entity_mentions(toks, entities);
    let mut entity_at: Vec<Option<usize>> = vec![None; toks.len()];
    for m in &named {
        for slot in entity_at.iter_mut().take(m.last).skip(m.first) {
            *slot = m.entity;
        }
    }
    let groups = group_phrases(toks, &entity_at);
    let mut out: Vec<Mention> = named
        .into_iter()
        .filter(|m| {
            !groups
                .iter()
                .any(|g| g.first <= m.first && m.last <= g.last && m.kind == Kind::Group)
        })
        .collect();
    let kept: Vec<Mention> = groups
        .into_iter()
        .filter(|g| !out.iter().any(|m| m.first < g.last && g.first < m.last))
        .collect();
    out.extend(kept);
    out.sort_by_key(|m| (m.first, m.last));
    out
}

/// Whether a word is (part of) a web address: `fox8.com`, `www`,
/// `http`.
fn is_web_address(w: &str) -> bool {
    const TLDS: &[&str] = &[".com", ".net", ".org", ".tv", ".co."];
    w == "www" || w.starts_with("http") && w.contains(':') || TLDS.iter().any(|t| w.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(text: &str, name: &str, label: &str) -> EntityMention {
        let start = text.find(name).unwrap();
        EntityMention {
            span: Span {
                start,
                end: start + name.len(),
            },
            label: label.into(),
            score: 1.0,
        }
    }

    fn found(text: &str, entities: &[EntityMention]) -> Vec<(String, String)> {
        let sentences = sitrep_text::split_sentences(text);
        let toks = tokens(text, &sentences);
        mentions(&toks, entities)
            .into_iter()
            .map(|m| (text[m.span.range()].to_string(), m.key))
            .collect()
    }

    #[test]
    fn group_phrases_take_their_modifiers() {
        let text =
            "Iraqi security forces and U.S. service members raided a camp of ISIS militants.";
        let got = found(text, &[ent(text, "ISIS", "ORG")]);
        assert_eq!(
            got,
            [
                (
                    "Iraqi security forces".to_string(),
                    "state:Iraq".to_string()
                ),
                (
                    "U.S. service members".to_string(),
                    "state:United States".to_string()
                ),
                ("ISIS militants".to_string(), "rebel:isis".to_string()),
            ]
        );
    }

    #[test]
    fn web_addresses_are_no_parties() {
        for w in ["fox8.com", "abc11.com", "www", "http://x", "wsbtv.co.uk"] {
            assert!(is_web_address(w), "{w}");
        }
        for w in ["smith", "o'neal", "st.", "jr."] {
            assert!(!is_web_address(w), "{w}");
        }
        let text = "Copyright FOX8.com Akron police said Smith was shot.";
        let got = found(text, &[ent(text, "FOX8.com Akron", "PER")]);
        assert!(got.iter().all(|(_, key)| !key.contains("fox8")), "{got:?}");
    }

    #[test]
    fn people_keys_drop_titles_and_possessives() {
        let text = "Officer John Smith's car was hit. Police arrived.";
        let got = found(text, &[ent(text, "Officer John Smith's", "PER")]);
        assert_eq!(got[0], ("Officer John Smith".into(), "john smith".into()));
        assert_eq!(got[1], ("Police".into(), "state:".into()));
    }

    #[test]
    fn member_nouns_need_a_name() {
        let text = "Several members of the family spoke.";
        assert!(found(text, &[]).is_empty());
    }
}
