//! The candidate places of a written name: gazetteer look-ups, the unit
//! written beside it ("…, Okla."), demonyms, local agencies and datelines.

use crate::gazetteer::{Feature, Gazetteer};
use crate::normalize::{fold, strip_article};
use crate::tables::{
    country_alias, us_state_code, Unit, ADMIN_WORDS, DIRECTION_WORDS, NATURAL_WORDS,
};

/// A candidate place for a name.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub(super) place: u32,
    pub(super) exact: bool,
    pub(super) main: bool,
}

/// A unit that qualifies a name ("…, Okla.").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Qual {
    Country([u8; 2]),
    Admin1(u32),
}

/// The written name without "the", a possessive, or stray punctuation.
pub(super) fn clean(s: &str) -> &str {
    let mut s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '”' | '(' | ')' | ',' | ';' | ':' | '-')
    });
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x;
            break;
        }
    }
    for prefix in ["the ", "The ", "THE "] {
        if let Some(x) = s.strip_prefix(prefix) {
            s = x;
        }
    }
    s.trim()
}

impl Gazetteer {
    pub(super) fn place(&self, id: u32) -> &crate::gazetteer::Place {
        &self.places[id as usize]
    }

    /// Places a folded name is, directly (its names, a country short form, a
    /// US state abbreviation).
    pub(super) fn direct(&self, key: &str, out: &mut Vec<Cand>) {
        let before = out.len();
        let push = |out: &mut Vec<Cand>, c: Cand| {
            if let Some(o) = out[before..].iter_mut().find(|o| o.place == c.place) {
                o.main |= c.main;
            } else {
                out.push(c);
            }
        };
        for h in self.hits(key) {
            push(
                out,
                Cand {
                    place: h.place,
                    exact: true,
                    main: h.main,
                },
            );
        }
        if let Some(rest) = strip_article(key) {
            for h in self.hits(rest) {
                push(
                    out,
                    Cand {
                        place: h.place,
                        exact: true,
                        main: false,
                    },
                );
            }
        }
        if let Some(cc) = country_alias(key) {
            if let Some(id) = self.country(cc_bytes(cc)) {
                push(
                    out,
                    Cand {
                        place: id,
                        exact: true,
                        main: true,
                    },
                );
            }
        }
        if let Some(id) = us_state_code(key).and_then(|c| self.us_state(c)) {
            push(
                out,
                Cand {
                    place: id,
                    exact: true,
                    main: true,
                },
            );
        }
    }

    /// The admin1 entry of a US state's postal code.
    pub(super) fn us_state(&self, code: &str) -> Option<u32> {
        self.admin1_code(*b"US", code)
    }

    /// Candidate places of a written name, without context.
    pub(super) fn candidates(&self, written: &str) -> Vec<Cand> {
        let written = clean(written);
        let key = fold(written);
        let mut out = Vec::new();
        // A compass word alone ("South", "Northeast") is a direction, not
        // the province some country calls by it (Cameroon's South, Iceland's
        // Northeast): on GVA's tuned folds such readings put US streets and
        // flats in Cameroon and Iceland.
        if key.is_empty() || key.len() > 80 || DIRECTION_WORDS.contains(&key.as_str()) {
            return out;
        }
        self.direct(&key, &mut out);
        if !out.is_empty() {
            return out;
        }
        // "Ardmore, Okla." inside one mention.
        if let Some((head, tail)) = written.split_once(',') {
            if let Some(q) = self.qualifier_words(tail.trim()) {
                let mut inner = self.candidates(head);
                inner.retain(|c| self.within(c.place, q));
                if !inner.is_empty() {
                    return inner;
                }
            }
        }
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() >= 2 {
            let first = words[0];
            let last = words[words.len() - 1];
            // "northern Iraq": a part of Iraq.
            if DIRECTION_WORDS.contains(&first) {
                self.direct(&words[1..].join(" "), &mut out);
                for c in &mut out {
                    c.exact = false;
                }
                if !out.is_empty() {
                    return out;
                }
            }
            // "Anbar province", "Carter County": the unit itself.
            if let Some((_, unit)) = ADMIN_WORDS.iter().find(|(w, _)| *w == last) {
                let head = words[..words.len() - 1].join(" ");
                let mut inner = Vec::new();
                self.direct(&head, &mut inner);
                if *unit == Unit::Admin2 {
                    inner.extend(self.admin2_by_core(&head).iter().map(|&p| Cand {
                        place: p,
                        exact: true,
                        main: true,
                    }));
                }
                inner.retain(|c| {
                    let f = self.place(c.place).feature;
                    match unit {
                        Unit::Admin1 => f == Feature::Admin1,
                        Unit::Admin2 => f == Feature::Admin2 || f == Feature::Admin1,
                        Unit::Town => f == Feature::City,
                    }
                });
                if !inner.is_empty() {
                    return inner;
                }
            }
            // "Anbar Desert", "Mount Sinjar": inside the unit named.
            let head = if NATURAL_WORDS.contains(&last) {
                Some(words[..words.len() - 1].join(" "))
            } else if matches!(first, "mount" | "lake" | "jabal" | "jebel") {
                Some(words[1..].join(" "))
            } else {
                None
            };
            if let Some(head) = head {
                self.direct(&head, &mut out);
                out.retain(|c| self.place(c.place).feature != Feature::Continent);
                for c in &mut out {
                    c.exact = false;
                }
            }
        }
        out
    }

    /// Whether a place lies in a qualifying unit.
    pub(super) fn within(&self, place: u32, q: Qual) -> bool {
        let p = self.place(place);
        match q {
            Qual::Country(cc) => p.cc == cc && p.feature != Feature::Country,
            Qual::Admin1(a) => p.admin1 == a && place != a,
        }
    }

    /// The unit a few written words name, when they name a country or a
    /// first-level unit ("Okla.", "Oklahoma", "Iraq").
    pub(super) fn qualifier_words(&self, words: &str) -> Option<Qual> {
        let w = words.trim();
        // Postal codes only in capitals: ", OK".
        if w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            return self.us_state(w).map(Qual::Admin1);
        }
        let key = fold(w);
        if key.is_empty() {
            return None;
        }
        let mut cands = Vec::new();
        self.direct(&key, &mut cands);
        let pick = cands
            .iter()
            .filter(|c| {
                matches!(
                    self.place(c.place).feature,
                    Feature::Country | Feature::Admin1
                )
            })
            .max_by_key(|c| (self.place(c.place).feature == Feature::Country, c.main))?;
        let p = self.place(pick.place);
        Some(match p.feature {
            Feature::Country => Qual::Country(p.cc),
            _ => Qual::Admin1(pick.place),
        })
    }

    /// A unit written right after a name: ", Okla." / ", Oklahoma" / ", Iraq".
    pub(super) fn qualifier_after(&self, text: &str, end: usize) -> Option<(Qual, usize)> {
        let rest = text.get(end..)?;
        let rest2 = rest.strip_prefix(',')?;
        let skip = rest2.len() - rest2.trim_start_matches([' ', '\u{a0}']).len();
        if skip > 2 {
            return None;
        }
        let body = &rest2[skip..];
        let stop = body
            .find(|c: char| !(c.is_alphabetic() || c == '.' || c == ' ' || c == '\''))
            .unwrap_or(body.len())
            .min(40);
        let stop = (0..=stop).rev().find(|&i| body.is_char_boundary(i))?;
        let span = &body[..stop];
        // The longest run of up to four words that names a unit.
        let bounds: Vec<usize> = span
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i)
            .chain(std::iter::once(span.len()))
            .take(4)
            .collect();
        for &b in bounds.iter().rev() {
            let words = &span[..b];
            if words.trim().is_empty() || !words.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if let Some(q) = self.qualifier_words(words) {
                return Some((q, end + 1 + skip + b));
            }
        }
        None
    }

    /// Prior belief in a place before context.
    pub(super) fn prior(&self, c: &Cand) -> f32 {
        let p = self.place(c.place);
        let pop = (p.population as f32 + 10.0).log10();
        // Population on a log scale; a country or a continent named by its
        // own name wins unless context says otherwise. A province is
        // preferred to a town of a similar population.
        let base = match p.feature {
            Feature::Country => 5.0,
            Feature::Continent => 4.0,
            Feature::Natural | Feature::Region => 3.5,
            Feature::Admin1 => 0.7 * pop - 1.3,
            Feature::Admin2 => 0.7 * pop - 2.0,
            Feature::City => 0.7 * pop - 1.0,
        };
        base - if c.main { 0.0 } else { 0.4 }
    }
}

pub(super) fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        [0, 0]
    }
}

/// Whether a written name is a demonym or a joint adjective of places
/// ("Iraqi", "U.S.-Iraqi", "US-Iraq").
pub(super) fn is_adjective(gaz: &Gazetteer, written: &str) -> bool {
    if gaz.is_demonym(written) {
        return true;
    }
    let parts: Vec<&str> = written
        .split(['-', '–', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            gaz.is_demonym(p) || {
                let mut c = Vec::new();
                gaz.direct(&fold(p), &mut c);
                c.iter()
                    .any(|c| gaz.place(c.place).feature == Feature::Country)
            }
        })
}

/// The words that end the name of a local agency named after the place it
/// serves ("Little Rock Police Department", "DeKalb County Sheriff's Office").
pub(super) const AGENCY_WORDS: &[&str] = &[
    "fire department",
    "police",
    "police department",
    "police dept",
    "sheriffs department",
    "sheriffs office",
];

/// The place part of a local agency's name, if it is one.
pub(super) fn agency_place(written: &str) -> Option<&str> {
    let key = fold(written);
    let tail = AGENCY_WORDS.iter().find(|w| {
        key.strip_suffix(*w)
            .is_some_and(|h| h.ends_with(' ') && h.len() > 1)
    })?;
    // Cut as many words off the written name as the folded tail has.
    let n = tail.split(' ').count();
    let mut cut = written.trim_end();
    for _ in 0..n {
        cut = cut.trim_end().rsplit_once(char::is_whitespace)?.0;
    }
    let cut = cut.trim();
    (!cut.is_empty()).then_some(cut)
}

/// Whether a mention opens the text or a line and is followed by a dateline
/// mark: "BAGHDAD (Reuters) —", "KINSHASA 1997-02-17", "ARDMORE, Okla. —".
pub(super) fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !before[line_start..].trim().is_empty() || start > 400 {
        return false;
    }
    let after = text.get(end..).unwrap_or("");
    let after: String = after.chars().take(40).collect();
    let t = after.trim_start_matches([',', ' ']);
    let t = t
        .split_once(['(', '—', '–'])
        .map_or(t, |(head, _)| head)
        .trim();
    let marked = after.contains(['(', '—', '–']) || after.contains(" - ");
    let dated = after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    (marked || dated) && t.split_whitespace().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans() {
        let rows = [
            ("the Hamrin Mountains", "Hamrin Mountains"),
            ("Iraq’s", "Iraq"),
            ("\"Baghdad\"", "Baghdad"),
            ("", ""),
        ];
        for (i, e) in rows {
            assert_eq!(clean(i), e);
        }
    }
    #[test]
    fn agencies() {
        let rows = [
            ("Little Rock Police Department", Some("Little Rock")),
            ("DeKalb County Sheriff's Office", Some("DeKalb County")),
            ("Toledo Police", Some("Toledo")),
            ("Police", None),
            ("U.S. Central Command", None),
        ];
        for (i, e) in rows {
            assert_eq!(agency_place(i), e, "{i}");
        }
        assert!(AGENCY_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
    #[test]
    fn datelines() {
        let rows = [
            ("BAGHDAD (Reuters) — Nine died.", 0, 7, true),
            ("KINSHASA 1997-02-17 Rebels", 0, 8, true),
            ("ARDMORE, Okla. — A teen", 0, 7, true),
            ("He went to Baghdad (the capital).", 11, 18, false),
            ("Baghdad is big.", 0, 7, false),
        ];
        for (t, s, e, want) in rows {
            assert_eq!(is_dateline(t, s, e), want, "{t}");
        }
    }
}
