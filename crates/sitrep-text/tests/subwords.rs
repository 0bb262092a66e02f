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

/// `encode_words` (fast path for ASCII words) equals the whole `tokenizers`
/// pipeline on `text`, sub-word by sub-word.
fn assert_fast_path_matches(tok: &SubwordTokenizer, text: &str) {
    let words = word_tokens(text);
    let fast = tok.encode_words(text, &words).unwrap();
    let full = tok.encode_words_pipeline(text, &words).unwrap();
    if fast != full {
        let at = (0..fast.len().max(full.len()))
            .find(|&i| {
                fast.ids.get(i) != full.ids.get(i)
                    || fast.offsets.get(i) != full.offsets.get(i)
                    || fast.word_ids.get(i) != full.word_ids.get(i)
            })
            .unwrap_or(0);
        let word = fast
            .word_ids
            .get(at)
            .or(full.word_ids.get(at))
            .copied()
            .flatten()
            .and_then(|w| words.get(w as usize))
            .and_then(|w| w.slice(text));
        panic!("fast path differs at sub-word {at} (word {word:?}) in {text:?}");
    }
}

#[test]
fn the_ascii_fast_path_equals_the_whole_pipeline() {
    let tok = tokenizer();
    let rows = [
        "U.S.-led forces (CENTCOM) killed 7; Iraq's JOC said 9. E-mail: ops@centcom.mil!",
        "[CLS] a [SEP]x [MASK]ed [unk] [PAD] CLS] [CL",
        "Supercalifragilisticexpialidociousnessesqwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm word",
        "tab\there\u{7}bell\u{0}nul ~`^|\\{}<>= $1,000.50 #hashtag 3rd 1990s",
        "Zürich, São Paulo and Qader’s — mixed: ASCII then ÀÉÎ then ascii again; 中文 text",
        "“Quoted,” she said – ‘twice’… 5′11″ tall; don’t—won’t “[CLS]” ’’ «guillemets»",
        "",
    ];
    for text in rows {
        assert_fast_path_matches(&tok, text);
    }
    for text in corpus() {
        assert_fast_path_matches(&tok, &text);
    }
}

#[test]
fn the_fast_path_equals_the_whole_pipeline_on_the_dev_data() {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let files = [
        data.join("conll2003/iob2/valid.txt"),
        data.join("gva-news/documents.jsonl"),
    ];
    let tok = tokenizer();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!(
                "skipping {}: not found (the shared data sits beside the checkout)",
                path.display()
            );
            continue;
        };
        // Whole files are big; lines are texts enough for word-level checks.
        let mut lines = 0;
        for line in text.lines() {
            assert_fast_path_matches(&tok, line);
            lines += 1;
        }
        eprintln!("{}: {lines} lines agree", path.display());
    }
}

proptest::proptest! {
    #[test]
    fn the_fast_path_equals_the_whole_pipeline_on_random_text(
        text in "[a-zA-Z0-9 .,;:'\"()\\[\\]{}<>!?@#$%^&*_+=|~`/\\\\\\-\t\n\u{7}\u{0}éü‘’“”–—…′″«»中]{0,80}"
    ) {
        let tok = tokenizer();
        assert_fast_path_matches(&tok, &text);
    }
}
