//! HTML pages: the article's main text and the page's metadata.
//!
//! A page is parsed by html5ever (through `scraper`), a parser that follows
//! the HTML standard, so tag soup is read the way a browser reads it. The
//! article is chosen the way reading modes do: the element marked as the
//! article body, else the largest `<article>`, else `<main>`, unless the
//! paragraphs of some other element clearly outweigh it (see
//! [`extract_html`]). Boilerplate inside it is left out.

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

use crate::decode::{decode, looks_binary};
use crate::document::{parse_date, skip, Document, InputItem};
use crate::options::{too_large, InputOptions};

/// What [`extract_html`] found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Headline: `og:title`, else the JSON-LD `headline`, else
    /// `twitter:title`, else `<title>` (less a ` | Site` suffix naming the
    /// site), else the first `<h1>`.
    pub title: Option<String>,
    /// Publication date: `article:published_time`, else the JSON-LD
    /// `datePublished`, else an `itemprop="datePublished"` or `pubdate`
    /// element, else a `<meta name>` such as `date`, `pubdate` or
    /// `dc.date.issued`, else the first `<time datetime>` of the article, then
    /// of the page.
    pub date: Option<NaiveDate>,
    /// Outlet: `og:site_name`, else the JSON-LD publisher's `name`.
    pub source: Option<String>,
    /// Address: `og:url`, else `<link rel="canonical">`, else the JSON-LD `url`.
    pub url: Option<String>,
    /// The article's main text: one paragraph per block element, paragraphs
    /// separated by a blank line, white space inside a paragraph collapsed to
    /// single spaces (a `<br>` gives a line break). Empty when the page has
    /// no readable text.
    pub text: String,
    /// What was noticed but did not stop the reading (e.g. a date that could
    /// not be understood).
    pub warnings: Vec<String>,
}

/// Extracts the article's main text and metadata from an HTML page.
///
/// The main content is, in this order of preference: the element with
/// `itemprop="articleBody"`; the `<article>` with the most text; `<main>` or
/// `role="main"`; the element whose `<p>` children hold the most text. A
/// semantic choice gives way to the last one when that holds more than twice
/// its text and is not inside it. Inside the chosen element, these are left
/// out: `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>`,
/// forms and their controls, `<figure>`, embedded media, comments, hidden
/// elements (`hidden`, `aria-hidden="true"`, `display:none`), navigation and
/// other landmark roles, elements whose `class` or `id` names boilerplate
/// (`cookie`, `consent`, `subscribe`, `newsletter`, `share`, `social`,
/// `related`, `ad`, `promo`, `comments`, `sidebar`, `breadcrumb`, …, unless it
/// also names `article`, `body`, `content`, `main` or `story`), and short
/// paragraphs that are cookie, subscription or sharing notices.
///
/// A page whose elements nest more than 1,024 levels deep is not parsed (its
/// parsing time would grow with the square of the depth; browsers stop
/// nesting at 512): the result is then empty, with the reason in `warnings`.
/// The depth is bounded in linear time with html5ever's tokenizer first.
///
/// Never panics, whatever the input; the tree is walked without recursion.
///
/// ```
/// use sitrep_text::extract_html;
///
/// let page = r#"<html><head>
///   <meta property="og:title" content="Flooding closes the river road">
///   <meta property="article:published_time" content="2031-04-02T07:15:00Z">
///   <meta property="og:site_name" content="The Valley Courier">
/// </head><body>
///   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
///   <article><h1>Flooding closes the river road</h1>
///     <p>The river road was closed on Tuesday after heavy rain.</p>
///     <p>Two drivers were rescued, the fire service said.</p>
///     <div class="share-buttons">Share this story</div>
///   </article>
///   <footer>© The Valley Courier</footer>
/// </body></html>"#;
/// let a = extract_html(page);
/// assert_eq!(a.title.as_deref(), Some("Flooding closes the river road"));
/// assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2031-04-02"));
/// assert_eq!(a.source.as_deref(), Some("The Valley Courier"));
/// assert_eq!(
///     a.text,
///     "Flooding closes the river road\n\n\
///      The river road was closed on Tuesday after heavy rain.\n\n\
///      Two drivers were rescued, the fire service said."
/// );
/// ```
pub fn extract_html(html: &str) -> HtmlArticle {
    extract(html).unwrap_or_else(|reason| HtmlArticle {
        warnings: vec![reason],
        ..HtmlArticle::default()
    })
}

/// Elements nested deeper than this make a page refused unparsed: parsing
/// time grows with the square of the depth, and browsers stop nesting at 512.
pub(crate) const MAX_HTML_DEPTH: usize = 1024;

/// The article, or why the page was not parsed.
fn extract(html: &str) -> Result<HtmlArticle, String> {
    if u32::try_from(html.len()).is_err() {
        // The parser's buffers hold at most 4 GiB.
        return Err(format!(
            "HTML page of {} bytes not parsed: the parser takes at most 4 GiB",
            html.len()
        ));
    }
    if crate::nesting::deeper_than(html, MAX_HTML_DEPTH) {
        return Err(format!(
            "HTML page not parsed: elements nest more than {MAX_HTML_DEPTH} levels deep \
             (browsers stop at 512; parsing time grows with the square of the depth)"
        ));
    }
    let page = Html::parse_document(html);
    let doc_root = page.tree.root();
    let body = doc_root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
    let root = choose_root(doc_root);
    let mut text = root.map(extract_text).unwrap_or_default();
    for fallback in [body, Some(doc_root)].into_iter().flatten() {
        if !text.is_empty() {
            break;
        }
        if root.is_none_or(|r| r.id() != fallback.id()) {
            text = extract_text(fallback);
        }
    }
    let meta = Metadata::collect(doc_root);
    let mut warnings = Vec::new();
    let date = meta.date(root, &mut warnings);
    let source = meta.site_name.clone().or_else(|| meta.ld.publisher.clone());
    let title = meta.title(source.as_deref(), root, doc_root);
    let url = meta
        .og_url
        .clone()
        .or_else(|| meta.canonical.clone())
        .or_else(|| meta.ld.url.clone());
    Ok(HtmlArticle {
        title,
        date,
        source,
        url,
        text,
        warnings,
    })
}

/// Reads one HTML page's bytes as [`read_inputs`] reads a `.html` file: a
/// [`Document`] with the page's metadata and main text, or a [`Skipped`] item
/// for a page that is binary, too large, nested too deeply (see
/// [`extract_html`]), or has no extractable text.
///
/// The bytes are decoded as UTF-8, else in the character set that the page
/// declares (`<meta charset>` or `http-equiv` content type in its first
/// 1024 bytes), else as UTF-8 with U+FFFD replacements; anything replaced is
/// a warning on the document. The extracted text must fit
/// [`InputOptions::max_document_bytes`] (the caller bounds the markup with
/// [`InputOptions::max_html_bytes`]).
///
/// Never panics, whatever the bytes.
///
/// ```
/// use sitrep_text::{parse_html_page, InputItem, InputOptions};
///
/// let options = InputOptions::default();
/// let page = b"<title>Storm</title><p>Two people were hurt in the storm.</p>";
/// assert!(matches!(parse_html_page(page, "storm", &options), InputItem::Document(_)));
/// let empty = b"<html><body><nav>Home</nav><script>x()</script></body></html>";
/// assert!(matches!(parse_html_page(empty, "empty", &options), InputItem::Skipped(_)));
/// ```
///
/// [`read_inputs`]: crate::read_inputs
/// [`Skipped`]: crate::Skipped
pub fn parse_html_page(bytes: &[u8], id: &str, options: &InputOptions) -> InputItem {
    if looks_binary(bytes) {
        return skip(id, "binary file (contains NUL bytes)");
    }
    let (html, decoded) = decode_html(bytes);
    let article = match extract(&html) {
        Ok(a) => a,
        Err(reason) => return skip(id, reason),
    };
    if article.text.is_empty() {
        return skip(
            id,
            "no extractable text in HTML page (no article, main content or paragraphs outside navigation, scripts and boilerplate)",
        );
    }
    let len = article.text.len() as u64;
    if len > options.max_document_bytes {
        return skip(
            id,
            too_large(
                "text extracted from HTML page",
                len,
                options.max_document_bytes,
            ),
        );
    }
    let mut doc = Document::new(id, article.text);
    doc.title = article.title;
    doc.date = article.date;
    doc.source = article.source;
    doc.url = article.url;
    doc.warnings = decoded.into_iter().chain(article.warnings).collect();
    InputItem::Document(doc)
}

/// Decodes a page: UTF-8 when valid, else its declared character set, else
/// UTF-8 with replacements. Returns a warning when anything was replaced.
fn decode_html(bytes: &[u8]) -> (String, Option<String>) {
    let (text, lossy) = decode(bytes);
    if lossy.is_none() {
        return (text, None);
    }
    let declared = declared_charset(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8 && e.is_ascii_compatible());
    let Some(encoding) = declared else {
        return (text, lossy);
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        format!(
            "invalid {}: byte sequence(s) replaced with U+FFFD",
            encoding.name()
        )
    });
    (text.into_owned(), warning)
}

/// The character set named in the first 1024 bytes: `charset=LABEL` in a
/// `<meta charset>` or an `http-equiv` content type.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

type NodeR<'a> = NodeRef<'a, Node>;

/// Candidates of one kind considered for the main content, at most.
const MAX_CANDIDATES: usize = 16;

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

/// Words in a `class` or `id` that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "paywall",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comment",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "popup",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "masthead",
    "toolbar",
    "outbrain",
    "taboola",
    "disqus",
];

/// Words in a `class` or `id` that mark content and overrule the above.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "story"];

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

fn is_block(name: &str) -> bool {
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

/// The words of a `class` or `id` value, lower-cased: split at anything not a
/// letter or digit and at lower-to-upper case changes (`shareBar` → `share`,
/// `bar`).
fn attr_words(value: &str) -> impl Iterator<Item = String> + '_ {
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

fn names_boilerplate(el: &Element) -> bool {
    let mut boiler = false;
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for w in attr_words(value) {
            if CONTENT_WORDS.contains(&w.as_str()) {
                return false;
            }
            boiler |= BOILERPLATE_WORDS.contains(&w.as_str());
        }
    }
    boiler
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
fn wraps_content(node: NodeR<'_>) -> bool {
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

/// Whether an element and everything in it is left out of the text.
fn is_dropped(node: NodeR<'_>, el: &Element) -> bool {
    let name = el.name();
    if DROPPED_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if name == "form" && !wraps_content(node) {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|r| DROPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    }) {
        return true;
    }
    !matches!(name, "html" | "body" | "article" | "main") && names_boilerplate(el)
}

/// Whether `node` sits inside a dropped element (below `doc_root`).
fn inside_dropped(node: NodeR<'_>) -> bool {
    node.ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| is_dropped(a, e)))
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
fn extract_text(root: NodeR<'_>) -> String {
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

/// Letters and digits of a text: a measure of how much it says.
fn weight(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The element holding the article, if any stands out.
fn choose_root(doc_root: NodeR<'_>) -> Option<NodeR<'_>> {
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

/// A JSON-LD article's fields.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// The page's metadata, as found.
#[derive(Debug, Default)]
struct Metadata {
    og_title: Option<String>,
    twitter_title: Option<String>,
    title_tag: Option<String>,
    site_name: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    ld: LdArticle,
    /// Date candidates with their rank (lower is better), in document order.
    dates: Vec<(u8, String)>,
    /// `<time datetime>` values with their node, in document order.
    times: Vec<(NodeId, String)>,
}

/// `<meta name>` values that carry a publication date.
const DATE_META_NAMES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
];

/// Trims and collapses white space; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn set_once(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.and_then(clean);
    }
}

impl Metadata {
    fn collect(doc_root: NodeR<'_>) -> Metadata {
        let mut m = Metadata::default();
        for node in doc_root.descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            match el.name() {
                "meta" => m.meta(el),
                "link" => {
                    let canonical = el.attr("rel").is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        set_once(&mut m.canonical, el.attr("href"));
                    }
                }
                "title" if m.title_tag.is_none() && node.parent().is_some_and(is_head) => {
                    m.title_tag = clean(&text_of(node));
                }
                "script" if m.ld.headline.is_none() && m.ld.date.is_none() && is_json_ld(el) => {
                    m.ld = json_ld(&text_of(node));
                }
                _ => {}
            }
            if let Some(dt) = el.attr("datetime").and_then(clean) {
                let marked = el.attr("pubdate").is_some()
                    || el
                        .attr("itemprop")
                        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "datePublished"));
                if marked {
                    m.dates.push((2, dt));
                } else if el.name() == "time" {
                    m.times.push((node.id(), dt));
                }
            }
        }
        if let Some(d) = m.ld.date.clone() {
            m.dates.push((1, d));
        }
        m.dates.sort_by_key(|(rank, _)| *rank);
        m
    }

    fn meta(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        for key in [el.attr("property"), el.attr("name"), el.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            let key = key.trim().to_ascii_lowercase();
            match key.as_str() {
                "og:title" => set_once(&mut self.og_title, Some(content)),
                "twitter:title" => set_once(&mut self.twitter_title, Some(content)),
                "og:site_name" => set_once(&mut self.site_name, Some(content)),
                "og:url" => set_once(&mut self.og_url, Some(content)),
                "article:published_time" => self.push_date(0, content),
                "datepublished" => self.push_date(2, content),
                k if DATE_META_NAMES.contains(&k) => self.push_date(3, content),
                _ => {}
            }
        }
    }

    fn push_date(&mut self, rank: u8, value: &str) {
        if let Some(v) = clean(value) {
            self.dates.push((rank, v));
        }
    }

    /// The first date that parses, by rank, then `<time>` in the article,
    /// then anywhere; a warning when some were given but none parsed.
    fn date(&self, root: Option<NodeR<'_>>, warnings: &mut Vec<String>) -> Option<NaiveDate> {
        let in_root = |id: NodeId| {
            root.is_some_and(|r| {
                r.tree()
                    .get(id)
                    .is_some_and(|n| n.ancestors().any(|a| a.id() == r.id()))
            })
        };
        let candidates = self
            .dates
            .iter()
            .map(|(_, d)| d)
            .chain(
                self.times
                    .iter()
                    .filter(|(id, _)| in_root(*id))
                    .map(|(_, d)| d),
            )
            .chain(self.times.iter().map(|(_, d)| d));
        let mut unparsed = None;
        for c in candidates {
            if let Some(d) = parse_loose_date(c) {
                return Some(d);
            }
            unparsed.get_or_insert(c);
        }
        if let Some(c) = unparsed {
            warnings.push(format!("ignored page date {c:?}: not a date understood"));
        }
        None
    }

    fn title(
        &self,
        site: Option<&str>,
        root: Option<NodeR<'_>>,
        doc_root: NodeR<'_>,
    ) -> Option<String> {
        self.og_title
            .clone()
            .or_else(|| self.ld.headline.clone())
            .or_else(|| self.twitter_title.clone())
            .or_else(|| self.title_tag.as_deref().map(|t| strip_site(t, site)))
            .or_else(|| heading(root, doc_root))
    }
}

/// The first `<h1>` of the article (the `<article>` around the main content,
/// else the main content), else the first one of the page that is not in a
/// dropped element.
fn heading(root: Option<NodeR<'_>>, doc_root: NodeR<'_>) -> Option<String> {
    let is_h1 = |n: &NodeR<'_>| n.value().as_element().is_some_and(|e| e.name() == "h1");
    let is_article = |n: &NodeR<'_>| {
        n.value()
            .as_element()
            .is_some_and(|e| e.name() == "article")
    };
    let scope = root.map(|r| r.ancestors().find(is_article).unwrap_or(r));
    scope
        .and_then(|s| s.descendants().find(is_h1))
        .or_else(|| {
            doc_root
                .descendants()
                .filter(is_h1)
                .find(|n| !inside_dropped(*n))
        })
        .and_then(|n| clean(&text_of(n)))
}

fn is_json_ld(el: &Element) -> bool {
    el.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn is_head(n: NodeR<'_>) -> bool {
    n.value().as_element().is_some_and(|e| e.name() == "head")
}

/// All text under a node.
fn text_of(node: NodeR<'_>) -> String {
    let mut s = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            s.push_str(t);
        }
    }
    s
}

/// `Headline | Site` → `Headline` when `Site` is the site's name.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title.to_owned();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site.trim()) && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// `@type` values of article-like JSON-LD objects.
const LD_ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// JSON-LD objects looked at in one script, at most.
const MAX_LD_OBJECTS: usize = 256;

/// The article in a JSON-LD script (malformed scripts give nothing).
fn json_ld(script: &str) -> LdArticle {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(script) else {
        return LdArticle::default();
    };
    let mut queue = vec![&value];
    let mut objects = Vec::new();
    while let Some(v) = queue.pop() {
        if objects.len() >= MAX_LD_OBJECTS {
            break;
        }
        match v {
            serde_json::Value::Array(a) => queue.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                objects.push(o);
                if let Some(g) = o.get("@graph") {
                    queue.push(g);
                }
            }
            _ => {}
        }
    }
    let is_article = |o: &&serde_json::Map<String, serde_json::Value>| match o.get("@type") {
        Some(serde_json::Value::String(t)) => LD_ARTICLE_TYPES.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| LD_ARTICLE_TYPES.contains(&t))),
        _ => false,
    };
    let Some(o) = objects.iter().copied().find(is_article).or_else(|| {
        objects
            .iter()
            .copied()
            .find(|o| o.contains_key("datePublished"))
    }) else {
        return LdArticle::default();
    };
    let string = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).and_then(clean);
    let name_or_id = |v: Option<&serde_json::Value>, key: &str| match v {
        Some(serde_json::Value::String(s)) => clean(s),
        Some(serde_json::Value::Object(o)) => string(o.get(key)),
        Some(serde_json::Value::Array(a)) => a.iter().find_map(|v| match v {
            serde_json::Value::String(s) => clean(s),
            serde_json::Value::Object(o) => string(o.get(key)),
            _ => None,
        }),
        _ => None,
    };
    LdArticle {
        headline: string(o.get("headline")).or_else(|| string(o.get("name"))),
        date: string(o.get("datePublished")),
        publisher: name_or_id(o.get("publisher"), "name"),
        url: string(o.get("url")).or_else(|| name_or_id(o.get("mainEntityOfPage"), "@id")),
    }
}

/// A date as pages write it: ISO 8601 (or its date part), `2024/10/23`,
/// `20241023`, `October 23, 2024`, `Oct 23, 2024`, `23 October 2024`, or
/// RFC 2822 (`Wed, 23 Oct 2024 08:00:00 GMT`). Whatever follows a date (a
/// time) is ignored.
fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_date(s) {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for format in [
        "%Y/%m/%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%b. %d, %Y",
    ] {
        if let Ok((d, rest)) = NaiveDate::parse_and_remainder(s, format) {
            if rest.is_empty() || rest.starts_with([' ', 'T', ',', '|']) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_dates() {
        let rows = [
            ("2024-10-23", Some((2024, 10, 23))),
            ("2024-10-23T08:00:00+02:00", Some((2024, 10, 23))),
            ("2024/10/23", Some((2024, 10, 23))),
            ("20241023", Some((2024, 10, 23))),
            ("October 23, 2024", Some((2024, 10, 23))),
            ("Oct 23, 2024 8:00 AM", Some((2024, 10, 23))),
            ("23 October 2024", Some((2024, 10, 23))),
            ("Wed, 23 Oct 2024 08:00:00 GMT", Some((2024, 10, 23))),
            ("yesterday", None),
            ("2024-02-30", None),
            ("", None),
        ];
        for (s, want) in rows {
            let want = want.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
            assert_eq!(parse_loose_date(s), want, "{s:?}");
        }
    }

    #[test]
    fn attribute_words() {
        let rows: [(&str, &[&str]); 4] = [
            ("share-buttons", &["share", "buttons"]),
            ("shareBar top_ad", &["share", "bar", "top", "ad"]),
            ("header2 nav", &["header2", "nav"]),
            ("", &[]),
        ];
        for (value, want) in rows {
            assert_eq!(attr_words(value).collect::<Vec<_>>(), want, "{value:?}");
        }
    }

    #[test]
    fn boilerplate_names() {
        let rows = [
            ("<div class=\"cookie-banner\">x</div>", true),
            ("<div id=\"newsletterSignup\">x</div>", true),
            ("<div class=\"article-comments\">x</div>", false),
            ("<div class=\"story-body\">x</div>", false),
            ("<div class=\"header\">x</div>", false),
            ("<div class=\"loading shadow\">x</div>", false),
        ];
        for (html, want) in rows {
            let page = Html::parse_fragment(html);
            let div = page
                .tree
                .root()
                .descendants()
                .find_map(|n| n.value().as_element().filter(|e| e.name() == "div"))
                .unwrap();
            assert_eq!(names_boilerplate(div), want, "{html}");
        }
    }

    #[test]
    fn charset_declarations() {
        let rows: [(&[u8], Option<&str>); 4] = [
            (b"<meta charset=\"windows-1252\">", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                Some("iso-8859-1"),
            ),
            (b"<meta charset=>", None),
            (b"<p>no declaration</p>", None),
        ];
        for (bytes, want) in rows {
            assert_eq!(declared_charset(bytes).as_deref(), want);
        }
    }

    #[test]
    fn declared_legacy_charset_is_decoded() {
        let page =
            b"<meta charset=\"windows-1252\"><p>Z\xfcrich police said \x93two\x94 were hurt.</p>";
        let (text, warning) = decode_html(page);
        assert_eq!(warning, None);
        assert!(
            text.contains("Zürich police said “two” were hurt."),
            "{text}"
        );
        // Undeclared: UTF-8 with replacement and a warning.
        let (text, warning) = decode_html(b"<p>Z\xfcrich</p>");
        assert!(text.contains('\u{FFFD}'));
        assert!(warning.is_some_and(|w| w.contains("UTF-8")));
    }
}
