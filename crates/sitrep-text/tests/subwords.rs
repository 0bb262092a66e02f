//! Sub-word encoding against the real all-MiniLM-L6-v2 tokenizer (installed
//! by `scripts/setup.sh`): offsets slice the original text, word ids point at
//! our words, and long texts are windowed with every sub-word owned once.

use std::path::PathBuf;

use sitrep_text::{windows, word_tokens, SubwordTokenizer};

fn tokenizer() -> SubwordTokenizer {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.models/all-MiniLM-L6-v2/tokenizer.json"
    ));
    assert!(
        p.is_file(),
        "{} is missing: run scripts/setup.sh first",
        p.display()
    );
    SubwordTokenizer::from_file(&p).expect("tokenizer loads")
}

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// A sub-word's text, lowercased and accent-stripped like the uncased
/// vocabulary, without the `##` continuation mark.
fn normalised(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ü' => 'u',
            'é' => 'e',
            _ => c,
        })
        .collect()
}

#[test]
fn subword_offsets_slice_the_text_and_map_to_words() {
    let tok = tokenizer();
    let rows = [
        "Qader’s men fled.",
        "al‑Mazrouei— the commander",
        "Zürich police said 🎉 nothing.",
        "U.S. Central Command (CENTCOM) said at least seven ISIS operatives died.",
    ];
    let mut texts: Vec<String> = rows.iter().map(|s| (*s).to_owned()).collect();
    texts.extend(corpus());
    for text in &texts {
        let words = word_tokens(text);
        let enc = tok.encode_words(text, &words).expect("encodes");
        assert_eq!(enc.ids.len(), enc.offsets.len());
        assert_eq!(enc.ids.len(), enc.word_ids.len());
        for (i, span) in enc.offsets.iter().enumerate() {
            let piece = span.slice(text).expect("offset slices the text");
            let w = enc.word_ids[i].expect("every sub-word has a word") as usize;
            assert!(
                words[w].contains(*span),
                "sub-word {piece:?} outside its word {:?}",
                &text[words[w].range()]
            );
            let unk = tok.cls_id() != enc.ids[i] && piece.is_empty();
            assert!(!unk, "empty sub-word in {text:?}");
        }
        // Every word with letters or digits yields at least one sub-word.
        for (w, span) in words.iter().enumerate() {
            if text[span.range()].chars().any(char::is_alphanumeric) {
                assert!(
                    enc.word_ids.contains(&Some(w as u32)),
                    "word {:?} has no sub-word",
                    &text[span.range()]
                );
            }
        }
    }
    // Spot check: the pieces of a word spell it.
    let text = "Jassim Al-Mazrouei";
    let words = word_tokens(text);
    let enc = tok.encode_words(text, &words).unwrap();
    let spelled: String = enc
        .offsets
        .iter()
        .map(|s| normalised(&text[s.range()]))
        .collect();
    assert_eq!(spelled, "jassimal-mazrouei");
}

#[test]
fn windowing_a_3000_word_text_owns_every_subword_once() {
    let tok = tokenizer();
    let base = corpus().join("\n\n");
    let mut text = String::new();
    while text.split_whitespace().count() < 3000 {
        text.push_str(&base);
        text.push('\n');
    }
    assert!(text.split_whitespace().count() >= 3000);
    let words = word_tokens(&text);
    let enc = tok.encode_words(&text, &words).unwrap();
    assert!(enc.len() > 3000);
    for (size, overlap) in [(254, 64), (510, 128), (126, 0), (64, 63)] {
        let ws = windows(enc.len(), size, overlap).unwrap();
        assert!(ws.len() > 1);
        let mut owners = vec![0u8; enc.len()];
        for w in &ws {
            assert!(w.end - w.start <= size);
            for o in &mut owners[w.owned_start..w.owned_end] {
                *o += 1;
            }
        }
        assert!(
            owners.iter().all(|&n| n == 1),
            "size {size} overlap {overlap}: a sub-word owned {:?} times",
            owners.iter().find(|&&n| n != 1)
        );
    }
}

mod prop {
    use proptest::prelude::*;
    use sitrep_text::word_tokens;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Word tokens then sub-words never panic, and every offset slices the input.
        #[test]
        fn encoding_arbitrary_strings_never_panics(text in any::<String>()) {
            let tok = super::tokenizer();
            let words = word_tokens(&text);
            let enc = tok.encode_words(&text, &words).expect("encodes");
            for (i, span) in enc.offsets.iter().enumerate() {
                prop_assert!(span.slice(&text).is_some());
                let w = enc.word_ids[i].map(|w| w as usize);
                prop_assert!(w.is_some_and(|w| w < words.len()));
            }
            let raw = tok.encode(&text).expect("encodes");
            for span in &raw.offsets {
                prop_assert!(span.slice(&text).is_some());
            }
        }
    }
}
