//! Victim noun phrases: the people a trigger is about and how many, on
//! the trigger's left ("two men were shot") or right ("killed 15 people").

use super::context::{Ctx, Victim};
use super::lexicon::{
    person, AUX, CLAUSE_STOP, DETERMINERS, NOT_NAMES, PRONOUNS_PL, PRONOUNS_SG, SPEECH,
};
use super::types::Count;
use crate::numbers::NumberKind;
use crate::token::Kind;

pub(super) fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "into"
            | "during"
            | "near"
            | "and"
            | "or"
            | "but"
            | "as"
            | "to"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "has"
            | "have"
            | "said"
            | "says"
            | "that"
            | "who"
            | "which"
            | "after"
            | "before"
            | "when"
            | "while"
            | "than"
            | "said,"
            | ","
            | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | "("
            | ")"
            | "“"
            | "”"
            | "\""
            | "—"
            | "–"
            | "|"
            | "["
            | "]"
            | "if"
            | "did"
            | "not"
            | "be"
            | "been"
            | "being"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "there"
            | "where"
            | "how"
            | "why"
            | "what"
            | "about"
            | "over"
            | "under"
            | "inside"
            | "outside"
            | "across"
            | "through"
            | "toward"
            | "towards"
            | "against"
            | "since"
            | "shot"
            | "killed"
            | "wounded"
            | "injured"
            | "died"
            | "hurt"
            | "including"
            | "like"
            | "of"
    )
}

impl Ctx<'_, '_> {
    /// Builds the noun phrase whose head is at `h`, scanning left for
    /// modifiers, determiners and a number; `lo` bounds the scan.
    fn np_from_head(&self, h: usize, lo: usize) -> Victim {
        let doc = self.doc;
        let plural = person(doc.w(h)).unwrap_or(true);
        let mut first = h;
        let mut count: Option<Count> = None;
        let mut det: Option<&str> = None;
        let mut additive = matches!(doc.w(h), "others" | "other");
        let mut k = h;
        let mut steps = 0;
        while k > lo && steps < 8 {
            k -= 1;
            steps += 1;
            if let Some(n) = self.num(k) {
                if n.kind == NumberKind::Count {
                    count = Some(Count::from_num(n));
                    first = n.first;
                    break;
                }
                if matches!(n.kind, NumberKind::Age | NumberKind::Ordinal) {
                    if n.kind == NumberKind::Ordinal && n.value.is_some_and(|v| v >= 2.0) {
                        additive = true;
                    }
                    first = n.first;
                    k = n.first;
                    continue;
                }
                break;
            }
            let w = doc.w(k);
            if DETERMINERS.contains(&w) {
                det = Some(w);
                first = k;
                if matches!(
                    w,
                    "another" | "other" | "second" | "third" | "fourth" | "fifth"
                ) {
                    additive = true;
                    // "a second man", "the other man".
                    if doc.is_any(k.wrapping_sub(1), &["a", "the"]) && k > lo {
                        first = k - 1;
                    }
                }
                // "all seven", "both"; "the two" handled by the number.
                break;
            }
            if doc.is_word(k) && !stop_word(w) && person(w).is_none()
                || matches!(w, "-" | "." | "’" | "'")
                || (doc.is_word(k) && w == "s" && doc.is_any(k.wrapping_sub(1), &["’", "'"]))
            {
                first = k;
                continue;
            }
            break;
        }
        let singular_det = count.is_none() && !plural && det != Some("no");
        let count = match count {
            Some(c) => c,
            None => match det {
                Some("no") => Count::exact(0),
                Some("both") => Count::exact(2),
                Some(_) | None if !plural => Count::exact(1),
                _ => Count::unknown(),
            },
        };
        let mut v = Victim {
            first,
            last: h + 1,
            count,
            additive,
            partial: singular_det,
        };
        // "one of the victims", "two of them", "none of the officers".
        if doc.is(v.first.wrapping_sub(1), "of") && v.first >= 2 {
            let q = v.first - 2;
            if let Some(n) = self.count_num(q) {
                v.count = Count::from_num(n);
                v.first = n.first;
                v.partial = true;
            } else if doc.is_any(q, &["one"]) {
                v.count = Count::exact(1);
                v.first = q;
                v.partial = true;
            } else if doc.is(q, "none") {
                v.count = Count::exact(0);
                v.first = q;
            } else if doc.is_any(q, &["both"]) {
                v.count = Count::exact(2);
                v.first = q;
            }
        }
        // "his five young children as well as his wife" / "a man and a woman".
        v
    }

    /// Finds the victims of a trigger on its left: the nearest person noun
    /// phrase, name, pronoun or bare count in the clause.
    pub(super) fn left_victim(&self, k: usize, lo: usize) -> Option<Victim> {
        let doc = self.doc;
        let mut j = k;
        let mut only_aux = true;
        let mut steps = 0;
        while j > lo && steps < 16 {
            j -= 1;
            steps += 1;
            let w = doc.w(j);
            if let Some(n) = self.num(j) {
                if n.kind == NumberKind::Count {
                    // "a mother of three is dead": not the victims.
                    if only_aux && !doc.is(n.first.wrapping_sub(1), "of") {
                        let mut v = Victim {
                            first: n.first,
                            last: n.last,
                            count: Count::from_num(n),
                            additive: false,
                            partial: false,
                        };
                        self.widen_left(&mut v, lo);
                        return Some(v);
                    }
                    j = n.first;
                    only_aux = false;
                    continue;
                }
                if n.kind == NumberKind::Age && doc.is(n.first.wrapping_sub(1), ",") {
                    // Appositive age: "Dunnigan, 42, died".
                    j = n.first;
                    continue;
                }
                j = n.first;
                continue;
            }
            if CLAUSE_STOP.contains(&w) || (SPEECH.contains(&w) && !only_aux) {
                return None;
            }
            // A full stop the splitter missed ("Command. died").
            if w == "."
                && doc.toks.get(j + 1).is_some_and(|t| t.space_before)
                && doc.raw(j.wrapping_sub(1)).len() > 3
                && !doc.is_cap(j + 1)
            {
                return None;
            }
            if w == "," {
                // Skip an appositive: ", 30, of Bismark," / ", a father of two,".
                if let Some(p) = self.appositive_start(j, lo) {
                    j = p;
                    continue;
                }
                if only_aux {
                    continue;
                }
                return None;
            }
            if let Some(_plural) = person(w) {
                if w == "one"
                    && !only_aux
                    && !doc.is_any(
                        j + 1,
                        &[
                            "was", "is", "of", "died", "had", "who", "person", "man", "woman",
                        ],
                    )
                {
                    continue;
                }
                if w == "other" && !doc.is_any(j.wrapping_sub(1), &["the", "an", "one"]) {
                    continue;
                }
                let mut v = self.np_from_head(j, lo);
                // Extend over "of the Islamic State group" up to the verb.
                v.last = v.last.max(j + 1);
                self.widen_left(&mut v, lo);
                return Some(v);
            }
            if PRONOUNS_SG.contains(&w) {
                return Some(Victim {
                    first: j,
                    last: j + 1,
                    count: Count::exact(1),
                    additive: false,
                    partial: true,
                });
            }
            if PRONOUNS_PL.contains(&w) {
                return Some(Victim {
                    first: j,
                    last: j + 1,
                    count: Count::unknown(),
                    additive: false,
                    partial: false,
                });
            }
            if matches!(w, "nobody" | "none") || (w == "one" && doc.is(j.wrapping_sub(1), "no")) {
                let f = if w == "one" { j - 1 } else { j };
                return Some(Victim {
                    first: f,
                    last: j + 1,
                    count: Count::exact(0),
                    additive: doc.is(j + 1, "else"),
                    partial: false,
                });
            }
            if self.name_end(j, lo) {
                return Some(self.name_from_end(j, lo));
            }
            if !AUX.contains(&w) {
                only_aux = false;
            }
        }
        None
    }

    /// When the token before `comma` closes an appositive (", 30," or ", of
    /// Allen,"), returns the index of the comma that opens it.
    fn appositive_start(&self, comma: usize, lo: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = comma;
        let mut steps = 0;
        while k > lo && steps < 10 {
            k -= 1;
            steps += 1;
            if doc.is(k, ",") {
                let inner = k + 1;
                let age = self.num(inner).is_some_and(|n| n.kind == NumberKind::Age)
                    || doc.is_any(inner, &["age", "aged"]);
                let apos =
                    doc.is_any(inner, &["of", "a", "an", "who", "the", "both"]) && steps <= 8;
                if (age || apos)
                    && k > lo
                    && (self.name_end(k - 1, lo) || person(doc.w(k - 1)).is_some())
                {
                    return Some(k);
                }
                return None;
            }
            if CLAUSE_STOP.contains(&doc.w(k)) {
                return None;
            }
        }
        None
    }

    /// Adds conjoined victims on the left: "a man and a woman were shot".
    fn widen_left(&self, v: &mut Victim, lo: usize) {
        let doc = self.doc;
        let f = v.first;
        if f >= 2 && f > lo + 1 && doc.is(f - 1, "and") {
            let j = f - 2;
            let w = doc.w(j);
            let other = if person(w).is_some() {
                Some(self.np_from_head(j, lo))
            } else if self.name_end(j, lo) {
                Some(self.name_from_end(j, lo))
            } else {
                None
            };
            if let Some(o) = other {
                if o.count.point().is_some() && v.count.point().is_some() {
                    v.count.add(&o.count);
                    v.partial = false;
                }
                v.first = o.first;
            }
        }
    }

    /// Finds the victims of an active trigger on its right.
    pub(super) fn right_victim(&self, s: usize, hi: usize) -> Option<Victim> {
        let mut v = self.right_np(s, hi)?;
        // Conjoined victims: "his five children as well as his wife", "a man and a woman".
        for _ in 0..3 {
            let mut j = v.last;
            // Skip an "of ..." complement and an appositive.
            if self.doc.is(j, "of") {
                j = self.skip_of(j, hi);
                v.last = j;
            }
            let conj = if self.doc.seq(j, "as well as").is_some() {
                Some(j + 3)
            } else if self.doc.is_any(j, &["and", "plus"]) {
                Some(j + 1)
            } else {
                None
            };
            let Some(c) = conj else { break };
            let Some(o) = self.right_np(c, hi) else { break };
            if o.bare {
                break;
            }
            if let (Some(_), Some(_)) = (v.count.point(), o.count.point()) {
                v.count.add(&o.count);
                v.partial = false;
            }
            v.last = o.last;
        }
        Some(Victim {
            first: v.first,
            last: v.last,
            count: v.count,
            additive: v.additive,
            partial: v.partial,
        })
    }

    fn skip_of(&self, of: usize, hi: usize) -> usize {
        let doc = self.doc;
        let mut j = of + 1;
        while j < hi && j < of + 8 {
            let w = doc.w(j);
            if doc.is_word(j) && (!stop_word(w) || w == "of") || matches!(w, "-" | "." | "’" | "'")
            {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    fn right_np(&self, s: usize, hi: usize) -> Option<RightNp> {
        let doc = self.doc;
        if s >= hi {
            return None;
        }
        let w = doc.w(s);
        if let Some(n) = self.num(s) {
            if n.kind != NumberKind::Count || n.first != s {
                return None;
            }
            let count = Count::from_num(n);
            // A head within a few words, else a bare number followed by a boundary.
            let mut j = n.last;
            let mut steps = 0;
            while j < hi && steps < 5 {
                let wj = doc.w(j);
                if person(wj).is_some() && wj != "one" {
                    return Some(RightNp {
                        first: n.first,
                        last: j + 1,
                        count,
                        additive: wj == "others",
                        bare: false,
                        partial: false,
                    });
                }
                if doc.is_word(j) && !stop_word(wj) || matches!(wj, "-" | "." | "’" | "'") {
                    j += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            let after = doc.w(n.last);
            if n.last >= hi
                || stop_word(after)
                || doc.kind(n.last) == Some(Kind::Punct)
                || matches!(after, "others" | "more" | "people")
            {
                return Some(RightNp {
                    first: n.first,
                    last: n.last,
                    count,
                    additive: false,
                    bare: true,
                    partial: false,
                });
            }
            return None;
        }
        if PRONOUNS_SG.contains(&w) {
            return Some(RightNp {
                first: s,
                last: s + 1,
                count: Count::exact(1),
                additive: false,
                bare: false,
                partial: true,
            });
        }
        if PRONOUNS_PL.contains(&w) {
            return Some(RightNp {
                first: s,
                last: s + 1,
                count: Count::unknown(),
                additive: false,
                bare: false,
                partial: false,
            });
        }
        if DETERMINERS.contains(&w) || doc.is_word(s) && !stop_word(w) {
            // Look for a person head within a few words.
            let mut j = s;
            let mut steps = 0;
            while j < hi && steps < 6 {
                let wj = doc.w(j);
                if let Some(_p) = person(wj) {
                    if wj == "one" && j == s {
                        break;
                    }
                    let v = self.np_from_head(j, s.saturating_sub(1).max(s));
                    let first = v.first.min(s);
                    return Some(RightNp {
                        first,
                        last: j + 1,
                        count: v.count,
                        additive: v.additive,
                        bare: false,
                        partial: v.partial,
                    });
                }
                if self.num(j).is_some_and(|n| n.kind == NumberKind::Count) && j > s {
                    // "his five young children": the number is inside.
                    j += 1;
                    steps += 1;
                    continue;
                }
                if doc.is_word(j) && (!stop_word(wj) || DETERMINERS.contains(&wj))
                    || matches!(wj, "-" | "." | "’" | "'")
                    || self.num(j).is_some_and(|n| n.kind == NumberKind::Age)
                {
                    j += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            // A name: "killed John Smith".
            if doc.is_cap(s) && !NOT_NAMES.contains(&w) {
                let mut e = s;
                while e + 1 < hi {
                    let n = e + 1;
                    if doc.is_cap(n) && !NOT_NAMES.contains(&doc.w(n)) {
                        e = n;
                    } else if doc.is(n, "-")
                        && doc.tight(e)
                        && doc.tight(n)
                        && doc.is_word(n + 1)
                        && n + 1 < hi
                    {
                        e = n + 1;
                    } else if doc.is_any(
                        n,
                        &[
                            "al", "el", "bin", "ibn", "abu", "de", "da", "del", "di", "van", "von",
                            "der", "la", "le", "du",
                        ],
                    ) && (doc.is_cap(n + 1) || doc.is(n + 1, "-"))
                    {
                        e = n;
                    } else {
                        break;
                    }
                }
                if e > s || self.is_person_entity_start(s) {
                    return Some(RightNp {
                        first: s,
                        last: e + 1,
                        count: Count::exact(1),
                        additive: false,
                        bare: false,
                        partial: true,
                    });
                }
            }
        }
        None
    }
}

struct RightNp {
    first: usize,
    last: usize,
    count: Count,
    additive: bool,
    bare: bool,
    partial: bool,
}
