//! Which element holds the article: the semantic candidates (`articleBody`,
//! `<article>`, `<main>`) against the element with the densest paragraphs.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::Node;

use super::boilerplate::{inside_dropped, is_dropped, NodeR};
use super::text::{extract_text, is_block};

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

/// Text of fewer letters than this, met directly in one block, scores
/// nothing (a menu item, a date line).
const MIN_PARAGRAPH: usize = 25;

/// Candidates of the densest-text search whose links are weighed.
const LINK_CANDIDATES: usize = 5;

/// The element whose paragraphs hold the most text, as readability scores
/// content: the text met directly in a `<p>` counts for its parent and half
/// for its grandparent; text met directly in another block (a `<div>` or
/// `<td>` of text and `<br>`s, as blogs write) counts for that block and half
/// for its parent; a piece under [`MIN_PARAGRAPH`] letters counts nothing.
/// The best few are then weighed by the share of their text that is not
/// link text (a list of links scores little however long). One pass over
/// the page, leaving out dropped elements.
fn densest_paragraphs<'a>(doc_root: NodeR<'a>) -> Option<(NodeR<'a>, usize)> {
    let mut skipping: Option<NodeId> = None;
    // Open blocks, innermost last, with the text weight met directly in each.
    let mut open: Vec<(NodeR<'_>, usize)> = Vec::new();
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    let mut order: Vec<NodeR<'a>> = Vec::new();
    let mut add = |node: Option<NodeR<'a>>, w: usize| {
        let Some(node) = node.filter(|n| n.value().is_element()) else {
            return;
        };
        let s = scores.entry(node.id()).or_insert(0);
        if *s == 0 {
            order.push(node);
        }
        *s += w;
    };
    for edge in doc_root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if let Some(b) = open.last_mut() {
                            b.1 += weight(t);
                        }
                    }
                    Node::Element(el) => {
                        if is_dropped(node, el) {
                            skipping = Some(node.id());
                        } else if scores_text(el.name()) {
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
                if open.last().is_some_and(|(b, _)| b.id() == node.id()) {
                    let Some((b, w)) = open.pop() else { continue };
                    if w < MIN_PARAGRAPH {
                        continue;
                    }
                    let is_p = b.value().as_element().is_some_and(|e| e.name() == "p");
                    let (first, second) = if is_p {
                        let parent = b.parent();
                        (parent, parent.and_then(|p| p.parent()))
                    } else {
                        (Some(b), b.parent())
                    };
                    add(first, w);
                    add(second, w / 2);
                }
            }
        }
    }
    let mut ranked: Vec<(NodeR<'_>, usize)> = order
        .into_iter()
        .map(|n| (n, scores.get(&n.id()).copied().unwrap_or(0)))
        .filter(|(_, s)| *s > 0)
        .collect();
    // Highest first; the first in the page among equals.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    ranked.truncate(LINK_CANDIDATES);
    let mut best: Option<(NodeR<'_>, usize)> = None;
    for (node, score) in ranked {
        let (text, links) = text_and_link_weight(node);
        let weighed = score
            .saturating_mul(text - links.min(text))
            .checked_div(text)
            .unwrap_or(0);
        if best.is_none_or(|(_, b)| weighed > b) {
            best = Some((node, weighed));
        }
    }
    best.filter(|(_, s)| *s > 0)
}

/// Elements whose own text is scored as a paragraph.
fn scores_text(name: &str) -> bool {
    is_block(name) || matches!(name, "td" | "th")
}

/// The weight of the text under `root` and of the part inside links,
/// leaving out dropped elements.
fn text_and_link_weight(root: NodeR<'_>) -> (usize, usize) {
    let mut skipping: Option<NodeId> = None;
    let mut in_link = 0usize;
    let (mut text, mut links) = (0, 0);
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        let w = weight(t);
                        text += w;
                        if in_link > 0 {
                            links += w;
                        }
                    }
                    Node::Element(el) => {
                        if node.id() != root.id() && is_dropped(node, el) {
                            skipping = Some(node.id());
                        } else if el.name() == "a" {
                            in_link += 1;
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
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
    (text, links)
}
