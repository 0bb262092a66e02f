//! The page's metadata: title, publication date, outlet, address, author
//! and language, from `<meta>` tags, JSON-LD, `<link rel="canonical">`,
//! `<time>`, `<html lang>` and headings.

use chrono::NaiveDate;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::Node;

use super::boilerplate::{attr_words, inside_dropped, names_boilerplate, Named, NodeR};
use super::dates::{
    is_date_line_word, local_offset, script_date, text_dates, url_date, utc_in, Order,
};
use super::text::extract_text;
use super::title::{heading, host_of, overlap, strip_short_tail, strip_site};
use crate::document::{parse_date, primary_language};

/// A JSON-LD article's fields.
#[derive(Debug, Default)]
pub(super) struct LdArticle {
    headline: Option<String>,
    /// The article's `name`, when it has a `headline` too.
    name: Option<String>,
    date: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) author: Option<String>,
}

/// The page's metadata, as found.
#[derive(Debug, Default)]
pub(super) struct Metadata {
    og_title: Option<String>,
    twitter_title: Option<String>,
    /// `dc.title`, `dcterms.title`, `<meta name="title">`, `parsely-title`.
    meta_title: Option<String>,
    title_tag: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) og_url: Option<String>,
    pub(super) canonical: Option<String>,
    pub(super) author: Option<String>,
    /// Declared languages: `<html lang>`, `content-language`, `og:locale`.
    html_lang: Option<String>,
    http_language: Option<String>,
    og_locale: Option<String>,
    pub(super) ld: LdArticle,
    /// Date candidates with their rank (lower is better), in document order.
    dates: Vec<(u8, String)>,
    /// `<time datetime>` values with their node, in document order.
    times: Vec<(NodeId, String)>,
    /// The first publication date stated in a script's JSON (not JSON-LD).
    script_date: Option<NaiveDate>,
    /// The page's own time zone, as the first non-UTC time on it states.
    offset: Option<chrono::FixedOffset>,
    /// Elements whose `class` or `id` names a date line, in document order,
    /// at most [`MAX_DATE_LINES`].
    date_lines: Vec<NodeId>,
}

/// Date lines looked at, at most.
const MAX_DATE_LINES: usize = 64;

/// A date line's text is read when it is no longer than this (bytes).
const MAX_DATE_LINE_BYTES: usize = 300;

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
    "article.created",
    "article:published_date",
    "citation_publication_date",
    "citation_date",
    "date_published",
    "datecreated",
    "dc.date.publication",
    "displaydate",
    "originalpublicationdate",
    "publication-date",
    "published-date",
    "published_time",
    "rnews:datepublished",
    "og:pubdate",
];

/// Trims and collapses white space; `None` when nothing is left.
pub(super) fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn set_once(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.and_then(clean);
    }
}

/// `<meta name>` or `property` values that carry the author's name
/// (`article:author` often holds a profile address instead, read as none).
const AUTHOR_META_NAMES: &[&str] = &[
    "article:author",
    "author",
    "byl",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
];

/// An author's name as pages write it: "By Jane Doe" → "Jane Doe"; an
/// address (`article:author` often holds a profile URL) is no name.
fn author_name(value: &str) -> Option<String> {
    let v = clean(value)?;
    if v.starts_with("http://") || v.starts_with("https://") || v.starts_with('@') {
        return None;
    }
    let v = match v.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => v[3..].trim_start().to_string(),
        _ => v,
    };
    (!v.is_empty()).then_some(v)
}

impl Metadata {
    pub(super) fn collect(doc_root: NodeR<'_>) -> Metadata {
        let mut m = Metadata::default();
        for node in doc_root.descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            match el.name() {
                "html" => set_once(&mut m.html_lang, el.attr("lang")),
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
                "script" if is_json_ld(el) && m.ld.headline.is_none() && m.ld.date.is_none() => {
                    let script = text_of(node);
                    m.ld = json_ld(&script);
                    // JSON-LD that does not parse (raw line breaks in strings) may still state it.
                    if m.ld.date.is_none() && m.script_date.is_none() {
                        m.script_date = script_date(&script);
                    }
                }
                "script" if m.script_date.is_none() || m.offset.is_none() => {
                    let script = text_of(node);
                    if m.script_date.is_none() {
                        m.script_date = script_date(&script);
                    }
                    if m.offset.is_none() {
                        m.offset = local_offset(&script);
                    }
                }
                _ => {}
            }
            let words = || {
                [el.attr("class"), el.attr("id")]
                    .into_iter()
                    .flatten()
                    .flat_map(attr_words)
            };
            if m.date_lines.len() < MAX_DATE_LINES && words().any(|w| is_date_line_word(&w)) {
                m.date_lines.push(node.id());
            }
            // hAtom's <abbr class="published" title="2016-12-23T05:11:00">.
            if words().any(|w| w == "published" || w == "pubdate") {
                if let Some(v) = el
                    .attr("title")
                    .or(el.attr("datetime"))
                    .or(el.attr("content"))
                {
                    m.push_date(2, v);
                }
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
        let stated = m
            .dates
            .iter()
            .map(|(_, d)| d)
            .chain(m.times.iter().map(|(_, d)| d));
        if let Some(o) = stated.filter_map(|d| local_offset(d)).next() {
            m.offset = Some(o);
        }
        m.dates.sort_by_key(|(rank, _)| *rank);
        m
    }

    fn meta(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        if el
            .attr("http-equiv")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case("content-language"))
        {
            set_once(&mut self.http_language, content.split(',').next());
        }
        for key in [el.attr("property"), el.attr("name"), el.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            let key = key.trim().to_ascii_lowercase();
            match key.as_str() {
                "og:title" => set_once(&mut self.og_title, Some(content)),
                "twitter:title" => set_once(&mut self.twitter_title, Some(content)),
                "dc.title" | "dcterms.title" | "title" | "parsely-title" => {
                    set_once(&mut self.meta_title, Some(content));
                }
                "og:site_name" => set_once(&mut self.site_name, Some(content)),
                "og:url" => set_once(&mut self.og_url, Some(content)),
                "og:locale" => set_once(&mut self.og_locale, Some(content)),
                k if AUTHOR_META_NAMES.contains(&k) && self.author.is_none() => {
                    self.author = author_name(content);
                }
                "article:published_time" | "og:published_time" | "article:published" => {
                    self.push_date(0, content);
                }
                "datepublished" => self.push_date(2, content),
                k if DATE_META_NAMES.contains(&k) => self.push_date(3, content),
                _ => {}
            }
        }
    }

    /// The declared language's primary subtag, the first declaration that
    /// reads as a language tag.
    pub(super) fn language(&self) -> Option<String> {
        [&self.html_lang, &self.http_language, &self.og_locale]
            .into_iter()
            .flatten()
            .find_map(|l| primary_language(l))
    }

    fn push_date(&mut self, rank: u8, value: &str) {
        if let Some(v) = clean(value) {
            self.dates.push((rank, v));
        }
    }

    /// The publication date: the first that parses of the dates the markup
    /// states, by rank; then a `<time datetime>` in the article; a date in a
    /// script's JSON; a date line's date (in the article's part of the page
    /// first); any `<time datetime>`; the page address's date; the first date
    /// in the article's text. A warning when the markup stated dates but none
    /// parsed.
    pub(super) fn date(
        &self,
        doc_root: NodeR<'_>,
        root: Option<NodeR<'_>>,
        text: &str,
        warnings: &mut Vec<String>,
    ) -> Option<NaiveDate> {
        let order = match self.language().as_deref() {
            Some("en") | None => Order::MonthFirst,
            Some(_) => Order::DayFirst,
        };
        let parse = |c: &str| parse_loose_date(c).or_else(|| text_dates(c, order).first().copied());
        let within = |id: NodeId, scope: Option<NodeR<'_>>| {
            scope.is_some_and(|r| {
                r.tree()
                    .get(id)
                    .is_some_and(|n| n.ancestors().any(|a| a.id() == r.id()) || n.id() == r.id())
            })
        };
        let mut unparsed = None;
        for (_, c) in &self.dates {
            if let Some(d) = parse(c) {
                // A UTC time is the outlet's day in the outlet's time zone.
                return Some(self.offset.and_then(|o| utc_in(c, o)).unwrap_or(d));
            }
            unparsed.get_or_insert(c);
        }
        if let Some(c) = unparsed {
            warnings.push(format!("ignored page date {c:?}: not a date understood"));
        }
        let in_root = self
            .times
            .iter()
            .filter(|(id, _)| within(*id, root))
            .find_map(|(_, d)| parse_loose_date(d));
        if let Some(d) = in_root.or(self.script_date) {
            return Some(d);
        }
        // The article's part of the page: two levels above its content.
        let article_part = root.map(|r| r.ancestors().take(2).last().unwrap_or(r));
        let lines = |scope: Option<NodeR<'_>>, strict: bool| {
            self.date_lines
                .iter()
                .filter(move |id| scope.is_none() || within(**id, scope))
                .find_map(|id| {
                    doc_root
                        .tree()
                        .get(*id)
                        .and_then(|n| self.date_line(n, order, strict))
                })
        };
        if let Some(d) = lines(article_part, true)
            .or_else(|| lines(None, true))
            .or_else(|| lines(None, false))
        {
            return Some(d);
        }
        self.times
            .iter()
            .find_map(|(_, d)| parse_loose_date(d))
            .or_else(|| {
                [&self.og_url, &self.canonical, &self.ld.url]
                    .into_iter()
                    .flatten()
                    .find_map(|u| url_date(u))
            })
            .or_else(|| text_dates(text, order).first().copied())
            .or_else(|| text_dates(&extract_text(doc_root), order).first().copied())
    }

    /// The date a date line prints: in its `datetime`, `title` or `content`,
    /// else in its text when short; none inside dropped parts of the page.
    fn date_line(&self, node: NodeR<'_>, order: Order, strict: bool) -> Option<NaiveDate> {
        let el = node.value().as_element()?;
        if strict && inside_dropped(node) {
            return None;
        }
        let furniture = |a: NodeR<'_>| {
            a.value().as_element().is_some_and(|e| {
                matches!(e.name(), "nav" | "aside") || names_boilerplate(e) == Named::Furniture
            })
        };
        if !strict && node.ancestors().any(furniture) {
            return None;
        }
        for attr in ["datetime", "title", "content"] {
            if let Some(d) = el
                .attr(attr)
                .and_then(|v| parse_loose_date(v).or_else(|| text_dates(v, order).first().copied()))
            {
                return Some(d);
            }
        }
        let text = text_of(node);
        (text.len() <= MAX_DATE_LINE_BYTES)
            .then(|| text_dates(&text, order).first().copied())
            .flatten()
    }

    /// The headline: `og:title`, else the JSON-LD article's `headline` (its
    /// `name` instead when that is nearer the page's `<title>`: some sites
    /// put their own name in one of the two), else `twitter:title`, a
    /// `dc.title`-like `<meta>`, the `<title>`, the first `<h1>`. A trailing
    /// ` | Site` is dropped where it names the site (its `og:site_name`,
    /// publisher or host), and from a `<title>` a trailing part of at most
    /// three words after a headline of four or more.
    pub(super) fn title(
        &self,
        site: Option<&str>,
        root: Option<NodeR<'_>>,
        doc_root: NodeR<'_>,
    ) -> Option<String> {
        let host = [&self.og_url, &self.canonical, &self.ld.url]
            .into_iter()
            .flatten()
            .find_map(|u| host_of(u));
        let strip = |t: &str| strip_site(t, site, host.as_deref());
        let ld = match (&self.ld.headline, &self.ld.name, &self.title_tag) {
            (Some(h), Some(n), Some(t)) if overlap(n, t) > overlap(h, t) => Some(n.clone()),
            (h, _, _) => h.clone(),
        };
        self.og_title
            .clone()
            .or(ld)
            .or_else(|| self.twitter_title.clone())
            .or_else(|| self.meta_title.clone())
            .map(|t| strip(&t))
            .or_else(|| {
                self.title_tag
                    .as_deref()
                    .map(|t| strip_short_tail(&strip(t)))
            })
            .or_else(|| heading(root, doc_root))
    }
}

fn is_json_ld(el: &Element) -> bool {
    el.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn is_head(n: NodeR<'_>) -> bool {
    n.value().as_element().is_some_and(|e| e.name() == "head")
}

/// All text under a node.
pub(super) fn text_of(node: NodeR<'_>) -> String {
    let mut s = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            s.push_str(t);
        }
    }
    s
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
        name: string(o.get("headline")).and(string(o.get("name"))),
        date: string(o.get("datePublished")),
        publisher: name_or_id(o.get("publisher"), "name"),
        url: string(o.get("url")).or_else(|| name_or_id(o.get("mainEntityOfPage"), "@id")),
        author: name_or_id(o.get("author"), "name").and_then(|a| author_name(&a)),
    }
}

/// A date as pages write it: ISO 8601 (or its date part), `2024/10/23`,
/// `20241023`, `October 23, 2024`, `Oct 23, 2024`, `23 October 2024`, or
/// RFC 2822 (`Wed, 23 Oct 2024 08:00:00 GMT`). Whatever follows a date (a
/// time) is ignored.
pub(super) fn parse_loose_date(s: &str) -> Option<NaiveDate> {
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
