//! Fine-tunes a NER model: `cargo run --release -p sitrep-ner --example train --
//! TRAIN DEV BASE OUT [epochs] [unit] [casing] [max_steps]`. The CLI's
//! `sitrep train-ner` calls the same `sitrep_ner::train`.
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 4 {
        return Err("usage: train TRAIN DEV BASE OUT [epochs] [sentences|documents] [casing:true|false] [max_steps] [lr] [batch]".into());
    }
    let mut o = sitrep_ner::TrainOptions::new(
        a[0].clone().into(),
        a[1].clone().into(),
        PathBuf::from(&a[2]),
        PathBuf::from(&a[3]),
    );
    if let Some(e) = a.get(4) {
        o.epochs = e.parse()?;
    }
    if let Some(u) = a.get(5) {
        o.unit = if u == "sentences" {
            sitrep_ner::TrainUnit::Sentences
        } else {
            sitrep_ner::TrainUnit::Documents
        };
        if u == "sentences" {
            o.batch_size = 32;
        }
    }
    if let Some(c) = a.get(6) {
        o.casing = c.parse()?;
    }
    if let Some(m) = a.get(7) {
        o.max_steps = Some(m.parse()?).filter(|&m: &usize| m > 0);
    }
    if let Some(lr) = a.get(8) {
        o.lr = lr.parse()?;
    }
    if let Some(b) = a.get(9) {
        o.batch_size = b.parse()?;
    }
    let t = std::time::Instant::now();
    let s = sitrep_ner::train(&o, |e| match e {
        sitrep_ner::TrainEvent::Step {
            epoch,
            step,
            total,
            loss,
        } => {
            eprintln!(
                "epoch {epoch} step {step}/{total} loss {loss:.4} ({:.0}s)",
                t.elapsed().as_secs_f64()
            )
        }
        sitrep_ner::TrainEvent::Epoch {
            epoch,
            dev,
            best,
            elapsed_s,
        } => {
            eprintln!(
                "epoch {epoch} dev F1 {:.2} best={best} ({elapsed_s:.0}s)\n{dev}",
                dev.overall.f1
            )
        }
    })?;
    println!(
        "best epoch {} of {}, {:.0}s",
        s.best_epoch,
        s.epochs.len(),
        s.seconds
    );
    Ok(())
}
