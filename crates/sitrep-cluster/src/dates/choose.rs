//! Choosing the incident's own date among those an article states
//! ([`event_date`]): what the words around each tie it to, where it
//! stands, and the page's own publication stamp.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use sitrep_text::Span;

use super::clause::{clause_after, clause_before, floor_boundary, future_before};
use super::date::{Basis, EventDate, Precision};
use super::find::{day_of, find_dates, weekday};

/// What the words next to a date tie it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    /// Something later than the incident: a court date, a funeral, an
    /// arrest, a death in hospital, a statement ("police said Monday").
    FollowUp,
    /// Nothing either way.
    Neutral,
    /// The incident itself: "was shot Sunday", "Sunday's shooting".
    Incident,
}

/// Cue words, the nearest one before a date deciding: incident words and
/// follow-up words in one alternation, told apart by the capture group.
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:(shot|shoot\w*|gunned|gunfire|gunshots?|fired|firing|opened fire|killed|killing|slain|slaying|",
        r"murder\w*|wounded|injured|hurt|stabbed|struck|hit|attack\w*|robbed|robbery|happened|occurred|",
        r"took place|broke out|erupted|responded|found|discovered|incident|dead|deadly|fatal\w*)",
        r"|(arraign\w*|charg\w+|booked|court|hearing|trial|sentenc\w*|plead\w*|indict\w*|convicted|",
        r"funeral|vigil|memorial|services?|buried|burial|autopsy|released|bond|bail|jail\w*|custody|",
        r"arrest\w*|surrender\w*|turned himself|identified|named|died|passed away|succumbed|",
        r"said|says|told|announced|confirmed|updated|statement|conference|appear\w*))\b"
    ))
    .expect("valid pattern")
});

/// Nouns right after a date that make it the incident's ("Sunday's
/// shooting", "the Jan. 16 slaying") or a later event's ("Monday's hearing").
static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:'s|’s)?\s*(?:(?:morning|afternoon|evening|night|early|late)\s+)?(?:",
        r"(shooting|slaying|killing|homicide|attack|incident|rampage|massacre|murder|stabbing|gunfire|robbery|",
        r"home invasion|standoff|crash)|",
        r"(arraignment|hearing|court|funeral|vigil|memorial|service|news conference|press conference|statement))\b"
    ))
    .expect("valid pattern")
});

fn cue(text: &str, span: Span) -> Cue {
    if let Some(c) = CUE_AFTER.captures(clause_after(text, span.end, 40)) {
        return if c.get(1).is_some() {
            Cue::Incident
        } else {
            Cue::FollowUp
        };
    }
    match CUE_BEFORE
        .captures_iter(clause_before(text, span.start, 80))
        .last()
    {
        Some(c) if c.get(1).is_some() => Cue::Incident,
        Some(_) => Cue::FollowUp,
        None => Cue::Neutral,
    }
}

/// A publication stamp an outlet writes into its page ("Posted: Saturday,
/// June 27, 2015 10:39 PM EDT", "(Published Tuesday, April 28, 2015)",
/// "Updated: 08/10/2014 4:26 PM", "Created: …"): the keyword, and whether
/// it is a later revision ("Updated").
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(posted|published|created|first published)|((?:last )?updated|modified))(?:\s+on)?\s*:?\s*")
        .expect("valid pattern")
});

/// Stamps are looked for in the first bytes of a page only.
const STAMP_BYTES: usize = 800;

/// The dates of an outlet's publication stamps in the first bytes of `text`:
/// the spans they cover (keyword, weekday, date and time) and the date the
/// page was first published (the earliest "Posted"/"Published"/"Created"
/// date, else the earliest "Updated" one).
fn stamps(text: &str) -> (Vec<Span>, Option<NaiveDate>) {
    let head = &text[..floor_boundary(text, STAMP_BYTES)];
    let found = find_dates(head, None);
    let mut spans = Vec::new();
    let (mut first, mut updated): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for m in STAMP.captures_iter(head) {
        let Some(k) = m.get(0) else { continue };
        // The stamp's date: the first dated expression with a year that
        // starts within a weekday's reach of the keyword.
        let mut end = k.end();
        let mut covered = Vec::new();
        for d in found.iter().filter(|d| d.span.start >= k.end()) {
            // Only a weekday may stand between ("Posted: Saturday, June 27").
            let gap = head[end..d.span.start].trim_matches([',', ' ']);
            if !(gap.is_empty() || weekday(gap).is_some()) {
                break;
            }
            end = d.span.end;
            covered.push(*d);
            if d.year.is_some() {
                break;
            }
        }
        let Some(date) = covered
            .iter()
            .rev()
            .find(|d| d.precision == Precision::Day)
            .and_then(EventDate::date)
        else {
            continue;
        };
        spans.push(Span::new(k.start(), end));
        let slot = if m.get(1).is_some() {
            &mut first
        } else {
            &mut updated
        };
        *slot = Some(slot.map_or(date, |x| x.min(date)));
    }
    (spans, first.or(updated))
}

/// The date of the incident an article reports, read from the time
/// expressions of its lead (the first three sentences of `sentences`) and
/// of `event_sentences` (those stating its casualties), resolved against
/// the publication date: the page's own publication stamp when it has one
/// (which the crawl date `published` may not be), else `published`.
///
/// Each expression is weighed by what the words around it tie it to: the
/// incident ("was shot Sunday", "Sunday's shooting") above nothing, nothing
/// above something later (a court date, an arrest, a funeral, a death in
/// hospital, "police said Monday"); then the lead's first sentence above
/// the rest; then text order. Expressions in the future ("will be arraigned
/// Friday"), in a stamp, after publication or more than a year before it
/// are left out. When no day is stated the publication date stands in for
/// it, with [`Basis::Publication`] (time precision 2).
///
/// ```
/// use chrono::NaiveDate;
/// use sitrep_cluster::event_date;
/// use sitrep_text::split_sentences;
///
/// let text = "Two people were shot Thursday night in Gary. Police said a man was arrested last month.";
/// let s = split_sentences(text);
/// let d = event_date(text, &s, &[], NaiveDate::from_ymd_opt(2014, 2, 15)).unwrap();
/// assert_eq!((d.iso(), d.time_precision()), ("2014-02-13".to_string(), 1));
/// ```
#[must_use]
pub fn event_date(
    text: &str,
    sentences: &[Span],
    event_sentences: &[Span],
    published: Option<NaiveDate>,
) -> Option<EventDate> {
    const LEAD: usize = 3;
    let lead_end = sentences
        .get(LEAD.min(sentences.len()).saturating_sub(1))
        .map_or(text.len().min(600), |s| s.end);
    let first_end = sentences.first().map_or(lead_end, |s| s.end);
    let (stamp_spans, stamped) = stamps(text);
    let published = stamped.or(published);
    let in_stamp = |d: &EventDate| {
        stamp_spans
            .iter()
            .any(|s| s.start <= d.span.start && d.span.end <= s.end)
    };
    let in_scope = |d: &EventDate| {
        d.span.start < lead_end
            || event_sentences
                .iter()
                .any(|s| s.start <= d.span.start && d.span.end <= s.end)
    };
    let plausible = |d: &EventDate| match (d.date(), published) {
        (Some(x), Some(p)) => x <= p && (p - x).num_days() <= 366,
        _ => true,
    };
    let found: Vec<(EventDate, Cue)> = find_dates(text, published)
        .into_iter()
        .filter(|d| in_scope(d) && plausible(d) && !in_stamp(d))
        .filter(|d| !future_before(text, d.span.start))
        .map(|d| (d, cue(text, d.span)))
        .collect();
    let best = found
        .iter()
        .filter(|(d, _)| d.precision == Precision::Day)
        .max_by_key(|(d, c)| {
            (
                *c,
                d.span.start < first_end,
                std::cmp::Reverse(d.span.start),
            )
        })
        .or_else(|| found.first())
        .map(|(d, _)| *d);
    best.or_else(|| {
        let p = published?;
        Some(EventDate {
            basis: Basis::Publication,
            span: Span::new(0, 0),
            ..day_of(p, Precision::Day, Span::new(0, 0))
        })
    })
}
