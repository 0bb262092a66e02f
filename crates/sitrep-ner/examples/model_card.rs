//! Rewrites a model folder's `MODEL_CARD.md` from its `training.json`:
//! `cargo run -p sitrep-ner --example model_card -- models/sitrep-ner-minilm`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: model_card MODEL_DIR")?,
    );
    let summary: sitrep_ner::TrainSummary =
        serde_json::from_str(&std::fs::read_to_string(dir.join("training.json"))?)?;
    sitrep_ner::write_model_card(&summary, &dir)?;
    println!("wrote {}", dir.join("MODEL_CARD.md").display());
    Ok(())
}
