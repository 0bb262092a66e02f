//! How deeply a page nests its elements, found in linear time.
//!
//! html5ever's tree builder does work proportional to the depth of the open
//! elements for each new element, so a page of many thousands of unclosed
//! `<div>`s (a few hundred kilobytes) takes minutes to parse, and a page of a
//! few megabytes days. Real pages nest a few dozen levels; browsers stop
//! nesting at 512 (Blink). So before parsing, the page is run through
//! html5ever's tokenizer alone (linear) while a model of the tree builder's
//! stack of open elements is kept: void and raw-text elements are not
//! pushed, an end tag closes everything opened since its element, and the
//! elements whose end tags are optional (`p`, `li`, `dd`, `dt`, `option`,
//! `tr`, `td`, `th`) close as a browser closes them. The model may count a
//! few levels more or less than the parser builds; it is only a bound.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;

/// Whether elements in `html` nest more than `limit` levels deep.
pub(crate) fn deeper_than(html: &str, limit: usize) -> bool {
    let sink = DepthSink {
        model: RefCell::new(Model {
            limit,
            ..Model::default()
        }),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    // The sink never asks to pause, so one call reads everything; the loop
    // only guards against a tokenizer that returns early.
    while !queue.is_empty() {
        if let TokenizerResult::Done = tokenizer.feed(&queue) {
            break;
        }
    }
    tokenizer.end();
    let exceeded = tokenizer.sink.model.borrow().exceeded;
    exceeded
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements that a start tag closes an open `<p>` for.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements that bound the scope in which an open element is closed by a
/// later start tag.
const SCOPE_BOUNDARIES: &[&str] = &[
    "applet", "button", "caption", "marquee", "object", "table", "td", "template", "th",
];

/// The model of the open elements.
#[derive(Default)]
struct Model {
    limit: usize,
    exceeded: bool,
    /// Open elements, outermost first.
    stack: Vec<String>,
    /// Where each element name is open in `stack`, innermost last.
    positions: HashMap<String, Vec<usize>>,
    /// Where scope boundaries are open in `stack`, innermost last.
    boundaries: Vec<usize>,
    /// How many `svg` and `math` elements are open.
    foreign: usize,
}

impl Model {
    fn innermost(&self, name: &str) -> Option<usize> {
        self.positions.get(name).and_then(|p| p.last().copied())
    }

    /// Whether `name` is open with no scope boundary opened after it.
    fn in_scope(&self, name: &str) -> bool {
        match (self.innermost(name), self.boundaries.last()) {
            (Some(at), Some(&b)) => at > b,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Whether `name` is open inside the innermost open table.
    fn in_table_scope(&self, name: &str) -> bool {
        match (self.innermost(name), self.innermost("table")) {
            (Some(at), Some(table)) => at > table,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Closes the innermost open `name` and everything opened after it.
    fn close(&mut self, name: &str) {
        let Some(at) = self.innermost(name) else {
            return;
        };
        while self.stack.len() > at {
            let Some(top) = self.stack.pop() else { break };
            let i = self.stack.len();
            if let Some(p) = self.positions.get_mut(&top) {
                p.pop();
            }
            if self.boundaries.last() == Some(&i) {
                self.boundaries.pop();
            }
            if top == "svg" || top == "math" {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }

    fn open(&mut self, name: &str) {
        let i = self.stack.len();
        self.positions.entry(name.to_owned()).or_default().push(i);
        if SCOPE_BOUNDARIES.contains(&name) {
            self.boundaries.push(i);
        }
        if name == "svg" || name == "math" {
            self.foreign += 1;
        }
        self.stack.push(name.to_owned());
        if self.stack.len() > self.limit {
            self.exceeded = true;
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if matches!(name, "html" | "head" | "body" | "frameset") || VOID.contains(&name) {
            return TokenSinkResult::Continue;
        }
        if tag.self_closing && matches!(name, "svg" | "math") {
            return TokenSinkResult::Continue;
        }
        if self.foreign > 0 {
            if !tag.self_closing {
                self.open(name);
            }
            return TokenSinkResult::Continue;
        }
        if CLOSES_P.contains(&name) && self.in_scope("p") {
            self.close("p");
        }
        match name {
            "li" if self.in_scope("li") => self.close("li"),
            "dd" | "dt" => {
                for n in ["dd", "dt"] {
                    if self.in_scope(n) {
                        self.close(n);
                    }
                }
            }
            "option" | "optgroup" => {
                if self.in_scope("option") {
                    self.close("option");
                }
                if name == "optgroup" && self.in_scope("optgroup") {
                    self.close("optgroup");
                }
            }
            "tr" if self.in_table_scope("tr") => self.close("tr"),
            "td" | "th" => {
                for n in ["td", "th"] {
                    if self.in_table_scope(n) {
                        self.close(n);
                    }
                }
            }
            _ => {}
        }
        // Raw text: the tokenizer must read it as the parser does, and no
        // element is ever inside.
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None if name == "plaintext" => TokenSinkResult::Plaintext,
            None => {
                self.open(name);
                TokenSinkResult::Continue
            }
        }
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if !matches!(name, "html" | "head" | "body") {
            self.close(name);
        }
    }
}

struct DepthSink {
    model: RefCell<Model>,
}

impl TokenSink for DepthSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let Ok(mut model) = self.model.try_borrow_mut() else {
            return TokenSinkResult::Continue;
        };
        if model.exceeded {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => model.start(&tag),
            TagKind::EndTag => {
                model.end(&tag);
                TokenSinkResult::Continue
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model's depth at the end of a page.
    fn depth(html: &str) -> usize {
        let sink = DepthSink {
            model: RefCell::new(Model {
                limit: usize::MAX,
                ..Model::default()
            }),
        };
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        let d = tokenizer.sink.model.borrow().stack.len();
        d
    }

    #[test]
    fn depth_as_a_browser_builds_it() {
        let rows = [
            ("", 0),
            ("<html><body><div><p>text</p></div></body></html>", 0),
            ("<div><div><div>", 3),
            ("<div><span>unclosed</div>", 0),
            // Unclosed optional-end elements close each other.
            (&"<p>para".repeat(1000), 1),
            (&"<li>item".repeat(1000), 1),
            (&"<table><tr><td>a<td>b<tr><td>c</table>".repeat(100), 0),
            // Unclosed inline elements inside paragraphs go with them.
            (&"<p><span><b>x".repeat(500), 3),
            // A <p> is not closed from inside a scope boundary.
            ("<p><button><div><div>", 4),
            // Raw text holds no elements.
            ("<script>var s = '<div><div><div>';</script>", 0),
            ("<textarea><div><div></textarea>", 0),
            ("<!-- <div><div> -->", 0),
            ("<div title='<div><div>'>", 1),
            // Void and self-closing foreign elements.
            ("<br><img><hr><input>", 0),
            ("<svg><circle/><path/></svg>", 0),
            ("<svg/><script>'<div><div>'</script>", 0),
        ];
        for (html, want) in rows {
            assert_eq!(depth(html), want, "{}", &html[..html.len().min(60)]);
        }
    }

    #[test]
    fn limit() {
        assert!(!deeper_than(&"<div>".repeat(10), 10));
        assert!(deeper_than(&"<div>".repeat(11), 10));
        assert!(deeper_than(&"<section><span>".repeat(100_000), 1024));
        assert!(!deeper_than(&"<p><span>text".repeat(100_000), 1024));
    }
}
