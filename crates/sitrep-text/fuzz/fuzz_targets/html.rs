//! bytes -> HTML page reader and extractor: never panics; the text is trimmed
//! paragraphs with one blank line between them and no padded lines; a
//! document is never empty nor over the limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_text::{extract_html, parse_html_page, InputItem, InputOptions};

fn assert_shape(text: &str) {
    assert_eq!(text, text.trim(), "{text:?}");
    assert!(!text.contains("\n\n\n"), "{text:?}");
    for line in text.split('\n') {
        assert_eq!(line, line.trim(), "{text:?}");
        assert!(!line.contains("  "), "{text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let options = InputOptions {
        max_document_bytes: 256,
        ..InputOptions::default()
    };
    match parse_html_page(data, "fuzz", &options) {
        InputItem::Document(d) => {
            assert!(!d.text.is_empty() && d.text.len() <= 256);
            assert_shape(&d.text);
            for t in [&d.title, &d.source, &d.url].into_iter().flatten() {
                assert!(!t.is_empty() && t.trim() == t, "{t:?}");
            }
        }
        InputItem::Skipped(s) => assert!(!s.reason.is_empty()),
    }
    if let Ok(s) = std::str::from_utf8(data) {
        assert_shape(&extract_html(s).text);
    }
});
