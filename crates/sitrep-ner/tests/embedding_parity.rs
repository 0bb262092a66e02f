//! Our loader + tokeniser + rust-bert reproduce sentence-transformers'
//! all-MiniLM-L6-v2 embeddings (reference made by
//! `scripts/make-embedding-fixture.py`).

use std::path::PathBuf;

use sitrep_ner::{cosine, Precision, SentenceEncoder};

fn minilm_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.models/all-MiniLM-L6-v2"
    ));
    assert!(
        dir.join("config.json").is_file(),
        "{} is missing: run scripts/setup.sh first",
        dir.display()
    );
    dir
}

#[derive(serde::Deserialize)]
struct Fixture {
    sentences: Vec<String>,
    embeddings: Vec<Vec<f32>>,
}

#[test]
fn mean_pooled_embeddings_match_python_reference() {
    let fixture: Fixture =
        serde_json::from_str(include_str!("data/minilm_reference.json")).expect("fixture parses");
    assert_eq!(fixture.sentences.len(), 5);
    let texts: Vec<&str> = fixture.sentences.iter().map(String::as_str).collect();
    // f32 reproduces Python; bf16 and int8 round, within these bounds
    // (measured: bf16 ≥ 0.99994, int8 ≥ 0.9936). int8 quantises activations
    // with one scale per batch, so its result also depends on the batch.
    for (precision, bound, batch_bound) in [
        (Precision::F32, 0.9999, 0.99999),
        (Precision::Bf16, 0.9995, 0.99999),
        (Precision::Int8, 0.99, 0.99),
    ] {
        let encoder = SentenceEncoder::load(&minilm_dir())
            .and_then(|e| e.with_precision(precision))
            .expect("model loads");
        assert_eq!(encoder.precision(), precision);
        let got = encoder.embed(&texts).expect("embeds");
        for (i, (g, want)) in got.iter().zip(&fixture.embeddings).enumerate() {
            let c = cosine(g, want);
            eprintln!("{precision} sentence {i}: cosine {c:.6}");
            assert!(c >= bound, "{precision} sentence {i}: cosine {c} < {bound}");
        }
        // Batch composition must not change results (padding is masked out).
        let alone = encoder.embed(&texts[2..3]).expect("embeds");
        let c = cosine(&alone[0], &got[2]);
        eprintln!("{precision} alone vs in a batch: cosine {c:.7}");
        assert!(c > batch_bound, "{precision}: {c}");
    }
}

#[test]
fn long_text_is_read_whole_not_truncated() {
    let encoder = SentenceEncoder::load(&minilm_dir()).expect("model loads");
    let head = "Troops raided a hideout in the mountains. ".repeat(60);
    let tail = "The weather was sunny and the harvest festival drew crowds. ".repeat(60);
    let both = format!("{head}{tail}");
    let v = encoder
        .embed(&[head.as_str(), both.as_str()])
        .expect("embeds");
    // If the long text were cut at the window, it would equal the head alone.
    assert!(cosine(&v[0], &v[1]) < 0.99, "long text looks truncated");
}

#[test]
fn missing_files_are_named() {
    let dir = std::env::temp_dir().join(format!("sitrep-empty-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let err = SentenceEncoder::load(&dir).unwrap_err().to_string();
    assert!(
        err.contains("config.json") && err.contains(&dir.display().to_string()),
        "{err}"
    );
    std::fs::write(dir.join("config.json"), "{not json").unwrap();
    std::fs::write(dir.join("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n").unwrap();
    std::fs::write(dir.join("model.safetensors"), "garbage").unwrap();
    let err = SentenceEncoder::load(&dir).unwrap_err().to_string();
    assert!(
        err.contains("config.json") && err.contains("not valid JSON"),
        "{err}"
    );
    std::fs::write(
        dir.join("config.json"),
        std::fs::read_to_string(minilm_dir().join("config.json")).unwrap(),
    )
    .unwrap();
    let err = SentenceEncoder::load(&dir).unwrap_err().to_string();
    assert!(err.contains("model.safetensors"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
