//! bytes -> JSON Lines records: one item per record line, nothing lost, ids
//! unique, every document within the size limit. The first byte picks the
//! limit so that over-long lines are met often.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use sitrep_text::{parse_json_lines, InputItem, InputOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else {
        return;
    };
    let limit = u64::from(first) + 1;
    let options = InputOptions {
        max_document_bytes: limit,
        ..InputOptions::default()
    };
    let items = parse_json_lines(input, "fuzz", &options);

    // The documented rules, restated: lines end at `\n` less one `\r`; a line
    // over the limit is a record unless all ASCII white space; a BOM opening
    // a line is dropped; a NUL byte in the first 64 KiB makes it one binary
    // item.
    let binary = input.iter().take(64 * 1024).any(|&b| b == 0);
    let records = input
        .split(|&b| b == b'\n')
        .filter(|raw| {
            let line = raw.strip_suffix(b"\r").unwrap_or(raw);
            if line.len() as u64 > limit {
                return !line.iter().all(u8::is_ascii_whitespace);
            }
            let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            !String::from_utf8_lossy(line).trim().is_empty()
        })
        .count();
    let expected = if binary { 1 } else { records.max(1) };
    assert_eq!(items.len(), expected, "{items:?}");

    let ids: HashSet<&str> = items.iter().map(InputItem::id).collect();
    assert_eq!(ids.len(), items.len(), "ids not unique: {items:?}");
    for item in &items {
        match item {
            InputItem::Document(d) => {
                assert!(!d.text.trim().is_empty());
                assert!(d.text.len() as u64 <= limit);
            }
            InputItem::Skipped(s) => assert!(!s.reason.is_empty()),
        }
    }
});
