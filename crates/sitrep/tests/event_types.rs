//! The event-type classifier on the seed articles as the pipeline feeds it:
//! sentences, casualty facts and the lead embedding from the real models.

use std::path::PathBuf;

use sitrep::eval_types::type_input;
use sitrep::Pipeline;
use sitrep_coding::{EventType, EventTypeModel};
use sitrep_text::{read_inputs, InputItem, InputOptions, InputSource};

#[test]
fn seed_raids_are_battles_or_remote_violence_with_the_embedding() {
    let corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let items = read_inputs(&[InputSource::Path(corpus)], &InputOptions::default()).unwrap();
    let pipeline = Pipeline::builder()
        .threads(2)
        .build()
        .expect("default models load");
    let analyses = pipeline.analyze_documents(&items, &|_, _| {});
    let model = EventTypeModel::shipped();
    assert_eq!(items.len(), 5);
    for (item, a) in items.iter().zip(&analyses) {
        let (InputItem::Document(d), Ok(a)) = (item, a) else {
            panic!("{} not analysed", item.id());
        };
        assert!(a.embedding.is_some(), "{}: no lead embedding", d.id);
        let r = model.classify(&type_input(d, a)).unwrap();
        let event = r.label.sub_event_type().map(|s| s.event_type());
        assert!(
            matches!(
                event,
                Some(EventType::Battles | EventType::ExplosionsRemoteViolence)
            ),
            "{}: {:?} ({:.2})",
            d.id,
            r.label,
            r.score
        );
        let e = r.evidence.expect("evidence");
        assert!(d.text.get(e.range()).is_some_and(|s| !s.trim().is_empty()));
    }
}
