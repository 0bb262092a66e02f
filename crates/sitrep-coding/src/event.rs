//! One event's coding from its reports: the event type most reports agree
//! on, and ACLED's `actor1` / `actor2` sides with their actor categories.

use std::collections::BTreeMap;

use sitrep_text::Span;

use crate::parties::{interaction, ActorType, Role};
use crate::taxonomy::{EventLabel, EventType, SubEventType};

/// One report's reading of its incident, as [`code_event`] reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportType {
    /// Index of the report among the event's documents' inputs.
    pub document: usize,
    /// What the report says happened.
    pub label: EventLabel,
    /// The classifier's confidence in `0..=1`.
    pub score: f32,
    /// The sentence that decided it, in bytes of that report's text.
    pub evidence: Option<Span>,
}

/// One party named by one report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportParty<'a> {
    /// Index of the report.
    pub document: usize,
    /// The party's name across reports (its canonical name when resolved,
    /// else as written).
    pub name: &'a str,
    /// Its part in the incident.
    pub role: Role,
    /// Its actor category, when known.
    pub actor_type: Option<ActorType>,
    /// A named person rather than a group or force.
    pub person: bool,
}

/// An event's coding, ACLED style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventCoding {
    /// What happened, as most reports (weighted by confidence) read it.
    pub label: Option<EventLabel>,
    /// Mean confidence of the reports that read it so.
    pub score: Option<f32>,
    /// The report and sentence that decided it (the most confident report
    /// of the winning label).
    pub evidence: Option<(usize, Span)>,
    /// The side that acted (the perpetrator most reports name).
    pub actor1: Option<String>,
    /// Other parties on `actor1`'s side.
    pub assoc_actor_1: Vec<String>,
    /// `actor1`'s category.
    pub inter1: Option<ActorType>,
    /// The side acted upon (the target most reports name, else the victims).
    pub actor2: Option<String>,
    /// Other parties on `actor2`'s side.
    pub assoc_actor_2: Vec<String>,
    /// `actor2`'s category.
    pub inter2: Option<ActorType>,
    /// ACLED's interaction code of `inter1` and `inter2`.
    pub interaction: Option<u8>,
    /// Civilians were the target: violence against civilians, or unarmed
    /// victims on the receiving side.
    pub civilian_targeting: bool,
}

impl EventCoding {
    /// The sub-event type, when inside ACLED's scope.
    #[must_use]
    pub fn sub_event_type(&self) -> Option<SubEventType> {
        self.label.and_then(EventLabel::sub_event_type)
    }

    /// The event type, when inside ACLED's scope.
    #[must_use]
    pub fn event_type(&self) -> Option<EventType> {
        self.sub_event_type().map(SubEventType::event_type)
    }
}

/// Most associated actors listed per side.
const MAX_ASSOCIATED: usize = 4;

/// Codes one event from its reports' types and parties.
///
/// The label is the one with the largest summed confidence over reports
/// (ties: the one first read). Each side is the party of that role named by
/// the most reports, groups and forces before named people (ties: first
/// named); the rest of that role are its associated actors. With no target,
/// the victims are the side acted upon. The result depends only on the
/// inputs and their order.
#[must_use]
pub fn code_event(types: &[ReportType], parties: &[ReportParty<'_>]) -> EventCoding {
    let mut coding = EventCoding::default();

    // Label: summed confidence per label, first-read order breaking ties.
    let mut votes: Vec<(EventLabel, f32, usize)> = Vec::new();
    for t in types {
        match votes.iter_mut().find(|v| v.0 == t.label) {
            Some(v) => {
                v.1 += t.score;
                v.2 += 1;
            }
            None => votes.push((t.label, t.score, 1)),
        }
    }
    let mut best: Option<(EventLabel, f32, usize)> = None;
    for v in votes {
        if best.is_none_or(|b| v.1 > b.1) {
            best = Some(v);
        }
    }
    if let Some((label, total, n)) = best {
        coding.label = Some(label);
        coding.score = Some(total / n as f32);
        let mut top: Option<&ReportType> = None;
        for t in types.iter().filter(|t| t.label == label) {
            if top.is_none_or(|b| t.score > b.score) {
                top = Some(t);
            }
        }
        coding.evidence = top.and_then(|t| t.evidence.map(|s| (t.document, s)));
    }

    let mut perpetrators = side(parties, &[Role::Perpetrator]);
    let mut targets = side(parties, &[Role::Target]);
    if targets.is_empty() {
        targets = side(parties, &[Role::Victim]);
    }
    // Both sides of a fight are harmed in it: armed parties of another
    // category than the side acted upon (soldiers wounded in a raid on
    // militants) fought it, and stand on actor1's side.
    if let Some(t2) = targets.first().and_then(|t| t.actor_type) {
        let mut same = Vec::new();
        for (k, m) in targets.into_iter().enumerate() {
            if k > 0 && m.actor_type.is_some_and(|t| armed(t) && t != t2) {
                if !perpetrators
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(m.name))
                {
                    perpetrators.push(m);
                }
            } else {
                same.push(m);
            }
        }
        targets = same;
    }
    if let Some((first, rest)) = perpetrators.split_first() {
        coding.actor1 = Some(first.name.to_owned());
        coding.inter1 = first.actor_type;
        coding.assoc_actor_1 = names(rest);
    }
    if let Some((first, rest)) = targets.split_first() {
        coding.actor2 = Some(first.name.to_owned());
        coding.inter2 = first.actor_type;
        coding.assoc_actor_2 = names(rest);
    }
    coding.interaction = interaction(coding.inter1, coding.inter2);
    coding.civilian_targeting = coding.event_type() == Some(EventType::ViolenceAgainstCivilians)
        || (coding.label.is_some_and(|l| l.sub_event_type().is_some())
            && coding.inter2 == Some(ActorType::Civilians));
    coding
}

/// Organised armed actors: forces and militias, not civilians, protesters
/// or rioters.
fn armed(t: ActorType) -> bool {
    matches!(
        t,
        ActorType::StateForces
            | ActorType::RebelGroup
            | ActorType::PoliticalMilitia
            | ActorType::IdentityMilitia
            | ActorType::ExternalForces
    )
}

/// A party of one side across reports.
#[derive(Debug)]
struct Member<'a> {
    name: &'a str,
    actor_type: Option<ActorType>,
    person: bool,
    reports: usize,
    first: usize,
}

/// The parties of these roles, most reported first, groups before people.
fn side<'a>(parties: &[ReportParty<'a>], roles: &[Role]) -> Vec<Member<'a>> {
    let mut by_name: BTreeMap<String, (Member<'a>, Vec<usize>)> = BTreeMap::new();
    for (k, p) in parties.iter().enumerate() {
        if !roles.contains(&p.role) || p.name.trim().is_empty() {
            continue;
        }
        let key = p.name.trim().to_lowercase();
        let entry = by_name.entry(key).or_insert_with(|| {
            (
                Member {
                    name: p.name.trim(),
                    actor_type: p.actor_type,
                    person: p.person,
                    reports: 0,
                    first: k,
                },
                Vec::new(),
            )
        });
        if entry.0.actor_type.is_none() {
            entry.0.actor_type = p.actor_type;
        }
        if !entry.1.contains(&p.document) {
            entry.1.push(p.document);
            entry.0.reports += 1;
        }
    }
    let mut members: Vec<Member<'a>> = by_name.into_values().map(|(m, _)| m).collect();
    members.sort_by(|a, b| {
        a.person
            .cmp(&b.person)
            .then(b.reports.cmp(&a.reports))
            .then(a.first.cmp(&b.first))
    });
    members
}

fn names(members: &[Member<'_>]) -> Vec<String> {
    members
        .iter()
        .take(MAX_ASSOCIATED)
        .map(|m| m.name.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Category;

    fn party(document: usize, name: &str, role: Role, t: Option<ActorType>) -> ReportParty<'_> {
        ReportParty {
            document,
            name,
            role,
            actor_type: t,
            person: false,
        }
    }

    fn reading(document: usize, code: &str, score: f32) -> ReportType {
        ReportType {
            document,
            label: EventLabel::from_code(code).unwrap(),
            score,
            evidence: Some(Span::new(0, 10)),
        }
    }

    #[test]
    fn the_label_most_reports_give_wins_and_sides_follow_the_roles() {
        let types = [
            reading(0, "ARMED_CLASH", 0.6),
            reading(1, "AIR_STRIKE", 0.9),
            reading(2, "ARMED_CLASH", 0.7),
        ];
        let parties = [
            party(
                0,
                "Iraqi security forces",
                Role::Perpetrator,
                Some(ActorType::StateForces),
            ),
            party(
                0,
                "Islamic State",
                Role::Target,
                Some(ActorType::RebelGroup),
            ),
            party(
                1,
                "U.S. forces",
                Role::Perpetrator,
                Some(ActorType::ExternalForces),
            ),
            party(
                1,
                "Islamic State",
                Role::Target,
                Some(ActorType::RebelGroup),
            ),
            party(2, "Iraqi security forces", Role::Perpetrator, None),
        ];
        let c = code_event(&types, &parties);
        assert_eq!(c.sub_event_type(), Some(SubEventType::ArmedClash));
        assert_eq!(c.assoc_actor_2, Vec::<String>::new());
        assert_eq!(c.evidence, Some((2, Span::new(0, 10))));
        assert_eq!(c.actor1.as_deref(), Some("Iraqi security forces"));
        assert_eq!(c.assoc_actor_1, vec!["U.S. forces".to_owned()]);
        assert_eq!(c.actor2.as_deref(), Some("Islamic State"));
        assert_eq!(
            (c.inter1, c.inter2),
            (Some(ActorType::StateForces), Some(ActorType::RebelGroup))
        );
        assert_eq!(c.interaction, Some(12));
        assert!(!c.civilian_targeting);
    }

    #[test]
    fn forces_harmed_in_a_raid_on_militants_are_the_raiding_side() {
        // No perpetrator named: soldiers wounded and militants killed.
        let parties = [
            party(
                0,
                "Islamic State",
                Role::Target,
                Some(ActorType::RebelGroup),
            ),
            party(0, "U.S. forces", Role::Target, Some(ActorType::StateForces)),
            party(
                1,
                "Islamic State",
                Role::Target,
                Some(ActorType::RebelGroup),
            ),
            party(
                1,
                "coalition forces",
                Role::Target,
                Some(ActorType::ExternalForces),
            ),
            party(1, "bystanders", Role::Target, Some(ActorType::Civilians)),
        ];
        let c = code_event(&[], &parties);
        assert_eq!(c.actor2.as_deref(), Some("Islamic State"));
        assert_eq!(c.actor1.as_deref(), Some("U.S. forces"));
        assert_eq!(c.assoc_actor_1, vec!["coalition forces".to_owned()]);
        assert_eq!(c.assoc_actor_2, vec!["bystanders".to_owned()]);
        assert_eq!(c.interaction, Some(12));
    }

    #[test]
    fn victims_are_the_other_side_when_no_target_is_named() {
        let types = [reading(0, "ATTACK", 0.8)];
        let mut shot = party(0, "Marcus Holt", Role::Victim, Some(ActorType::Civilians));
        shot.person = true;
        let parties = [
            party(
                0,
                "gunmen",
                Role::Perpetrator,
                Some(ActorType::PoliticalMilitia),
            ),
            shot,
        ];
        let c = code_event(&types, &parties);
        assert_eq!(c.actor2.as_deref(), Some("Marcus Holt"));
        assert_eq!(c.interaction, Some(37));
        assert!(c.civilian_targeting);
    }

    #[test]
    fn groups_come_before_people_and_nothing_is_invented() {
        let c = code_event(&[], &[]);
        assert_eq!(c, EventCoding::default());
        let mut person = party(0, "Abu Bakr", Role::Target, None);
        person.person = true;
        let parties = [person, party(1, "Islamic State", Role::Target, None)];
        let c = code_event(&[], &parties);
        assert_eq!(c.actor2.as_deref(), Some("Islamic State"));
        assert_eq!(c.assoc_actor_2, vec!["Abu Bakr".to_owned()]);
        assert_eq!(c.label, None);
        assert_eq!(c.interaction, None);
    }

    #[test]
    fn a_crime_is_no_civilian_targeting_in_acled_terms() {
        let types = [ReportType {
            document: 0,
            label: EventLabel::Outside(Category::Crime),
            score: 0.9,
            evidence: None,
        }];
        let parties = [party(
            0,
            "John Doe",
            Role::Victim,
            Some(ActorType::Civilians),
        )];
        let c = code_event(&types, &parties);
        assert_eq!(c.event_type(), None);
        assert!(!c.civilian_targeting);
        assert_eq!(c.inter2, Some(ActorType::Civilians));
    }
}
