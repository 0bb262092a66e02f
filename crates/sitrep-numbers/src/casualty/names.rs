//! Person names as victims: where a name ends and where it starts.

use super::context::{Ctx, Victim};
use super::lexicon::NOT_NAMES;
use super::types::Count;

impl Ctx<'_, '_> {
    /// Whether token `i` looks like the last word of a person's name.
    pub(super) fn name_end(&self, i: usize, sent_start: usize) -> bool {
        let doc = self.doc;
        if self.is_person_entity_end(i) {
            return true;
        }
        if !doc.is_cap(i) || NOT_NAMES.contains(&doc.w(i)) {
            return false;
        }
        // The sentence's first word alone is not evidence of a name.
        let mut k = i;
        while k > sent_start
            && (doc.is_cap(k - 1) && !NOT_NAMES.contains(&doc.w(k - 1))
                || doc.is(k - 1, "-")
                    && doc.tight(k - 1)
                    && k >= 2
                    && doc.tight(k - 2)
                    && doc.is_word(k - 2))
        {
            k -= 1;
        }
        // "Market streets", "Harris County": places.
        if doc.is_any(
            i + 1,
            &[
                "street",
                "streets",
                "avenue",
                "avenues",
                "road",
                "roads",
                "boulevard",
                "county",
                "city",
                "park",
                "school",
                "hospital",
                "center",
                "drive",
                "lane",
                "way",
                "block",
                "area",
                "neighborhood",
                "district",
                "mall",
                "bar",
                "club",
                "church",
                "township",
                "village",
                "station",
                "apartments",
                "st",
                "ave",
                "rd",
                "blvd",
            ],
        ) {
            return false;
        }
        // "in Germany", "to Kings County Hospital", "by Smith": places and shooters.
        const PREP: &[&str] = &[
            "in", "at", "to", "from", "near", "on", "of", "into", "outside", "inside", "toward",
            "towards", "by", "with", "for",
        ];
        if doc.is_any(k.wrapping_sub(1), &["the", "a"]) && doc.is_any(k.wrapping_sub(2), PREP) {
            return false;
        }
        if doc.is_any(
            k.wrapping_sub(1),
            &[
                "in", "at", "to", "from", "near", "on", "of", "into", "outside", "inside",
                "toward", "towards", "by", "with", "for", "|", "-",
            ],
        ) {
            return false;
        }
        // Titles and all-caps orgs are not names.
        let raw = doc.raw(i);
        if raw.len() > 1 && raw.chars().all(|c| c.is_uppercase()) {
            return false;
        }
        if k < i || k > sent_start || self.is_person_entity_start(k) {
            return true;
        }
        // A single word at the sentence start: a name when the text also
        // writes it capitalised mid-sentence ("William Waldron ... Waldron was").
        let raw = doc.raw(k);
        doc.text.match_indices(raw).any(|(p, _)| {
            p > 0
                && p != doc.toks[k].start
                && doc.text[..p].ends_with(' ')
                && !doc.text[..p - 1].ends_with(['.', '!', '?', '"'])
                && doc.text[p + raw.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    pub(super) fn name_from_end(&self, i: usize, lo: usize) -> Victim {
        let doc = self.doc;
        let mut k = i;
        loop {
            if k <= lo {
                break;
            }
            let p = k - 1;
            let cap = doc.is_cap(p) && !NOT_NAMES.contains(&doc.w(p));
            let dot = doc.is(p, ".") && doc.is_cap(p.wrapping_sub(1));
            // "Al-Mazrouei", "al-Qurashi": a tight hyphen inside a name.
            let hyphen =
                doc.is(p, "-") && doc.tight(p) && p > lo && doc.tight(p - 1) && doc.is_word(p - 1);
            // Particles: "Abu al-Hussein", "van der Berg", "bin Laden".
            let particle = doc.is_any(
                p,
                &[
                    "al", "el", "bin", "ibn", "abu", "abd", "de", "da", "del", "della", "di",
                    "van", "von", "der", "la", "le", "du",
                ],
            ) && (doc.is_cap(p.wrapping_sub(1)) || doc.is(p + 1, "-"));
            if cap || dot || hyphen || particle {
                k -= 1;
            } else {
                break;
            }
        }
        Victim {
            first: k,
            last: i + 1,
            count: Count::exact(1),
            additive: false,
            partial: true,
        }
    }
}
