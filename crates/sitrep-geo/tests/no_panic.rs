//! Nothing panics on random text and random entity spans.

mod common;

use proptest::prelude::*;
use sitrep_geo::{event_location, resolve_places, DocPlaces};
use sitrep_text::{EntityMention, Span};

fn labels() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("LOC".to_string()),
        Just("GPE".to_string()),
        Just("PER".to_string()),
        Just("ORG".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn resolving_random_text_does_not_panic(
        text in "(\\PC|[A-Z][a-z]+|, |’s |\\(|—|\n){0,60}",
        raw in prop::collection::vec((0usize..400, 0usize..40, labels()), 0..12),
    ) {
        let Some(gaz) = common::gazetteer() else { return Ok(()) };
        // Spans may fall inside characters or past the end: they must be
        // skipped, not panic.
        let entities: Vec<EntityMention> = raw
            .into_iter()
            .map(|(s, l, label)| EntityMention { span: Span::new(s, s + l), label, score: 0.5 })
            .collect();
        let places = resolve_places(gaz, &text, &entities);
        prop_assert_eq!(places.len(), entities.len());
        let incident = [Span::new(0, text.len() / 2)];
        let _ = event_location(gaz, &[DocPlaces {
            text: &text,
            entities: &entities,
            places: &places,
            incident: &incident,
            lead_end: text.len(),
            elsewhere: &[],
            home: None,
        }]);
    }
}

#[test]
fn resolving_real_names_in_odd_places_does_not_panic() {
    let Some(gaz) = common::gazetteer() else {
        return;
    };
    let texts = [
        "Ardmore, ",
        "Ardmore,",
        "Ardmore, Ok",
        "BAGHDAD (",
        "İstanbul’s — Zürich, Åland",
        "Hamrin Mountains of",
        "northern",
    ];
    for t in texts {
        let ents = common::locs(
            t,
            &[
                "Ardmore",
                "BAGHDAD",
                "İstanbul",
                "Zürich",
                "Åland",
                "Hamrin Mountains",
                "northern",
            ],
        );
        let _ = resolve_places(gaz, t, &ents);
    }
}
