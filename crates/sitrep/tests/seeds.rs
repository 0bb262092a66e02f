//! The five seed articles through the whole pipeline (NER entities feeding
//! attribution), read as a careful reader would state them.

use std::path::PathBuf;

use sitrep::{CasualtyRecord, DocumentRecord, FigureRecord, Outcome, Pipeline, Qualifier, Scope};
use sitrep_text::{read_inputs, InputOptions, InputSource};

fn report() -> Vec<DocumentRecord> {
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let items = read_inputs(&[InputSource::Path(corpus)], &InputOptions::default()).unwrap();
    let pipeline = Pipeline::builder()
        .threads(2)
        .build()
        .expect("default model loads");
    pipeline.analyze(&items).documents
}

/// (value, low, qualifier, claimed_by) of each claim.
type ClaimView<'a> = (Option<u64>, Option<u64>, Option<Qualifier>, Option<&'a str>);

fn claims(f: &Option<FigureRecord>) -> Vec<ClaimView<'_>> {
    f.iter()
        .flat_map(|f| &f.claims)
        .map(|c| (c.value, c.low, c.qualifier, c.claimed_by.as_deref()))
        .collect()
}

fn has_claim(f: &Option<FigureRecord>, value: u64, qualifier: Option<Qualifier>, by: &str) -> bool {
    claims(f).iter().any(|&(v, _, q, b)| {
        v == Some(value)
            && (qualifier.is_none() || q == qualifier)
            && b.is_some_and(|b| b.contains(by))
    })
}

fn best(f: &Option<FigureRecord>) -> Option<u64> {
    f.as_ref().and_then(|f| f.best)
}

#[test]
fn seeds_read_as_a_careful_reader_would() {
    let docs = report();
    assert_eq!(docs.len(), 5);
    let [d0, d1, d2, d3, d4] = [&docs[0], &docs[1], &docs[2], &docs[3], &docs[4]];

    // 000: 9 per Iraq's Joint Operations Command, at least 7 per CENTCOM; 2 US injured.
    assert!(
        has_claim(&d0.toll.killed, 9, None, "Joint Operations Command"),
        "{:?}",
        claims(&d0.toll.killed)
    );
    assert!(
        has_claim(&d0.toll.killed, 7, Some(Qualifier::AtLeast), "CENTCOM"),
        "{:?}",
        claims(&d0.toll.killed)
    );
    assert!(d0.toll.killed.as_ref().unwrap().conflict);
    assert_eq!(best(&d0.toll.injured), Some(2));

    // 001: 9 per the Iraqi Joint Operations Command; "multiple" per the Pentagon; 2 injured.
    assert!(
        has_claim(&d1.toll.killed, 9, None, "Joint Operations Command"),
        "{:?}",
        claims(&d1.toll.killed)
    );
    let vague_pentagon = claims(&d1.toll.killed).iter().any(|&(v, low, _, by)| {
        v.is_none()
            && low.is_some()
            && by.is_some_and(|b| b.contains("Pentagon") || b.contains("Ryder"))
    });
    assert!(vague_pentagon, "{:?}", claims(&d1.toll.killed));
    assert_eq!(best(&d1.toll.killed), Some(9));
    assert_eq!(best(&d1.toll.injured), Some(2));

    // 002: at least 7 killed, 2 injured, the October 14 strike's 4 dead are another event.
    assert_eq!(best(&d2.toll.killed), Some(7));
    assert!(claims(&d2.toll.killed)
        .iter()
        .any(|&(v, _, q, _)| v == Some(7) && q == Some(Qualifier::AtLeast)));
    assert_eq!(best(&d2.toll.injured), Some(2));
    let other: Vec<&CasualtyRecord> = d2
        .casualties
        .iter()
        .filter(|c| c.scope == Scope::OtherEvent)
        .collect();
    assert!(
        other
            .iter()
            .any(|c| c.outcome == Outcome::Killed && c.count.value == Some(4)),
        "{other:?}"
    );

    // 003: at least 15 killed, 7 US troops injured. 004: 15 killed, 7 injured.
    assert_eq!(best(&d3.toll.killed), Some(15));
    assert!(claims(&d3.toll.killed)
        .iter()
        .any(|&(v, _, q, _)| v == Some(15) && q == Some(Qualifier::AtLeast)));
    assert_eq!(best(&d3.toll.injured), Some(7));
    assert_eq!(best(&d4.toll.killed), Some(15));
    assert_eq!(best(&d4.toll.injured), Some(7));

    // Background figures never count as the incident's casualties.
    let background = [2500u64, 900, 40_000, 1500, 3000, 175, 121, 153, 80];
    for d in &docs {
        for c in d.casualties.iter().filter(|c| c.scope == Scope::Event) {
            let v = c.count.value.or(c.count.low).unwrap_or(0);
            assert!(
                !background.contains(&v),
                "{}: {v} counted as an event casualty: {c:?}",
                d.id
            );
        }
    }
}
