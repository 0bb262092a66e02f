//! The parties of an incident: who acted, who was attacked, who was harmed.
//!
//! [`find_parties`] reads a document with its sentences, NER entities and
//! casualty facts and returns one [`Party`] per actor of the document's own
//! incident, with its [`Role`] and [`ActorType`]:
//!
//! - mentions ([`mentions`]): named people and organisations from the
//!   entities, and group phrases that name a side without a name ("Iraqi
//!   security forces", "ISIS operatives", "police");
//! - what the words around each mention say ([`rules`]): it acted ("police
//!   identified the gunman as John Smith", "Smith, 23, was charged with
//!   murder", "U.S. forces conducted a raid"), it was harmed ("Marcus Holt,
//!   21, died", "a raid targeting ISIS leaders"), or it speaks (the
//!   spokesman who gives a figure: no party);
//! - the victims of the incident's casualty facts are harmed (arrested
//!   people acted);
//! - only the incident's sentences count: the lead and those stating a
//!   casualty of this incident ([`Scope::Event`](sitrep_numbers::Scope));
//!   sentences with casualties of other incidents or background only are
//!   not read, and the other sentences only for actors the incident's
//!   sentences name. Bylines and credit lines are not read.
//!
//! An actor that acted more than it was harmed is the perpetrator (a shooter
//! killed by police stays the perpetrator); one harmed is the target when it
//! is a side (an armed group, a state's forces, a member of either) and the
//! victim otherwise.
//!
//! ```
//! use sitrep_coding::parties::{find_parties, PartyInput};
//! use sitrep_coding::Role;
//! use sitrep_text::{split_sentences, EntityMention, Span};
//!
//! let text = "Police identified the gunman as John Smith. Smith, 23, was charged \
//!             with murder in the death of Marcus Holt, police spokesman Tom Reed said.";
//! let per = |name: &str| {
//!     let start = text.find(name).unwrap();
//!     EntityMention { span: Span { start, end: start + name.len() }, label: "PER".into(), score: 1.0 }
//! };
//! let entities = [per("John Smith"), per("Marcus Holt"), per("Tom Reed")];
//! let sentences = split_sentences(text);
//! let found = find_parties(&PartyInput { text, sentences: &sentences, entities: &entities, casualties: &[] });
//! let roles: Vec<(&str, Role)> = found.parties.iter().map(|p| (p.name.as_str(), p.role)).collect();
//! assert_eq!(roles, [("John Smith", Role::Perpetrator), ("Marcus Holt", Role::Victim)]);
//! ```

mod lexicon;
mod mentions;
mod resolve;
mod rules;

use serde::{Deserialize, Serialize};
use sitrep_numbers::Casualty;
use sitrep_text::{EntityMention, Span};

/// A party's part in the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Initiated the violence or the act (the shooter, the forces that
    /// raided, the group that set off the bomb, the police who arrested).
    Perpetrator,
    /// The side attacked, its fighters included (ISIS in a raid on ISIS).
    Target,
    /// Civilians and others harmed who are no side in the fighting: killed,
    /// injured, abducted, arrested.
    Victim,
}

impl Role {
    /// The name as serialised.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Role::Perpetrator => "perpetrator",
            Role::Target => "target",
            Role::Victim => "victim",
        }
    }
}

/// ACLED's actor categories (`inter1`/`inter2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// Military and police forces of a state (ACLED inter code 1).
    StateForces,
    /// Rebel groups: armed groups seeking to overthrow or secede (2).
    RebelGroup,
    /// Political militias (3).
    PoliticalMilitia,
    /// Identity militias: ethnic, religious, communal (4).
    IdentityMilitia,
    /// Rioters (5).
    Rioters,
    /// Protesters (6).
    Protesters,
    /// Civilians (7).
    Civilians,
    /// External or other forces: foreign or international forces,
    /// private security (8).
    ExternalForces,
}

impl ActorType {
    /// ACLED's numeric code (1–8) used in `inter1`, `inter2` and `interaction`.
    #[must_use]
    pub fn inter_code(self) -> u8 {
        match self {
            ActorType::StateForces => 1,
            ActorType::RebelGroup => 2,
            ActorType::PoliticalMilitia => 3,
            ActorType::IdentityMilitia => 4,
            ActorType::Rioters => 5,
            ActorType::Protesters => 6,
            ActorType::Civilians => 7,
            ActorType::ExternalForces => 8,
        }
    }

    /// The name as serialised (`state_forces`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ActorType::StateForces => "state_forces",
            ActorType::RebelGroup => "rebel_group",
            ActorType::PoliticalMilitia => "political_militia",
            ActorType::IdentityMilitia => "identity_militia",
            ActorType::Rioters => "rioters",
            ActorType::Protesters => "protesters",
            ActorType::Civilians => "civilians",
            ActorType::ExternalForces => "external_forces",
        }
    }
}

/// ACLED's `interaction` code of two actor types: the two inter codes as a
/// two-digit number, the smaller first (`12` state forces–rebel group);
/// `10`, `20`, … for an actor acting alone.
#[must_use]
pub fn interaction(a: Option<ActorType>, b: Option<ActorType>) -> Option<u8> {
    match (a.map(ActorType::inter_code), b.map(ActorType::inter_code)) {
        (Some(x), Some(y)) => Some(x.min(y) * 10 + x.max(y)),
        (Some(x), None) | (None, Some(x)) => Some(x * 10),
        (None, None) => None,
    }
}

/// One party of a document's incident, as the text names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// The name as written ("Iraqi security forces", "Jassim al-Mazrouei").
    pub name: String,
    /// Where it is named, in bytes.
    pub span: Span,
    /// Its part in the incident.
    pub role: Role,
    /// Its ACLED actor category, when known.
    pub actor_type: Option<ActorType>,
    /// The named entity it is, as an index into the document's entities
    /// (canonical names are resolved from it), when it is one.
    pub entity: Option<usize>,
}

/// What [`find_parties`] reads: one document's text and what the
/// per-document stages found in it (byte spans into `text`).
#[derive(Debug, Clone, Copy)]
pub struct PartyInput<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its sentences (from `sitrep_text::split_sentences`); when empty, the
    /// text is split here.
    pub sentences: &'a [Span],
    /// Its NER entities: `PER` names people, `ORG` (and `MISC` names of armed
    /// groups) organisations.
    pub entities: &'a [EntityMention],
    /// Its casualty facts (from `sitrep_numbers::extract_casualties`).
    pub casualties: &'a [Casualty],
}

/// The parties of a document's incident.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parties {
    /// One per actor, in order of first mention.
    pub parties: Vec<Party>,
    /// For each casualty fact (aligned with [`PartyInput::casualties`]): the
    /// index into `parties` of the party its victims belong to, when one
    /// does.
    pub casualty_party: Vec<Option<usize>>,
}

/// The parties of the document's own incident and their roles; see the
/// [module documentation](self) for the rules. Never panics: spans that do
/// not fit `text` are ignored.
#[must_use]
pub fn find_parties(input: &PartyInput<'_>) -> Parties {
    resolve::find(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_codes_put_the_smaller_first() {
        use ActorType::*;
        let cases = [
            (Some(StateForces), Some(RebelGroup), Some(12)),
            (Some(RebelGroup), Some(StateForces), Some(12)),
            (Some(PoliticalMilitia), Some(Civilians), Some(37)),
            (Some(Protesters), None, Some(60)),
            (None, None, None),
        ];
        for (a, b, want) in cases {
            assert_eq!(interaction(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn names_are_the_serialised_names() {
        use ActorType::*;
        for t in [
            StateForces,
            RebelGroup,
            PoliticalMilitia,
            IdentityMilitia,
            Rioters,
            Protesters,
            Civilians,
            ExternalForces,
        ] {
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                serde_json::json!(t.name())
            );
        }
        for r in [Role::Perpetrator, Role::Target, Role::Victim] {
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::json!(r.name())
            );
        }
    }

    /// An example sentence with its mention marked: `[a person]` or
    /// `{a group}`. Returns the text, the mention's span and whether it is
    /// a group.
    fn marked(example: &str) -> (String, Span, bool) {
        let (open, close, group) = if example.contains('{') {
            ('{', '}', true)
        } else {
            ('[', ']', false)
        };
        let start = example.find(open).expect("a marked mention");
        let end = example.find(close).expect("a closed mention") - 1;
        let text = example.replace([open, close], "");
        (text, Span { start, end }, group)
    }

    fn winning_rules(example: &str) -> Vec<&'static str> {
        let (text, span, group) = marked(example);
        let sentences = sitrep_text::split_sentences(&text);
        let toks = mentions::tokens(&text, &sentences);
        let first = toks.partition_point(|t| t.span.start < span.start);
        let last = toks.partition_point(|t| t.span.end <= span.end);
        let s = toks[first].sentence.unwrap();
        let s0 = toks.iter().position(|t| t.sentence == Some(s)).unwrap();
        let s1 = toks.iter().rposition(|t| t.sentence == Some(s)).unwrap() + 1;
        let mut names: Vec<&'static str> =
            resolve::mention_hits(&toks, (s0, s1), first, last, group)
                .iter()
                .map(|h| h.rule.name)
                .collect();
        // A speaker cue wins by leaving no hit; name it for the examples.
        let left = rules::normalise(toks[s0..first].iter().map(|t| t.lower.as_str()));
        if names.is_empty() {
            let ctx = vec![rules::normalise(
                toks[last..s1].iter().map(|t| t.lower.as_str()),
            )];
            let mut ctxs = ctx;
            for p in last..s1 {
                if toks[p].lower == "," {
                    ctxs.push(rules::normalise(
                        toks[p + 1..s1].iter().map(|t| t.lower.as_str()),
                    ));
                }
            }
            names.extend(rules::best_right(&ctxs, group).map(|h| h.rule.name));
            names.extend(rules::best_left(&left, group).map(|h| h.rule.name));
        }
        names
    }

    #[test]
    fn every_rule_wins_on_its_examples_and_not_on_the_others() {
        let mut failures = Vec::new();
        for r in rules::RULES {
            for ex in r.fires {
                let got = winning_rules(ex);
                if !got.contains(&r.name) {
                    failures.push(format!("{} should win on {ex:?}; won: {got:?}", r.name));
                }
            }
            for ex in r.not {
                let got = winning_rules(ex);
                if got.contains(&r.name) {
                    failures.push(format!("{} should not win on {ex:?}", r.name));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn per(text: &str, name: &str) -> EntityMention {
        let start = text.find(name).unwrap();
        EntityMention {
            span: Span {
                start,
                end: start + name.len(),
            },
            label: "PER".into(),
            score: 1.0,
        }
    }

    fn roles(text: &str, names: &[&str]) -> Vec<(String, Role)> {
        let entities: Vec<EntityMention> = names.iter().map(|n| per(text, n)).collect();
        let casualties = sitrep_numbers::extract_casualties(text, &[], &entities);
        let sentences = sitrep_text::split_sentences(text);
        find_parties(&PartyInput {
            text,
            sentences: &sentences,
            entities: &entities,
            casualties: &casualties,
        })
        .parties
        .into_iter()
        .map(|p| (p.name, p.role))
        .collect()
    }

    #[test]
    fn a_shooter_killed_by_police_stays_the_perpetrator() {
        let text = "Police say Henry Jackson shot a woman in the arm on Wednesday. \
                    Jackson opened fire on two agents. Jackson was shot and killed by police on Thursday.";
        let got = roles(text, &["Henry Jackson"]);
        assert!(
            got.contains(&("Henry Jackson".to_string(), Role::Perpetrator)),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, r)| *r == Role::Victim), "{got:?}");
    }

    #[test]
    fn forces_that_raid_are_perpetrators_and_the_group_raided_the_target() {
        let text = "Iraqi security forces conducted a raid targeting ISIS leaders. \
                    Nine ISIS militants were killed in the raid, a spokesman said.";
        let got = roles(text, &[]);
        assert!(
            got.contains(&("Iraqi security forces".into(), Role::Perpetrator)),
            "{got:?}"
        );
        assert!(
            got.contains(&("ISIS militants".into(), Role::Target)),
            "{got:?}"
        );
    }

    #[test]
    fn background_sentences_name_no_party() {
        let text = "Two men were shot dead in Dayton on Friday, police said. \
                    The victims were identified as Ann Lee and Tom Reed. \
                    Last year, John Smith was killed in a robbery nearby.";
        let got = roles(text, &["Ann Lee", "Tom Reed", "John Smith"]);
        assert!(!got.iter().any(|(n, _)| n == "John Smith"), "{got:?}");
    }

    #[test]
    fn bylines_are_no_party() {
        let text = "By Ann Lee. A man was shot and killed in Dayton, police said.";
        assert!(roles(text, &["Ann Lee"]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            text in "(\\PC|[ ,.'’\\n]){0,200}",
            spans in proptest::collection::vec((0usize..220, 0usize..40, 0u8..4), 0..8),
        ) {
            let labels = ["PER", "ORG", "MISC", "LOC"];
            let entities: Vec<EntityMention> = spans
                .iter()
                .map(|&(s, n, l)| EntityMention {
                    span: Span { start: s, end: s + n },
                    label: labels[usize::from(l)].into(),
                    score: 0.5,
                })
                .collect();
            let casualties = sitrep_numbers::extract_casualties(&text, &[], &[]);
            let sentences = sitrep_text::split_sentences(&text);
            let out = find_parties(&PartyInput { text: &text, sentences: &sentences, entities: &entities, casualties: &casualties });
            proptest::prop_assert_eq!(out.casualty_party.len(), casualties.len());
            for p in &out.parties {
                proptest::prop_assert!(p.span.slice(&text).is_some());
            }
            let none = find_parties(&PartyInput { text: &text, sentences: &[], entities: &entities, casualties: &casualties });
            proptest::prop_assert_eq!(none.casualty_party.len(), casualties.len());
        }
    }
}
