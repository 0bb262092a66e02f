//! What is never article text: dropped tags and roles, hidden elements, and
//! elements whose `class` or `id` names boilerplate.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// A node of the parsed page.
pub(super) type NodeR<'a> = NodeRef<'a, Node>;

/// Elements never part of an article's text.
const DROPPED_TAGS: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "button", "select", "option", "textarea", "input", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "picture", "figure", "map", "dialog", "menu", "meta", "link",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Words in a `class` or `id` that mark boilerplate whatever it holds.
pub(super) const FURNITURE_WORDS: &[&str] = &[
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "disqus",
    "gdpr",
    "modal",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "signup",
    "subscribe",
    "subscription",
    "taboola",
];

/// Words in a `class` or `id` that mark boilerplate unless the element holds
/// the article (a `share_wrapper` or `ad-container` around the story).
pub(super) const WRAPPER_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "footer",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "promo",
    "promotion",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "toolbar",
];

/// Words in a `class` or `id` that mark content and overrule the above.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "story"];

/// The words of a `class` or `id` value, lower-cased: split at anything not a
/// letter or digit and at lower-to-upper case changes (`shareBar` → `share`,
/// `bar`).
pub(super) fn attr_words(value: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

/// What the `class` and `id` of an element say of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    /// Nothing, or content (a content word overrules the others).
    Neutral,
    /// Boilerplate unless it holds the article.
    Wrapper,
    /// Boilerplate.
    Furniture,
}

pub(super) fn names_boilerplate(el: &Element) -> Named {
    let mut named = Named::Neutral;
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for w in attr_words(value) {
            if CONTENT_WORDS.contains(&w.as_str()) {
                return Named::Neutral;
            }
            if FURNITURE_WORDS.binary_search(&w.as_str()).is_ok() {
                named = Named::Furniture;
            } else if named == Named::Neutral && WRAPPER_WORDS.binary_search(&w.as_str()).is_ok() {
                named = Named::Wrapper;
            }
        }
    }
    named
}

fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// A `<form>` that wraps a whole page (as ASP.NET pages do) is not dropped.
fn wraps_page(node: NodeR<'_>) -> bool {
    node.descendants()
        .filter(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "p" | "article" | "main"))
        })
        .take(3)
        .count()
        >= 3
}

/// Paragraph text an element must hold, in at least [`ARTICLE_PARAGRAPHS`]
/// paragraphs, to count as holding an article.
const ARTICLE_WORDS: usize = 100;
const ARTICLE_PARAGRAPHS: usize = 3;

/// Whether an element holds an article: an `<article>`, `<main>` or
/// `articleBody` element, or paragraphs of some length.
fn holds_article(node: NodeR<'_>) -> bool {
    let mut paragraphs = 0;
    let mut words = 0;
    for n in node.descendants().skip(1) {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        match el.name() {
            "article" | "main" => return true,
            "p" => {
                let w: usize = n
                    .descendants()
                    .filter_map(|t| t.value().as_text())
                    .map(|t| t.split_whitespace().count())
                    .sum();
                if w > 0 {
                    paragraphs += 1;
                    words += w;
                }
                if paragraphs >= ARTICLE_PARAGRAPHS && words >= ARTICLE_WORDS {
                    return true;
                }
            }
            _ => {
                if el
                    .attr("itemprop")
                    .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "articleBody"))
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether an element and everything in it is left out of the text.
pub(super) fn is_dropped(node: NodeR<'_>, el: &Element) -> bool {
    let name = el.name();
    if DROPPED_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if name == "form" && !wraps_page(node) {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|r| DROPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    }) {
        return true;
    }
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    match names_boilerplate(el) {
        Named::Neutral => false,
        Named::Furniture => true,
        Named::Wrapper => !holds_article(node),
    }
}

/// Whether `node` sits inside a dropped element (below `doc_root`).
pub(super) fn inside_dropped(node: NodeR<'_>) -> bool {
    node.ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| is_dropped(a, e)))
}
