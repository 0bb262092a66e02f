//! Casualty facts: who was killed, injured, hit, kidnapped, arrested or
//! missing, how many, who says so, and whether it is this article's incident.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use sitrep_text::{EntityMention, Span};

use crate::numbers::{scan, Num, NumberKind, Qualifier};
use crate::token::{table, Doc, FastMap, Kind};

/// Nouns naming a violent incident ("the shooting", "a crash").
const INCIDENT_NOUNS: &[&str] = &[
    "shooting",
    "shootings",
    "stabbing",
    "attack",
    "incident",
    "crash",
    "wreck",
    "accident",
    "collision",
    "explosion",
    "blast",
    "raid",
    "strike",
    "gunfire",
    "encounter",
    "confrontation",
    "fire",
    "assault",
];

/// What happened to the victims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Killed, dead, died, fatally shot, eliminated.
    Killed,
    /// Injured, wounded, hurt, sustained injuries.
    Injured,
    /// Shot or otherwise hit, hospitalised, "in critical condition": a
    /// casualty whose fate the clause does not state (they may have died
    /// later). The toll counts hits that are not also reported dead as
    /// injured.
    Hit,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Arrested, detained, taken into custody.
    Arrested,
    /// Missing.
    Missing,
}

/// Who the victims are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Militants, insurgents, terrorists, fighters of an armed group.
    Militants,
    /// Soldiers, troops, service members (see [`Casualty::country`]).
    Military,
    /// Police officers, troopers, deputies.
    Police,
    /// Civilians, residents, children, bystanders.
    Civilians,
    /// Not stated ("a man", "15 people").
    Unknown,
}

/// Whether a fact is about the article's own incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// This article's incident.
    Event,
    /// Another incident the article mentions (an earlier strike, last year's shooting).
    OtherEvent,
    /// Statistics and context: yearly tolls, running totals, estimates.
    Background,
}

/// How many victims a fact reports. `value` is `Some(0)` for a reported
/// zero ("no one was hurt"); all fields `None` when the text gives no
/// number ("ISIS members killed in the attack").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The figure as stated.
    pub value: Option<u64>,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// The hedge.
    pub qualifier: Qualifier,
}

impl Count {
    pub(crate) fn exact(v: u64) -> Count {
        Count {
            value: Some(v),
            low: Some(v),
            high: Some(v),
            qualifier: Qualifier::None,
        }
    }

    pub(crate) fn unknown() -> Count {
        Count {
            value: None,
            low: None,
            high: None,
            qualifier: Qualifier::None,
        }
    }

    /// "At least one", for facts that imply a casualty without counting
    /// ("a fatal shooting", "charged with murder").
    pub(crate) fn implied() -> Count {
        Count {
            value: None,
            low: Some(1),
            high: None,
            qualifier: Qualifier::Vague,
        }
    }

    fn from_num(n: &Num) -> Count {
        let conv = |x: Option<f64>| {
            x.filter(|v| v.is_finite() && *v >= 0.0 && *v < 1e13)
                .map(|v| v.round() as u64)
        };
        Count {
            value: conv(n.value),
            low: conv(n.low),
            high: conv(n.high),
            qualifier: n.qualifier,
        }
    }

    /// The single reading: the value, else the lower bound.
    #[must_use]
    pub fn point(&self) -> Option<u64> {
        self.value.or(self.low)
    }

    pub(crate) fn add(&mut self, other: &Count) {
        let add = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        let (v, l, h) = (
            add(self.value, other.value),
            add(self.point(), other.point()),
            add(self.high, other.high),
        );
        self.value = v;
        self.low = l;
        self.high = h;
        if self.qualifier == Qualifier::None {
            self.qualifier = other.qualifier;
        }
    }
}

/// One casualty fact, as a sentence of the article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualty {
    /// The words that state it (victims and trigger), in bytes.
    pub span: Span,
    /// What happened.
    pub outcome: Outcome,
    /// How many.
    pub count: Count,
    /// The victims as written ("at least seven ISIS operatives", "two others").
    pub victims: String,
    /// Who they are.
    pub group: Group,
    /// The country of a military or police group, when named ("United States").
    pub country: Option<String>,
    /// Who says so ("CENTCOM", "Iraq's Joint Operations Command", "police").
    pub claimed_by: Option<String>,
    /// This incident, another one, or background.
    pub scope: Scope,
    /// These victims come in addition to an earlier fact's ("two others",
    /// "another man", "a second victim"): the toll adds them up.
    pub additive: bool,
    /// The victims are one person named or described without a number
    /// ("Jassim al-Mazrouei", "the victim", "he") or a part of a group ("one
    /// of the wounded"): a partial mention, which the toll does not read as
    /// a total when a larger count is reported.
    pub partial: bool,
}

// ---------------------------------------------------------------- lexicon

/// Person nouns: (word, plural).
pub(crate) const PERSONS: &[(&str, bool)] = &[
    ("person", false),
    ("people", true),
    ("persons", true),
    ("individual", false),
    ("individuals", true),
    ("victim", false),
    ("victims", true),
    ("man", false),
    ("men", true),
    ("woman", false),
    ("women", true),
    ("boy", false),
    ("boys", true),
    ("girl", false),
    ("girls", true),
    ("child", false),
    ("children", true),
    ("kid", false),
    ("kids", true),
    ("teen", false),
    ("teens", true),
    ("teenager", false),
    ("teenagers", true),
    ("juvenile", false),
    ("juveniles", true),
    ("youth", false),
    ("youths", true),
    ("adult", false),
    ("adults", true),
    ("infant", false),
    ("infants", true),
    ("baby", false),
    ("babies", true),
    ("toddler", false),
    ("toddlers", true),
    ("student", false),
    ("students", true),
    ("resident", false),
    ("residents", true),
    ("civilian", false),
    ("civilians", true),
    ("bystander", false),
    ("bystanders", true),
    ("pedestrian", false),
    ("pedestrians", true),
    ("passenger", false),
    ("passengers", true),
    ("driver", false),
    ("drivers", true),
    ("customer", false),
    ("customers", true),
    ("clerk", false),
    ("clerks", true),
    ("employee", false),
    ("employees", true),
    ("worker", false),
    ("workers", true),
    ("guard", false),
    ("guards", true),
    ("officer", false),
    ("officers", true),
    ("policeman", false),
    ("policemen", true),
    ("policewoman", false),
    ("cop", false),
    ("cops", true),
    ("trooper", false),
    ("troopers", true),
    ("deputy", false),
    ("deputies", true),
    ("agent", false),
    ("agents", true),
    ("soldier", false),
    ("soldiers", true),
    ("troops", true),
    ("serviceman", false),
    ("servicemen", true),
    ("servicemember", false),
    ("servicemembers", true),
    ("personnel", true),
    ("marine", false),
    ("marines", true),
    ("sailor", false),
    ("sailors", true),
    ("airman", false),
    ("airmen", true),
    ("militant", false),
    ("militants", true),
    ("fighter", false),
    ("fighters", true),
    ("operative", false),
    ("operatives", true),
    ("member", false),
    ("members", true),
    ("terrorist", false),
    ("terrorists", true),
    ("insurgent", false),
    ("insurgents", true),
    ("jihadist", false),
    ("jihadists", true),
    ("rebel", false),
    ("rebels", true),
    ("extremist", false),
    ("extremists", true),
    ("gunman", false),
    ("gunmen", true),
    ("shooter", false),
    ("shooters", true),
    ("suspect", false),
    ("suspects", true),
    ("attacker", false),
    ("attackers", true),
    ("assailant", false),
    ("assailants", true),
    ("robber", false),
    ("robbers", true),
    ("intruder", false),
    ("intruders", true),
    ("burglar", false),
    ("burglars", true),
    ("homeowner", false),
    ("homeowners", true),
    ("owner", false),
    ("owners", true),
    ("son", false),
    ("sons", true),
    ("daughter", false),
    ("daughters", true),
    ("wife", false),
    ("husband", false),
    ("mother", false),
    ("mothers", true),
    ("father", false),
    ("fathers", true),
    ("brother", false),
    ("brothers", true),
    ("sister", false),
    ("sisters", true),
    ("cousin", false),
    ("cousins", true),
    ("nephew", false),
    ("niece", false),
    ("uncle", false),
    ("aunt", false),
    ("grandmother", false),
    ("grandfather", false),
    ("grandson", false),
    ("granddaughter", false),
    ("relative", false),
    ("relatives", true),
    ("friend", false),
    ("friends", true),
    ("girlfriend", false),
    ("boyfriend", false),
    ("fiance", false),
    ("fiancee", false),
    ("neighbor", false),
    ("neighbors", true),
    ("neighbour", false),
    ("neighbours", true),
    ("roommate", false),
    ("patron", false),
    ("patrons", true),
    ("leader", false),
    ("leaders", true),
    ("commander", false),
    ("commanders", true),
    ("hostage", false),
    ("hostages", true),
    ("inmate", false),
    ("inmates", true),
    ("prisoner", false),
    ("prisoners", true),
    ("journalist", false),
    ("journalists", true),
    ("reporter", false),
    ("reporters", true),
    ("doctor", false),
    ("doctors", true),
    ("nurse", false),
    ("nurses", true),
    ("teacher", false),
    ("teachers", true),
    ("pilot", false),
    ("pilots", true),
    ("contractor", false),
    ("contractors", true),
    ("tourist", false),
    ("tourists", true),
    ("worshipper", false),
    ("worshippers", true),
    ("worshipers", true),
    ("protester", false),
    ("protesters", true),
    ("demonstrators", true),
    ("firefighter", false),
    ("firefighters", true),
    ("paramedic", false),
    ("paramedics", true),
    ("others", true),
    ("other", false),
    ("one", false),
    ("villager", false),
    ("villagers", true),
    ("farmer", false),
    ("farmers", true),
    ("shopper", false),
    ("shoppers", true),
    ("motorist", false),
    ("motorists", true),
    ("cyclist", false),
    ("pastor", false),
    ("partner", false),
    ("partners", true),
    ("spouse", false),
    ("stepfather", false),
    ("stepson", false),
    ("mom", false),
    ("dad", false),
    ("man's", false),
    ("male", false),
    ("males", true),
    ("female", false),
    ("females", true),
    ("forces", true),
    ("staffer", false),
    ("staffers", true),
    ("guardsmen", true),
    ("lawmaker", false),
    ("official", false),
    ("officials", true),
    ("dealer", false),
    ("security", false),
    ("cabbie", false),
    ("hunter", false),
    ("hunters", true),
    ("citizen", false),
    ("citizens", true),
];

/// Names that look like people when capitalised but are not victims.
const NOT_NAMES: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "isis",
    "isil",
    "us",
    "u",
    "s",
    "iraq",
    "iraqi",
    "syria",
    "american",
    "americans",
    "department",
    "office",
    "county",
    "city",
    "state",
    "sheriff",
    "news",
    "update",
    "updated",
    "one",
    "two",
    "three",
    "both",
    "all",
    "no",
    "but",
    "and",
    "when",
    "after",
    "while",
    "in",
    "on",
    "at",
    "for",
    "according",
    "officers",
    "deputies",
    "investigators",
    "detectives",
    "witnesses",
    "family",
    "friends",
    "neighbors",
    "pentagon",
    "hospital",
    "center",
    "medical",
    "coroner",
    "examiner",
    "fox",
    "cbs",
    "nbc",
    "abc",
    "cnn",
    "wcvb",
    "dallas",
    "texas",
    "chicago",
];

/// Auxiliaries and adverbs skipped between a subject and its verb.
const AUX: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "got",
    "get",
    "gets",
    "reportedly",
    "allegedly",
    "also",
    "later",
    "both",
    "all",
    "each",
    "then",
    "subsequently",
    "apparently",
    "fatally",
    "critically",
    "seriously",
    "badly",
    "mortally",
    "severely",
    "slightly",
    "gravely",
    "lightly",
    "eventually",
    "ultimately",
    "tragically",
    "accidentally",
    "initially",
    "likely",
    "may",
    "might",
    "could",
    "will",
    "would",
    "who",
    "that",
    "which",
    "found",
    "pronounced",
    "believed",
    "to",
    "not",
    "never",
    "n't",
    "t",
    "’",
    "'",
    "themselves",
    "himself",
    "herself",
    "just",
    "already",
    "still",
    "instantly",
    "immediately",
    "quickly",
    "soon",
    "reported",
    "confirmed",
    "left",
    "both",
    "seen",
    "shot",
    "and",
    "later",
    "say",
    "said",
    "says",
    "police",
    "authorities",
    "officials",
];

/// Be-verbs and friends that make a following participle passive.
const BE: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting",
];

/// Words that end a clause when scanning for a subject.
const CLAUSE_STOP: &[&str] = &[
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    "\"",
    "—",
    "–",
    "but",
    "while",
    "after",
    "before",
    "when",
    "because",
    "although",
    "though",
    "since",
    "if",
    "whereas",
    "whom",
    "according",
    "following",
    "[",
    "]",
    "|",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "announced",
    "stated",
    "confirmed",
    "revealed",
    "added",
    "explained",
    "claimed",
    "noted",
    "tweeted",
    "posted",
    "wrote",
    "indicated",
    "disclosed",
    "declared",
    "estimated",
];

const PRONOUNS_SG: &[&str] = &["he", "she", "him", "her", "himself", "herself"];
const PRONOUNS_PL: &[&str] = &["they", "them", "themselves"];

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

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

static PERSONS_MAP: LazyLock<FastMap<&'static str, bool>> = LazyLock::new(|| table(PERSONS));

/// Whether `w` is a person noun, and whether it is plural.
pub(crate) fn person(w: &str) -> Option<bool> {
    PERSONS_MAP.get(w).copied()
}

// ---------------------------------------------------------------- context

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    nums: Vec<Num>,
    /// For each token, the index into `nums` of the number covering it.
    num_at: Vec<u32>,
    entities: &'d [EntityMention],
}

const NO_NUM: u32 = u32::MAX;

impl Ctx<'_, '_> {
    fn num(&self, i: usize) -> Option<&Num> {
        match self.num_at.get(i) {
            Some(&k) if k != NO_NUM => self.nums.get(k as usize),
            _ => None,
        }
    }

    /// A head-count number covering token `i`.
    fn count_num(&self, i: usize) -> Option<&Num> {
        self.num(i).filter(|n| n.kind == NumberKind::Count)
    }

    fn is_person_entity_end(&self, i: usize) -> bool {
        let Some(t) = self.doc.toks.get(i) else {
            return false;
        };
        self.entities
            .iter()
            .any(|e| e.label == "PER" && e.span.end == t.end)
    }

    fn is_person_entity_start(&self, i: usize) -> bool {
        let Some(t) = self.doc.toks.get(i) else {
            return false;
        };
        self.entities
            .iter()
            .any(|e| e.label == "PER" && e.span.start == t.start)
    }
}

/// Victims found next to a trigger.
#[derive(Debug, Clone)]
struct Victim {
    /// First and one-past-last token of the noun phrase.
    first: usize,
    last: usize,
    count: Count,
    additive: bool,
    partial: bool,
}

// ---------------------------------------------------------------- triggers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
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
struct Trigger {
    start: usize,
    end: usize,
    outcome: Outcome,
    form: Form,
    /// "later died", "died at the hospital", "succumbed": death after injury.
    died_later: bool,
}

/// Finds the casualty trigger starting at token `i`, if any.
fn trigger_at(doc: &Doc<'_>, i: usize, s_end: usize) -> Option<Trigger> {
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

// ---------------------------------------------------------------- noun phrases

fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "into"
            | "during"
            | "near"
            | "and"
            | "or"
            | "but"
            | "as"
            | "to"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "has"
            | "have"
            | "said"
            | "says"
            | "that"
            | "who"
            | "which"
            | "after"
            | "before"
            | "when"
            | "while"
            | "than"
            | "said,"
            | ","
            | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | "("
            | ")"
            | "“"
            | "”"
            | "\""
            | "—"
            | "–"
            | "|"
            | "["
            | "]"
            | "if"
            | "did"
            | "not"
            | "be"
            | "been"
            | "being"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "there"
            | "where"
            | "how"
            | "why"
            | "what"
            | "about"
            | "over"
            | "under"
            | "inside"
            | "outside"
            | "across"
            | "through"
            | "toward"
            | "towards"
            | "against"
            | "since"
            | "shot"
            | "killed"
            | "wounded"
            | "injured"
            | "died"
            | "hurt"
            | "including"
            | "like"
            | "of"
    )
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "another", "both", "all", "each", "every", "no", "some", "any", "other", "second",
    "third", "fourth", "fifth",
];

impl Ctx<'_, '_> {
    /// Builds the noun phrase whose head is at `h`, scanning left for
    /// modifiers, determiners and a number; `lo` bounds the scan.
    fn np_from_head(&self, h: usize, lo: usize) -> Victim {
        let doc = self.doc;
        let plural = person(doc.w(h)).unwrap_or(true);
        let mut first = h;
        let mut count: Option<Count> = None;
        let mut det: Option<&str> = None;
        let mut additive = matches!(doc.w(h), "others" | "other");
        let mut k = h;
        let mut steps = 0;
        while k > lo && steps < 8 {
            k -= 1;
            steps += 1;
            if let Some(n) = self.num(k) {
                if n.kind == NumberKind::Count {
                    count = Some(Count::from_num(n));
                    first = n.first;
                    break;
                }
                if matches!(n.kind, NumberKind::Age | NumberKind::Ordinal) {
                    if n.kind == NumberKind::Ordinal && n.value.is_some_and(|v| v >= 2.0) {
                        additive = true;
                    }
                    first = n.first;
                    k = n.first;
                    continue;
                }
                break;
            }
            let w = doc.w(k);
            if DETERMINERS.contains(&w) {
                det = Some(w);
                first = k;
                if matches!(
                    w,
                    "another" | "other" | "second" | "third" | "fourth" | "fifth"
                ) {
                    additive = true;
                    // "a second man", "the other man".
                    if doc.is_any(k.wrapping_sub(1), &["a", "the"]) && k > lo {
                        first = k - 1;
                    }
                }
                // "all seven", "both"; "the two" handled by the number.
                break;
            }
            if doc.is_word(k) && !stop_word(w) && person(w).is_none()
                || matches!(w, "-" | "." | "’" | "'")
                || (doc.is_word(k) && w == "s" && doc.is_any(k.wrapping_sub(1), &["’", "'"]))
            {
                first = k;
                continue;
            }
            break;
        }
        let singular_det = count.is_none() && !plural && det != Some("no");
        let count = match count {
            Some(c) => c,
            None => match det {
                Some("no") => Count::exact(0),
                Some("both") => Count::exact(2),
                Some(_) | None if !plural => Count::exact(1),
                _ => Count::unknown(),
            },
        };
        let mut v = Victim {
            first,
            last: h + 1,
            count,
            additive,
            partial: singular_det,
        };
        // "one of the victims", "two of them", "none of the officers".
        if doc.is(v.first.wrapping_sub(1), "of") && v.first >= 2 {
            let q = v.first - 2;
            if let Some(n) = self.count_num(q) {
                v.count = Count::from_num(n);
                v.first = n.first;
                v.partial = true;
            } else if doc.is_any(q, &["one"]) {
                v.count = Count::exact(1);
                v.first = q;
                v.partial = true;
            } else if doc.is(q, "none") {
                v.count = Count::exact(0);
                v.first = q;
            } else if doc.is_any(q, &["both"]) {
                v.count = Count::exact(2);
                v.first = q;
            }
        }
        // "his five young children as well as his wife" / "a man and a woman".
        v
    }

    /// Whether token `i` looks like the last word of a person's name.
    fn name_end(&self, i: usize, sent_start: usize) -> bool {
        let doc = self.doc;
        if self.is_person_entity_end(i) {
            return true;
        }
        if !doc.is_cap(i) || NOT_NAMES.contains(&doc.w(i)) {
            return false;
        }
        // The sentence's first word alone is not evidence of a name.
        let mut k = i;
        while k > sent_start
            && (doc.is_cap(k - 1) && !NOT_NAMES.contains(&doc.w(k - 1))
                || doc.is(k - 1, "-")
                    && doc.tight(k - 1)
                    && k >= 2
                    && doc.tight(k - 2)
                    && doc.is_word(k - 2))
        {
            k -= 1;
        }
        // "Market streets", "Harris County": places.
        if doc.is_any(
            i + 1,
            &[
                "street",
                "streets",
                "avenue",
                "avenues",
                "road",
                "roads",
                "boulevard",
                "county",
                "city",
                "park",
                "school",
                "hospital",
                "center",
                "drive",
                "lane",
                "way",
                "block",
                "area",
                "neighborhood",
                "district",
                "mall",
                "bar",
                "club",
                "church",
                "township",
                "village",
                "station",
                "apartments",
                "st",
                "ave",
                "rd",
                "blvd",
            ],
        ) {
            return false;
        }
        // "in Germany", "to Kings County Hospital", "by Smith": places and shooters.
        const PREP: &[&str] = &[
            "in", "at", "to", "from", "near", "on", "of", "into", "outside", "inside", "toward",
            "towards", "by", "with", "for",
        ];
        if doc.is_any(k.wrapping_sub(1), &["the", "a"]) && doc.is_any(k.wrapping_sub(2), PREP) {
            return false;
        }
        if doc.is_any(
            k.wrapping_sub(1),
            &[
                "in", "at", "to", "from", "near", "on", "of", "into", "outside", "inside",
                "toward", "towards", "by", "with", "for", "|", "-",
            ],
        ) {
            return false;
        }
        // Titles and all-caps orgs are not names.
        let raw = doc.raw(i);
        if raw.len() > 1 && raw.chars().all(|c| c.is_uppercase()) {
            return false;
        }
        if k < i || k > sent_start || self.is_person_entity_start(k) {
            return true;
        }
        // A single word at the sentence start: a name when the text also
        // writes it capitalised mid-sentence ("William Waldron ... Waldron was").
        let raw = doc.raw(k);
        doc.text.match_indices(raw).any(|(p, _)| {
            p > 0
                && p != doc.toks[k].start
                && doc.text[..p].ends_with(' ')
                && !doc.text[..p - 1].ends_with(['.', '!', '?', '"'])
                && doc.text[p + raw.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    fn name_from_end(&self, i: usize, lo: usize) -> Victim {
        let doc = self.doc;
        let mut k = i;
        loop {
            if k <= lo {
                break;
            }
            let p = k - 1;
            let cap = doc.is_cap(p) && !NOT_NAMES.contains(&doc.w(p));
            let dot = doc.is(p, ".") && doc.is_cap(p.wrapping_sub(1));
            // "Al-Mazrouei", "al-Qurashi": a tight hyphen inside a name.
            let hyphen =
                doc.is(p, "-") && doc.tight(p) && p > lo && doc.tight(p - 1) && doc.is_word(p - 1);
            // Particles: "Abu al-Hussein", "van der Berg", "bin Laden".
            let particle = doc.is_any(
                p,
                &[
                    "al", "el", "bin", "ibn", "abu", "abd", "de", "da", "del", "della", "di",
                    "van", "von", "der", "la", "le", "du",
                ],
            ) && (doc.is_cap(p.wrapping_sub(1)) || doc.is(p + 1, "-"));
            if cap || dot || hyphen || particle {
                k -= 1;
            } else {
                break;
            }
        }
        Victim {
            first: k,
            last: i + 1,
            count: Count::exact(1),
            additive: false,
            partial: true,
        }
    }

    /// Finds the victims of a trigger on its left: the nearest person noun
    /// phrase, name, pronoun or bare count in the clause.
    fn left_victim(&self, k: usize, lo: usize) -> Option<Victim> {
        let doc = self.doc;
        let mut j = k;
        let mut only_aux = true;
        let mut steps = 0;
        while j > lo && steps < 16 {
            j -= 1;
            steps += 1;
            let w = doc.w(j);
            if let Some(n) = self.num(j) {
                if n.kind == NumberKind::Count {
                    // "a mother of three is dead": not the victims.
                    if only_aux && !doc.is(n.first.wrapping_sub(1), "of") {
                        let mut v = Victim {
                            first: n.first,
                            last: n.last,
                            count: Count::from_num(n),
                            additive: false,
                            partial: false,
                        };
                        self.widen_left(&mut v, lo);
                        return Some(v);
                    }
                    j = n.first;
                    only_aux = false;
                    continue;
                }
                if n.kind == NumberKind::Age && doc.is(n.first.wrapping_sub(1), ",") {
                    // Appositive age: "Dunnigan, 42, died".
                    j = n.first;
                    continue;
                }
                j = n.first;
                continue;
            }
            if CLAUSE_STOP.contains(&w) || (SPEECH.contains(&w) && !only_aux) {
                return None;
            }
            // A full stop the splitter missed ("Command. died").
            if w == "."
                && doc.toks.get(j + 1).is_some_and(|t| t.space_before)
                && doc.raw(j.wrapping_sub(1)).len() > 3
                && !doc.is_cap(j + 1)
            {
                return None;
            }
            if w == "," {
                // Skip an appositive: ", 30, of Bismark," / ", a father of two,".
                if let Some(p) = self.appositive_start(j, lo) {
                    j = p;
                    continue;
                }
                if only_aux {
                    continue;
                }
                return None;
            }
            if let Some(_plural) = person(w) {
                if w == "one"
                    && !only_aux
                    && !doc.is_any(
                        j + 1,
                        &[
                            "was", "is", "of", "died", "had", "who", "person", "man", "woman",
                        ],
                    )
                {
                    continue;
                }
                if w == "other" && !doc.is_any(j.wrapping_sub(1), &["the", "an", "one"]) {
                    continue;
                }
                let mut v = self.np_from_head(j, lo);
                // Extend over "of the Islamic State group" up to the verb.
                v.last = v.last.max(j + 1);
                self.widen_left(&mut v, lo);
                return Some(v);
            }
            if PRONOUNS_SG.contains(&w) {
                return Some(Victim {
                    first: j,
                    last: j + 1,
                    count: Count::exact(1),
                    additive: false,
                    partial: true,
                });
            }
            if PRONOUNS_PL.contains(&w) {
                return Some(Victim {
                    first: j,
                    last: j + 1,
                    count: Count::unknown(),
                    additive: false,
                    partial: false,
                });
            }
            if matches!(w, "nobody" | "none") || (w == "one" && doc.is(j.wrapping_sub(1), "no")) {
                let f = if w == "one" { j - 1 } else { j };
                return Some(Victim {
                    first: f,
                    last: j + 1,
                    count: Count::exact(0),
                    additive: doc.is(j + 1, "else"),
                    partial: false,
                });
            }
            if self.name_end(j, lo) {
                return Some(self.name_from_end(j, lo));
            }
            if !AUX.contains(&w) {
                only_aux = false;
            }
        }
        None
    }

    /// When the token before `comma` closes an appositive (", 30," or ", of
    /// Allen,"), returns the index of the comma that opens it.
    fn appositive_start(&self, comma: usize, lo: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = comma;
        let mut steps = 0;
        while k > lo && steps < 10 {
            k -= 1;
            steps += 1;
            if doc.is(k, ",") {
                let inner = k + 1;
                let age = self.num(inner).is_some_and(|n| n.kind == NumberKind::Age)
                    || doc.is_any(inner, &["age", "aged"]);
                let apos =
                    doc.is_any(inner, &["of", "a", "an", "who", "the", "both"]) && steps <= 8;
                if (age || apos)
                    && k > lo
                    && (self.name_end(k - 1, lo) || person(doc.w(k - 1)).is_some())
                {
                    return Some(k);
                }
                return None;
            }
            if CLAUSE_STOP.contains(&doc.w(k)) {
                return None;
            }
        }
        None
    }

    /// Adds conjoined victims on the left: "a man and a woman were shot".
    fn widen_left(&self, v: &mut Victim, lo: usize) {
        let doc = self.doc;
        let f = v.first;
        if f >= 2 && f > lo + 1 && doc.is(f - 1, "and") {
            let j = f - 2;
            let w = doc.w(j);
            let other = if person(w).is_some() {
                Some(self.np_from_head(j, lo))
            } else if self.name_end(j, lo) {
                Some(self.name_from_end(j, lo))
            } else {
                None
            };
            if let Some(o) = other {
                if o.count.point().is_some() && v.count.point().is_some() {
                    v.count.add(&o.count);
                    v.partial = false;
                }
                v.first = o.first;
            }
        }
    }

    /// Finds the victims of an active trigger on its right.
    fn right_victim(&self, s: usize, hi: usize) -> Option<Victim> {
        let mut v = self.right_np(s, hi)?;
        // Conjoined victims: "his five children as well as his wife", "a man and a woman".
        for _ in 0..3 {
            let mut j = v.last;
            // Skip an "of ..." complement and an appositive.
            if self.doc.is(j, "of") {
                j = self.skip_of(j, hi);
                v.last = j;
            }
            let conj = if self.doc.seq(j, "as well as").is_some() {
                Some(j + 3)
            } else if self.doc.is_any(j, &["and", "plus"]) {
                Some(j + 1)
            } else {
                None
            };
            let Some(c) = conj else { break };
            let Some(o) = self.right_np(c, hi) else { break };
            if o.bare {
                break;
            }
            if let (Some(_), Some(_)) = (v.count.point(), o.count.point()) {
                v.count.add(&o.count);
                v.partial = false;
            }
            v.last = o.last;
        }
        Some(Victim {
            first: v.first,
            last: v.last,
            count: v.count,
            additive: v.additive,
            partial: v.partial,
        })
    }

    fn skip_of(&self, of: usize, hi: usize) -> usize {
        let doc = self.doc;
        let mut j = of + 1;
        while j < hi && j < of + 8 {
            let w = doc.w(j);
            if doc.is_word(j) && (!stop_word(w) || w == "of") || matches!(w, "-" | "." | "’" | "'")
            {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    fn right_np(&self, s: usize, hi: usize) -> Option<RightNp> {
        let doc = self.doc;
        if s >= hi {
            return None;
        }
        let w = doc.w(s);
        if let Some(n) = self.num(s) {
            if n.kind != NumberKind::Count || n.first != s {
                return None;
            }
            let count = Count::from_num(n);
            // A head within a few words, else a bare number followed by a boundary.
            let mut j = n.last;
            let mut steps = 0;
            while j < hi && steps < 5 {
                let wj = doc.w(j);
                if person(wj).is_some() && wj != "one" {
                    return Some(RightNp {
                        first: n.first,
                        last: j + 1,
                        count,
                        additive: wj == "others",
                        bare: false,
                        partial: false,
                    });
                }
                if doc.is_word(j) && !stop_word(wj) || matches!(wj, "-" | "." | "’" | "'") {
                    j += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            let after = doc.w(n.last);
            if n.last >= hi
                || stop_word(after)
                || doc.kind(n.last) == Some(Kind::Punct)
                || matches!(after, "others" | "more" | "people")
            {
                return Some(RightNp {
                    first: n.first,
                    last: n.last,
                    count,
                    additive: false,
                    bare: true,
                    partial: false,
                });
            }
            return None;
        }
        if PRONOUNS_SG.contains(&w) {
            return Some(RightNp {
                first: s,
                last: s + 1,
                count: Count::exact(1),
                additive: false,
                bare: false,
                partial: true,
            });
        }
        if PRONOUNS_PL.contains(&w) {
            return Some(RightNp {
                first: s,
                last: s + 1,
                count: Count::unknown(),
                additive: false,
                bare: false,
                partial: false,
            });
        }
        if DETERMINERS.contains(&w) || doc.is_word(s) && !stop_word(w) {
            // Look for a person head within a few words.
            let mut j = s;
            let mut steps = 0;
            while j < hi && steps < 6 {
                let wj = doc.w(j);
                if let Some(_p) = person(wj) {
                    if wj == "one" && j == s {
                        break;
                    }
                    let v = self.np_from_head(j, s.saturating_sub(1).max(s));
                    let first = v.first.min(s);
                    return Some(RightNp {
                        first,
                        last: j + 1,
                        count: v.count,
                        additive: v.additive,
                        bare: false,
                        partial: v.partial,
                    });
                }
                if self.num(j).is_some_and(|n| n.kind == NumberKind::Count) && j > s {
                    // "his five young children": the number is inside.
                    j += 1;
                    steps += 1;
                    continue;
                }
                if doc.is_word(j) && (!stop_word(wj) || DETERMINERS.contains(&wj))
                    || matches!(wj, "-" | "." | "’" | "'")
                    || self.num(j).is_some_and(|n| n.kind == NumberKind::Age)
                {
                    j += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            // A name: "killed John Smith".
            if doc.is_cap(s) && !NOT_NAMES.contains(&w) {
                let mut e = s;
                while e + 1 < hi {
                    let n = e + 1;
                    if doc.is_cap(n) && !NOT_NAMES.contains(&doc.w(n)) {
                        e = n;
                    } else if doc.is(n, "-")
                        && doc.tight(e)
                        && doc.tight(n)
                        && doc.is_word(n + 1)
                        && n + 1 < hi
                    {
                        e = n + 1;
                    } else if doc.is_any(
                        n,
                        &[
                            "al", "el", "bin", "ibn", "abu", "de", "da", "del", "di", "van", "von",
                            "der", "la", "le", "du",
                        ],
                    ) && (doc.is_cap(n + 1) || doc.is(n + 1, "-"))
                    {
                        e = n;
                    } else {
                        break;
                    }
                }
                if e > s || self.is_person_entity_start(s) {
                    return Some(RightNp {
                        first: s,
                        last: e + 1,
                        count: Count::exact(1),
                        additive: false,
                        bare: false,
                        partial: true,
                    });
                }
            }
        }
        None
    }
}

struct RightNp {
    first: usize,
    last: usize,
    count: Count,
    additive: bool,
    bare: bool,
    partial: bool,
}

// ---------------------------------------------------------------- sentences

/// Extracts casualty facts from `text`, one sentence at a time.
///
/// `sentences` are byte spans into `text` (from `sitrep_text::split_sentences`);
/// when it is empty, `sitrep_text::split_sentences` is used. `entities` are optional
/// NER mentions: `PER` names help find named victims and claimants. Every
/// returned span slices `text`.
///
/// ```
/// use sitrep_numbers::{extract_casualties, Outcome, Scope};
///
/// let text = "According to CENTCOM, two U.S. service members were injured during the operation.";
/// let facts = extract_casualties(text, &[], &[]);
/// assert_eq!(facts[0].outcome, Outcome::Injured);
/// assert_eq!(facts[0].count.value, Some(2));
/// assert_eq!(facts[0].claimed_by.as_deref(), Some("CENTCOM"));
/// assert_eq!(facts[0].scope, Scope::Event);
/// ```
#[must_use]
pub fn extract_casualties(
    text: &str,
    sentences: &[Span],
    entities: &[EntityMention],
) -> Vec<Casualty> {
    let doc = Doc::new(text);
    let nums = scan(&doc);
    let mut num_at = vec![NO_NUM; doc.toks.len()];
    for (k, n) in nums.iter().enumerate() {
        for slot in num_at.iter_mut().take(n.last).skip(n.first) {
            *slot = k as u32;
        }
    }
    let ctx = Ctx {
        doc: &doc,
        nums,
        num_at,
        entities,
    };
    let own;
    let sentences: &[Span] = if sentences.is_empty() {
        own = sitrep_text::split_sentences(text);
        &own
    } else {
        sentences
    };

    let mut facts: Vec<(Casualty, usize, bool)> = Vec::new(); // fact, sentence index, died_later
    let mut sent_claims: Vec<Option<String>> = Vec::with_capacity(sentences.len());
    let mut sent_tok: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        // Token range of the sentence.
        let a = doc.toks.partition_point(|t| t.start < s.start);
        let b = doc.toks.partition_point(|t| t.end <= s.end);
        sent_tok.push((a, b));
        if a >= b {
            sent_claims.push(None);
            continue;
        }
        let found = sentence_facts(&ctx, a, b);
        // Attribution is only worked out where needed: for sentences with
        // facts, and for the sentence before a quotation that has facts.
        let quoted = si > 0 && doc.is_any(a, &["“", "\""]);
        let claim = if found.is_empty() {
            None
        } else {
            match attribution(&ctx, a, b).0 {
                Some(c) => Some(c),
                // A quotation right after "X said." continues X's words.
                None if quoted => {
                    let (pa, pb) = sent_tok[si - 1];
                    sent_claims.last().cloned().flatten().or_else(|| {
                        if pa < pb {
                            attribution(&ctx, pa, pb).0
                        } else {
                            None
                        }
                    })
                }
                None => None,
            }
        };
        sent_claims.push(claim.clone());
        for (mut f, later) in found {
            f.claimed_by.clone_from(&claim);
            facts.push((f, si, later));
        }
    }

    assign_scopes(&ctx, sentences, &sent_tok, &mut facts);

    // "The other man was found with gunshot wounds" after "one man dead": a
    // hit on someone other than the dead is an injury.
    let mut killed_before = false;
    for (f, _, _) in &mut facts {
        if f.scope != Scope::Event {
            continue;
        }
        if f.outcome == Outcome::Killed && f.count.point().is_some_and(|p| p > 0) {
            killed_before = true;
        } else if f.outcome == Outcome::Hit && killed_before && !f.additive {
            let v = f.victims.to_ascii_lowercase();
            if v.split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "other" | "another" | "second" | "others"))
            {
                f.outcome = Outcome::Injured;
            }
        }
    }
    // A victim reported injured (or hit) and later said to have died is not
    // also an injured survivor: turn such earlier injuries into hits.
    let died_later: u64 = facts
        .iter()
        .filter(|(f, _, later)| *later && f.scope == Scope::Event)
        .filter_map(|(f, _, _)| f.count.point())
        .max()
        .unwrap_or(0);
    if died_later > 0 {
        let injured: u64 = facts
            .iter()
            .filter(|(f, _, _)| f.scope == Scope::Event && f.outcome == Outcome::Injured)
            .filter_map(|(f, _, _)| f.count.point())
            .max()
            .unwrap_or(0);
        if injured <= died_later {
            for (f, _, _) in &mut facts {
                if f.scope == Scope::Event && f.outcome == Outcome::Injured {
                    f.outcome = Outcome::Hit;
                }
            }
        }
    }
    facts.into_iter().map(|(f, _, _)| f).collect()
}

/// All facts of one sentence (tokens `a..b`).
fn sentence_facts(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> Vec<(Casualty, bool)> {
    let doc = ctx.doc;
    let mut out: Vec<(Casualty, bool)> = Vec::new();
    let mut k = a;
    // Negated nouns: "no injuries", "no civilian casualties", "no indication of casualties".
    while k < b {
        let Some(tr) = trigger_at(doc, k, b) else {
            k += 1;
            continue;
        };
        let next_k = tr.end.max(k + 1);
        if let Some(mut facts) = resolve(ctx, &tr, a, b) {
            for (f, _) in &mut facts {
                if f.span.is_empty() {
                    continue;
                }
            }
            for (f, later) in facts {
                // One fact per victim phrase and outcome: "was shot and wounded" twice is once.
                if let Some(prev) = out
                    .iter_mut()
                    .find(|(p, _)| p.span.start == f.span.start && same_kind(p.outcome, f.outcome))
                {
                    if prev.0.outcome == Outcome::Hit && f.outcome != Outcome::Hit {
                        prev.0.outcome = f.outcome;
                    }
                    prev.1 |= later;
                    continue;
                }
                out.push((f, later));
            }
        }
        k = next_k;
    }
    // "two others" adds to an earlier fact of the sentence with the same
    // outcome; otherwise it is a count of its own.
    for k in 0..out.len() {
        if out[k].0.additive {
            let o = out[k].0.outcome;
            // "others" contrasts with the fact right before it: "two dead and
            // three others wounded" adds nothing to an earlier "3 wounded".
            let chained = k > 0 && {
                let p = out[k - 1].0.outcome;
                p == o
                    || matches!(
                        (p, o),
                        (Outcome::Hit, Outcome::Injured) | (Outcome::Injured, Outcome::Hit)
                    )
            };
            if !chained {
                out[k].0.additive = false;
            }
        }
    }
    // "one fatally": "Two people were shot, one fatally."
    for j in a..b {
        if doc.is(j, "fatally")
            && !doc.is_any(
                j + 1,
                &["shot", "wounded", "injured", "stabbed", "struck", "hit"],
            )
        {
            if let Some(n) = ctx.count_num(j.wrapping_sub(1)) {
                let span = Span::new(doc.toks[n.first].start, doc.toks[j].end);
                out.push((
                    make_fact(
                        ctx,
                        Outcome::Killed,
                        Count::from_num(n),
                        n.first,
                        n.last,
                        span,
                        false,
                    ),
                    false,
                ));
            }
        }
    }
    out
}

fn same_kind(a: Outcome, b: Outcome) -> bool {
    a == b
        || matches!(
            (a, b),
            (Outcome::Hit, Outcome::Injured | Outcome::Killed)
                | (Outcome::Injured | Outcome::Killed, Outcome::Hit)
        )
}

fn make_fact(
    ctx: &Ctx<'_, '_>,
    outcome: Outcome,
    count: Count,
    vf: usize,
    vl: usize,
    span: Span,
    additive: bool,
) -> Casualty {
    make_fact_p(ctx, outcome, count, vf, vl, span, additive, false)
}

#[allow(clippy::too_many_arguments)]
fn make_fact_p(
    ctx: &Ctx<'_, '_>,
    outcome: Outcome,
    count: Count,
    vf: usize,
    vl: usize,
    span: Span,
    additive: bool,
    partial: bool,
) -> Casualty {
    let doc = ctx.doc;
    let victims = if vf < vl && vl <= doc.toks.len() {
        doc.text[doc.toks[vf].start..doc.toks[vl - 1].end].to_string()
    } else {
        String::new()
    };
    let (group, country) = group_of(doc, vf, vl);
    Casualty {
        span,
        outcome,
        count,
        victims,
        group,
        country,
        claimed_by: None,
        scope: Scope::Event,
        additive,
        partial,
    }
}

/// Turns a trigger into facts (usually one).
fn resolve(ctx: &Ctx<'_, '_>, tr: &Trigger, a: usize, b: usize) -> Option<Vec<(Casualty, bool)>> {
    let doc = ctx.doc;
    let span_of = |f: usize, l: usize| -> Span {
        let s = doc.toks[f.min(tr.start)].start;
        let e = doc.toks[(l.max(tr.end)) - 1].end;
        Span::new(s, e.max(s))
    };
    // Hypothetical or averted: "could have killed", "within inches of possibly
    // killing", "threatened to kill", "tried to shoot".
    if (tr.start.saturating_sub(4).max(a)..tr.start).any(|j| {
        doc.is_any(
            j,
            &[
                "could",
                "would",
                "might",
                "possibly",
                "nearly",
                "almost",
                "narrowly",
                "threatened",
                "threatening",
                "tried",
                "trying",
                "attempted",
                "attempting",
                "intent",
                "intending",
                "intended",
                "plotted",
                "plotting",
                "planned",
                "planning",
                "wanted",
                "inches",
                "afraid",
                "fear",
                "feared",
                "if",
                "whether",
                "risk",
            ],
        )
    }) {
        return None;
    }
    // Negation between the subject and the verb, or right before a noun.
    let negated_verb = (tr.start.saturating_sub(3).max(a)..tr.start).any(|j| {
        doc.is_any(j, &["not", "n't", "never"])
            || (doc.is(j, "t") && doc.is_any(j.wrapping_sub(1), &["’", "'"]))
    });
    let mut out = Vec::new();
    match tr.form {
        Form::Noun => {
            // "no injuries", "no civilian casualties", "no indication of casualties".
            if let Some(z) = negated_noun(doc, tr.start, a) {
                let vf = z + 1;
                let mut outs = vec![tr.outcome];
                if doc.is_any(tr.start, &["casualties", "casualty"]) {
                    outs = vec![Outcome::Killed, Outcome::Injured];
                }
                for o in outs {
                    let mut f = make_fact(
                        ctx,
                        o,
                        Count::exact(0),
                        vf,
                        tr.end,
                        span_of(z, tr.end),
                        doc.is_any(
                            tr.start.wrapping_sub(1),
                            &["other", "further", "additional", "more"],
                        ),
                    );
                    f.victims = doc.text
                        [doc.toks[vf.min(tr.start)].start..doc.toks[tr.start].start]
                        .trim()
                        .to_string();
                    out.push((f, false));
                }
                return Some(out);
            }
            if doc.is_any(tr.start, &["casualties", "casualty"]) {
                return None;
            }
            // "15 deaths", "seven injuries to US troops", "two civilian deaths"
            // (not "six gunshot wounds": wounds are not people).
            let mut j = tr.start;
            let mut steps = if doc.is_any(tr.start, &["wounds", "wound"]) {
                3
            } else {
                0
            };
            while j > a && steps < 3 {
                j -= 1;
                steps += 1;
                if let Some(n) = ctx.count_num(j) {
                    let count = Count::from_num(n);
                    // Victims after "to"/"among"/"of": "injuries to US troops".
                    let (vf, vl) = if doc.is_any(tr.end, &["to", "among", "of"]) {
                        match ctx.right_victim(tr.end + 1, b) {
                            Some(v) => (v.first, v.last),
                            None => (n.first, tr.end),
                        }
                    } else {
                        (n.first, tr.end)
                    };
                    out.push((
                        make_fact(
                            ctx,
                            tr.outcome,
                            count,
                            vf,
                            vl,
                            span_of(n.first, vl.max(tr.end)),
                            false,
                        ),
                        false,
                    ));
                    return Some(out);
                }
                if !doc.is_word(j) || stop_word(doc.w(j)) {
                    break;
                }
            }
            // "a body was found", "two bodies were recovered".
            if doc.is_any(tr.start, &["body", "bodies"]) {
                let single = doc.is(tr.start, "body");
                let count = if single {
                    Count::exact(1)
                } else {
                    Count::unknown()
                };
                out.push((
                    make_fact_p(
                        ctx,
                        tr.outcome,
                        count,
                        tr.start,
                        tr.start + 1,
                        span_of(tr.start, tr.end),
                        false,
                        single,
                    ),
                    false,
                ));
                return Some(out);
            }
            // "the death(s) of NP", "the killing of".
            if doc.is(tr.end, "of")
                && doc.is_any(tr.start, &["death", "deaths", "killings", "fatalities"])
            {
                if let Some(v) = ctx.right_victim(tr.end + 1, b) {
                    out.push((
                        make_fact_p(
                            ctx,
                            tr.outcome,
                            v.count.clone(),
                            v.first,
                            v.last,
                            span_of(tr.start, v.last),
                            v.additive,
                            v.partial,
                        ),
                        false,
                    ));
                    return Some(out);
                }
            }
            // "Larry's death".
            if doc.is_any(tr.start, &["death"])
                && doc.is(tr.start.wrapping_sub(1), "s")
                && doc.is_any(tr.start.wrapping_sub(2), &["’", "'"])
                && ctx.name_end(tr.start.wrapping_sub(3), a)
            {
                let v = ctx.name_from_end(tr.start - 3, a);
                out.push((
                    make_fact_p(
                        ctx,
                        tr.outcome,
                        Count::exact(1),
                        v.first,
                        v.last,
                        span_of(v.first, tr.end),
                        false,
                        true,
                    ),
                    false,
                ));
                return Some(out);
            }
            // "suffered injuries", "with non-life-threatening injuries": the subject.
            if matches!(tr.outcome, Outcome::Injured | Outcome::Hit) {
                // "died of his injuries", "succumbed to his wounds": not a survivor.
                if (tr.start.saturating_sub(5).max(a)..tr.start)
                    .any(|j| doc.is_any(j, &["died", "dies", "succumbed", "succumbing", "dying"]))
                {
                    return None;
                }
                let mut j = tr.start;
                let mut steps = 0;
                let mut verb = None;
                while j > a && steps < 6 {
                    j -= 1;
                    steps += 1;
                    if doc.is_any(
                        j,
                        &[
                            "sustained",
                            "suffered",
                            "received",
                            "suffering",
                            "sustaining",
                            "with",
                            "for",
                            "treated",
                            "from",
                            "of",
                        ],
                    ) {
                        verb = Some(j);
                        break;
                    }
                }
                if let Some(vj) = verb {
                    if let Some(v) = ctx.left_victim(vj, a) {
                        out.push((
                            make_fact_p(
                                ctx,
                                tr.outcome,
                                v.count.clone(),
                                v.first,
                                v.last,
                                span_of(v.first, tr.end),
                                v.additive,
                                v.partial,
                            ),
                            false,
                        ));
                        return Some(out);
                    }
                }
            }
            None
        }
        Form::Implied => {
            if negated_noun(doc, tr.start, a).is_some() {
                return None;
            }
            let count = if doc.is(tr.start, "murder") && doc.is(tr.start + 2, "suicide") {
                Count {
                    value: None,
                    low: Some(2),
                    high: None,
                    qualifier: Qualifier::Vague,
                }
            } else {
                Count::implied()
            };
            out.push((
                make_fact(
                    ctx,
                    tr.outcome,
                    count,
                    tr.start,
                    tr.start,
                    span_of(tr.start, tr.end),
                    false,
                ),
                false,
            ));
            Some(out)
        }
        Form::Active => {
            let v = ctx.right_victim(tr.end, b)?;
            out.push((
                make_fact_p(
                    ctx,
                    tr.outcome,
                    v.count.clone(),
                    v.first,
                    v.last,
                    span_of(tr.start, v.last),
                    v.additive,
                    v.partial,
                ),
                false,
            ));
            Some(out)
        }
        Form::Ing => {
            // "the killing of X".
            let mut s = tr.end;
            if doc.is(s, "of") {
                s += 1;
            }
            if doc.is_any(tr.end.wrapping_sub(1), &["himself", "herself"]) {
                let f = make_fact(
                    ctx,
                    tr.outcome,
                    Count::exact(1),
                    tr.end - 1,
                    tr.end,
                    span_of(tr.start, tr.end),
                    false,
                );
                out.push((f, false));
                return Some(out);
            }
            let v = ctx.right_victim(s, b)?;
            out.push((
                make_fact_p(
                    ctx,
                    tr.outcome,
                    v.count.clone(),
                    v.first,
                    v.last,
                    span_of(tr.start, v.last),
                    v.additive,
                    v.partial,
                ),
                false,
            ));
            Some(out)
        }
        Form::Intrans | Form::Verb => {
            let passive = {
                let mut j = tr.start;
                let mut is_p = false;
                let mut steps = 0;
                while j > a && steps < 4 {
                    j -= 1;
                    steps += 1;
                    let w = doc.w(j);
                    if BE.contains(&w) {
                        is_p = true;
                        break;
                    }
                    if !AUX.contains(&w) || w == "and" || w == "shot" || w == "who" || w == "that" {
                        break;
                    }
                }
                is_p
            };
            let victim = if tr.form == Form::Verb && !passive {
                // Active "killed 15 people", "wounded two U.S. service members",
                // else a reduced relative/headline "Seven ISIS members eliminated".
                let mut s = tr.end;
                if doc.is_any(tr.start.wrapping_sub(0), &["killed", "shot", "kills"])
                    && doc.is_any(s, &["himself", "herself"])
                {
                    Some(Victim {
                        first: s,
                        last: s + 1,
                        count: Count::exact(1),
                        additive: false,
                        partial: true,
                    })
                } else {
                    if doc.is(s, "“") || doc.is(s, "\"") {
                        s += 1;
                    }
                    ctx.right_victim(s, b).or_else(|| {
                        // A reduced relative or headline ("Man shot", "Seven ISIS
                        // members killed"): the noun phrase right before. Not
                        // "he shot" or "troopers who shot": those are shooters.
                        let prev = tr.start.checked_sub(1)?;
                        if prev < a
                            || doc.is_any(
                                prev,
                                &[
                                    "who", "that", "which", "he", "she", "they", "we", "i", "and",
                                    "then", "had", "has", "have", "also",
                                ],
                            )
                        {
                            return None;
                        }
                        ctx.left_victim(tr.start, a).filter(|v| {
                            v.last == tr.start
                                || v.last + 1 == tr.start && doc.is(prev, ",")
                                || (v.last..tr.start).all(|j| {
                                    doc.is(j, ",")
                                        || ctx.num(j).is_some_and(|n| n.kind == NumberKind::Age)
                                        || doc.is_any(
                                            j,
                                            &[
                                                "critically",
                                                "seriously",
                                                "fatally",
                                                "badly",
                                                "mortally",
                                                "severely",
                                                "slightly",
                                                "gravely",
                                                "lightly",
                                                "reportedly",
                                                "allegedly",
                                                "also",
                                                "both",
                                                "all",
                                                "accidentally",
                                            ],
                                        )
                                })
                        })
                    })
                }
            } else {
                ctx.left_victim(tr.start, a)
            };
            let v = victim?;
            let mut count = v.count.clone();
            if negated_verb && !(v.first..v.last).any(|j| doc.is_any(j, &["no", "nobody", "none"]))
            {
                count = Count::exact(0);
            }
            let f = make_fact_p(
                ctx,
                tr.outcome,
                count,
                v.first,
                v.last,
                span_of(v.first, v.last),
                v.additive,
                v.partial,
            );
            out.push((f, tr.died_later));
            Some(out)
        }
    }
}

/// "no injuries", "no civilian casualties", "no indication of casualties",
/// "no other injuries": returns the index of the negating word.
fn negated_noun(doc: &Doc<'_>, n: usize, a: usize) -> Option<usize> {
    let mut j = n;
    let mut steps = 0;
    while j > a && steps < 5 {
        j -= 1;
        steps += 1;
        let w = doc.w(j);
        if matches!(w, "no" | "without" | "zero" | "nor") {
            return Some(j);
        }
        if !(doc.is_word(j)
            && matches!(
                w,
                "civilian"
                    | "other"
                    | "further"
                    | "additional"
                    | "serious"
                    | "major"
                    | "reported"
                    | "indication"
                    | "sign"
                    | "signs"
                    | "report"
                    | "reports"
                    | "immediate"
                    | "known"
                    | "of"
                    | "life"
                    | "threatening"
                    | "more"
                    | "confirmed"
                    | "physical"
            )
            || w == "-")
        {
            return None;
        }
    }
    None
}

fn group_of(doc: &Doc<'_>, f: usize, l: usize) -> (Group, Option<String>) {
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

// ---------------------------------------------------------------- attribution

/// Who a sentence attributes its statements to: "according to X", "X said",
/// "said X". Returns the claimant and whether it came from "according to".
fn attribution(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> (Option<String>, bool) {
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
            if WEEKDAYS.contains(&w) && e > s {
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

/// Whether a phrase can name who makes a claim: a name, or a word for a
/// source ("police", "a defense official"), and no casualty words.
fn plausible_claimant(c: &str) -> bool {
    const SOURCES: &[&str] = &[
        "police",
        "officials",
        "official",
        "authorities",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sources",
        "source",
        "witnesses",
        "witness",
        "officers",
        "officer",
        "investigators",
        "deputies",
        "sheriff",
        "coroner",
        "examiner",
        "medics",
        "doctors",
        "residents",
        "ministry",
        "military",
        "army",
        "statement",
        "report",
        "reports",
        "media",
        "agency",
        "detectives",
        "troopers",
        "department",
        "office",
        "command",
        "government",
        "hospital",
        "prosecutors",
        "family",
        "relatives",
        "neighbors",
        "paramedics",
        "firefighters",
        "reporters",
        "commander",
        "chief",
        "mayor",
        "governor",
        "attorney",
        "news",
        "newspaper",
        "channel",
        "station",
        "records",
        "release",
        "group",
        "observatory",
        "monitor",
        "activists",
        "security",
        "forces",
        "embassy",
        "ministry",
        "council",
        "agencies",
        "diplomat",
        "diplomats",
        "leaders",
    ];
    const CASUALTY: &[&str] = &[
        "casualties",
        "killed",
        "dead",
        "injured",
        "wounded",
        "deaths",
        "injuries",
        "shot",
    ];
    let words: Vec<&str> = c
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| CASUALTY.contains(&w.as_str())) {
        return false;
    }
    if lower.iter().any(|w| SOURCES.contains(&w.as_str())) {
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

// ---------------------------------------------------------------- scope

/// Marks facts about other incidents and background statistics.
fn assign_scopes(
    ctx: &Ctx<'_, '_>,
    sentences: &[Span],
    sent_tok: &[(usize, usize)],
    facts: &mut [(Casualty, usize, bool)],
) {
    let doc = ctx.doc;
    // Dates (month, day) and years in each sentence.
    let sent_dates = |si: usize| -> (Vec<(String, u32)>, Vec<u32>) {
        let (a, b) = sent_tok[si];
        let mut dates = Vec::new();
        let mut years = Vec::new();
        for n in &ctx.nums {
            if n.first < a || n.last > b {
                continue;
            }
            let v = n.value.unwrap_or(0.0);
            match n.kind {
                NumberKind::Date if n.last == n.core + 1 => {
                    // Month before or after.
                    let m = if n.core > 0 && doc.is(n.core - 1, ".") {
                        n.core.wrapping_sub(2)
                    } else {
                        n.core.wrapping_sub(1)
                    };
                    let month = if doc.is_word(m) {
                        doc.w(m)
                    } else {
                        doc.w(n.last)
                    };
                    dates.push((month.chars().take(3).collect(), v as u32));
                }
                NumberKind::Year => {
                    // Only "in 2023" / "since 2014" / "2014 killing": a year the fact happened.
                    years.push(v as u32);
                }
                _ => {}
            }
        }
        (dates, years)
    };
    let _ = sentences;
    let mut anchor_date: Option<(String, u32)> = None;
    let mut anchor_years: Vec<u32> = Vec::new();
    let mut anchored = false;
    let max_year = ctx
        .nums
        .iter()
        .filter(|n| n.kind == NumberKind::Year)
        .filter_map(|n| n.value)
        .map(|v| v as u32)
        .max();
    for (f, si, _) in facts.iter_mut() {
        let (a, b) = sent_tok[*si];
        let (dates, years) = sent_dates(*si);
        if background_cue(ctx, a, b, f) {
            f.scope = Scope::Background;
            continue;
        }
        let past_shift = past_shift_cue(doc, a, b);
        if !matches!(f.outcome, Outcome::Killed | Outcome::Injured | Outcome::Hit) {
            if past_shift {
                f.scope = Scope::OtherEvent;
            }
            continue;
        }
        if !anchored {
            // The first casualty fact is the article's incident, whatever its
            // time cues ("the man fatally shot by police last month").
            anchor_date = dates.first().cloned();
            anchor_years.clone_from(&years);
            anchored = true;
            continue;
        }
        let other_date = match (&anchor_date, dates.first()) {
            (Some(ad), Some(d)) => ad != d && !dates.contains(ad),
            _ => false,
        };
        let other_year = years.iter().any(|y| {
            if anchor_years.is_empty() {
                max_year.is_some_and(|m| *y < m)
            } else {
                !anchor_years.contains(y)
            }
        }) && !years.iter().any(|y| anchor_years.contains(y));
        if past_shift || other_date || other_year {
            f.scope = Scope::OtherEvent;
        } else {
            // A later statement of the incident can give its date.
            if anchor_date.is_none() {
                anchor_date = dates.first().cloned();
            }
            if anchor_years.is_empty() {
                anchor_years.clone_from(&years);
            }
        }
    }
}

fn past_shift_cue(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    for j in a..b {
        let w = doc.w(j);
        let hit = match w {
            "last" => doc.is_any(
                j + 1,
                &[
                    "month",
                    "year",
                    "week",
                    "summer",
                    "winter",
                    "spring",
                    "fall",
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                ],
            ),
            "earlier" => {
                doc.is_any(j + 1, &["this", "that", "in"])
                    || doc.is_any(
                        j.wrapping_sub(1),
                        &["week", "month", "year", "weeks", "months", "years", "days"],
                    )
                    || (j == a && doc.is(j + 1, ","))
            }
            "ago" => doc.is_any(
                j.wrapping_sub(1),
                &["years", "months", "weeks", "year", "month"],
            ),
            "previous" | "previously" | "prior" => {
                doc.is_any(
                    j + 1,
                    &[
                        "attack",
                        "attacks",
                        "strike",
                        "strikes",
                        "shooting",
                        "shootings",
                        "incident",
                        "incidents",
                        "raid",
                        "year",
                        "month",
                    ],
                ) || w == "previously"
            }
            "separate" => doc.is_any(
                j + 1,
                &[
                    "incident", "shooting", "attack", "strike", "raid", "case", "bombing",
                ],
            ),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

fn background_cue(ctx: &Ctx<'_, '_>, a: usize, b: usize, f: &Casualty) -> bool {
    let doc = ctx.doc;
    for j in a..b {
        let w = doc.w(j);
        let hit = match w {
            "so" => doc.is(j + 1, "far") && f.outcome != Outcome::Arrested,
            "this" => doc.is(j + 1, "year") && !doc.is(j.wrapping_sub(1), "earlier"),
            "since" => {
                (j + 1..(j + 7).min(b))
                    .any(|k| ctx.num(k).is_some_and(|n| n.kind == NumberKind::Year))
                    || doc.is_any(j + 1, &["the"]) && doc.is_any(j + 2, &["start", "beginning"])
            }
            "average" | "analysis" | "study" | "data" | "survey" | "database" => true,
            "annually" | "statistics" | "annual" | "tally" => true,
            "per" | "each" | "every" => doc.is_any(j + 1, &["year", "month", "day", "week"]),
            "on" => doc.is(j + 1, "average"),
            "estimates" => true,
            _ => false,
        };
        if hit {
            return true;
        }
    }
    // "the city's 100th homicide".
    false
}
