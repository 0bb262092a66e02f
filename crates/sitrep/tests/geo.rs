//! Event locations of the seed articles through the real pipeline: NER
//! entities, the resolver, and `event_location` over each event's documents.

use std::path::PathBuf;

use sitrep::eval_geo::incident_spans;
use sitrep::{Analysis, Pipeline};
use sitrep_geo::{event_location, resolve_places, DocPlaces, Gazetteer, Geo, Location};
use sitrep_text::{read_inputs, InputItem, InputOptions, InputSource};

struct Seeds {
    gaz: Gazetteer,
    items: Vec<InputItem>,
    analyses: Vec<Analysis>,
    places: Vec<Vec<Option<Geo>>>,
    /// Each event's documents (indices into `items`).
    events: Vec<Vec<usize>>,
}

fn seeds() -> Option<Seeds> {
    let gaz = match Gazetteer::load_default() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("skipped: {e}");
            return None;
        }
    };
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let items = read_inputs(&[InputSource::Path(corpus)], &InputOptions::default()).unwrap();
    let pipeline = Pipeline::builder()
        .threads(2)
        .build()
        .expect("default model loads");
    let results = pipeline.analyze_documents(&items, &|_, _| {});
    let report = pipeline.assemble(&items, &results);
    let analyses: Vec<Analysis> = results.into_iter().map(|r| r.unwrap()).collect();
    let places = items
        .iter()
        .zip(&analyses)
        .map(|(i, a)| match i {
            InputItem::Document(d) => resolve_places(&gaz, &d.text, &a.entities),
            InputItem::Skipped(_) => vec![],
        })
        .collect();
    let events = report
        .events
        .iter()
        .map(|e| {
            e.documents
                .iter()
                .filter_map(|id| items.iter().position(|i| i.id() == id))
                .collect()
        })
        .collect();
    Some(Seeds {
        gaz,
        items,
        analyses,
        places,
        events,
    })
}

impl Seeds {
    fn text(&self, d: usize) -> &str {
        match &self.items[d] {
            InputItem::Document(doc) => &doc.text,
            InputItem::Skipped(_) => "",
        }
    }

    /// The location of the event that holds document `d`.
    fn location_of_event_with(&self, d: usize) -> Option<Location> {
        let docs = self.events.iter().find(|e| e.contains(&d))?;
        let spans: Vec<_> = docs
            .iter()
            .map(|&k| incident_spans(self.text(k), &self.analyses[k]))
            .collect();
        let inputs: Vec<DocPlaces<'_>> = docs
            .iter()
            .zip(&spans)
            .map(|(&k, (incident, lead_end, elsewhere))| DocPlaces {
                text: self.text(k),
                entities: &self.analyses[k].entities,
                places: &self.places[k],
                incident,
                lead_end: *lead_end,
                elsewhere,
                home: None,
            })
            .collect();
        event_location(&self.gaz, &inputs)
    }
}

fn assert_not_elsewhere(loc: &Location) {
    assert_eq!(loc.iso3.as_deref(), Some("IRQ"), "{loc:?}");
    for wrong in ["Landstuhl", "Wali"] {
        assert!(!loc.name.contains(wrong), "{loc:?}");
        assert!(
            !loc.admin1.as_deref().unwrap_or("").contains(wrong),
            "{loc:?}"
        );
    }
}

#[test]
#[ignore = "fails today on event B: sitrep_geo::event_location alone places the Anbar event at Baghdad (precision 1), since it cannot tell \"Anbar Desert\" (resolved to Al Anbar, inexact) from a street placed in its province; the pipeline, which takes the event stage's first place when it is such a part of a province, places it right (tests/events.rs). Event A (Hamrin Mountains) passes"]
fn seed_events_are_placed_where_the_raids_were() {
    let Some(s) = seeds() else { return };
    let hamrin = s.location_of_event_with(0).expect("a location");
    assert_not_elsewhere(&hamrin);
    assert!(matches!(hamrin.geo_precision, 2 | 3), "{hamrin:?}");
    let a1 = hamrin.admin1.as_deref().unwrap_or("");
    assert!(
        ["Diyala", "Salah ad Din", "Kirkuk"]
            .iter()
            .any(|g| s.gaz.same_admin1("IQ", a1, g)),
        "{hamrin:?}"
    );
    let anbar = s.location_of_event_with(3).expect("a location");
    assert_not_elsewhere(&anbar);
    assert!(
        s.gaz
            .same_admin1("IQ", anbar.admin1.as_deref().unwrap_or(""), "Al Anbar"),
        "{anbar:?}"
    );
    assert_eq!(anbar.geo_precision, 3, "{anbar:?}");
}

#[test]
#[ignore = "fails today: one seed document alone is placed in the United States (its many \"U.S.\" mentions)"]
fn seed_documents_alone_are_placed_in_iraq() {
    let Some(s) = seeds() else { return };
    for d in 0..s.items.len() {
        let (incident, lead_end, elsewhere) = incident_spans(s.text(d), &s.analyses[d]);
        let loc = event_location(
            &s.gaz,
            &[DocPlaces {
                text: s.text(d),
                entities: &s.analyses[d].entities,
                places: &s.places[d],
                incident: &incident,
                lead_end,
                elsewhere: &elsewhere,
                home: None,
            }],
        )
        .expect("a location");
        assert_not_elsewhere(&loc);
    }
}
