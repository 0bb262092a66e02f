//! Qualifier phrases before a number ("at least", "more than", "about").

use std::sync::LazyLock;

use super::types::Qualifier;
use crate::token::{Doc, FastMap};

/// Qualifier phrases, longest first within each group (matching tries all).
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at the very least", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at minimum", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("just under", Qualifier::Nearly),
    ("just shy of", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("an estimated", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("an approximate", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("approx", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("exactly", Qualifier::Exact),
    ("precisely", Qualifier::Exact),
    ("a total of", Qualifier::Exact),
];

/// Qualifier phrases grouped by their first word.
pub(super) static QUALIFIERS_BY_FIRST: LazyLock<
    FastMap<&'static str, Vec<(&'static str, Qualifier)>>,
> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, Vec<(&'static str, Qualifier)>> = FastMap::default();
    for &(p, q) in QUALIFIERS {
        m.entry(p.split(' ').next().unwrap_or(p))
            .or_default()
            .push((p, q));
    }
    m
});

pub(super) fn qualifier_at(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if !doc.is_word(i) {
        return None;
    }
    let mut best: Option<(Qualifier, usize)> = None;
    for &(phrase, q) in QUALIFIERS_BY_FIRST.get(doc.w(i))? {
        if let Some(end) = doc.seq(i, phrase) {
            if best.is_none_or(|(_, e)| end > e) {
                best = Some((q, end));
            }
        }
    }
    best
}
