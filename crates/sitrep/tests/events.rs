//! The seed corpus grouped into events: two look-alike US–Iraqi raids that
//! share whole paragraphs of background must come out as exactly two
//! events, each with its reports' figures reconciled.

use std::path::PathBuf;

use sitrep::{EventRecord, FigureRecord, Pipeline, Report};
use sitrep_text::{read_inputs, InputOptions, InputSource};

fn report() -> Report {
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let items = read_inputs(&[InputSource::Path(corpus)], &InputOptions::default()).unwrap();
    let pipeline = Pipeline::builder()
        .threads(2)
        .build()
        .expect("default models load (run scripts/setup.sh)");
    pipeline.analyze(&items)
}

fn prefixes(e: &EventRecord) -> Vec<String> {
    e.documents.iter().map(|d| d[..3].to_string()).collect()
}

fn claimed(f: &FigureRecord, value: u64, by: &str) -> bool {
    f.claims
        .iter()
        .any(|c| c.value == Some(value) && c.claimed_by.as_deref().is_some_and(|b| b.contains(by)))
}

#[test]
fn seeds_make_exactly_two_events() {
    let r = report();
    let dump = serde_json::to_string_pretty(&r.events).unwrap();
    assert_eq!(r.events.len(), 2, "{dump}");
    let (a, b) = (&r.events[0], &r.events[1]);
    assert_eq!(prefixes(a), ["000", "001", "002"], "{dump}");
    assert_eq!(prefixes(b), ["003", "004"], "{dump}");

    // Hamrin raid: 7 (CENTCOM, at least) vs 9 (Iraq's Joint Operations Command).
    let k = a.toll.killed.as_ref().expect("killed");
    assert_eq!(
        (k.low, k.high, k.conservative),
        (Some(7), Some(9), Some(7)),
        "{dump}"
    );
    assert!(k.conflict, "{dump}");
    assert!(
        claimed(k, 7, "CENTCOM") || claimed(k, 7, "Central Command"),
        "{dump}"
    );
    assert!(claimed(k, 9, "Joint Operations Command"), "{dump}");
    assert!(
        k.claims
            .iter()
            .any(|c| c.value == Some(7) && c.qualifier == Some(sitrep::Qualifier::AtLeast)),
        "{dump}"
    );
    let i = a.toll.injured.as_ref().expect("injured");
    assert_eq!(i.best, Some(2), "{dump}");
    assert_eq!(
        a.places.first().map(String::as_str),
        Some("Hamrin Mountains"),
        "{dump}"
    );
    assert_eq!(a.country.as_deref(), Some("Iraq"), "{dump}");
    // No publication dates in the seeds: "October 22" without a year.
    assert_eq!(a.date.as_deref(), Some("XXXX-10-22"), "{dump}");
    assert_eq!(a.date_precision, Some(sitrep::DatePrecision::Day), "{dump}");
    assert!(
        a.notes
            .iter()
            .any(|n| n.starts_with("killed: sources disagree")),
        "{dump}"
    );
    assert_eq!(a.number_of_sources, 3);

    // Anbar raid: 15 killed, 7 US troops injured (5 + 2 in falls).
    let k = b.toll.killed.as_ref().expect("killed");
    assert_eq!((k.best, k.low), (Some(15), Some(15)), "{dump}");
    let i = b.toll.injured.as_ref().expect("injured");
    assert_eq!(i.best, Some(7), "{dump}");
    assert!(
        b.places.iter().take(2).any(|p| p == "Anbar Desert")
            && b.places.iter().any(|p| p == "western Iraq"),
        "{dump}"
    );

    // Every claim points at its sentence in its document.
    for e in &r.events {
        for f in [&e.toll.killed, &e.toll.injured].into_iter().flatten() {
            for c in &f.claims {
                let d = r.documents.iter().find(|d| d.id == c.document).unwrap();
                assert!(e.documents.contains(&d.id));
                assert!(c.start < c.end, "{c:?}");
                assert_eq!(d.event.as_deref(), Some(e.id.as_str()));
            }
        }
    }
}

#[test]
fn seeds_resolve_name_variants() {
    let r = report();
    let canon = |form: &str| -> Vec<String> {
        let mut v: Vec<String> = r
            .documents
            .iter()
            .flat_map(|d| &d.entities)
            // As written, or after a title ("Gen. Patrick Ryder").
            .filter(|e| e.text == form || e.text.ends_with(&format!(" {form}")))
            .filter_map(|e| e.canonical.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let all = |forms: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = forms.iter().flat_map(|f| canon(f)).collect();
        v.sort();
        v.dedup();
        v
    };
    // Forms the NER finds in the seeds; each must map to one canonical name.
    let groups: &[&[&str]] = &[
        &["CENTCOM", "U.S. Central Command", "US Central Command"],
        &["Patrick Ryder", "Pat Ryder", "Ryder"],
        &[
            "Eric Kurilla",
            "Erik Kurilla",
            "Michael Erik Kurilla",
            "Kurilla",
        ],
        &[
            "Jassim Al-Mazrouei",
            "Jassim al-Mazrouei Abu Abdul Qader",
            "Jassim al-Mazrouei Abu Abdel Qader",
        ],
        &["ISIS", "Islamic State", "Islamic State group"],
    ];
    for g in groups {
        let found: Vec<&str> = g.iter().copied().filter(|f| !canon(f).is_empty()).collect();
        assert!(
            found.len() >= 2,
            "fewer than two variants of {g:?} found by NER: {found:?}"
        );
        assert_eq!(all(g).len(), 1, "{g:?} → {:?}", all(g));
    }
}

#[test]
fn seeds_events_are_coded_who_did_what_to_whom() {
    use sitrep::{ActorType, EventType};
    let r = report();
    let dump = serde_json::to_string_pretty(&r.events).unwrap();
    assert_eq!(r.events.len(), 2, "{dump}");
    let forces = |name: &str| {
        let n = name.to_lowercase();
        (n.contains("iraq") || n.contains("u.s.") || n.contains("us ") || n.contains("american"))
            && !n.contains("islamic")
    };
    let isis = |name: &str| {
        let n = name.to_lowercase();
        n.contains("islamic state") || n.contains("isis") || n.contains("isil")
    };
    for e in &r.events {
        // Iraqi and/or US forces acted; ISIS was acted upon.
        let side1: Vec<&str> = e
            .sides
            .actor1
            .iter()
            .chain(&e.sides.assoc_actor_1)
            .map(String::as_str)
            .collect();
        assert!(
            side1.iter().any(|a| forces(a)),
            "actor1 side of {}: {dump}",
            e.id
        );
        assert!(
            e.sides.actor2.as_deref().is_some_and(isis),
            "actor2 of {}: {dump}",
            e.id
        );
        assert_eq!(
            e.sides.inter2,
            Some(ActorType::RebelGroup.inter_code()),
            "{dump}"
        );
        assert!(!e.sides.civilian_targeting, "{dump}");
        // The spokesman who gives the figure is no side.
        let sides = side1
            .iter()
            .copied()
            .chain(e.sides.actor2.as_deref())
            .chain(e.sides.assoc_actor_2.iter().map(String::as_str));
        for a in sides {
            assert!(!a.contains("Ryder"), "{a} is the spokesman: {dump}");
        }
        // A raid: a battle or remote violence, with the deciding sentence.
        assert!(
            matches!(
                e.coding.event_type,
                Some(EventType::Battles | EventType::ExplosionsRemoteViolence)
            ),
            "{}: {dump}",
            e.id
        );
        let ev = e.coding.evidence.as_ref().expect("evidence");
        assert!(
            e.documents.contains(&ev.document) && ev.start < ev.end,
            "{dump}"
        );
    }
    // Where: the Hamrin range (its governorates) and Al Anbar, never the
    // hospital in Germany the wounded were flown to.
    let (a, b) = (&r.events[0], &r.events[1]);
    let la = a.location.as_ref().expect("event A located");
    assert_eq!(la.iso3.as_deref(), Some("IRQ"), "{la:?}");
    assert!(
        ["Diyala", "Salah ad Din", "Kirkuk"].contains(&la.admin1.as_deref().unwrap_or("")),
        "{la:?}"
    );
    assert!(matches!(la.geo_precision, 2 | 3), "{la:?}");
    let lb = b.location.as_ref().expect("event B located");
    assert_eq!(lb.admin1.as_deref(), Some("Al Anbar"), "{lb:?}");
    assert_eq!(lb.iso3.as_deref(), Some("IRQ"), "{lb:?}");
    for l in [la, lb] {
        assert!(!l.name.contains("Landstuhl") && l.name != "Wali", "{l:?}");
    }
    // The places listed are where it happened: not the hospital abroad,
    // nor other countries named in the background.
    assert!(
        a.places.iter().all(|p| !p.contains("Landstuhl")),
        "{:?}",
        a.places
    );
    assert!(
        b.places
            .iter()
            .all(|p| p != "United States" && p != "Syria"),
        "{:?}",
        b.places
    );
    assert_eq!(
        a.places.first().map(String::as_str),
        Some("Hamrin Mountains")
    );
    // Every party points at its name in its document.
    for d in &r.documents {
        for p in &d.parties {
            assert!(p.start < p.end, "{p:?}");
        }
        for c in &d.casualties {
            if let Some(k) = c.party {
                assert!(k < d.parties.len(), "{c:?}");
            }
        }
    }
}
