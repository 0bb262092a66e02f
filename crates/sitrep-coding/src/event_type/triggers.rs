//! Trigger words: one table of word groups, each a cue for some kinds of
//! incident (written from the ACLED codebook's definitions of its sub-event
//! types and CASE 2021's extra types, not read off the training snippets).
//!
//! A phrase is lower-case words separated by single spaces; a word ending in
//! `*` matches any word it begins ("protest*" matches "protesters"). Words
//! are runs of letters and digits, so "cease-fire" is the two words
//! "cease fire". The model learns how much each group counts for each
//! label; the table only says which words belong together.

/// One group of trigger phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerGroup {
    /// The group's name (a feature name: `trig:<name>`).
    pub name: &'static str,
    /// Its phrases.
    pub phrases: &'static [&'static str],
    /// A sentence the group must match (tested).
    pub example: &'static str,
}

/// Every trigger group, sorted by name.
#[rustfmt::skip]
pub const TRIGGER_GROUPS: &[TriggerGroup] = &[
    TriggerGroup { name: "abduction", example: "Gunmen abducted three aid workers.",
        phrases: &["abduct*", "kidnap*", "hostage*", "forcibly disappeared", "enforced disappearance*", "taken captive", "held captive", "captive*", "ransom"] },
    TriggerGroup { name: "agreement", example: "The two sides signed a ceasefire agreement.",
        phrases: &["agree*", "ceasefire*", "cease fire", "truce", "deal", "peace deal", "signed", "accord", "treaty", "negotiat*", "prisoner swap", "prisoner exchange", "exchange of prisoners", "reconcil*", "memorandum"] },
    TriggerGroup { name: "air", example: "Warplanes pounded the village.",
        phrases: &["air strike*", "airstrike*", "air raid*", "warplane*", "jet*", "drone*", "aircraft", "helicopter*", "air force*", "aerial", "sortie*", "unmanned", "bombing raid*", "coalition aircraft", "air support", "gunship*"] },
    TriggerGroup { name: "armed_actors", example: "Militants of the rebel group fired on the post.",
        phrases: &["militant*", "insurgent*", "rebel*", "terrorist*", "jihadist*", "isis", "isil", "daesh", "islamic state", "taliban", "al shabaab", "al shabab", "boko haram", "militia*", "gunmen", "fighters", "extremist*", "separatist*", "maoist*", "naxal*", "guerrilla*"] },
    TriggerGroup { name: "arrest", example: "Police arrested two suspects.",
        phrases: &["arrest*", "detain*", "detention", "custody", "apprehend*", "nabbed", "rounded up", "taken into custody", "jailed", "imprison*", "remanded", "captured alive"] },
    TriggerGroup { name: "attribution", example: "The group claimed responsibility for the attack.",
        phrases: &["claimed responsibility", "claim of responsibility", "responsibility for", "claimed the attack", "blamed", "accused", "attributed", "denied involvement", "denied responsibility", "behind the attack", "suspected of"] },
    TriggerGroup { name: "base", example: "The army set up a new base near the border.",
        phrases: &["headquarters", "base", "bases", "outpost*", "established", "set up", "camp", "camps", "stationed", "military post*", "checkpoint*", "garrison*", "position*"] },
    TriggerGroup { name: "battle", example: "Troops clashed with rebels for hours.",
        phrases: &["clash*", "fought", "fighting", "battle*", "firefight*", "gunfight*", "gun battle*", "exchange of fire", "exchanged fire", "ambush*", "skirmish*", "offensive", "counter attack*", "counterattack*", "engaged", "repelled", "repulsed", "heavy fighting", "encounter"] },
    TriggerGroup { name: "bomb", example: "A bomb exploded in the market.",
        phrases: &["bomb", "bombs", "bombing*", "explosion*", "blast*", "explod*", "explosive*", "detonat*", "bomber*"] },
    TriggerGroup { name: "change_group", example: "Hundreds of fighters defected and joined the new alliance.",
        phrases: &["join*", "defect*", "merge*", "merger", "split", "dissolv*", "disband*", "renamed", "formed", "new group", "allegiance", "curfew", "banned", "ban on", "recruit*", "relocat*", "suspend*", "announced", "launched a new", "state of emergency", "lockdown", "martial law", "mobiliz*", "mobilis*", "deployed", "deployment"] },
    TriggerGroup { name: "chemical", example: "Victims showed symptoms of chlorine gas.",
        phrases: &["chemical*", "chlorine", "sarin", "mustard gas", "toxic gas*", "nerve agent*", "gas attack*", "poison gas", "poisonous gas*", "toxic substance*", "suffocat*", "choking", "white phosphorus"] },
    TriggerGroup { name: "civilians", example: "Five civilians, including two children, died.",
        phrases: &["civilian*", "villager*", "resident*", "children", "child", "women", "woman", "worshipper*", "farmer*", "passenger*", "student*", "unarmed", "family", "families", "shepherd*", "teacher*", "journalist*", "aid worker*"] },
    TriggerGroup { name: "crime", example: "The drug cartel was blamed for the robbery.",
        phrases: &["drug*", "cartel*", "traffick*", "smuggl*", "narcotic*", "cocaine", "heroin", "marijuana", "meth*", "gang", "gangs", "gang member*", "robber*", "robbed", "burglar*", "theft", "thief", "thieves", "murder*", "homicide*", "extortion", "mafia", "money laundering", "criminal*", "crime*", "suspect*", "charged with", "carjack*", "armed robbery", "stole*", "stolen", "felon*"] },
    TriggerGroup { name: "diplomacy", example: "The foreign minister met his counterpart for talks.",
        phrases: &["visit*", "met with", "meeting", "talks", "summit", "ambassador*", "foreign minister*", "diplomat*", "bilateral", "counterpart", "discussed", "condemn*", "called on", "called for", "urged", "sanction*", "embassy", "envoy*", "minister*", "president", "prime minister", "statement", "welcomed", "expressed"] },
    TriggerGroup { name: "disrupted_weapons", example: "Sappers defused a mine and seized a weapons cache.",
        phrases: &["defus*", "weapons cache*", "arms cache*", "cache*", "seized", "seize*", "confiscat*", "recovered", "ammunition", "intercept*", "shot down", "arms", "weapons", "bomb disposal", "dismantl*", "foiled", "thwarted", "found explosives", "explosive devices were found", "neutraliz*", "neutralis*", "disarm*", "shooting down", "downed"] },
    TriggerGroup { name: "excessive_force", example: "Security forces opened fire on protesters with live ammunition.",
        phrases: &["live ammunition", "live rounds", "live fire", "opened fire on protest*", "fired on protest*", "fired at protest*", "shot protest*", "killed protest*", "protester* killed", "protester* were killed", "protester* died", "demonstrator* killed", "crackdown", "brutal*", "shot dead protest*"] },
    TriggerGroup { name: "fire_weapons", example: "Gunmen opened fire on the convoy.",
        phrases: &["shot", "shoot*", "gunfire", "opened fire", "fired", "gunshot*", "gunman", "gunmen", "rifle*", "sniper*", "bullet*", "gun", "guns", "firearm*", "machine gun*", "pistol*"] },
    TriggerGroup { name: "force_attack", example: "Attackers stormed the village and killed residents.",
        phrases: &["attack*", "stormed", "raid*", "assault*", "massacre*", "execut*", "behead*", "assassinat*", "stabbed", "stabbing*", "hacked", "knife", "machete*", "burned alive", "tortur*", "targeted", "raided", "killing", "slaughter*"] },
    TriggerGroup { name: "grenade", example: "An attacker hurled a grenade at the police station.",
        phrases: &["grenade*", "hand grenade*", "rpg", "rpgs", "rocket propelled grenade*", "lobbed", "hurled", "threw", "thrown"] },
    TriggerGroup { name: "harm", example: "Two people were killed and four injured.",
        phrases: &["killed", "kill", "kills", "dead", "death*", "died", "die", "wounded", "injur*", "hurt", "casualt*", "lost their lives", "lost his life", "fatalit*", "bodies", "body"] },
    TriggerGroup { name: "intervention", example: "Police dispersed the protesters with tear gas.",
        phrases: &["dispers*", "tear gas", "teargas", "water cannon*", "baton*", "rubber bullet*", "pellet*", "intervened", "broke up", "prevented", "blocked", "stopped the", "lathi", "cane charge*", "pepper spray", "stun grenade*", "cordon*", "detained protest*", "arrested protest*"] },
    TriggerGroup { name: "looting", example: "Attackers looted shops and burned houses.",
        phrases: &["loot*", "plunder*", "destroy*", "destruct*", "demolish*", "razed", "ransack*", "pillag*", "vandali*", "torch*", "set fire", "set on fire", "set ablaze", "burned", "burnt", "burned down", "damag*", "looted", "stole", "seized property", "confiscated land", "bulldoz*"] },
    TriggerGroup { name: "man_made_disaster", example: "The factory blaze started when a boiler exploded.",
        phrases: &["fire", "fires", "blaze*", "caught fire", "crash*", "collapse*", "derail*", "accident*", "gas leak*", "gas cylinder*", "factory", "boiler*", "capsiz*", "sank", "sinking", "stampede*", "collided", "collision", "leak*", "spill*", "short circuit", "electrocut*", "building collapse", "mine collapse", "plane crash*", "train crash*", "bus", "truck", "vehicle plunged", "inferno", "firefighter*"] },
    TriggerGroup { name: "mob", example: "An angry mob lynched the man accused of theft.",
        phrases: &["mob", "mobs", "lynch*", "vigilante*", "angry crowd*", "crowd attacked", "beat to death", "beaten to death", "mob justice", "communal", "villagers attacked", "angry residents", "set upon"] },
    TriggerGroup { name: "natural_disaster", example: "The earthquake and the floods that followed killed dozens.",
        phrases: &["earthquake*", "quake*", "flood*", "landslide*", "mudslide*", "storm*", "cyclone*", "hurricane*", "typhoon*", "tsunami*", "drought*", "magnitude", "heavy rain*", "rainfall", "downpour*", "volcan*", "eruption", "wildfire*", "bushfire*", "forest fire*", "avalanche*", "tornado*", "monsoon*", "lightning", "heat wave", "heatwave", "richter", "tremor*", "epicentre", "epicenter"] },
    TriggerGroup { name: "protest", example: "Thousands of demonstrators marched peacefully to the ministry.",
        phrases: &["protest*", "demonstrat*", "rally", "rallies", "rallied", "march", "marched", "marches", "sit in", "picket*", "placard*", "banner*", "slogan*", "chant*", "went on strike", "on strike", "general strike", "hunger strike", "strikers", "peacefully", "peaceful", "petition*", "boycott*", "walkout", "gathered", "vigil*", "shutdown", "bandh", "dharna", "agitat*"] },
    TriggerGroup { name: "remote_explosive", example: "A roadside bomb hit the patrol.",
        phrases: &["ied", "ieds", "improvised explosive*", "roadside bomb*", "landmine*", "land mine*", "mine", "mines", "explosive device*", "planted", "booby trap*", "magnetic bomb*", "sticky bomb*", "car bomb*", "vbied*", "remote control*", "remotely detonated", "parcel bomb*", "motorcycle bomb*"] },
    TriggerGroup { name: "riot", example: "Rioters pelted police with stones and burned tyres.",
        phrases: &["riot*", "pelt*", "stone pelting", "stones", "rocks", "hurled stones", "threw stones", "petrol bomb*", "molotov*", "burning tyres", "burning tires", "burned tyres", "burned tires", "torched", "vandalis*", "vandaliz*", "unrest", "violent protest*", "turned violent", "clashed with police", "clashed with security forces", "running battles", "barricade*"] },
    TriggerGroup { name: "security_forces", example: "Soldiers and police officers patrolled the area.",
        phrases: &["soldier*", "troop*", "army", "armed forces", "military", "security forces", "police*", "officer*", "forces", "regime", "government forces", "pro government", "coalition", "marines", "commandos", "paramilitar*", "gendarme*", "special forces", "national guard", "sdf", "saa", "peshmerga"] },
    TriggerGroup { name: "sexual", example: "Soldiers were accused of raping women in the village.",
        phrases: &["rape*", "raping", "sexual*", "sexually", "molest*", "gang rape*", "sex slave*", "sexual slavery", "assaulted sexually", "indecent*"] },
    TriggerGroup { name: "shelling", example: "Artillery shells and mortars hit the town.",
        phrases: &["shell", "shells", "shelled", "shelling", "artillery", "mortar*", "rocket*", "missile*", "bombard*", "howitzer*", "projectile*", "katyusha*", "grad", "barrage*", "tank fire", "tank shell*", "cannon*", "ballistic", "launcher*"] },
    TriggerGroup { name: "suicide", example: "A suicide bomber blew himself up at the checkpoint.",
        phrases: &["suicide*", "blew himself up", "blew herself up", "blew themselves up", "explosive vest*", "explosive belt*", "suicide vest*", "suicide belt*", "self detonat*", "martyrdom", "detonated his", "detonated her", "svbied*"] },
    TriggerGroup { name: "territory_gain", example: "Government troops recaptured the town from the rebels.",
        phrases: &["recaptur*", "retook", "retake*", "retaken", "regain*", "liberat*", "took back", "taken back", "reclaim*", "recover* control", "regained control", "cleared", "captur*", "seized control", "overran", "overrun", "took control", "taken control", "fell to", "fallen to", "control of", "advanc*", "expelled", "drove out", "driven out", "pushed back"] },
    TriggerGroup { name: "territory_transfer", example: "The militia withdrew and handed over the district without a fight.",
        phrases: &["handed over", "hand over", "handover", "withdr*", "pulled out", "pull out", "retreat*", "evacuat*", "without a fight", "without resistance", "without fighting", "transferred", "took over", "taken over", "vacated", "abandon*", "surrender*"] },
];

/// A trigger group's parsed phrases: each a list of (word, is_prefix).
pub(crate) type Phrase = Vec<(&'static str, bool)>;

/// The phrases of every group, parsed once.
pub(crate) fn parsed() -> Vec<Vec<Phrase>> {
    TRIGGER_GROUPS
        .iter()
        .map(|g| {
            g.phrases
                .iter()
                .map(|p| {
                    p.split(' ')
                        .map(|w| match w.strip_suffix('*') {
                            Some(stem) => (stem, true),
                            None => (w, false),
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Whether `phrase` matches the words starting at `at`.
pub(crate) fn matches_at(phrase: &[(&str, bool)], words: &[&str], at: usize) -> bool {
    phrase.len() <= words.len().saturating_sub(at)
        && phrase.iter().zip(&words[at..]).all(
            |(&(p, prefix), w)| {
                if prefix {
                    w.starts_with(p)
                } else {
                    *w == p
                }
            },
        )
}
