use chrono::NaiveDate;
use scraper::Html;

use super::boilerplate::{attr_words, names_boilerplate, Named, FURNITURE_WORDS, WRAPPER_WORDS};
use super::charset::{declared_charset, decode_html};
use super::metadata::parse_loose_date;
use super::title::{strip_short_tail, strip_site};

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
fn boilerplate_word_tables_are_sorted_for_binary_search() {
    for table in [FURNITURE_WORDS, WRAPPER_WORDS] {
        for w in table.windows(2) {
            assert!(w[0] < w[1], "{w:?}");
        }
    }
}

#[test]
fn boilerplate_names() {
    let rows = [
        ("<div class=\"cookie-banner\">x</div>", Named::Furniture),
        ("<div id=\"newsletterSignup\">x</div>", Named::Furniture),
        ("<div class=\"share_wrapper\">x</div>", Named::Wrapper),
        ("<div class=\"ad-slot comments\">x</div>", Named::Furniture),
        ("<div class=\"article-comments\">x</div>", Named::Neutral),
        ("<div class=\"story-body\">x</div>", Named::Neutral),
        ("<div class=\"header\">x</div>", Named::Neutral),
        ("<div class=\"loading shadow\">x</div>", Named::Neutral),
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

#[test]
fn authors_and_languages_as_pages_declare_them() {
    let page = |head: &str, html_attrs: &str| {
        format!(
            "<html {html_attrs}><head>{head}</head><body><article><p>Two people were hurt \
             when a wall fell on a market street in the old town on Monday.</p></article></body></html>"
        )
    };
    let rows = [
        // (head, <html> attributes, author, language)
        (
            r#"<meta name="author" content="By  Ann Reporter">"#,
            r#"lang="en-GB""#,
            Some("Ann Reporter"),
            Some("en"),
        ),
        (
            r#"<meta property="article:author" content="https://example.com/ann">
               <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ann Reporter"}]}</script>"#,
            "",
            Some("Ann Reporter"),
            None,
        ),
        (
            r#"<meta property="og:locale" content="fr_FR">"#,
            r#"lang="""#,
            None,
            Some("fr"),
        ),
        (
            r#"<meta http-equiv="Content-Language" content="de-AT, de">"#,
            r#"lang="x""#,
            None,
            Some("de"),
        ),
        (
            r#"<meta name="twitter:creator" content="@ann">"#,
            "",
            None,
            None,
        ),
    ];
    for (head, attrs, author, language) in rows {
        let a = super::extract_html(&page(head, attrs));
        assert!(a.text.contains("a wall fell"), "{head}");
        assert_eq!(a.author.as_deref(), author, "{head}");
        assert_eq!(a.language.as_deref(), language, "{head}");
    }
}

#[test]
fn site_names_after_headlines() {
    // (title, site name, host, after strip_site, after strip_short_tail as well)
    let rows = [
        (
            "Ferry runs aground - Echo Weekly",
            Some("Echo Weekly"),
            None,
            "Ferry runs aground",
            "Ferry runs aground",
        ),
        (
            "Getting lean with ads | IAB",
            None,
            Some("iab.net"),
            "Getting lean with ads",
            "Getting lean with ads",
        ),
        (
            "A chapter | Fandom [Archive of Our Own]",
            Some("Archive of Our Own"),
            None,
            "A chapter",
            "A chapter",
        ),
        (
            "Lorem ipsum dolor sit amet – My website",
            None,
            None,
            "Lorem ipsum dolor sit amet – My website",
            "Lorem ipsum dolor sit amet",
        ),
        // A short headline keeps its tail; a long tail is no site's name.
        ("Iraq - Live", None, None, "Iraq - Live", "Iraq - Live"),
        (
            "Raid in the desert - what the commanders said about it",
            None,
            None,
            "Raid in the desert - what the commanders said about it",
            "Raid in the desert - what the commanders said about it",
        ),
        (
            "No separator here",
            Some("Echo"),
            Some("echo.example"),
            "No separator here",
            "No separator here",
        ),
    ];
    for (title, site, host, stripped, short) in rows {
        let s = strip_site(title, site, host);
        assert_eq!(s, stripped, "{title}");
        assert_eq!(strip_short_tail(&s), short, "{title}");
    }
}
