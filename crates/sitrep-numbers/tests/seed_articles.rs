//! The five seed articles of `corpus/`, read as a careful reader would.
//! No NER entities are used: claimants come from textual cues.

use sitrep_numbers::{
    document_toll, extract_casualties, find_numbers, Casualty, Figure, Outcome, Qualifier, Scope,
    Toll,
};

struct Article {
    text: String,
    facts: Vec<Casualty>,
    toll: Toll,
}

fn article(prefix: &str) -> Option<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: no corpus folder at {dir}");
        return None;
    };
    let path = entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })?;
    let text = std::fs::read_to_string(&path).ok()?;
    let sentences = sitrep_text::split_sentences(&text);
    let facts = extract_casualties(&text, &sentences, &[]);
    let toll = document_toll(prefix, &facts);
    Some(Article { text, facts, toll })
}

fn best(f: &Option<Figure>) -> Option<u64> {
    f.as_ref().and_then(|f| f.best)
}

/// Whether some claim of `fig` states `value` (as value or lower bound) and
/// is claimed by someone whose name contains `by`.
fn has_claim(fig: &Option<Figure>, value: u64, qualifier: Option<Qualifier>, by: &str) -> bool {
    fig.as_ref().is_some_and(|f| {
        f.claims.iter().any(|c| {
            c.point() == Some(value)
                && qualifier.is_none_or(|q| c.qualifier == q)
                && c.claimed_by.as_deref().is_some_and(|b| b.contains(by))
        })
    })
}

/// Numbers that are context, never this incident's casualties.
fn assert_background(a: &Article, figures: &[&str]) {
    for fig in figures {
        let Some(pos) = a.text.find(fig) else {
            panic!("{fig:?} not in the article")
        };
        let n = find_numbers(&a.text)
            .into_iter()
            .find(|n| n.span.start <= pos && pos < n.span.end)
            .unwrap_or_else(|| panic!("{fig:?} not found as a number"));
        for f in &a.facts {
            if f.span.start <= n.span.start && n.span.end <= f.span.end {
                assert_ne!(
                    f.scope,
                    Scope::Event,
                    "{fig:?} counted as this incident's casualties: {f:#?}"
                );
            }
        }
    }
}

#[test]
fn seed_000() {
    let Some(a) = article("000") else { return };
    assert_eq!(best(&a.toll.killed), Some(9), "{:#?}", a.toll);
    assert!(
        has_claim(&a.toll.killed, 9, None, "Joint Operations Command"),
        "{:#?}",
        a.toll.killed
    );
    assert!(
        has_claim(&a.toll.killed, 7, Some(Qualifier::AtLeast), "CENTCOM"),
        "{:#?}",
        a.toll.killed
    );
    let k = a
        .toll
        .killed
        .as_ref()
        .map(|f| (f.low, f.conservative, f.conflict));
    assert_eq!(k, Some((Some(7), Some(7), true)));
    assert_eq!(best(&a.toll.injured), Some(2));
    assert!(
        has_claim(&a.toll.injured, 2, None, "CENTCOM"),
        "{:#?}",
        a.toll.injured
    );
}

#[test]
fn seed_001() {
    let Some(a) = article("001") else { return };
    assert_eq!(best(&a.toll.killed), Some(9), "{:#?}", a.toll);
    assert!(
        has_claim(&a.toll.killed, 9, None, "Joint Operations Command"),
        "{:#?}",
        a.toll.killed
    );
    // "multiple ISIS operatives", per a Pentagon spokesman: a claim with a lower bound only.
    assert!(
        a.toll
            .killed
            .as_ref()
            .is_some_and(|f| f.claims.iter().any(|c| c.qualifier == Qualifier::Vague
                && c.value.is_none()
                && c.claimed_by
                    .as_deref()
                    .is_some_and(|b| b.contains("Pentagon")))),
        "{:#?}",
        a.toll.killed
    );
    assert_eq!(best(&a.toll.injured), Some(2));
    assert_background(&a, &["40,000"]);
}

#[test]
fn seed_002() {
    let Some(a) = article("002") else { return };
    assert_eq!(best(&a.toll.killed), Some(7), "{:#?}", a.toll);
    assert!(a.toll.killed.as_ref().is_some_and(|f| f
        .claims
        .iter()
        .any(|c| c.qualifier == Qualifier::AtLeast && c.point() == Some(7))));
    assert_eq!(best(&a.toll.injured), Some(2));
    let strike = a
        .facts
        .iter()
        .find(|f| f.outcome == Outcome::Killed && f.count.value == Some(4))
        .expect("the October 14 strike's 4 dead");
    assert_eq!(strike.scope, Scope::OtherEvent);
    assert_background(&a, &["1,500 to 3,000", "2,500", "900"]);
}

#[test]
fn seed_003() {
    let Some(a) = article("003") else { return };
    assert_eq!(best(&a.toll.killed), Some(15), "{:#?}", a.toll);
    assert!(
        has_claim(&a.toll.killed, 15, Some(Qualifier::AtLeast), "US officials"),
        "{:#?}",
        a.toll.killed
    );
    assert_eq!(best(&a.toll.injured), Some(7), "{:#?}", a.toll.injured);
    // "Five US soldiers were wounded and two others were hurt in falls, a US military official revealed."
    assert!(
        has_claim(&a.toll.injured, 7, None, "official"),
        "{:#?}",
        a.toll.injured
    );
    // The former leader "killed in 2023" is another incident.
    assert!(a
        .facts
        .iter()
        .filter(|f| f.victims.contains("Qurashi"))
        .all(|f| f.scope == Scope::OtherEvent));
    assert_background(&a, &["2,500", "121", "153", "more than 80"]);
}

#[test]
fn seed_004() {
    let Some(a) = article("004") else { return };
    assert_eq!(best(&a.toll.killed), Some(15), "{:#?}", a.toll);
    assert!(
        has_claim(&a.toll.killed, 15, None, "CENTCOM"),
        "{:#?}",
        a.toll.killed
    );
    assert_eq!(best(&a.toll.injured), Some(7), "{:#?}", a.toll.injured);
    assert!(
        has_claim(&a.toll.injured, 7, None, "defense official"),
        "{:#?}",
        a.toll.injured
    );
    // "no indication of civilian casualties": a reported zero for civilians.
    assert!(a
        .facts
        .iter()
        .any(|f| f.count.value == Some(0) && f.group == sitrep_numbers::Group::Civilians));
    assert_background(&a, &["2,500", "900", "175"]);
}
