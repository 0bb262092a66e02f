//! Which element holds the article: the semantic candidates (`articleBody`,
//! `<article>`, `<main>`) against the element with the densest paragraphs.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::Node;

use super::boilerplate::{inside_dropped, is_dropped, NodeR};
use super::text::extract_text;

/// Candidates of one kind considered for the main content, at most.
const MAX_CANDIDATES: usize = 16;

/// Letters and digits of a text: a measure of how much it says.
fn weight(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The element holding the article, if any stands out.
pub(super) fn choose_root(doc_root: NodeR<'_>) -> Option<NodeR<'_>> {
    // articleBody, article, main.
    let mut groups: [Vec<NodeR<'_>>; 3] = Default::default();
    for node in doc_root.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let group = if el
            .attr("itemprop")
            .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "articleBody"))
        {
            0
        } else if el.name() == "article" {
            1
        } else if el.name() == "main"
            || el
                .attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        {
            2
        } else {
            continue;
        };
        if groups[group].len() < MAX_CANDIDATES {
            groups[group].push(node);
        }
    }
    let semantic = groups.iter().find_map(|group| {
        group
            .iter()
            .filter(|n| !inside_dropped(**n))
            .map(|n| (*n, weight(&extract_text(*n))))
            .filter(|(_, w)| *w > 0)
            // The first of equals: max_by_key would keep the last.
            .fold(None, |best: Option<(NodeR<'_>, usize)>, c| match best {
                Some(b) if b.1 >= c.1 => Some(b),
                _ => Some(c),
            })
    });
    let dense = densest_paragraphs(doc_root);
    match (semantic, dense) {
        (Some((s, sw)), Some((d, dw))) => {
            let d_inside_s = d.id() == s.id() || d.ancestors().any(|a| a.id() == s.id());
            Some(if dw > 2 * sw && !d_inside_s { d } else { s })
        }
        (Some((s, _)), None) => Some(s),
        (None, Some((d, _))) => Some(d),
        (None, None) => None,
    }
}

/// The element whose `<p>` children hold the most text (half of what its
/// grandchildren hold counts too), as readability scores content; in one
/// pass, leaving out dropped elements.
fn densest_paragraphs(doc_root: NodeR<'_>) -> Option<(NodeR<'_>, usize)> {
    let mut skipping: Option<NodeId> = None;
    // Open `<p>` elements, innermost last, with the text weight met in each.
    let mut open: Vec<(NodeR<'_>, usize)> = Vec::new();
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    let mut order: Vec<NodeR<'_>> = Vec::new();
    for edge in doc_root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if let Some(p) = open.last_mut() {
                            p.1 += weight(t);
                        }
                    }
                    Node::Element(el) => {
                        if is_dropped(node, el) {
                            skipping = Some(node.id());
                        } else if el.name() == "p" {
                            open.push((node, 0));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if open.last().is_some_and(|(p, _)| p.id() == node.id()) {
                    let Some((p, w)) = open.pop() else { continue };
                    if w == 0 {
                        continue;
                    }
                    let parent = p.parent().filter(|n| n.value().is_element());
                    if let Some(parent) = parent {
                        let s = scores.entry(parent.id()).or_insert(0);
                        if *s == 0 {
                            order.push(parent);
                        }
                        *s += w;
                        if let Some(grand) = parent.parent().filter(|n| n.value().is_element()) {
                            let s = scores.entry(grand.id()).or_insert(0);
                            if *s == 0 {
                                order.push(grand);
                            }
                            *s += w / 2;
                        }
                    }
                }
            }
        }
    }
    let mut best: Option<(NodeR<'_>, usize)> = None;
    for node in order {
        let s = scores.get(&node.id()).copied().unwrap_or(0);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((node, s));
        }
    }
    best.filter(|(_, s)| *s > 0)
}
