//! The place a news outlet's web address names: local news is mostly about
//! its own town or state ("fresnobee.com" → Fresno, "kansas.com" → Kansas,
//! "chicagotribune.com" → Chicago), so an article's address is a weak hint
//! of where its incident happened.

use std::collections::HashMap;

use crate::gazetteer::{Feature, Gazetteer, Place, NONE};
use crate::normalize::fold;
use crate::Geo;

/// Towns big enough to name an outlet after; smaller ones are too often
/// ordinary words or parts of other names.
const MIN_TOWN_POPULATION: u64 = 20_000;

/// The shortest name matched inside a domain label.
const MIN_LETTERS: usize = 5;

/// Domain labels that are no outlet's name.
const GENERIC_LABELS: &[&str] = &["amp", "archive", "m", "mobile", "news", "web", "www"];

/// Names without spaces or punctuation → towns, provinces and countries.
fn compact_index(places: &[Place]) -> HashMap<Box<str>, Vec<u32>> {
    let mut out: HashMap<Box<str>, Vec<u32>> = HashMap::new();
    for (id, p) in places.iter().enumerate() {
        let keep = match p.feature {
            Feature::City => p.population >= MIN_TOWN_POPULATION,
            Feature::Admin1 | Feature::Country => true,
            _ => false,
        };
        if !keep {
            continue;
        }
        let key: String = fold(&p.name)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        if key.len() >= MIN_LETTERS {
            out.entry(key.into()).or_default().push(id as u32);
        }
    }
    out
}

/// The host of a web address, inside any archive wrapper
/// (`http://web.archive.org/web/2017/http://www.x.com/a` → `www.x.com`).
fn host(url: &str) -> Option<&str> {
    let rest = url.rsplit("://").next()?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The place an outlet's address names: the longest town, province or
/// country name spelled inside one of its domain labels (the top-level
/// domain left out), the most populous on a tie. `None` when it names none.
#[must_use]
pub fn outlet_home(gaz: &Gazetteer, url: &str) -> Option<Geo> {
    outlet_home_id(gaz, url).map(|id| gaz.geo(id, false))
}

/// The gazetteer entry of [`outlet_home`].
pub(crate) fn outlet_home_id(gaz: &Gazetteer, url: &str) -> Option<u32> {
    let host = host(url)?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let mut best: Option<(usize, u64, u32)> = None;
    for label in &labels[..labels.len().saturating_sub(1)] {
        if GENERIC_LABELS.contains(label) {
            continue;
        }
        for word in label.split(|c: char| !c.is_ascii_alphabetic()) {
            let b = word.as_bytes();
            for i in 0..b.len() {
                for j in (i + MIN_LETTERS)..=b.len() {
                    let Some(ids) = gaz.compact(&word[i..j], compact_index) else {
                        continue;
                    };
                    for &id in ids {
                        let p = &gaz.places[id as usize];
                        let key = (j - i, p.population, id);
                        if best.is_none_or(|(l, pop, _)| (key.0, key.1) > (l, pop)) {
                            best = Some(key);
                        }
                    }
                }
            }
        }
    }
    let (_, _, id) = best?;
    (id != NONE).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn hosts() {
        let rows = [
            ("http://www.fresnobee.com/news/local/a.html", Some("www.fresnobee.com")),
            (
                "http://web.archive.org/web/20170313014400/http://www.kansas.com/news/article1.html",
                Some("www.kansas.com"),
            ),
            ("https://user@example.org:8080/x?y#z", Some("example.org")),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in rows {
            assert_eq!(host(url), want, "{url}");
        }
    }
}
