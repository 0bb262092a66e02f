//! Property tests: the extractors never panic and their spans slice the input.

use proptest::prelude::*;
use sitrep_numbers::{document_toll, extract_casualties, find_numbers};
use sitrep_text::{EntityMention, Span};

/// Text made of news-like pieces, so that the rules actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("at least".to_string()),
        Just("seven".to_string()),
        Just("2,500".to_string()),
        Just("1.5 million".to_string()),
        Just("between 20 and 30".to_string()),
        Just("5-7".to_string()),
        Just("killed".to_string()),
        Just("were wounded".to_string()),
        Just("shot and killed".to_string()),
        Just("no one was hurt".to_string()),
        Just("according to".to_string()),
        Just("police said".to_string()),
        Just("two others".to_string()),
        Just("the deaths of".to_string()),
        Just("18-year-old".to_string()),
        Just("Oct. 22".to_string()),
        Just("$6bn".to_string()),
        Just("U.S.".to_string()),
        Just("“".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just("\u{ad}".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    for n in find_numbers(text) {
        assert!(
            n.span.start <= n.span.end && text.get(n.span.range()).is_some(),
            "bad span {:?}",
            n.span
        );
        assert_eq!(&text[n.span.range()], n.text);
    }
    // With the crate's own sentence split, and with arbitrary (even odd) spans.
    let facts = extract_casualties(text, &[], &[]);
    for f in &facts {
        assert!(text.get(f.span.range()).is_some(), "bad span {:?}", f.span);
    }
    let _ = document_toll("p", &facts);
    let len = text.len();
    let odd = [
        Span::new(0, len),
        Span::new(len / 3, len / 2),
        Span::new(len, len),
        Span::new(0, len + 10),
    ];
    let ents = [
        EntityMention {
            span: Span::new(0, len.min(7)),
            label: "PER".into(),
            score: 0.9,
        },
        EntityMention {
            span: Span::new(len / 2, len + 3),
            label: "ORG".into(),
            score: 0.5,
        },
    ];
    for f in extract_casualties(text, &odd, &ents) {
        assert!(text.get(f.span.range()).is_some(), "bad span {:?}", f.span);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like(text in newsy()) {
        check(&text);
    }
}
