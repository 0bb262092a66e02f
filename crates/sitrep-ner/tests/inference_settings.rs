//! Inference settings through the public API: precision, batching and the
//! timing report, on the shipped model and invented text.

use std::path::PathBuf;

use sitrep_ner::{NerModel, Precision};
use sitrep_text::{windows, word_tokens, Span};

fn model() -> NerModel {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/sitrep-ner-minilm"
    ));
    NerModel::load(&dir).expect("the shipped model loads")
}

/// An invented article of about `n` words with a few names in it.
fn article(n: usize) -> String {
    let sentences = [
        "Inspector Halvard Brennecke said the convoy left Marrowgate at dawn.",
        "Residents of the valley reported smoke near the old quarry road.",
        "The Coastal Relief Agency sent two trucks of water to Lindqvist Point.",
        "Nobody was hurt, according to a statement read by Amara Okonjo.",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.split_whitespace().count() < n {
        text.push_str(sentences[i % sentences.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

#[test]
fn the_default_precision_follows_the_cpu() {
    let m = model();
    assert_eq!(m.settings().precision, Precision::recommended());
    let want = if Precision::native_bf16() {
        Precision::Bf16
    } else {
        Precision::F32
    };
    assert_eq!(Precision::recommended(), want);
    assert!(format!("{m:?}").contains(want.name()), "{m:?}");
}

#[test]
fn timings_account_for_every_window_and_agree_with_plain_tagging() {
    let mut m = model();
    let long = article(1200);
    let short = article(30);
    let texts = [long.as_str(), short.as_str(), ""];
    let words: Vec<Vec<Span>> = texts.iter().map(|t| word_tokens(t)).collect();
    let docs: Vec<(&str, &[Span])> = texts
        .iter()
        .zip(&words)
        .map(|(t, w)| (*t, w.as_slice()))
        .collect();
    let s = m.settings();
    let expected_windows: usize = texts
        .iter()
        .map(|t| {
            let n = m.count_subwords(t).unwrap();
            windows(n, s.max_len - 2, s.overlap).unwrap().len()
        })
        .sum();
    assert!(expected_windows >= 4, "{expected_windows} windows");

    for precision in Precision::ALL {
        let mut s = m.settings();
        s.precision = precision;
        s.batch_size = 3;
        s.max_batch_tokens = 3 * s.max_len;
        m.set_settings(s).unwrap();
        let (tags, t) = m.tag_words_timed(&docs).unwrap();
        assert_eq!(tags, m.tag_words(&docs).unwrap(), "{precision}");
        assert_eq!(tags.len(), 3);
        for (w, tg) in words.iter().zip(&tags) {
            assert_eq!(w.len(), tg.len(), "{precision}: one tag per word");
        }
        assert_eq!(t.windows, expected_windows, "{precision}");
        assert_eq!(t.batches, expected_windows.div_ceil(3), "{precision}");
        assert!(t.positions <= t.padded_positions, "{t:?}");
        assert!(t.padded_positions <= t.batches * 3 * s.max_len, "{t:?}");
        assert!(t.attention_pairs >= t.padded_positions as u64, "{t:?}");
        assert!(!t.model.is_zero(), "{t:?}");
        let people: Vec<&str> = m
            .entities(texts[0], &words[0], &tags[0])
            .into_iter()
            .filter(|e| e.label == "PER")
            .map(|e| &texts[0][e.span.range()])
            .collect();
        assert!(
            people.contains(&"Halvard Brennecke") && people.contains(&"Amara Okonjo"),
            "{precision}: {people:?}"
        );
    }
}

#[test]
fn bad_settings_are_refused_and_leave_the_model_usable() {
    let mut m = model();
    let before = m.settings();
    let mut s = before;
    s.max_len = 4;
    s.precision = Precision::Int8;
    assert!(m.set_settings(s).is_err());
    assert_eq!(m.settings(), before);
    assert!("int4".parse::<Precision>().is_err());
    let text = article(40);
    assert!(!m.recognize(&[text.as_str()]).unwrap()[0].is_empty());
}
