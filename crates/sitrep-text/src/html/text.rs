//! The readable text under an element: one paragraph per block element,
//! without dropped elements and short notices.

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::Node;

use super::boilerplate::{is_dropped, NodeR};

/// Phrases of notices that are not the article, in short paragraphs.
const NOTICE_PHRASES: &[&str] = &[
    "we use cookies",
    "uses cookies",
    "accept cookies",
    "cookie policy",
    "cookie settings",
    "subscribe to",
    "subscribe now",
    "sign up for",
    "newsletter",
    "all rights reserved",
    "share this",
    "follow us on",
    "click here",
    "read more",
    "skip to content",
    "skip to main content",
];

/// Paragraphs of at most this many words may be notices.
const NOTICE_MAX_WORDS: usize = 40;

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Whether a short paragraph is a notice (cookies, subscriptions, sharing).
fn is_notice(block: &str) -> bool {
    if block.split_whitespace().count() > NOTICE_MAX_WORDS {
        return false;
    }
    let lower = block.to_lowercase();
    lower == "advertisement" || NOTICE_PHRASES.iter().any(|p| lower.contains(p))
}

/// Paragraphs of text being built.
#[derive(Default)]
struct TextBuilder {
    blocks: Vec<String>,
    /// The lines of the paragraph being read (split at `<br>`).
    lines: Vec<String>,
}

impl TextBuilder {
    fn push(&mut self, s: &str) {
        match self.lines.last_mut() {
            Some(l) => l.push_str(s),
            None => self.lines.push(s.to_owned()),
        }
    }

    fn line_break(&mut self) {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.push(String::new());
    }

    /// Ends the paragraph being read; an empty line in it (`<br><br>`)
    /// splits it in two.
    fn end_block(&mut self) {
        let mut block = String::new();
        for line in std::mem::take(&mut self.lines) {
            let mut words = line.split_whitespace().peekable();
            if words.peek().is_none() {
                self.push_block(std::mem::take(&mut block));
                continue;
            }
            if !block.is_empty() {
                block.push('\n');
            }
            for (i, w) in words.enumerate() {
                if i > 0 {
                    block.push(' ');
                }
                block.push_str(w);
            }
        }
        self.push_block(block);
    }

    fn push_block(&mut self, block: String) {
        if !block.is_empty() && !is_notice(&block) {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> String {
        self.end_block();
        self.blocks.join("\n\n")
    }
}

/// The readable text under `root` (the root itself is never dropped).
pub(super) fn extract_text(root: NodeR<'_>) -> String {
    let mut out = TextBuilder::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.push(t),
                    Node::Element(el) => {
                        let name = el.name();
                        if node.id() != root.id() && is_dropped(node, el) {
                            skipping = Some(node.id());
                            if is_block(name) {
                                out.end_block();
                            }
                        } else if name == "br" {
                            out.line_break();
                        } else if name == "td" || name == "th" {
                            out.push(" ");
                        } else if is_block(name) {
                            out.end_block();
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
                if let Node::Element(el) = node.value() {
                    if is_block(el.name()) {
                        out.end_block();
                    }
                }
            }
        }
    }
    out.finish()
}
