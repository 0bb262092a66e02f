//! Who the victims are: militants, military, police or civilians, and the
//! country of a military or police group.

use sitrep_text::lexicon::country_by_word;

use super::types::Group;
use crate::token::Doc;

pub(super) const MILITANT_WORDS: &[&str] = &[
    "daesh",
    "extremist",
    "extremists",
    "fighter",
    "fighters",
    "hamas",
    "haram",
    "hezbollah",
    "insurgent",
    "insurgents",
    "isil",
    "isis",
    "jihadi",
    "jihadist",
    "jihadists",
    "militant",
    "militants",
    "militia",
    "militiamen",
    "operative",
    "operatives",
    "qaeda",
    "rebel",
    "rebels",
    "shabaab",
    "taliban",
    "terrorist",
    "terrorists",
];
pub(super) const MILITARY_WORDS: &[&str] = &[
    "airman",
    "airmen",
    "army",
    "forces",
    "guardsman",
    "guardsmen",
    "marine",
    "marines",
    "military",
    "personnel",
    "sailor",
    "sailors",
    "service",
    "serviceman",
    "servicemember",
    "servicemembers",
    "servicemen",
    "soldier",
    "soldiers",
    "troop",
    "troops",
];
pub(super) const POLICE_WORDS: &[&str] = &[
    "agent",
    "agents",
    "constable",
    "cop",
    "cops",
    "deputies",
    "deputy",
    "officer",
    "officers",
    "patrolman",
    "police",
    "policeman",
    "policemen",
    "policewoman",
    "sheriff",
    "trooper",
    "troopers",
];
pub(super) const CIVILIAN_WORDS: &[&str] = &[
    "babies",
    "baby",
    "boy",
    "boys",
    "bystander",
    "bystanders",
    "child",
    "children",
    "civilian",
    "civilians",
    "clerk",
    "clerks",
    "customer",
    "customers",
    "doctor",
    "doctors",
    "employee",
    "employees",
    "farmer",
    "farmers",
    "girl",
    "girls",
    "infant",
    "infants",
    "innocent",
    "journalist",
    "journalists",
    "kid",
    "kids",
    "nurse",
    "nurses",
    "passenger",
    "passengers",
    "patient",
    "patients",
    "pedestrian",
    "pedestrians",
    "resident",
    "residents",
    "shopper",
    "shoppers",
    "student",
    "students",
    "teacher",
    "teachers",
    "toddler",
    "toddlers",
    "tourist",
    "tourists",
    "villager",
    "villagers",
    "women",
    "worker",
    "workers",
    "worshipers",
    "worshipper",
    "worshippers",
];

pub(super) fn group_of(doc: &Doc<'_>, f: usize, l: usize) -> (Group, Option<String>) {
    let mut militant = false;
    let mut military = false;
    let mut police = false;
    let mut civilian = false;
    let mut country = None;
    let text = if f < l && l <= doc.toks.len() {
        &doc.lower[doc.toks[f].start..doc.toks[l - 1].end]
    } else {
        ""
    };
    for j in f..l.min(doc.toks.len()) {
        let w = doc.w(j);
        militant |= MILITANT_WORDS.contains(&w);
        military |= MILITARY_WORDS.contains(&w);
        police |= POLICE_WORDS.contains(&w);
        civilian |= CIVILIAN_WORDS.contains(&w);
        if country.is_none() {
            if let Some(c) = country_by_word(w) {
                country = Some(c.name.to_string());
            }
        }
    }
    militant |= text.contains("islamic state")
        || text.contains("al-qaeda")
        || text.contains("al qaeda")
        || text.contains("boko haram");
    if country.is_none() && (text.contains("u.s.") || text.contains("united states")) {
        country = Some("United States".to_string());
    }
    let group = if militant {
        Group::Militants
    } else if military && !police {
        Group::Military
    } else if police {
        Group::Police
    } else if civilian {
        Group::Civilians
    } else {
        Group::Unknown
    };
    if !matches!(group, Group::Military | Group::Police) {
        country = None;
    }
    (group, country)
}
