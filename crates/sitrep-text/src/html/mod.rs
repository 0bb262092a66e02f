//! HTML pages: the article's main text and the page's metadata.
//!
//! A page is parsed by html5ever (through `scraper`), a parser that follows
//! the HTML standard, so tag soup is read the way a browser reads it. The
//! article is chosen the way reading modes do: the element marked as the
//! article body, else the largest `<article>`, else `<main>`, unless the
//! paragraphs of some other element clearly outweigh it (see
//! [`extract_html`]). Boilerplate inside it is left out.

mod boilerplate;
mod charset;
mod content;
mod dates;
mod metadata;
mod nesting;
#[cfg(test)]
mod tests;
mod text;
mod title;

use chrono::NaiveDate;
use scraper::Html;

use crate::decode::looks_binary;
use crate::document::{skip, Document, InputItem};
use crate::options::{too_large, InputOptions};

use charset::decode_html;
use content::choose_root;
use metadata::Metadata;
use text::extract_text;

/// What [`extract_html`] found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Headline: `og:title`, else the JSON-LD `headline`, else
    /// `twitter:title`, else `<title>` (less a ` | Site` suffix naming the
    /// site), else the first `<h1>`.
    pub title: Option<String>,
    /// Publication date: `article:published_time` (or `og:published_time`),
    /// else the JSON-LD `datePublished`, else an `itemprop="datePublished"`,
    /// `pubdate` or hAtom `published` element, else a `<meta name>` such as
    /// `date`, `pubdate` or `dc.date.issued`; then a `<time datetime>` of the
    /// article, a date that a script's JSON states (`"published_at"`), the
    /// date printed in a date line (an element whose `class` or `id` says
    /// `date`, `datum`, `byline`, `meta`, … : "Donnerstag, 15.2.2018",
    /// "27 juin 2019"), any `<time datetime>`, the date in the page's address
    /// (`/2014/07/19/`), and the first date in the article's text, then in
    /// the page's. A UTC time is taken on the outlet's day when the page
    /// states its time zone elsewhere. Month names are read in English,
    /// German, French, Spanish, Italian, Portuguese and Dutch; numeric
    /// dates with slashes are month first on English pages.
    pub date: Option<NaiveDate>,
    /// Outlet: `og:site_name`, else the JSON-LD publisher's `name`.
    pub source: Option<String>,
    /// Address: `og:url`, else `<link rel="canonical">`, else the JSON-LD `url`.
    pub url: Option<String>,
    /// Author: `<meta name="author">` (or `byl`, `dc.creator`,
    /// `parsely-author`, `sailthru.author`, a non-address `article:author`),
    /// else the JSON-LD `author`'s name; a leading "By" dropped.
    pub author: Option<String>,
    /// Language: the primary subtag of `<html lang>`, else of the
    /// `content-language` header in a `<meta http-equiv>`, else of
    /// `og:locale` ("en-US" → "en").
    pub language: Option<String>,
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
    if nesting::deeper_than(html, MAX_HTML_DEPTH) {
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
    let date = meta.date(doc_root, root, &text, &mut warnings);
    let source = meta.site_name.clone().or_else(|| meta.ld.publisher.clone());
    let title = meta.title(source.as_deref(), root, doc_root);
    let url = meta
        .og_url
        .clone()
        .or_else(|| meta.canonical.clone())
        .or_else(|| meta.ld.url.clone());
    let author = meta.author.clone().or_else(|| meta.ld.author.clone());
    let language = meta.language();
    Ok(HtmlArticle {
        title,
        date,
        source,
        url,
        author,
        language,
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
    doc.author = article.author;
    doc.language = article.language;
    doc.warnings = decoded.into_iter().chain(article.warnings).collect();
    InputItem::Document(doc)
}
