//! The shipped event-type model on real text, without the pipeline's
//! models: the lexical head (no embedding; casualty facts without named
//! entities) on the
//! bundled seed articles and, when present, CASE 2021 dev.

use std::path::PathBuf;

use sitrep_coding::{EventLabel, EventType, EventTypeModel, TypeInput};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The lexical head's reading, with the casualty facts sitrep-numbers
/// finds without named entities.
fn read(text: &str) -> Option<sitrep_coding::TypeReading> {
    let sentences = sitrep_text::split_sentences(text);
    let casualties = sitrep_numbers::extract_casualties(text, &sentences, &[]);
    EventTypeModel::shipped().classify(&TypeInput {
        text,
        title: None,
        sentences: &sentences,
        casualties: &casualties,
        embedding: None,
    })
}

/// Known failure: without the lead embedding the lexical head reads seed
/// 000 (its lead is a tag line and a headline) as "Change to group/activity";
/// with the embedding all five pass (crates/sitrep/tests/event_types.rs).
/// Run with `--ignored` to see it.
#[test]
#[ignore = "known failure of the lexical head on seed 000; see MODEL_CARD.md"]
fn seed_raids_are_battles_or_remote_violence_without_the_embedding() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        let r = read(&text).unwrap();
        let event = r.label.sub_event_type().map(|s| s.event_type());
        assert!(
            matches!(
                event,
                Some(EventType::Battles | EventType::ExplosionsRemoteViolence)
            ),
            "{}: {:?} ({:.2})",
            p.display(),
            r.label,
            r.score
        );
    }
}

/// In-sample floor of the lexical head on CASE 2021 dev (weighted F1 over
/// ACLED's 25 sub-event types). The shipped model was fitted on these
/// snippets, with embeddings; see its model card for the measured figure.
const LEXICAL_IN_SAMPLE_FLOOR: f64 = 0.80;

#[test]
fn lexical_head_on_case_dev_does_not_regress() {
    let path = root().join("../shared/data/case2021/dev.tsv");
    let Ok(tsv) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let acled: Vec<&str> = sitrep_coding::taxonomy::SUB_EVENT_TYPES
        .iter()
        .map(|r| r.2)
        .collect();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let started = std::time::Instant::now();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (text, gold) = (cols[1], cols[2].trim());
        if !acled.contains(&gold) {
            continue;
        }
        let pred = match read(text).map(|r| r.label) {
            Some(EventLabel::Acled(s)) => s.code().to_string(),
            Some(EventLabel::Outside(c)) => c.name().to_string(),
            None => "NONE".into(),
        };
        pairs.push((gold.to_string(), pred));
    }
    let micros = started.elapsed().as_secs_f64() * 1e6 / pairs.len() as f64;
    eprintln!("{micros:.0} µs per snippet (sentences, casualty facts, features, scoring)");
    assert!(pairs.len() > 400, "{} ACLED snippets", pairs.len());
    let mut f1_sum = 0.0;
    for l in &acled {
        let support = pairs.iter().filter(|p| p.0 == *l).count();
        let predicted = pairs.iter().filter(|p| p.1 == *l).count();
        let tp = pairs.iter().filter(|p| p.0 == *l && p.1 == *l).count();
        if tp > 0 {
            let (p, r) = (tp as f64 / predicted as f64, tp as f64 / support as f64);
            f1_sum += support as f64 * 2.0 * p * r / (p + r);
        }
    }
    let f1 = f1_sum / pairs.len() as f64;
    eprintln!("lexical head, in-sample weighted F1 (ACLED): {f1:.3}");
    assert!(f1 >= LEXICAL_IN_SAMPLE_FLOOR, "{f1:.3}");
}
