//! Table-driven tests of the shapes news uses to report casualties.

use sitrep_numbers::{
    document_toll, extract_casualties, Casualty, Group, Outcome, Qualifier, Scope,
};

/// (sentence, outcome, count value, low, qualifier, group)
type Row = (
    &'static str,
    Outcome,
    Option<u64>,
    Option<u64>,
    Qualifier,
    Group,
);

fn first(text: &str, outcome: Outcome) -> Casualty {
    let facts = extract_casualties(text, &[], &[]);
    facts
        .iter()
        .find(|f| f.outcome == outcome)
        .cloned()
        .unwrap_or_else(|| panic!("no {outcome:?} fact in {text:?}: {facts:#?}"))
}

#[test]
fn shapes() {
    use Group as G;
    use Outcome as O;
    use Qualifier as Q;
    #[rustfmt::skip]
    let rows: &[Row] = &[
        // The shapes of the issue.
        ("A joint operation resulted in the deaths of at least seven ISIS operatives.", O::Killed, Some(7), Some(7), Q::AtLeast, G::Militants),
        ("Officials said nine ISIS militants were killed in the raid.", O::Killed, Some(9), Some(9), Q::None, G::Militants),
        ("Two U.S. service members were injured during the operation.", O::Injured, Some(2), Some(2), Q::None, G::Military),
        ("Five US soldiers were wounded and two others were hurt in falls.", O::Injured, Some(5), Some(5), Q::None, G::Military),
        ("The raid resulted in seven injuries to US troops.", O::Injured, Some(7), Some(7), Q::None, G::Military),
        ("The blast hit the market, killing 15.", O::Killed, Some(15), Some(15), Q::None, G::Unknown),
        ("The raid led to the death of 15 ISIS operatives.", O::Killed, Some(15), Some(15), Q::None, G::Militants),
        ("Seven high-ranking ISIS members eliminated in a joint operation.", O::Killed, Some(7), Some(7), Q::None, G::Militants),
        ("There was no indication of civilian casualties.", O::Killed, Some(0), Some(0), Q::None, G::Civilians),
        ("Several ISIS operatives were killed in the attack.", O::Killed, None, Some(3), Q::Vague, G::Militants),
        ("A raid killed multiple ISIS operatives.", O::Killed, None, Some(2), Q::Vague, G::Militants),
        ("Dozens of civilians were wounded.", O::Injured, Some(12), Some(12), Q::Vague, G::Civilians),
        ("Between 20 and 30 people were killed.", O::Killed, None, Some(20), Q::None, G::Unknown),
        // General news shapes (GVDB-like).
        ("A man was shot and killed Tuesday night in West Philadelphia.", O::Killed, Some(1), Some(1), Q::None, G::Unknown),
        ("A 25-year-old man was shot in the leg early Sunday.", O::Hit, Some(1), Some(1), Q::None, G::Unknown),
        ("Two people were shot, one fatally, outside a bar.", O::Killed, Some(1), Some(1), Q::None, G::Unknown),
        ("The shooting left one man dead and two others wounded.", O::Killed, Some(1), Some(1), Q::None, G::Unknown),
        ("Police say a gunman killed his wife and two children.", O::Killed, Some(3), Some(3), Q::None, G::Civilians),
        ("The victim was taken to a hospital in critical condition.", O::Hit, Some(1), Some(1), Q::None, G::Unknown),
        ("No one was injured, police said.", O::Injured, Some(0), Some(0), Q::None, G::Unknown),
        ("The officers were not hurt.", O::Injured, Some(0), Some(0), Q::None, G::Police),
        ("Larry Henderson, 30, was found shot on Huron Street.", O::Hit, Some(1), Some(1), Q::None, G::Unknown),
        ("Three people were arrested after the shooting.", O::Arrested, Some(3), Some(3), Q::None, G::Unknown),
        ("Two journalists were kidnapped near the border.", O::Kidnapped, Some(2), Some(2), Q::None, G::Civilians),
        ("As many as 30 people remain missing.", O::Missing, Some(30), None, Q::UpTo, G::Unknown),
        ("Gunmen abducted more than 40 students from the school.", O::Kidnapped, Some(40), Some(40), Q::MoreThan, G::Civilians),
        ("The attack killed about 20 soldiers, the army said.", O::Killed, Some(20), None, Q::Approximately, G::Military),
    ];
    for &(text, outcome, value, low, qualifier, group) in rows {
        let f = first(text, outcome);
        assert_eq!(
            (f.count.value, f.count.low, f.count.qualifier),
            (value, low, qualifier),
            "count of {text:?}: {f:#?}"
        );
        assert_eq!(f.group, group, "group of {text:?}: {f:#?}");
        assert_eq!(&text[f.span.range()], &text[f.span.start..f.span.end]);
    }
}

#[test]
fn not_casualties() {
    for text in [
        "About 2,500 U.S. troops remain in Iraq and 900 in Syria.",
        "The group claimed responsibility for about 175 rocket and drone attacks.",
        "In comparison to 121 strikes in all of 2023, ISIS claimed 153 attacks.",
        "A coalition of more than 80 countries was formed to fight the group.",
        "The bullet came within inches of possibly killing the trooper.",
        "He started yelling at us to go ahead and kill him.",
        "The suspect fired one shot at the officers.",
        "Someone shot at an unmarked police vehicle.",
        "Investigators found six gunshot wounds.",
    ] {
        let facts = extract_casualties(text, &[], &[]);
        let counted: Vec<_> = facts
            .iter()
            .filter(|f| {
                matches!(f.outcome, Outcome::Killed | Outcome::Injured | Outcome::Hit)
                    && f.count.point().is_some_and(|p| p > 0)
            })
            .collect();
        assert!(counted.is_empty(), "{text:?} -> {counted:#?}");
    }
}

#[test]
fn claimants() {
    let rows = [
        ("According to CENTCOM, two U.S. service members were injured.", "CENTCOM"),
        ("In a separate statement, Iraq's Joint Operations Command said nine militants were killed.", "Iraq's Joint Operations Command"),
        ("At least 15 ISIS terrorists have been killed in a joint attack, US officials have said.", "US officials"),
        ("Five US troops were wounded, a defense official revealed.", "a defense official"),
        ("A man was killed, police said.", "police"),
        ("Two people died, said Lt. Rita Zelinsky.", "Lt. Rita Zelinsky"),
        ("The raid caused the deaths of seven militants, according to a statement by U.S. Central Command on Wednesday.", "U.S. Central Command"),
    ];
    for (text, by) in rows {
        let facts = extract_casualties(text, &[], &[]);
        assert!(!facts.is_empty(), "{text:?}");
        assert_eq!(
            facts[0].claimed_by.as_deref(),
            Some(by),
            "{text:?}: {facts:#?}"
        );
    }
    // No attribution: none invented.
    let facts = extract_casualties("The riders did not say how they were injured.", &[], &[]);
    assert!(facts.iter().all(|f| f.claimed_by.is_none()), "{facts:#?}");
}

#[test]
fn scopes() {
    let text =
        "The joint operation, conducted on October 22, killed at least seven ISIS operatives. \
                On October 14, Iraqi airstrikes resulted in the deaths of four ISIS members. \
                So far this year, 120 people have been killed in the province.";
    let facts = extract_casualties(text, &[], &[]);
    let scope_of = |n: u64| {
        facts
            .iter()
            .find(|f| f.count.value == Some(n))
            .map(|f| f.scope)
    };
    assert_eq!(scope_of(7), Some(Scope::Event), "{facts:#?}");
    assert_eq!(scope_of(4), Some(Scope::OtherEvent), "{facts:#?}");
    assert_eq!(scope_of(120), Some(Scope::Background), "{facts:#?}");
    let toll = document_toll("d", &facts);
    assert_eq!(toll.killed.and_then(|f| f.best), Some(7));
}

#[test]
fn tolls() {
    // (text, killed best, injured best); None = not reported.
    let rows: &[(&str, Option<u64>, Option<u64>)] = &[
        ("Two people were shot Tuesday, one fatally.", Some(1), Some(1)),
        ("A man was shot Tuesday night. He died at the hospital.", Some(1), None),
        ("A man was shot Tuesday night. He is in stable condition.", None, Some(1)),
        ("Five US soldiers were wounded and two others were hurt in falls.", None, Some(7)),
        ("Police said no one was hurt in the shooting.", None, Some(0)),
        ("The shooting left two people dead and three others wounded. One of the wounded is a child.", Some(2), Some(3)),
        ("Police are investigating a fatal shooting on the east side.", Some(1), None),
        ("Iraq's Joint Operations Command said nine militants were killed. CENTCOM said at least seven militants were killed.", Some(9), None),
    ];
    for &(text, k, i) in rows {
        let toll = document_toll("d", &extract_casualties(text, &[], &[]));
        let est = |f: &Option<sitrep_numbers::Figure>| {
            f.as_ref().and_then(sitrep_numbers::Figure::estimate)
        };
        assert_eq!(
            (est(&toll.killed), est(&toll.injured)),
            (k, i),
            "{text:?}: {toll:#?}"
        );
    }
}
