//! Unit tests of the event-type model: invented sentences through the
//! shipped model, and model files that must be refused.

use super::*;
use crate::taxonomy::{Category, EventType, SubEventType};

fn classify(text: &str) -> TypeReading {
    let sentences = sitrep_text::split_sentences(text);
    let input = TypeInput {
        text,
        title: None,
        sentences: &sentences,
        casualties: &[],
        embedding: None,
    };
    EventTypeModel::shipped()
        .classify(&input)
        .unwrap_or_else(|| panic!("no reading for {text:?}"))
}

/// What a reading is, coarsely: the ACLED event type or the category.
#[derive(Debug, PartialEq)]
enum Kind {
    Event(EventType),
    Outside(Category),
}

fn kind(l: EventLabel) -> Kind {
    match l {
        EventLabel::Acled(s) => Kind::Event(s.event_type()),
        EventLabel::Outside(c) => Kind::Outside(c),
    }
}

#[test]
fn shipped_model_loads() {
    let m = EventTypeModel::shipped();
    assert_eq!(m.labels().len(), 30);
    assert!(m.buckets().is_power_of_two());
}

#[test]
fn invented_reports_get_their_event_type() {
    use EventType::*;
    #[rustfmt::skip]
    let cases = [
        ("Fighter jets bombed a rebel camp in the hills on Tuesday, killing twelve fighters.", Kind::Event(ExplosionsRemoteViolence)),
        ("Hundreds of teachers marched peacefully through the capital on Monday to demand higher pay.", Kind::Event(Protests)),
        ("Government troops and rebels clashed for hours outside the town; five soldiers were killed in the fighting.", Kind::Event(Battles)),
        ("Rioters threw stones at the police and set fire to tyres and cars after the verdict.", Kind::Event(Riots)),
        ("A magnitude 6.4 earthquake struck the mountain province overnight, flattening hundreds of homes.", Kind::Outside(Category::Disaster)),
        ("The two rival factions signed a ceasefire agreement in the capital on Friday.", Kind::Event(StrategicDevelopments)),
    ];
    for (text, want) in cases {
        let r = classify(text);
        assert_eq!(kind(r.label), want, "{text:?} read as {:?}", r.label);
        assert!(r.score > 0.0 && r.score <= 1.0, "{r:?}");
        let e = r.evidence.expect("a sentence decided it");
        assert!(text.get(e.range()).is_some_and(|s| !s.is_empty()));
    }
}

#[test]
fn sub_event_types_of_clear_cases() {
    #[rustfmt::skip]
    let cases = [
        ("A suicide bomber blew himself up at a crowded checkpoint, killing nine people.", SubEventType::SuicideBomb),
        ("Police arrested four men suspected of planning the attacks and took them into custody.", SubEventType::Arrests),
    ];
    for (text, want) in cases {
        let r = classify(text);
        assert_eq!(r.label, EventLabel::Acled(want), "{text:?}");
    }
}

#[test]
fn evidence_is_the_sentence_with_the_deciding_words() {
    let text = "The town was quiet on Sunday morning. \
                Then a roadside bomb tore through an army convoy, killing three soldiers. \
                Shops reopened later.";
    let r = classify(text);
    let e = r.evidence.unwrap();
    assert!(
        text[e.range()].contains("roadside bomb"),
        "{:?}: {:?}",
        r.label,
        &text[e.range()]
    );
}

#[test]
fn empty_text_has_no_type_and_odd_input_does_not_panic() {
    let m = EventTypeModel::shipped();
    for text in ["", "   \n\t "] {
        let input = TypeInput {
            text,
            title: Some("A title"),
            sentences: &[],
            casualties: &[],
            embedding: None,
        };
        assert!(m.classify(&input).is_none(), "{text:?}");
    }
    // Spans past the end, inverted or off char boundaries; a short or
    // non-finite embedding: read what is valid, use the lexical head.
    let text = "Ärger: protesters gathered.";
    let spans = [
        Span { start: 0, end: 1 },
        Span { start: 5, end: 2 },
        Span { start: 3, end: 400 },
        Span {
            start: 0,
            end: text.len(),
        },
    ];
    let emb = [f32::NAN; 384];
    for embedding in [None, Some(&[1.0f32, 2.0][..]), Some(&emb[..])] {
        let input = TypeInput {
            text,
            title: None,
            sentences: &spans,
            casualties: &[],
            embedding,
        };
        let r = m.classify(&input).unwrap();
        assert!(r.score.is_finite());
    }
    // No sentence spans at all: the start of the text is read.
    let input = TypeInput {
        text: "Warplanes struck the village",
        title: None,
        sentences: &[],
        casualties: &[],
        embedding: None,
    };
    assert!(m.classify(&input).is_some());
}

/// The shipped model's JSON with one field replaced.
fn with(field: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../models/sitrep-event-types/event-types.json"
    ))
    .unwrap();
    let mut at = &mut v;
    let parts: Vec<&str> = field.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        at = &mut at[*p];
    }
    at[parts[parts.len() - 1]] = value;
    v.to_string()
}

#[test]
fn malformed_models_are_refused_with_the_reason() {
    use serde_json::json;
    let labels: Vec<String> = EventTypeModel::shipped().file.labels.clone();
    let mut twice = labels.clone();
    twice[1] = twice[0].clone();
    let mut unknown = labels.clone();
    unknown[0] = "PICNIC".into();
    let cases: Vec<(String, &str)> = vec![
        ("{".into(), "not valid JSON"),
        (
            r#"{"format": "sitrep-event-types/1"}"#.into(),
            "not valid JSON",
        ),
        (with("format", json!("sitrep-event-types/0")), "format"),
        (with("labels", json!(twice)), "listed twice"),
        (with("labels", json!(unknown)), "no CASE 2021 code"),
        (with("labels", json!(labels[..29])), "weight rows"),
        (
            with("dense_features", json!(["trig:air"])),
            "dense features",
        ),
        (with("buckets", json!(3000)), "power of two"),
        (with("buckets", json!(1 << 15)), "power of two"),
        (with("embedding_dim", json!(0)), "embedding_dim"),
        (with("without_embedding.bias", json!([0.0])), "biases"),
        (
            with("with_embedding.weights", json!(vec![vec![0.0; 3]; 30])),
            "weight row 0",
        ),
    ];
    for (text, reason) in cases {
        let err = EventTypeModel::from_json(&text).unwrap_err();
        let msg = format!("{err}");
        assert!(msg.contains(reason), "{msg:?} lacks {reason:?}");
    }
    let err = EventTypeModel::from_path(Path::new("/nonexistent/model.json")).unwrap_err();
    assert!(matches!(err, EventTypeModelError::Read { .. }));
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn a_model_round_trips_through_its_file() {
    let m = EventTypeModel::shipped();
    let text = serde_json::to_string(&m.file).unwrap();
    let back = EventTypeModel::from_json(&text).unwrap();
    assert_eq!(*m, back);
}
