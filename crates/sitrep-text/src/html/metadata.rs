//! The page's metadata: title, publication date, outlet, address, author
//! and language, from `<meta>` tags, JSON-LD, `<link rel="canonical">`,
//! `<time>`, `<html lang>` and headings.

use chrono::NaiveDate;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::Node;

use super::boilerplate::{inside_dropped, NodeR};
use crate::document::{parse_date, primary_language};

/// A JSON-LD article's fields.
#[derive(Debug, Default)]
pub(super) struct LdArticle {
    headline: Option<String>,
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
                "og:site_name" => set_once(&mut self.site_name, Some(content)),
                "og:url" => set_once(&mut self.og_url, Some(content)),
                "og:locale" => set_once(&mut self.og_locale, Some(content)),
                k if AUTHOR_META_NAMES.contains(&k) && self.author.is_none() => {
                    self.author = author_name(content);
                }
                "article:published_time" => self.push_date(0, content),
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

    /// The first date that parses, by rank, then `<time>` in the article,
    /// then anywhere; a warning when some were given but none parsed.
    pub(super) fn date(
        &self,
        root: Option<NodeR<'_>>,
        warnings: &mut Vec<String>,
    ) -> Option<NaiveDate> {
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

    pub(super) fn title(
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
