//! Who the victims are: militants, military, police or civilians, and the
//! country of a military or police group.

use super::types::Group;
use crate::token::Doc;

const MILITANT_WORDS: &[&str] = &[
    "isis",
    "isil",
    "daesh",
    "militant",
    "militants",
    "operative",
    "operatives",
    "terrorist",
    "terrorists",
    "insurgent",
    "insurgents",
    "jihadist",
    "jihadists",
    "extremist",
    "extremists",
    "fighter",
    "fighters",
    "rebel",
    "rebels",
    "qaeda",
    "taliban",
    "shabaab",
    "haram",
    "hezbollah",
    "hamas",
    "militia",
    "militiamen",
    "jihadi",
];
const MILITARY_WORDS: &[&str] = &[
    "soldier",
    "soldiers",
    "troops",
    "troop",
    "serviceman",
    "servicemen",
    "servicemember",
    "servicemembers",
    "service",
    "personnel",
    "marine",
    "marines",
    "sailor",
    "sailors",
    "airman",
    "airmen",
    "army",
    "military",
    "forces",
    "guardsmen",
    "guardsman",
];
const POLICE_WORDS: &[&str] = &[
    "police",
    "officer",
    "officers",
    "policeman",
    "policemen",
    "policewoman",
    "cop",
    "cops",
    "trooper",
    "troopers",
    "deputy",
    "deputies",
    "agent",
    "agents",
    "sheriff",
    "constable",
    "patrolman",
];
const CIVILIAN_WORDS: &[&str] = &[
    "civilian",
    "civilians",
    "resident",
    "residents",
    "child",
    "children",
    "kid",
    "kids",
    "boy",
    "boys",
    "girl",
    "girls",
    "student",
    "students",
    "bystander",
    "bystanders",
    "worshipper",
    "worshippers",
    "worshipers",
    "pedestrian",
    "pedestrians",
    "passenger",
    "passengers",
    "worker",
    "workers",
    "teacher",
    "teachers",
    "journalist",
    "journalists",
    "patient",
    "patients",
    "customer",
    "customers",
    "shopper",
    "shoppers",
    "infant",
    "infants",
    "baby",
    "babies",
    "toddler",
    "toddlers",
    "villager",
    "villagers",
    "farmer",
    "farmers",
    "tourist",
    "tourists",
    "employee",
    "employees",
    "clerk",
    "clerks",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "innocent",
    "women",
];

const COUNTRIES: &[(&str, &str)] = &[
    ("u.s.", "United States"),
    ("us", "United States"),
    ("u.s", "United States"),
    ("american", "United States"),
    ("america", "United States"),
    ("united states", "United States"),
    ("iraqi", "Iraq"),
    ("iraq", "Iraq"),
    ("syrian", "Syria"),
    ("syria", "Syria"),
    ("israeli", "Israel"),
    ("israel", "Israel"),
    ("british", "United Kingdom"),
    ("uk", "United Kingdom"),
    ("russian", "Russia"),
    ("russia", "Russia"),
    ("ukrainian", "Ukraine"),
    ("ukraine", "Ukraine"),
    ("afghan", "Afghanistan"),
    ("turkish", "Turkey"),
    ("french", "France"),
    ("german", "Germany"),
    ("iranian", "Iran"),
    ("pakistani", "Pakistan"),
    ("indian", "India"),
    ("nigerian", "Nigeria"),
    ("somali", "Somalia"),
    ("egyptian", "Egypt"),
    ("lebanese", "Lebanon"),
    ("jordanian", "Jordan"),
    ("saudi", "Saudi Arabia"),
    ("yemeni", "Yemen"),
    ("kurdish", "Kurdistan Region"),
    ("malian", "Mali"),
    ("canadian", "Canada"),
    ("australian", "Australia"),
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
            if let Some(&(_, c)) = COUNTRIES.iter().find(|(k, _)| *k == w) {
                country = Some(c.to_string());
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
