//! text -> numbers -> casualties -> toll; every span must slice the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for n in sitrep_numbers::find_numbers(&text) {
        assert!(text.get(n.span.range()).is_some());
    }
    let sentences = sitrep_text::split_sentences(&text);
    let facts = sitrep_numbers::extract_casualties(&text, &sentences, &[]);
    for f in &facts {
        assert!(text.get(f.span.range()).is_some());
    }
    let _ = sitrep_numbers::document_toll("fuzz", &facts);
});
