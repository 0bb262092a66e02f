//! The headline's clean-up: a trailing site name dropped, JSON-LD's name or
//! headline chosen, the first `<h1>` when the page states no title.

use super::boilerplate::{inside_dropped, NodeR};
use super::metadata::{clean, text_of};

/// Words two titles share, over the words of the first.
pub(super) fn overlap(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f32 / a.len() as f32
}

/// The host of an address, without `www.` (`https://www.ietf.org/x` →
/// `ietf.org`).
pub(super) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

/// Separators between a headline and the site's name.
const SITE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];

/// `Headline | Site` → `Headline` when `Site` names the site: it is the
/// site's name or holds it, or its letters are the host's first label
/// (`Spiceworks` on `spiceworks.com`).
pub(super) fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let label = host.and_then(|h| h.split('.').next()).map(letters);
    for sep in SITE_SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let tail_letters = letters(tail);
        let names_site = site.is_some_and(|s| {
            let s = letters(s);
            !s.is_empty() && tail_letters.contains(&s) && tail.split_whitespace().count() <= 8
        }) || label
            .as_deref()
            .is_some_and(|l| l.len() >= 3 && tail_letters == l);
        if names_site && !head.trim().is_empty() {
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Words a `<title>`'s trailing part (a site's or section's name) has at most.
const MAX_TAIL_WORDS: usize = 3;

/// `Headline of four or more words – My website` → the headline.
pub(super) fn strip_short_tail(title: &str) -> String {
    for sep in SITE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.split_whitespace().count() <= MAX_TAIL_WORDS
                && head.split_whitespace().count() >= 4
            {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// The first `<h1>` of the article (the `<article>` around the main content,
/// else the main content), else the first one of the page that is not in a
/// dropped element.
pub(super) fn heading(root: Option<NodeR<'_>>, doc_root: NodeR<'_>) -> Option<String> {
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
