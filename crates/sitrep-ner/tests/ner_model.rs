//! The shipped default NER model (`models/sitrep-ner-minilm`) on real text.

use std::path::PathBuf;

use sitrep_ner::NerModel;
use sitrep_text::{windows, word_tokens, EntityMention, SubwordTokenizer};

fn model_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/sitrep-ner-minilm"
    ))
}

fn model() -> NerModel {
    NerModel::load(&model_dir()).expect("the default model in models/ loads")
}

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

fn has(found: &[(String, String)], label: &str, needle: &str) -> bool {
    found.iter().any(|(l, t)| l == label && t.contains(needle))
}

#[test]
fn seed_articles_obvious_names_get_sensible_labels() {
    let m = model();
    let docs = corpus();
    let texts: Vec<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
    let all = m.recognize(&texts).unwrap();
    let mut found: Vec<(String, String)> = Vec::new();
    for ((id, text), ents) in docs.iter().zip(&all) {
        for e in ents {
            let s = e.span.slice(text).expect("span slices the text");
            assert!(
                !s.is_empty() && s.trim() == s,
                "{id}: bad entity span {s:?}"
            );
            assert!(
                m.labels().iter().any(|l| l.ends_with(&e.label)),
                "{id}: unknown label {}",
                e.label
            );
            assert!((0.0..=1.0).contains(&e.score));
            found.push((e.label.clone(), s.to_owned()));
        }
    }
    let want = [
        ("PER", "Patrick Ryder"),
        ("PER", "Mazrouei"),
        ("LOC", "Hamrin"),
        ("LOC", "Anbar"),
        ("ORG", "CENTCOM"),
        ("ORG", "Joint Operations Command"),
    ];
    let missing: Vec<_> = want.iter().filter(|(l, n)| !has(&found, l, n)).collect();
    assert!(missing.is_empty(), "missing {missing:?}; found {found:?}");
}

#[test]
fn entities_planted_across_window_boundaries_are_all_found() {
    let m = model();
    let filler =
        "the market was busy and the weather stayed mild while people walked home after work . ";
    let planted =
        "Officials said Patrick Ryder met the United Nations envoy in Baghdad on Monday . ";
    let mut text = String::new();
    let mut starts = Vec::new();
    let mut k = 0usize;
    while text.split_whitespace().count() < 5000 {
        // Irregular gaps so that plantings fall on every offset of a window.
        for _ in 0..(1 + (k * 7) % 5) {
            text.push_str(filler);
        }
        starts.push(text.len());
        text.push_str(planted);
        k += 1;
    }
    assert!(text.split_whitespace().count() >= 5000);
    // Check that some plantings really straddle a window edge.
    let tok = SubwordTokenizer::from_file(&model_dir().join("tokenizer.json")).unwrap();
    let words = word_tokens(&text);
    let enc = tok.encode_words(&text, &words).unwrap();
    let s = m.settings();
    let ws = windows(enc.len(), s.max_len - 2, s.overlap).unwrap();
    let edges: Vec<usize> = ws.iter().flat_map(|w| [w.start, w.end]).collect();
    let straddling = starts
        .iter()
        .filter(|&&st| {
            let first = enc.offsets.iter().position(|o| o.start >= st).unwrap();
            let last = enc
                .offsets
                .iter()
                .rposition(|o| o.end <= st + planted.len())
                .unwrap();
            edges.iter().any(|&e| e > first && e <= last)
        })
        .count();
    assert!(
        straddling >= 3,
        "only {straddling} plantings straddle a window edge"
    );

    let ents: Vec<EntityMention> = m.recognize(&[text.as_str()]).unwrap().remove(0);
    for &st in &starts {
        for (name, label) in [
            ("Patrick Ryder", "PER"),
            ("United Nations", "ORG"),
            ("Baghdad", "LOC"),
        ] {
            let off = st + planted.find(name).unwrap();
            let hit = ents
                .iter()
                .any(|e| e.span.start == off && e.span.end == off + name.len() && e.label == label);
            assert!(hit, "lost {name} ({label}) at byte {off}");
        }
    }
}
