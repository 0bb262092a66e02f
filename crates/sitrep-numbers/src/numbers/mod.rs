//! Numeric expressions: digits, number words, vague quantities, ranges,
//! qualifiers, and what kind of thing each number measures.
//!
//! By module: [`lexicon`] holds the words (number words, months, units,
//! currencies, label words); [`mod@scan`] finds each expression's extent
//! (qualifier, currency, ranges, suffix qualifiers, bounds) with
//! [`qualifiers`] for the hedges, [`digits`] and [`words`] for the figure
//! itself; [`kinds`] tells what it measures.

mod digits;
mod kinds;
mod lexicon;
mod qualifiers;
mod scan;
#[cfg(test)]
mod tests;
mod types;
mod words;

use sitrep_text::Span;

use crate::token::Doc;

pub(crate) use scan::scan;
pub(crate) use types::Num;
pub use types::{NumberKind, NumberMention, Qualifier};

/// Finds every numeric expression in `text`, in order, with byte spans that
/// always slice `text`.
///
/// ```
/// use sitrep_numbers::{find_numbers, NumberKind, Qualifier};
///
/// let n = find_numbers("at least seven ISIS operatives and an 18-year-old");
/// assert_eq!(n[0].text, "at least seven");
/// assert_eq!((n[0].value, n[0].qualifier), (Some(7.0), Qualifier::AtLeast));
/// assert_eq!(n[1].kind, NumberKind::Age);
/// ```
#[must_use]
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let doc = Doc::new(text);
    scan(&doc).iter().map(|n| to_mention(&doc, n)).collect()
}

fn to_mention(doc: &Doc<'_>, n: &Num) -> NumberMention {
    let start = doc.toks[n.first].start;
    let end = doc.toks[n.last - 1].end;
    NumberMention {
        span: Span::new(start, end),
        text: doc.text[start..end].to_string(),
        value: n.value,
        low: n.low,
        high: n.high,
        qualifier: n.qualifier,
        kind: n.kind,
    }
}
