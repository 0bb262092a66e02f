//! ACLED's event taxonomy, with the codebook's names exactly, and the
//! categories of incidents that fall outside it.
//!
//! One table ([`SUB_EVENT_TYPES`]) holds each sub-event type's codebook
//! name, its CASE 2021 code and its event type; everything else is read
//! from it.

use serde::{Deserialize, Serialize};

/// ACLED's disorder type (`disorder_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DisorderType {
    /// Battles, explosions/remote violence, violence against civilians, mob violence.
    #[serde(rename = "Political violence")]
    PoliticalViolence,
    /// Protests and violent demonstrations.
    #[serde(rename = "Demonstrations")]
    Demonstrations,
    /// Excessive force against protesters: both at once.
    #[serde(rename = "Political violence; Demonstrations")]
    PoliticalViolenceDemonstrations,
    /// Strategic developments.
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl DisorderType {
    /// The codebook's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            DisorderType::PoliticalViolence => "Political violence",
            DisorderType::Demonstrations => "Demonstrations",
            DisorderType::PoliticalViolenceDemonstrations => "Political violence; Demonstrations",
            DisorderType::StrategicDevelopments => "Strategic developments",
        }
    }
}

/// ACLED's six event types (`event_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    /// Armed clashes and territorial changes between organised armed groups.
    #[serde(rename = "Battles")]
    Battles,
    /// Air strikes, shelling, bombs, grenades, chemical weapons.
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    /// Attacks, abductions and sexual violence against unarmed people.
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    /// Demonstrations that are not violent.
    #[serde(rename = "Protests")]
    Protests,
    /// Violent demonstrations and mob violence.
    #[serde(rename = "Riots")]
    Riots,
    /// Agreements, arrests, bases, looting and other non-violent developments.
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    /// Every event type, in the codebook's order.
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::Protests,
        EventType::Riots,
        EventType::StrategicDevelopments,
    ];

    /// The codebook's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Its disorder type (excessive force against protesters is both
    /// political violence and a demonstration: see
    /// [`SubEventType::disorder_type`]).
    #[must_use]
    pub fn disorder_type(self) -> DisorderType {
        match self {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => DisorderType::PoliticalViolence,
            EventType::Protests | EventType::Riots => DisorderType::Demonstrations,
            EventType::StrategicDevelopments => DisorderType::StrategicDevelopments,
        }
    }
}

macro_rules! sub_event_types {
    ($( $variant:ident => $name:literal, $code:literal, $event:ident; )*) => {
        /// ACLED's 25 sub-event types (`sub_event_type`), serialised with the
        /// codebook's names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum SubEventType {
            $(
                #[doc = $name]
                #[serde(rename = $name)]
                $variant,
            )*
        }

        /// Every sub-event type: (type, codebook name, CASE 2021 code, event type),
        /// in the codebook's order.
        #[rustfmt::skip]
        pub const SUB_EVENT_TYPES: &[(SubEventType, &str, &str, EventType)] = &[
            $( (SubEventType::$variant, $name, $code, EventType::$event), )*
        ];
    };
}

sub_event_types! {
    ArmedClash => "Armed clash", "ARMED_CLASH", Battles;
    GovernmentRegainsTerritory => "Government regains territory", "GOV_REGAINS_TERIT", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", "NON_STATE_ACTOR_OVERTAKES_TER", Battles;
    ChemicalWeapon => "Chemical weapon", "CHEM_WEAP", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", "AIR_STRIKE", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", "SUIC_BOMB", ExplosionsRemoteViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", "ART_MISS_ATTACK", ExplosionsRemoteViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", "REM_EXPLOS", ExplosionsRemoteViolence;
    Grenade => "Grenade", "GRENADE", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", "SEX_VIOL", ViolenceAgainstCivilians;
    Attack => "Attack", "ATTACK", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", "ABDUCT_DISSAP", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", "PEACE_PROTEST", Protests;
    ProtestWithIntervention => "Protest with intervention", "PROTEST_WITH_INTER", Protests;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", "FORCE_AGAINST_PROTEST", Protests;
    ViolentDemonstration => "Violent demonstration", "VIOL_DEMONSTR", Riots;
    MobViolence => "Mob violence", "MOB_VIOL", Riots;
    Agreement => "Agreement", "AGREEMENT", StrategicDevelopments;
    Arrests => "Arrests", "ARREST", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", "CHANGE_TO_GROUP_ACT", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", "DISR_WEAP", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", "HQ_ESTABLISHED", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", "PROPERTY_DISTRUCT", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", "NON_VIOL_TERRIT_TRANSFER", StrategicDevelopments;
    Other => "Other", "OTHER", StrategicDevelopments;
}

impl SubEventType {
    fn row(self) -> &'static (SubEventType, &'static str, &'static str, EventType) {
        // The table lists every variant once (tested), in declaration order.
        &SUB_EVENT_TYPES[self as usize]
    }

    /// The codebook's name ("Air/drone strike").
    #[must_use]
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The CASE 2021 code ("AIR_STRIKE").
    #[must_use]
    pub fn code(self) -> &'static str {
        self.row().2
    }

    /// Its event type.
    #[must_use]
    pub fn event_type(self) -> EventType {
        self.row().3
    }

    /// Its disorder type: the event type's, except excessive force against
    /// protesters (political violence and a demonstration at once) and mob
    /// violence (political violence).
    #[must_use]
    pub fn disorder_type(self) -> DisorderType {
        match self {
            SubEventType::ExcessiveForceAgainstProtesters => {
                DisorderType::PoliticalViolenceDemonstrations
            }
            SubEventType::MobViolence => DisorderType::PoliticalViolence,
            s => s.event_type().disorder_type(),
        }
    }

    /// The sub-event type with this CASE 2021 code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<SubEventType> {
        SUB_EVENT_TYPES.iter().find(|r| r.2 == code).map(|r| r.0)
    }

    /// The sub-event type with this codebook name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<SubEventType> {
        SUB_EVENT_TYPES.iter().find(|r| r.1 == name).map(|r| r.0)
    }
}

/// What an incident outside ACLED's scope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Ordinary and organised crime (a shooting in a US city, drug trafficking).
    Crime,
    /// Natural disasters (floods, earthquakes, storms).
    Disaster,
    /// Man-made disasters and accidents (fires, crashes, industrial explosions).
    Accident,
    /// Diplomacy (visits, talks, statements between governments).
    Diplomacy,
    /// Anything else (claims of responsibility, commentary).
    Other,
}

impl Category {
    /// The name as serialised (`crime`, `disaster`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Category::Crime => "crime",
            Category::Disaster => "disaster",
            Category::Accident => "accident",
            Category::Diplomacy => "diplomacy",
            Category::Other => "other",
        }
    }

    /// The category of a CASE 2021 code outside ACLED (`ORG_CRIME`,
    /// `NATURAL_DISASTER`, `MAN_MADE_DISASTER`, `DIPLO`, `ATTRIB`).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Category> {
        Some(match code {
            "ORG_CRIME" | "CRIME" => Category::Crime,
            "NATURAL_DISASTER" => Category::Disaster,
            "MAN_MADE_DISASTER" => Category::Accident,
            "DIPLO" => Category::Diplomacy,
            "ATTRIB" => Category::Other,
            _ => return None,
        })
    }
}

/// What an incident is: one of ACLED's sub-event types, or a category
/// outside ACLED's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventLabel {
    /// Inside ACLED's scope.
    Acled(SubEventType),
    /// Outside it.
    Outside(Category),
}

impl EventLabel {
    /// The label of a CASE 2021 code (`AIR_STRIKE`, `ORG_CRIME`, …).
    #[must_use]
    pub fn from_code(code: &str) -> Option<EventLabel> {
        SubEventType::from_code(code)
            .map(EventLabel::Acled)
            .or_else(|| Category::from_code(code).map(EventLabel::Outside))
    }

    /// The sub-event type, when inside ACLED's scope.
    #[must_use]
    pub fn sub_event_type(self) -> Option<SubEventType> {
        match self {
            EventLabel::Acled(s) => Some(s),
            EventLabel::Outside(_) => None,
        }
    }

    /// The category, when outside ACLED's scope.
    #[must_use]
    pub fn category(self) -> Option<Category> {
        match self {
            EventLabel::Acled(_) => None,
            EventLabel::Outside(c) => Some(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_each_variant_once_in_order() {
        assert_eq!(SUB_EVENT_TYPES.len(), 25);
        for (k, row) in SUB_EVENT_TYPES.iter().enumerate() {
            assert_eq!(row.0 as usize, k, "{} out of order", row.1);
        }
        let mut codes: Vec<&str> = SUB_EVENT_TYPES.iter().map(|r| r.2).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 25);
    }

    #[test]
    fn names_and_codes_round_trip_and_serialise_as_the_codebook_names() {
        for &(t, name, code, _) in SUB_EVENT_TYPES {
            assert_eq!(SubEventType::from_code(code), Some(t));
            assert_eq!(SubEventType::from_name(name), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), serde_json::json!(name));
        }
        for e in EventType::ALL {
            assert_eq!(
                serde_json::to_value(e).unwrap(),
                serde_json::json!(e.name())
            );
        }
    }

    #[test]
    fn event_and_disorder_types_follow_the_codebook() {
        let cases = [
            ("ARMED_CLASH", "Battles", "Political violence"),
            (
                "REM_EXPLOS",
                "Explosions/Remote violence",
                "Political violence",
            ),
            (
                "ABDUCT_DISSAP",
                "Violence against civilians",
                "Political violence",
            ),
            ("PEACE_PROTEST", "Protests", "Demonstrations"),
            (
                "FORCE_AGAINST_PROTEST",
                "Protests",
                "Political violence; Demonstrations",
            ),
            ("VIOL_DEMONSTR", "Riots", "Demonstrations"),
            ("MOB_VIOL", "Riots", "Political violence"),
            ("ARREST", "Strategic developments", "Strategic developments"),
        ];
        for (code, event, disorder) in cases {
            let t = SubEventType::from_code(code).unwrap();
            assert_eq!(t.event_type().name(), event, "{code}");
            assert_eq!(t.disorder_type().name(), disorder, "{code}");
        }
    }

    #[test]
    fn codes_outside_acled_are_categories() {
        assert_eq!(
            EventLabel::from_code("ORG_CRIME"),
            Some(EventLabel::Outside(Category::Crime))
        );
        assert_eq!(
            EventLabel::from_code("MAN_MADE_DISASTER").and_then(EventLabel::category),
            Some(Category::Accident)
        );
        assert_eq!(EventLabel::from_code("NO_SUCH"), None);
        assert_eq!(
            EventLabel::from_code("AIR_STRIKE").and_then(EventLabel::sub_event_type),
            Some(SubEventType::AirDroneStrike)
        );
    }
}
