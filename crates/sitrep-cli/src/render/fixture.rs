//! An invented report for the renderers' tests: two events (one with
//! conflicting figures from two outlets), a document in no event, a skipped
//! input; non-ASCII text before every span (so byte and code-point offsets
//! differ) and markup characters that must be escaped.

use sitrep::{
    ClaimRecord, DisorderType, DocumentRecord, EntityRecord, EventRecord, EventType,
    EvidenceRecord, FigureRecord, LocationRecord, Report, SidesRecord, Status, SubEventType,
    TollRecord, TypeRecord,
};

use super::Texts;

/// Text of `wire-a`: an emoji, a non-breaking hyphen, curly quotes, and markup.
pub const TEXT_A: &str = "🚨 Zürich‑Nord — Gunmen attacked a checkpoint in Zürich‑Nord on Monday. \
Police said at least 12 people were killed. Witness Ana Müller said the attackers wore Freedonian uniforms.\n\n\
The Red Cross said 15 people died and 4 were injured. A leaflet read “<script>alert(1)</script> & leave”.";

/// Text of `wire-b`.
pub const TEXT_B: &str =
    "Hospital officials in Zürich‑Nord said 14 people were killed in Monday’s checkpoint attack.";

/// Text of `wire-c` (an event without casualties).
pub const TEXT_C: &str = "A market fire in Eastbrook drew crowds; nobody was hurt.";

/// Text of `wire-d` (in no event).
pub const TEXT_D: &str =
    "In a separate incident, two soldiers were wounded near Westport, the army said.";

/// Code-point span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in fixture text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn entity(text: &str, needle: &str, nth: usize, label: &str) -> EntityRecord {
    let (start, end) = span(text, needle, nth);
    EntityRecord {
        text: needle.to_owned(),
        label: label.to_owned(),
        start,
        end,
        score: 0.99,
        canonical: None,
        geo: None,
    }
}

/// A qualifier by its serialised name (`at_least`).
pub(super) fn qualifier(name: &str) -> sitrep::Qualifier {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or_else(|e| panic!("no qualifier {name:?}: {e}"))
}

fn claim(
    doc: &str,
    text: &str,
    needle: &str,
    value: u64,
    qualifier: Option<&str>,
    by: Option<&str>,
) -> ClaimRecord {
    let (start, end) = span(text, needle, 0);
    let open = qualifier == Some("at_least");
    ClaimRecord {
        value: Some(value),
        low: Some(value),
        high: if open { None } else { Some(value) },
        qualifier: qualifier.map(self::qualifier),
        claimed_by: by.map(str::to_owned),
        document: doc.to_owned(),
        start,
        end,
    }
}

fn figure(best: u64, low: u64, high: u64, claims: Vec<ClaimRecord>) -> FigureRecord {
    FigureRecord {
        best: Some(best),
        low: Some(low),
        high: Some(high),
        conservative: Some(low),
        conflict: low != high,
        claims,
    }
}

fn document(id: &str, title: Option<&str>, event: Option<&str>) -> DocumentRecord {
    DocumentRecord {
        id: id.to_owned(),
        title: title.map(str::to_owned),
        date: Some("2031-05-12".to_owned()),
        source: None,
        url: None,
        author: None,
        language: None,
        status: Status::Ok,
        reason: None,
        warnings: Vec::new(),
        entities: Vec::new(),
        numbers: Vec::new(),
        casualties: Vec::new(),
        toll: TollRecord::default(),
        coding: TypeRecord::default(),
        parties: Vec::new(),
        event: event.map(str::to_owned),
        text: None,
    }
}

fn claims_a() -> (ClaimRecord, ClaimRecord, ClaimRecord) {
    (
        claim(
            "wire-a",
            TEXT_A,
            "at least 12 people were killed",
            12,
            Some("at_least"),
            Some("Police"),
        ),
        claim(
            "wire-a",
            TEXT_A,
            "15 people died",
            15,
            None,
            Some("The Red Cross"),
        ),
        claim(
            "wire-a",
            TEXT_A,
            "4 were injured",
            4,
            None,
            Some("The Red Cross"),
        ),
    )
}

/// The report.
pub fn report() -> Report {
    let (a12, a15, a4) = claims_a();
    let b14 = claim(
        "wire-b",
        TEXT_B,
        "14 people were killed",
        14,
        None,
        Some("Hospital officials"),
    );
    let d2 = claim(
        "wire-d",
        TEXT_D,
        "two soldiers were wounded",
        2,
        None,
        Some("the army"),
    );

    let mut a = document(
        "wire-a",
        Some("Checkpoint attack in Zürich‑Nord <b>kills</b> 15 & injures 4"),
        Some("E1"),
    );
    a.source = Some("Agence Exemple".to_owned());
    a.url = Some("https://news.example/a?x=1&y=2".to_owned());
    a.entities = vec![
        entity(TEXT_A, "Zürich‑Nord", 0, "LOC"),
        entity(TEXT_A, "Zürich‑Nord", 1, "LOC"),
        entity(TEXT_A, "Ana Müller", 0, "PER"),
        entity(TEXT_A, "Freedonian", 0, "MISC"),
        entity(TEXT_A, "Red Cross", 0, "ORG"),
    ];
    a.toll = TollRecord {
        killed: Some(figure(15, 12, 15, vec![a12.clone(), a15.clone()])),
        injured: Some(figure(4, 4, 4, vec![a4.clone()])),
    };

    let mut b = document("wire-b", None, Some("E1"));
    b.source = Some("Daily Placeholder".to_owned());
    b.entities = vec![entity(TEXT_B, "Zürich‑Nord", 0, "LOC")];
    b.toll = TollRecord {
        killed: Some(figure(14, 14, 14, vec![b14.clone()])),
        injured: None,
    };

    let mut c = document("wire-c", Some("Market fire"), Some("E2"));
    c.entities = vec![entity(TEXT_C, "Eastbrook", 0, "LOC")];

    let mut d = document("wire-d", Some("Soldiers wounded near Westport"), None);
    d.entities = vec![entity(TEXT_D, "Westport", 0, "LOC")];
    d.toll = TollRecord {
        killed: None,
        injured: Some(figure(2, 2, 2, vec![d2])),
    };

    let mut skipped = document("empty", None, None);
    skipped.status = Status::Skipped;
    skipped.reason = Some("empty file".to_owned());
    skipped.date = None;

    let e1 = EventRecord {
        id: "E1".to_owned(),
        documents: vec!["wire-a".to_owned(), "wire-b".to_owned()],
        date: Some("2031-05-12".to_owned()),
        date_precision: Some(sitrep::DatePrecision::Day),
        time_precision: Some(1),
        country: Some("Freedonia".to_owned()),
        places: vec!["Zürich‑Nord".to_owned(), "Freedonia".to_owned()],
        location: Some(LocationRecord {
            name: "Zürich‑Nord".to_owned(),
            latitude: 47.42,
            longitude: 8.55,
            admin1: Some("Nordkanton".to_owned()),
            admin2: None,
            country: Some("Freedonia".to_owned()),
            iso3: Some("FRD".to_owned()),
            geo_precision: 1,
            geonames_id: None,
        }),
        actors: vec!["Police".to_owned(), "Red Cross".to_owned()],
        coding: TypeRecord {
            disorder_type: Some(DisorderType::PoliticalViolence),
            event_type: Some(EventType::Battles),
            sub_event_type: Some(SubEventType::ArmedClash),
            category: None,
            type_score: Some(0.87),
            evidence: Some(EvidenceRecord {
                document: "wire-a".to_owned(),
                start: 0,
                end: 40,
            }),
        },
        sides: SidesRecord {
            actor1: Some("Gunmen, \"Front\"".to_owned()),
            assoc_actor_1: Vec::new(),
            inter1: Some(2),
            actor2: Some("Police".to_owned()),
            assoc_actor_2: vec!["Border guards".to_owned()],
            inter2: Some(1),
            interaction: Some(12),
            civilian_targeting: false,
        },
        headline: Some("Gunmen attack checkpoint in Zürich‑Nord; 12–15 killed".to_owned()),
        sources: vec!["Agence Exemple".to_owned(), "Daily Placeholder".to_owned()],
        number_of_sources: 2,
        toll: TollRecord {
            killed: Some(FigureRecord {
                best: Some(14),
                low: Some(12),
                high: Some(15),
                conservative: Some(12),
                conflict: true,
                claims: vec![a12, a15, b14],
            }),
            injured: Some(figure(4, 4, 4, vec![a4])),
        },
        notes: vec![
            "killed: sources disagree (12–15)".to_owned(),
            "injured: one source only".to_owned(),
        ],
    };
    let e2 = EventRecord {
        id: "E2".to_owned(),
        documents: vec!["wire-c".to_owned()],
        date: Some("2031-05-01".to_owned()),
        date_precision: Some(sitrep::DatePrecision::Month),
        time_precision: Some(3),
        country: None,
        places: vec!["Eastbrook".to_owned()],
        location: None,
        actors: Vec::new(),
        coding: TypeRecord::default(),
        sides: SidesRecord::default(),
        headline: None,
        sources: vec!["wire-c".to_owned()],
        number_of_sources: 1,
        toll: TollRecord::default(),
        notes: Vec::new(),
    };
    Report {
        sitrep_version: "0.0.0-test".to_owned(),
        documents: vec![a, b, c, d, skipped],
        events: vec![e1, e2],
    }
}

/// The texts of the report's readable documents.
pub fn texts() -> Texts<'static> {
    [
        ("wire-a", TEXT_A),
        ("wire-b", TEXT_B),
        ("wire-c", TEXT_C),
        ("wire-d", TEXT_D),
    ]
    .into_iter()
    .collect()
}
