//! Canonical entities: the variants of one name across a set of documents
//! become one entity with one canonical form and all its surface forms.
//!
//! Two steps:
//! 1. **Within a document**, short forms are resolved against the full
//!    names the same article uses: "Ryder" → "Patrick Ryder" (family or given
//!    name of exactly one full name), "CENTCOM" → "U.S. Central Command"
//!    (acronym of a longer name in the article).
//! 2. **Across documents**, full names are merged by the rules in
//!    [`crate::names`] (titles stripped, transliteration-tolerant skeletons,
//!    clipped given names, missing middle names, acronyms, designators,
//!    [`ALIASES`](crate::names::ALIASES)). Candidate pairs come from
//!    blocking keys (the family name's skeleton, a name's content words), so
//!    the cost stays near linear in the number of distinct names. A short
//!    form resolved inside one article never links two full names across
//!    articles ("Ryder" cannot join "Patrick Ryder" to "John Ryder").

use std::collections::{BTreeMap, HashMap};

use sitrep_text::EntityMention;

use crate::names::{
    alias, is_acronym_of, normalize, person_words, same_person, same_thing, skeleton,
};

/// One canonical entity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CanonicalEntity {
    /// The name to show: a common actor's table name, else the most frequent
    /// full form (longer on ties).
    pub name: String,
    /// The most frequent type label of its mentions.
    pub label: String,
    /// Every surface form seen, sorted.
    pub forms: Vec<String>,
    /// In how many documents it is mentioned.
    pub documents: usize,
}

/// The result of [`canonicalize`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Canonical {
    /// The entities, in order of first mention.
    pub entities: Vec<CanonicalEntity>,
    /// For each document, for each of its mentions, the entity index (`None`
    /// for a mention with no letters or digits).
    pub mentions: Vec<Vec<Option<usize>>>,
}

impl Canonical {
    /// The canonical name of mention `m` of document `d`.
    #[must_use]
    pub fn name(&self, d: usize, m: usize) -> Option<&str> {
        let e = (*self.mentions.get(d)?.get(m)?)?;
        self.entities.get(e).map(|e| e.name.as_str())
    }
}

/// Whether a label is a person's.
fn is_person(label: &str) -> bool {
    label == "PER" || label == "PERSON"
}

/// Union-find over distinct names.
struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root: deterministic.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// A distinct full name: person or not, normalised form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    person: bool,
    norm: String,
}

/// Largest blocking bucket compared pairwise; larger buckets (very common
/// words) only merge identical names.
const MAX_BUCKET: usize = 64;

/// Resolves the entity mentions of many documents into canonical entities.
/// `docs` gives each document's text and mentions.
///
/// ```
/// use sitrep_cluster::canonicalize;
/// use sitrep_text::{EntityMention, Span};
///
/// let a = "Maj. Gen. Patrick Ryder said so. Ryder added more.";
/// let b = "Gen. Pat Ryder told reporters.";
/// let m = |s: usize, e: usize| EntityMention { span: Span::new(s, e), label: "PER".into(), score: 1.0 };
/// let (ma, mb) = ([m(10, 23), m(33, 38)], [m(5, 14)]);
/// let c = canonicalize(&[(a, &ma[..]), (b, &mb[..])]);
/// assert_eq!(c.name(0, 0), Some("Patrick Ryder"));
/// assert_eq!(c.name(0, 1), Some("Patrick Ryder"));
/// assert_eq!(c.name(1, 0), Some("Patrick Ryder"));
/// ```
#[must_use]
pub fn canonicalize(docs: &[(&str, &[EntityMention])]) -> Canonical {
    let mut keys: Vec<Key> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut intern = |k: Key, keys: &mut Vec<Key>| -> usize {
        *index.entry(k.clone()).or_insert_with(|| {
            keys.push(k);
            keys.len() - 1
        })
    };
    // Per document: each mention's node, plus in-document links that may be
    // applied globally (acronym ↔ expansion).
    let mut mention_nodes: Vec<Vec<Option<usize>>> = Vec::with_capacity(docs.len());
    let mut links: Vec<(usize, usize)> = Vec::new();
    // Surface forms, labels and documents per node.
    let mut surfaces: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut labels: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut doc_sets: Vec<Vec<usize>> = Vec::new();

    for (d, (text, mentions)) in docs.iter().enumerate() {
        let forms: Vec<(String, String, bool)> = mentions
            .iter()
            .map(|m| {
                let raw = m.span.slice(text).unwrap_or_default().trim().to_string();
                let norm = normalize(&raw);
                (raw, norm, is_person(&m.label))
            })
            .collect();
        // Full person names in this document (two words or more after titles).
        let full_people: Vec<&str> = forms
            .iter()
            .filter(|(_, n, p)| *p && person_words(n).len() >= 2)
            .map(|(_, n, _)| n.as_str())
            .collect();
        let long_things: Vec<&str> = forms
            .iter()
            .filter(|(_, n, p)| !*p && n.contains(' '))
            .map(|(_, n, _)| n.as_str())
            .collect();
        let mut nodes = Vec::with_capacity(forms.len());
        for (k, (raw, norm, person)) in forms.iter().enumerate() {
            if norm.is_empty() {
                nodes.push(None);
                continue;
            }
            let mut target = norm.clone();
            if *person {
                let words = person_words(norm);
                if words.len() == 1 {
                    // "Ryder" → the one full name in the article it ends or starts.
                    let w = words[0];
                    let mut heads: Vec<&str> = full_people
                        .iter()
                        .copied()
                        .filter(|f| {
                            let fw = person_words(f);
                            fw.last() == Some(&w) || fw.first() == Some(&w)
                        })
                        .collect();
                    heads.sort_unstable();
                    heads.dedup();
                    // Variants of one person count once.
                    let distinct = heads
                        .iter()
                        .enumerate()
                        .filter(|(i, h)| !heads[..*i].iter().any(|g| same_person(g, h)))
                        .count();
                    if distinct == 1 {
                        if let Some(best) = heads
                            .iter()
                            .max_by_key(|h| (h.len(), std::cmp::Reverse(**h)))
                        {
                            target = (*best).to_string();
                        }
                    }
                } else if words.len() < norm.split(' ').count() {
                    // Titles stripped: "maj gen patrick ryder" → "patrick ryder".
                    target = words.join(" ");
                }
            }
            let node = intern(
                Key {
                    person: *person,
                    norm: target.clone(),
                },
                &mut keys,
            );
            if !*person && !norm.contains(' ') && alias(norm).is_none() {
                // An acronym of a longer name in this article.
                let mut exp: Vec<&str> = long_things
                    .iter()
                    .copied()
                    .filter(|l| is_acronym_of(raw, l))
                    .collect();
                exp.sort_unstable();
                exp.dedup();
                if exp.len() == 1 {
                    let e = intern(
                        Key {
                            person: false,
                            norm: exp[0].to_string(),
                        },
                        &mut keys,
                    );
                    links.push((node, e));
                }
            }
            while surfaces.len() < keys.len() {
                surfaces.push(BTreeMap::new());
                labels.push(BTreeMap::new());
                doc_sets.push(Vec::new());
            }
            let shown = if *person && person_words(norm).len() >= 2 {
                strip_titles(raw)
            } else {
                raw.clone()
            };
            *surfaces[node].entry(shown).or_default() += 1;
            *labels[node].entry(mentions[k].label.clone()).or_default() += 1;
            if doc_sets[node].last() != Some(&d) {
                doc_sets[node].push(d);
            }
            nodes.push(Some(node));
        }
        mention_nodes.push(nodes);
    }
    while surfaces.len() < keys.len() {
        surfaces.push(BTreeMap::new());
        labels.push(BTreeMap::new());
        doc_sets.push(Vec::new());
    }

    let mut dsu = Dsu((0..keys.len()).collect());
    for (a, b) in links {
        dsu.union(a, b);
    }
    // Blocking: candidate pairs share a key.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        for b in block_keys(k) {
            buckets.entry(b).or_default().push(i);
        }
    }
    for members in buckets.values() {
        if members.len() > MAX_BUCKET {
            continue;
        }
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (ki, kj) = (&keys[i], &keys[j]);
                if ki.person != kj.person {
                    continue;
                }
                let same = if ki.person {
                    person_words(&ki.norm).len() >= 2
                        && person_words(&kj.norm).len() >= 2
                        && same_person(&ki.norm, &kj.norm)
                } else {
                    let ri = top_surface(&surfaces[i]).unwrap_or(&ki.norm);
                    let rj = top_surface(&surfaces[j]).unwrap_or(&kj.norm);
                    same_thing(ri, &ki.norm, rj, &kj.norm)
                };
                if same {
                    dsu.union(i, j);
                }
            }
        }
    }

    // Gather groups in order of first node.
    let mut group_of: Vec<usize> = vec![usize::MAX; keys.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..keys.len() {
        let r = dsu.find(i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        group_of[i] = group_of[r];
        groups[group_of[i]].push(i);
    }
    let entities = groups
        .iter()
        .map(|g| {
            let mut forms: BTreeMap<String, usize> = BTreeMap::new();
            let mut labs: BTreeMap<String, usize> = BTreeMap::new();
            let mut ds: Vec<usize> = Vec::new();
            for &n in g {
                for (f, c) in &surfaces[n] {
                    *forms.entry(f.clone()).or_default() += c;
                }
                for (l, c) in &labels[n] {
                    *labs.entry(l.clone()).or_default() += c;
                }
                ds.extend(&doc_sets[n]);
            }
            ds.sort_unstable();
            ds.dedup();
            let label = labs
                .iter()
                .max_by_key(|(l, c)| (**c, std::cmp::Reverse((*l).clone())))
                .map(|(l, _)| l.clone())
                .unwrap_or_default();
            let table = g.iter().find_map(|&n| {
                let k = &keys[n];
                if k.person {
                    None
                } else {
                    alias(&k.norm).or_else(|| alias(&crate::names::org_words(&k.norm).join(" ")))
                }
            });
            let name = table.map(str::to_string).unwrap_or_else(|| {
                // Prefer full names (several words) over acronyms and short forms.
                forms
                    .iter()
                    .max_by_key(|(f, c)| {
                        (
                            f.split_whitespace().count() > 1,
                            **c,
                            f.len(),
                            std::cmp::Reverse((*f).clone()),
                        )
                    })
                    .map(|(f, _)| f.clone())
                    .unwrap_or_default()
            });
            CanonicalEntity {
                name,
                label,
                forms: forms.into_keys().collect(),
                documents: ds.len(),
            }
        })
        .collect();
    let mentions = mention_nodes
        .into_iter()
        .map(|ns| ns.into_iter().map(|n| n.map(|n| group_of[n])).collect())
        .collect();
    Canonical { entities, mentions }
}

fn top_surface(s: &BTreeMap<String, usize>) -> Option<&str> {
    s.iter().max_by_key(|(_, c)| **c).map(|(f, _)| f.as_str())
}

/// A person's name as written without leading titles ("Maj. Gen. Patrick
/// Ryder" → "Patrick Ryder").
fn strip_titles(raw: &str) -> String {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let lead = words
        .iter()
        .take_while(|w| crate::names::is_title(&normalize(w)))
        .count()
        .min(words.len().saturating_sub(1));
    words[lead..].join(" ")
}

fn block_keys(k: &Key) -> Vec<String> {
    if k.person {
        let w = person_words(&k.norm);
        let mut out = Vec::new();
        if let Some(last) = w.last() {
            out.push(format!("p:{}", skeleton(last)));
        }
        if w.len() >= 2 {
            out.push(format!("pf:{}:{}", skeleton(w[0]), skeleton(w[1])));
        }
        out
    } else {
        let mut out: Vec<String> = Vec::new();
        if let Some(a) = alias(&k.norm) {
            out.push(format!("a:{a}"));
        }
        let words = crate::names::org_words(&k.norm);
        if let Some(a) = alias(&words.join(" ")) {
            out.push(format!("a:{a}"));
        }
        for w in &words {
            if w.len() >= 3 && alias(w).is_none() {
                out.push(format!("o:{w}"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_text::Span;

    fn doc(text: &str, names: &[(&str, &str)]) -> (String, Vec<EntityMention>) {
        let mut from = 0;
        let mut ms = Vec::new();
        for (n, l) in names {
            let s = from + text[from..].find(n).expect("fixture name in text");
            ms.push(EntityMention {
                span: Span::new(s, s + n.len()),
                label: (*l).into(),
                score: 1.0,
            });
            from = s + n.len();
        }
        (text.to_string(), ms)
    }

    fn names(docs: &[(String, Vec<EntityMention>)]) -> Vec<Vec<String>> {
        let refs: Vec<(&str, &[EntityMention])> = docs
            .iter()
            .map(|(t, m)| (t.as_str(), m.as_slice()))
            .collect();
        let c = canonicalize(&refs);
        (0..docs.len())
            .map(|d| {
                (0..docs[d].1.len())
                    .map(|m| c.name(d, m).unwrap_or("-").to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn variants_across_documents() {
        let docs = vec![
            doc(
                "Commander Gen. Michael Erik Kurilla spoke to U.S. Central Command (CENTCOM) staff.",
                &[("Michael Erik Kurilla", "PER"), ("U.S. Central Command", "ORG"), ("CENTCOM", "ORG")],
            ),
            doc(
                "Gen. Eric Kurilla said CENTCOM forces and the Islamic State group clashed.",
                &[("Eric Kurilla", "PER"), ("CENTCOM", "ORG"), ("Islamic State group", "ORG")],
            ),
            doc(
                "Erik Kurilla visited US Central Command; ISIS denied it. Kurilla left.",
                &[("Erik Kurilla", "PER"), ("US Central Command", "ORG"), ("ISIS", "ORG"), ("Kurilla", "PER")],
            ),
        ];
        let n = names(&docs);
        for d in &n {
            assert!(d.iter().all(|x| x != "-"), "{n:?}");
        }
        assert_eq!(n[0][0], n[1][0]);
        assert_eq!(n[0][0], n[2][0]);
        assert_eq!(n[2][3], n[2][0], "short form resolved in its document");
        assert_eq!(n[0][1], "U.S. Central Command");
        assert_eq!(n[0][2], n[0][1]);
        assert_eq!(n[1][1], n[0][1], "acronym alone in a document still joins");
        assert_eq!(n[2][1], n[0][1]);
        assert_eq!(n[1][2], "Islamic State");
        assert_eq!(n[2][2], "Islamic State");
    }

    #[test]
    fn short_form_does_not_join_two_people() {
        let docs = vec![
            doc(
                "Patrick Ryder spoke. Ryder left.",
                &[("Patrick Ryder", "PER"), ("Ryder", "PER")],
            ),
            doc(
                "John Ryder spoke. Ryder left.",
                &[("John Ryder", "PER"), ("Ryder", "PER")],
            ),
        ];
        let n = names(&docs);
        assert_eq!(n[0], vec!["Patrick Ryder", "Patrick Ryder"]);
        assert_eq!(n[1], vec!["John Ryder", "John Ryder"]);
    }

    #[test]
    fn ambiguous_short_form_stays_alone() {
        let docs = vec![doc(
            "Anna Smith and Tom Smith met. Smith spoke.",
            &[
                ("Anna Smith", "PER"),
                ("Tom Smith", "PER"),
                ("Smith", "PER"),
            ],
        )];
        let n = names(&docs);
        assert_eq!(n[0], vec!["Anna Smith", "Tom Smith", "Smith"]);
    }

    #[test]
    fn titles_dropped_from_shown_name() {
        assert_eq!(strip_titles("Maj. Gen. Patrick Ryder"), "Patrick Ryder");
        assert_eq!(strip_titles("Patrick Ryder Jr."), "Patrick Ryder Jr.");
        assert_eq!(strip_titles("Ryder"), "Ryder");
    }
}
