//! The parties of an incident: who acted, who was attacked, who was harmed.

use serde::{Deserialize, Serialize};
use sitrep_text::Span;

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
            assert_eq!(serde_json::to_value(t).unwrap(), serde_json::json!(t.name()));
        }
        for r in [Role::Perpetrator, Role::Target, Role::Victim] {
            assert_eq!(serde_json::to_value(r).unwrap(), serde_json::json!(r.name()));
        }
    }
}
