//! Helpers for the gazetteer tests.

use std::sync::OnceLock;

use sitrep_geo::Gazetteer;
use sitrep_text::{EntityMention, Span};

/// The installed gazetteer, loaded once; `None` (with the reason printed)
/// when `scripts/setup.sh` has not installed one.
pub fn gazetteer() -> Option<&'static Gazetteer> {
    static G: OnceLock<Option<Gazetteer>> = OnceLock::new();
    G.get_or_init(|| match Gazetteer::load_default() {
        Ok(g) => Some(g),
        Err(e) => {
            eprintln!("skipped: {e}");
            None
        }
    })
    .as_ref()
}

/// LOC mentions of each name, at each of its occurrences in `text`.
pub fn locs(text: &str, names: &[&str]) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = Vec::new();
    for n in names {
        let mut from = 0;
        while let Some(i) = text[from..].find(n) {
            let start = from + i;
            out.push(EntityMention {
                span: Span::new(start, start + n.len()),
                label: "LOC".into(),
                score: 1.0,
            });
            from = start + n.len();
        }
    }
    out.sort_by_key(|e| e.span.start);
    out
}
