//! Property tests: the HTML extractor and the JSON Lines reader never panic,
//! whatever the input, and keep their promises about what they return.

use std::collections::HashSet;

use proptest::prelude::*;
use sitrep_text::{extract_html, parse_html_page, parse_json_lines, InputItem, InputOptions};

/// Pieces of pages: tags that the extractor treats specially, attributes,
/// entities, text and raw noise.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<br>".to_owned()),
        Just("<article>".to_owned()),
        Just("</article>".to_owned()),
        Just("<main>".to_owned()),
        Just("<div class=\"share cookie\">".to_owned()),
        Just("<div itemprop=\"articleBody\">".to_owned()),
        Just("</div>".to_owned()),
        Just("<nav>".to_owned()),
        Just("<form>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("<title>".to_owned()),
        Just("<h1>".to_owned()),
        Just("<time datetime=\"2031-02-03\">".to_owned()),
        Just("<meta property=\"article:published_time\" content=\"x\">".to_owned()),
        Just("<script type=\"application/ld+json\">{\"@graph\":[[{\"@type\":[\"Article\"]}]]}</script>".to_owned()),
        Just("&amp;&nbsp;&#0;&#x110000;".to_owned()),
        "[a-zA-Z .,\n]{0,24}",
        ".{0,8}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(html_piece(), 0..80).prop_map(|v| v.concat())
}

/// The extracted text's shape: trimmed paragraphs, one blank line between
/// them, no blank or padded lines.
fn assert_shape(text: &str) {
    assert_eq!(text, text.trim(), "{text:?}");
    assert!(!text.contains("\n\n\n"), "{text:?}");
    for line in text.split('\n') {
        assert_eq!(line, line.trim(), "{text:?}");
        assert!(!line.contains("  "), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extractor_never_panics_on_any_string(s in any::<String>()) {
        assert_shape(&extract_html(&s).text);
    }

    #[test]
    fn extractor_never_panics_on_tag_soup(s in page()) {
        let a = extract_html(&s);
        assert_shape(&a.text);
        for t in [&a.title, &a.source, &a.url].into_iter().flatten() {
            prop_assert!(!t.is_empty() && t.trim() == t);
        }
    }

    #[test]
    fn page_reader_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let options = InputOptions { max_document_bytes: 64, ..InputOptions::default() };
        match parse_html_page(&bytes, "p", &options) {
            InputItem::Document(d) => {
                prop_assert!(!d.text.is_empty() && d.text.len() <= 64);
                assert_shape(&d.text);
            }
            InputItem::Skipped(s) => prop_assert!(!s.reason.is_empty()),
        }
    }

    /// One item per record line, none lost, ids unique, limits kept.
    #[test]
    fn json_lines_lose_nothing(
        lines in prop::collection::vec(
            prop_oneof![
                Just(r#"{"id":"a","text":"Some text."}"#.to_owned()),
                Just(r#"{"id":"a#2","text":"More text."}"#.to_owned()),
                Just(r#"{"text":"No id."}"#.to_owned()),
                Just(r#"{"id":1,"text":"   "}"#.to_owned()),
                Just("{broken".to_owned()),
                Just("   ".to_owned()),
                Just(String::new()),
                "[ -~]{0,40}",
                ".{0,12}",
            ],
            0..24,
        ),
        limit in 1u64..48,
        crlf in any::<bool>(),
    ) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let input = lines.join(sep);
        let options = InputOptions { max_document_bytes: limit, ..InputOptions::default() };
        let items = parse_json_lines(input.as_bytes(), "in", &options);
        // The documented rules: lines end at `\n` less one `\r`; a line over
        // the limit is a record unless all ASCII white space; a BOM opening a
        // line is dropped; NUL bytes make it binary (one item).
        let records = input
            .split('\n')
            .filter(|raw| {
                let line = raw.strip_suffix('\r').unwrap_or(raw);
                if line.len() as u64 > limit {
                    return !line.bytes().all(|b| b.is_ascii_whitespace());
                }
                let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
                !line.trim().is_empty()
            })
            .count();
        let expected = if input.contains('\0') { 1 } else { records.max(1) };
        prop_assert_eq!(items.len(), expected, "{:?}", items);
        let ids: HashSet<&str> = items.iter().map(InputItem::id).collect();
        prop_assert_eq!(ids.len(), items.len());
        for item in &items {
            if let InputItem::Document(d) = item {
                prop_assert!(!d.text.trim().is_empty());
                prop_assert!(d.text.len() as u64 <= limit);
            }
        }
    }
}
