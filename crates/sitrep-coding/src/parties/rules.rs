//! Cue rules: the words around a mention that tell what it did in the
//! incident. Every rule is one row of [`RULES`], with sentences it must and
//! must not win on; one test runs them all.
//!
//! A rule's phrase is a list of word slots separated by spaces: `a|b` matches
//! either word, `*` any word, and `!a|b` any word but these (a word must be
//! there). Words are the lowercase tokens of [`sitrep_text::word_tokens`], with
//! the words of [`SKIPPED`](super::lexicon::SKIPPED) dropped and every form
//! of "to be" read as `was` (so `has been charged` reads `was charged`).
//!
//! A [`Side::Right`] phrase must start right after the mention, or right
//! after a comma that follows it within an apposition (`Smith, 23, of Dayton,
//! was charged`). A [`Side::Left`] phrase must end at most `gap` words
//! before the mention (`killing officer Sean Bolton`), the gap holding no
//! clause break ([`GAP_BREAKS`](super::lexicon::GAP_BREAKS)).

use super::lexicon::{has, BE, GAP_BREAKS, SKIPPED};

/// Where a rule's phrase lies relative to the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Before the mention.
    Left,
    /// After the mention (or after its apposition).
    Right,
}

/// What a matching rule says about the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// It carried out the act: shot, raided, was charged with it.
    Acted,
    /// It was harmed: killed, shot, wounded, the target of a raid.
    Harmed,
    /// It speaks about the incident (a spokesman, a witness quoted): the
    /// mention says nothing of its part.
    Speaker,
}

/// Which mentions a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applies {
    /// Named people.
    Person,
    /// Groups and organisations.
    Group,
    /// Both.
    Any,
}

/// One cue rule. `name` and the examples are read by the tests.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Rule {
    /// Unique name (the table is sorted by it).
    pub name: &'static str,
    /// Where the phrase lies.
    pub side: Side,
    /// The phrase (see the module doc).
    pub phrase: &'static str,
    /// Words allowed between a left phrase and the mention.
    pub gap: usize,
    /// What it says.
    pub evidence: Evidence,
    /// Which mentions it reads.
    pub applies: Applies,
    /// Sentences it must win on: the mention in `[brackets]`; a name in
    /// `{braces}` marks a group mention.
    pub fires: &'static [&'static str],
    /// Sentences it must not win on.
    pub not: &'static [&'static str],
}

use Applies::{Any, Group, Person};
use Evidence::{Acted, Harmed, Speaker};
use Side::{Left, Right};

/// Verbs of harm that name their object ("shot X", "killing X").
const HARM_VERBS: &str = "shot|killed|killing|shooting|murdered|murdering|stabbed|stabbing|\
wounded|wounding|injured|injuring|struck|striking|shoot|kill|murder|slaying|slew|\
gunned|execute|executed|beat|beating|beaten|abducted|kidnapped|hit|hitting";

/// The table of rules, sorted by name.
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "according_to",
        side: Left, phrase: "according to", gap: 4, evidence: Speaker, applies: Any,
        fires: &["The man died, according to [Tom Reed], a neighbor."],
        not: &["[Tom Reed] died, police said."],
    },
    Rule {
        name: "acted_by",
        side: Left, phrase: "shot|killed|wounded|attacked|stabbed|struck|murdered|injured|hit|slain|targeted|raided|conducted|carried|led|launched|backed|supported by",
        gap: 3, evidence: Acted, applies: Any,
        fires: &[
            "The woman was shot by her boyfriend, [Carl Dunn], on Friday.",
            "The raid was conducted by {Iraqi security forces}.",
        ],
        not: &["Police were called by [Ann Lee] at 9 p.m."],
    },
    Rule {
        name: "acted_subject",
        side: Right,
        phrase: "shot|stabbed|killed|murdered|wounded|struck|attacked|ambushed|robbed|beat !in|at|on|by|dead|after|while|during|outside|near|and|to|,|.",
        gap: 0, evidence: Acted, applies: Any,
        fires: &[
            "Police said [Carl Dunn] shot his wife in the kitchen.",
            "[Tiffany Segule] shot Fort Bragg soldier Zia Segule at home.",
        ],
        not: &["[Carl Dunn] shot in the leg, police say."],
    },
    Rule {
        name: "acted_subject_and",
        side: Right, phrase: "shot|stabbed|beat and killed|wounded|injured|robbed !in|at|on|by|dead|after|while|during|outside|near|,|.",
        gap: 0, evidence: Acted, applies: Any,
        fires: &["Investigators say [Carl Dunn] shot and killed his neighbor."],
        not: &["[Carl Dunn] shot and killed in Dayton."],
    },
    Rule {
        name: "apprehended_by_role",
        side: Left, phrase: "arrested|charged|charging|booked|indicted|jailed|convicted|sentenced|apprehended|captured|arresting|detained|extradited|arraigned",
        gap: 3, evidence: Acted, applies: Person,
        fires: &[
            "Officers arrested 23-year-old [Carl Dunn] on Friday.",
            "Prosecutors charged [Carl Dunn] with murder.",
        ],
        not: &["Officers arrested a man after [Carl Dunn] was shot."],
    },
    Rule {
        name: "arrest_of",
        side: Left, phrase: "arrest|charges|conviction|sentencing|indictment|trial|capture of|against", gap: 1,
        evidence: Acted, applies: Person,
        fires: &["Police announced the arrest of [Carl Dunn] on Monday."],
        not: &["Police announced the death of [Carl Dunn] on Monday."],
    },
    Rule {
        name: "as_suspect",
        side: Right, phrase: "as * suspect|suspects|gunman|shooter|killer|assailant|attacker", gap: 0,
        evidence: Acted, applies: Person,
        fires: &["Police identified [Carl Dunn] as the suspect."],
        not: &["Police identified [Ann Lee] as the victim."],
    },
    Rule {
        name: "as_victim",
        side: Right, phrase: "as * victim|victims|deceased", gap: 0,
        evidence: Harmed, applies: Person,
        fires: &["Police identified [Ann Lee] as the victim."],
        not: &["Police identified [Carl Dunn] as the suspect."],
    },
    Rule {
        name: "charged_predicate",
        side: Right,
        phrase: "was charged|arrested|booked|indicted|jailed|convicted|sentenced|accused|wanted|suspected|apprehended|extradited|arraigned|detained|captured|held|caught",
        gap: 0, evidence: Acted, applies: Person,
        fires: &[
            "[Armonte Hooper], 23, has been charged with first-degree murder.",
            "[Carl Dunn] was arrested Friday, police said.",
        ],
        not: &["[Carl Dunn] was shot Friday, police said."],
    },
    Rule {
        name: "condition",
        side: Right, phrase: "was|remains|remained|listed in critical|serious|stable|fair|good|grave|satisfactory condition", gap: 0,
        evidence: Harmed, applies: Person,
        fires: &["[Ann Lee] is in stable condition at a hospital."],
        not: &["[Carl Dunn] was in the car."],
    },
    Rule {
        name: "custody",
        side: Right, phrase: "was taken|booked into custody|jail", gap: 0, evidence: Acted, applies: Person,
        fires: &["[Carl Dunn] was taken into custody without incident."],
        not: &["[Carl Dunn] was taken to a hospital."],
    },
    Rule {
        name: "death_of",
        side: Left,
        phrase: "death|deaths|murder|murders|killing|killings|shooting|slaying|stabbing|funeral|vigil|memorial|family|families|mother|father|parents|relatives|autopsy|homicide|body|remains|loss|survivors|memory|honor of|for",
        gap: 0, evidence: Harmed, applies: Person,
        fires: &[
            "Police are investigating the death of [Carl Dunn].",
            "A vigil for [Ann Lee] was held Sunday.",
        ],
        not: &["The suspect in the death of the boy, [Carl Dunn], was arrested."],
    },
    Rule {
        name: "died",
        side: Right, phrase: "died|dies|dead|slain|succumbed|perished|hospitalized|survived|suffered|sustained|gunshot",
        gap: 0, evidence: Harmed, applies: Any,
        fires: &[
            "[Carl Dunn] died at the scene.",
            "[Marcus Holt], 21, died later at a hospital.",
        ],
        not: &["Police said [Carl Dunn] shot his wife."],
    },
    Rule {
        name: "fired_shots",
        side: Right, phrase: "opened|fired|pulled|pointed|brandished|produced fire|shots|at|into|several|multiple|a|out|the|his|her|one|two|three", gap: 0,
        evidence: Acted, applies: Any,
        fires: &["Witnesses said [Carl Dunn] opened fire on the crowd."],
        not: &["[Carl Dunn] was hit when gunfire erupted."],
    },
    Rule {
        name: "fled",
        side: Right, phrase: "fled|escaped|ran|sped|drove away|off|from|the|on|in|before|after|into", gap: 0,
        evidence: Acted, applies: Person,
        fires: &["[Carl Dunn] fled the scene in a white car."],
        not: &["[Carl Dunn] was found in a white car."],
    },
    Rule {
        name: "forces_acted",
        side: Right,
        phrase: "conducted|carried|launched|raided|targeted|stormed|bombed|captured|seized|destroyed|clashed|repelled|detained|arrested|responded|engaged|shelled|hit|killed|struck",
        gap: 0, evidence: Acted, applies: Group,
        fires: &["Overnight, {Iraqi security forces} conducted a raid near Kirkuk."],
        not: &["Nine {ISIS militants} were killed in the raid."],
    },
    Rule {
        name: "forces_alongside",
        side: Left, phrase: "between|alongside|assisting|partnered|partnering|accompanied|joined|support|supporting|help|backing",
        gap: 2, evidence: Acted, applies: Group,
        fires: &["A joint operation between {Iraqi forces} and the U.S. military."],
        not: &["The raid targeted {ISIS} leaders."],
    },
    Rule {
        name: "found_guilty",
        side: Right, phrase: "was found|declared guilty", gap: 0,
        evidence: Acted, applies: Person,
        fires: &["[Carl Dunn] was found guilty of murder."],
        not: &["[Carl Dunn] was found dead in his car."],
    },
    Rule {
        name: "harmed_headline",
        side: Right,
        phrase: "shot|killed|wounded|stabbed|injured|hurt|gunned|murdered in|at|on|by|dead|after|while|during|outside|near|,|.|down|and",
        gap: 0, evidence: Harmed, applies: Any,
        fires: &["[Carl Dunn] shot in the leg, police say."],
        not: &[
            "[Carl Dunn] shot his wife in the kitchen.",
            "Police said [Juan Almaraz] shot twice at the trailer.",
        ],
    },
    Rule {
        name: "harmed_object",
        side: Left, phrase: HARM_VERBS, gap: 4, evidence: Harmed, applies: Any,
        fires: &[
            "Wilbourn is accused of killing officer [Sean Bolton] on Saturday.",
            "The officer also shot and killed a neighbor, 55-year-old [Bettie Jones].",
        ],
        not: &["The woman who was shot said [Carl Dunn] ran away."],
    },
    Rule {
        name: "harmed_passive",
        side: Right,
        phrase: "was shot|killed|wounded|injured|hurt|hit|struck|stabbed|murdered|slain|pronounced|found|hospitalized|rushed|transported|taken|airlifted|treated|listed|gunned|attacked|robbed|targeted|ambushed|beaten|abducted|kidnapped|survived|flown|left",
        gap: 0, evidence: Harmed, applies: Any,
        fires: &[
            "[Carl Dunn] was pronounced dead at the scene.",
            "[Ann Lee], who was shot in the arm, is in stable condition.",
        ],
        not: &["[Carl Dunn] was charged with murder."],
    },
    Rule {
        name: "harmed_possessive",
        side: Right,
        phrase: "'s|’s death|murder|killing|slaying|funeral|family|mother|father|body|autopsy|shooting|killer|killers|killing|wounds|injuries|relatives|parents|brother|sister|son|daughter|wife|husband|girlfriend|boyfriend|grandmother|aunt|uncle|cousin|memory|life",
        gap: 0, evidence: Harmed, applies: Person,
        fires: &["[Ann Lee]'s family held a vigil on Sunday."],
        not: &["[Ann Lee]'s car was stolen."],
    },
    Rule {
        name: "identified_as",
        side: Left,
        phrase: "identified|named the|a girl|boy|woman|man|teen|teenager|victim|victims|deceased|child|toddler|infant|baby|passenger|pedestrian|student|dead|slain|body as",
        gap: 0, evidence: Harmed, applies: Person,
        fires: &["Family members identified the girl as [Kimi Reylander]."],
        not: &["Police identified the suspect as [Carl Dunn]."],
    },
    Rule {
        name: "identified_victim",
        side: Left, phrase: "victim|victims|deceased|dead|slain|wounded|injured|fatality|fatalities as", gap: 0,
        evidence: Harmed, applies: Person,
        fires: &["The coroner listed the wounded as [Ann Lee], 34."],
        not: &["Police identified the suspect as [Carl Dunn]."],
    },
    Rule {
        name: "in_custody",
        side: Right, phrase: "was|remains|remained in|behind custody|jail|bars|prison", gap: 0,
        evidence: Acted, applies: Person,
        fires: &["[Carl Dunn] remains in custody on a $1 million bond."],
        not: &["[Ann Lee] remains in critical condition."],
    },
    Rule {
        name: "killed_by_police",
        side: Right,
        phrase: "was shot|killed|wounded|hit|struck by|when police|officers|officer|deputies|deputy|troopers|trooper|agents|authorities",
        gap: 0, evidence: Acted, applies: Person,
        fires: &["[Henry Jackson] was shot by police on Thursday."],
        not: &["[Ann Lee] was shot by her husband."],
    },
    Rule {
        name: "killed_by_police_and",
        side: Right,
        phrase: "was shot|struck and killed|wounded by|when police|officers|officer|deputies|deputy|troopers|trooper|agents|authorities",
        gap: 0, evidence: Acted, applies: Person,
        fires: &["[Henry Jackson] was shot and killed by officers on Thursday."],
        not: &["[Ann Lee] was shot and killed by her husband."],
    },
    Rule {
        name: "perpetrator_noun",
        side: Left,
        phrase: "suspect|suspects|gunman|gunmen|shooter|shooters|defendant|killer|accused|assailant|attacker|robber|perpetrator|triggerman|fugitive|offender",
        gap: 3, evidence: Acted, applies: Person,
        fires: &[
            "Police identified the gunman as [John Smith].",
            "The suspect, 19-year-old [Carl Dunn], fled on foot.",
        ],
        not: &["The suspect shot [Ann Lee] twice."],
    },
    Rule {
        name: "perpetrator_of",
        side: Left,
        phrase: "suspect|suspects|gunman|shooter|charged|arrested|accused|wanted|convicted|jailed|sought in|of|with|for * shooting|killing|murder|death|slaying|homicide|stabbing|attack",
        gap: 2, evidence: Acted, applies: Person,
        fires: &["The suspect in the shooting, [Carl Dunn], was arrested."],
        not: &["The victim of the shooting, [Ann Lee], died."],
    },
    Rule {
        name: "perpetrator_of_fatal",
        side: Left,
        phrase: "suspect|suspects|gunman|shooter|charged|arrested|accused|wanted|convicted|jailed|sought in|of|with|for * * shooting|killing|murder|death|slaying|homicide|stabbing|attack",
        gap: 2, evidence: Acted, applies: Person,
        fires: &["The man charged in the fatal shooting, [Carl Dunn], was arraigned."],
        not: &["The victim of the fatal shooting, [Ann Lee], died."],
    },
    Rule {
        name: "pleaded",
        side: Right,
        phrase: "pleaded|pled|faces|facing|surrendered|confessed|admitted|turned guilty|charges|not|to|himself|herself|a|murder|counts|first-degree|second-degree|multiple",
        gap: 0, evidence: Acted, applies: Person,
        fires: &[
            "[Tremaine Wilbourn] turned himself in on Monday.",
            "[Carl Dunn] faces charges of murder.",
        ],
        not: &["[Carl Dunn] remains in critical condition."],
    },
    Rule {
        name: "said_before",
        side: Left, phrase: "said|says|told|added|stated|asked", gap: 4, evidence: Speaker, applies: Person,
        fires: &["“He was a good man,” said his neighbor [Ann Lee]."],
        not: &["Police said [Carl Dunn] shot his wife."],
    },
    Rule {
        name: "sought",
        side: Left, phrase: "searching|looking|hunting|manhunt|warrant|warrants|tracked|hunt for|down", gap: 1,
        evidence: Acted, applies: Person,
        fires: &[
            "Police were searching for [Richard Kalecki] on Saturday night.",
            "Authorities tracked down 37-year-old [Rafael Herrera] in Maryland.",
        ],
        not: &["Police were searching for the man who shot [Ann Lee]."],
    },
    Rule {
        name: "speaker_title",
        side: Left,
        phrase: "spokesman|spokeswoman|spokesperson|secretary|coroner|prosecutor|attorney|lawyer|director|superintendent|commissioner|minister|mayor|sheriff|chief|official|investigator|examiner|reporter|correspondent|editor|writer|analyst|professor",
        gap: 3, evidence: Speaker, applies: Person,
        fires: &["Pentagon press secretary Maj. Gen. [Patrick Ryder] spoke at a briefing."],
        not: &["The suspect, [Carl Dunn], fled."],
    },
    Rule {
        name: "speaks",
        side: Right,
        phrase: "said|says|told|added|stated|explained|noted|confirmed|announced|wrote|posted|tweeted|testified|recalled|described|declined|urged|asked|spoke|speaking|called|quoted|reported|contributed|warned|believes|thinks|hopes|expressed",
        gap: 0, evidence: Speaker, applies: Any,
        fires: &[
            "[Tom Reed], a police spokesman, said the man died.",
            "Ryder said [Tom Reed] confirmed the figure.",
        ],
        not: &["[Carl Dunn] died, police said."],
    },
    Rule {
        name: "suspect_predicate",
        side: Right, phrase: "was a|the|an suspect|suspects|gunman|shooter|killer|defendant|assailant|attacker|robber", gap: 0,
        evidence: Acted, applies: Person,
        fires: &["Police said [Carl Dunn] is the suspect in the killing."],
        not: &["[Ann Lee] is the victim of the attack."],
    },
    Rule {
        name: "target_of",
        side: Left,
        phrase: "against|targeting|targeted|fighting|attacking|attacked|raided|raiding|struck|bombed|ambushed|hunting|pursuing|hit|kill|killed|killing",
        gap: 3, evidence: Harmed, applies: Group,
        fires: &["A partner raid in Iraq targeting several senior {ISIS leaders}."],
        not: &["The raid was carried out by {Iraqi forces}."],
    },
    Rule {
        name: "victim_noun",
        side: Left, phrase: "victim|victims|deceased|decedent|slain|dead|wounded|injured", gap: 3,
        evidence: Harmed, applies: Person,
        fires: &["The victim, [Ann Lee], was a nurse."],
        not: &["The suspect, [Carl Dunn], fled."],
    },
    Rule {
        name: "victim_predicate",
        side: Right, phrase: "was a|the|an|one|among victim|victims|of|casualties|dead|wounded|injured", gap: 0,
        evidence: Harmed, applies: Person,
        fires: &["Police said [Ann Lee] was the victim."],
        not: &["[Carl Dunn] was the gunman."],
    },
];

/// Lowercase words of a context, with skipped words dropped and "to be"
/// read as `was`.
pub(crate) fn normalise<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    words
        .filter(|w| !has(SKIPPED, w))
        .map(|w| if has(BE, w) { "was" } else { w })
        .collect()
}

fn slot_matches(slot: &str, word: &str) -> bool {
    if slot == "*" {
        return true;
    }
    if let Some(neg) = slot.strip_prefix('!') {
        return !neg.split('|').any(|a| a == word);
    }
    slot.split('|').any(|a| a == word)
}

/// Whether `phrase` matches `words` starting at `start`.
fn matches_at(phrase: &str, words: &[&str], start: usize) -> bool {
    let mut n = 0;
    for (k, slot) in phrase.split(' ').enumerate() {
        match words.get(start + k) {
            Some(w) if slot_matches(slot, w) => n += 1,
            _ => return false,
        }
    }
    n > 0
}

fn slots(phrase: &str) -> usize {
    phrase.split(' ').count()
}

/// A rule that matched, and how close to the mention.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// The rule.
    pub rule: &'static Rule,
    /// Words between the mention and the phrase (left), or the index of
    /// the apposition point the phrase starts at (right).
    pub distance: usize,
}

fn better(a: Option<Hit>, b: Hit) -> Option<Hit> {
    match a {
        None => Some(b),
        Some(a) => {
            let key = |h: &Hit| (h.distance, std::cmp::Reverse(slots(h.rule.phrase)));
            if key(&b) < key(&a) {
                Some(b)
            } else {
                Some(a)
            }
        }
    }
}

fn applies(rule: &Rule, group: bool) -> bool {
    match rule.applies {
        Any => true,
        Person => !group,
        Group => group,
    }
}

/// The best left rule: `left` holds the words before the mention in reading
/// order (normalised).
pub(crate) fn best_left(left: &[&str], group: bool) -> Option<Hit> {
    let mut best = None;
    for rule in RULES.iter().filter(|r| r.side == Left && applies(r, group)) {
        let n = slots(rule.phrase);
        for gap in 0..=rule.gap.min(left.len()) {
            if gap > 0 && has(GAP_BREAKS, left[left.len() - gap]) {
                break;
            }
            let Some(start) = left.len().checked_sub(gap + n) else {
                break;
            };
            if matches_at(rule.phrase, left, start) {
                best = better(
                    best,
                    Hit {
                        rule,
                        distance: gap,
                    },
                );
                break;
            }
        }
    }
    best
}

/// The best right rule: `contexts` are the normalised words after the
/// mention and after each apposition comma, nearest first.
pub(crate) fn best_right(contexts: &[Vec<&str>], group: bool) -> Option<Hit> {
    let mut best = None;
    for (distance, words) in contexts.iter().enumerate() {
        for rule in RULES
            .iter()
            .filter(|r| r.side == Right && applies(r, group))
        {
            if matches_at(rule.phrase, words, 0) {
                best = better(best, Hit { rule, distance });
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_by_unique_name() {
        for w in RULES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
    }

    #[test]
    fn phrases_are_lowercase_and_well_formed() {
        for r in RULES {
            assert_eq!(r.phrase, r.phrase.to_lowercase(), "{}", r.name);
            assert!(
                r.phrase
                    .split(' ')
                    .all(|s| !s.is_empty() && !s.split('|').any(str::is_empty)),
                "{}: empty slot",
                r.name
            );
            assert!(
                !r.fires.is_empty() && !r.not.is_empty(),
                "{}: examples",
                r.name
            );
        }
    }

    #[test]
    fn slots_match_alternatives_wildcards_and_negations() {
        let cases = [
            ("a|b", "b", true),
            ("a|b", "c", false),
            ("*", "x", true),
            ("!in|at", "his", true),
            ("!in|at", "in", false),
        ];
        for (slot, word, want) in cases {
            assert_eq!(slot_matches(slot, word), want, "{slot} {word}");
        }
        assert!(
            !matches_at("shot !in", &["shot"], 0),
            "a negated slot needs a word"
        );
    }
}
