//! HTML pages: main text and metadata, on invented pages shaped like real
//! news sites (boilerplate, several `<article>`s, tag soup, legacy charsets).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sitrep_text::{
    extract_html, parse_html_page, read_inputs, split_sentences, InputItem, InputOptions,
    InputSource,
};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn news_page_main_text_without_boilerplate() {
    let html = std::fs::read_to_string(data("news_page.html")).unwrap();
    let a = extract_html(&html);
    assert_eq!(
        a.text,
        "Four people were injured on Saturday when a wooden footbridge over the Eastvale canal \
         gave way, the county fire service said.\n\n\
         Two of the injured were taken to St Brendan’s Hospital with leg injuries; the others \
         were treated at the scene.\n\n\
         Inspection overdue\n\n\
         The council said the bridge had last been inspected in 2027.\n\
         A new inspection had been planned for July.\n\n\
         “It went down like a trapdoor,” said one walker, Ivo Brandt.\n\n\
         Canal path closed until further notice\n\n\
         Diversion via Mill Lane"
    );
    // og: tags win over JSON-LD and <title>.
    assert_eq!(
        a.title.as_deref(),
        Some("Bridge collapse in Eastvale injures four")
    );
    assert_eq!(a.date, date(2031, 6, 14));
    assert_eq!(a.source.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/news/2031/eastvale-bridge")
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    // Paragraph breaks survive as sentence boundaries.
    let sentences = split_sentences(&a.text);
    assert_eq!(sentences.len(), 8, "{sentences:?}");
}

/// (what, page, title, date, source, url, text)
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<NaiveDate>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

#[test]
fn pages_of_many_shapes() {
    let rows: Vec<Row> = vec![
        (
            "div soup: densest paragraphs, <title> less the site name from JSON-LD, meta name=date",
            r#"<html><head><title>Ferry runs aground off Kell Point - Northern Echo Weekly</title>
               <meta name="date" content="2031/03/05">
               <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Northern Echo Weekly"},"url":"https://echo.example/ferry"}</script>
               </head><body>
               <div id="top"><a href="/">Home</a> | <a href="/local">Local</a></div>
               <div id="page"><div class="left-col">
                 <div class="txt"><p>A passenger ferry ran aground off Kell Point on Wednesday morning.</p>
                 <p>All 112 passengers were taken off safely, the coastguard said, and nobody was hurt.</p></div>
               </div>
               <div class="right-col"><div class="box"><a href="/a">Weather</a></div><div class="box"><a href="/b">Tides</a></div></div></div>
               </body></html>"#,
            Some("Ferry runs aground off Kell Point"),
            date(2031, 3, 5),
            Some("Northern Echo Weekly"),
            Some("https://echo.example/ferry"),
            "A passenger ferry ran aground off Kell Point on Wednesday morning.\n\n\
             All 112 passengers were taken off safely, the coastguard said, and nobody was hurt.",
        ),
        (
            "teaser cards as <article>: the story's paragraphs outweigh them",
            r#"<body><div class="cards">
                 <article><a href="/x">Council approves budget</a></article>
                 <article><a href="/y">School reopens after storm</a></article></div>
               <div class="story"><h1>Warehouse fire in Dunmore</h1>
                 <p>Firefighters spent six hours bringing a warehouse fire in Dunmore under control overnight.</p>
                 <p>One firefighter was treated for smoke inhalation, a spokesperson for the brigade said.</p>
                 <p>The cause of the fire is not yet known and an investigation has begun.</p></div></body>"#,
            Some("Warehouse fire in Dunmore"),
            None,
            None,
            None,
            "Warehouse fire in Dunmore\n\n\
             Firefighters spent six hours bringing a warehouse fire in Dunmore under control overnight.\n\n\
             One firefighter was treated for smoke inhalation, a spokesperson for the brigade said.\n\n\
             The cause of the fire is not yet known and an investigation has begun.",
        ),
        (
            "itemprop=articleBody wins over the <article> around it; pubdate <time>",
            r#"<article><h1>Headline in the article</h1><p class="dek">A standfirst that is not the body.</p>
               <time pubdate datetime="2031-01-09">9 January</time>
               <div itemprop="articleBody"><p>Only this paragraph is the body of the article.</p></div></article>"#,
            Some("Headline in the article"),
            date(2031, 1, 9),
            None,
            None,
            "Only this paragraph is the body of the article.",
        ),
        (
            "<br><br> splits paragraphs, <br> lines; a <time> in the article beats one in the masthead",
            r#"<body><div class="masthead"><time datetime="2031-12-01">Today</time></div>
               <main><div class="dateline"><time datetime="2031-11-28T09:00">28 Nov</time></div>
               Storm Ilse brought down power lines across the valley.<br><br>Some 3,000 homes were without power
               on Friday.<br>Crews expect to restore it by Sunday.</main></body>"#,
            None,
            date(2031, 11, 28),
            None,
            None,
            "28 Nov\n\nStorm Ilse brought down power lines across the valley.\n\n\
             Some 3,000 homes were without power on Friday.\nCrews expect to restore it by Sunday.",
        ),
        (
            "a page-wide ASP.NET <form> is not dropped; its controls are",
            r#"<body><form id="aspnetForm" action="default.aspx"><input type="hidden" name="__VIEWSTATE" value="abc">
               <div id="body"><p>The harbour master confirmed the closure of berth nine.</p>
               <p>Repairs are expected to take three weeks.</p><p>Ships will be diverted to berth four.</p></div>
               <select><option>Choose a section</option></select></form></body>"#,
            None,
            None,
            None,
            None,
            "The harbour master confirmed the closure of berth nine.\n\n\
             Repairs are expected to take three weeks.\n\nShips will be diverted to berth four.",
        ),
        (
            "hidden elements, roles and tables; entities decoded; twitter:title; canonical link",
            r#"<html><head><meta name="twitter:title" content="Flood  defences   tested">
               <link rel="canonical" href="https://tide.example/flood"></head>
               <body><div role="navigation">Sections</div><div role="main">
               <p>The new flood defences held overnight &amp; the river fell by 40&nbsp;cm.</p>
               <p hidden>Hidden teaser</p><p style="display: none">Also hidden</p><p aria-hidden="true">Icon</p>
               <table><tr><td>Station</td><td>Level</td></tr><tr><td>Mill Weir</td><td>2.1 m</td></tr></table>
               </div></body></html>"#,
            Some("Flood defences tested"),
            None,
            None,
            Some("https://tide.example/flood"),
            "The new flood defences held overnight & the river fell by 40 cm.\n\nStation Level\n\nMill Weir 2.1 m",
        ),
        (
            "a share wrapper around the story is kept, the share bar in it dropped, a comments block dropped",
            r#"<body><div class="share_wrapper"><div class="sharebar">Share on Facebook</div>
               <div class="story-text"><p>The county opened a second shelter on Monday as the river kept rising.</p>
               <p>About 400 residents of the lower town spent the night at the sports hall, officials said.</p>
               <p>The road to Harlow remained closed and buses were diverted through the hill villages.</p>
               <p>Forecasters expect the river to crest on Wednesday, a day later than first thought.</p>
               <p>Volunteers from the rowing club and the scouts filled sandbags along the quay through the night while the fire service pumped water from the cellars of the old mill.</p>
               <p>The school in the lower town will stay closed until Friday, and parents were asked to keep children away from the river banks.</p></div></div>
               <div class="comments"><p>Reader one: stay safe everyone, and thank you to the volunteers at the hall.</p>
               <p>Reader two: the council was warned about this road two years ago and did nothing.</p></div></body>"#,
            None,
            None,
            None,
            None,
            "The county opened a second shelter on Monday as the river kept rising.\n\n\
             About 400 residents of the lower town spent the night at the sports hall, officials said.\n\n\
             The road to Harlow remained closed and buses were diverted through the hill villages.\n\n\
             Forecasters expect the river to crest on Wednesday, a day later than first thought.\n\n\
             Volunteers from the rowing club and the scouts filled sandbags along the quay through the \
             night while the fire service pumped water from the cellars of the old mill.\n\n\
             The school in the lower town will stay closed until Friday, and parents were asked to keep \
             children away from the river banks.",
        ),
        (
            "a blog post of text and <br>s in a <div> outweighs a list of links with more letters",
            r#"<body><div id="wrap"><div class="post-body">The lighthouse on Skerry Rock was relit on Sunday after forty years of darkness.<br><br>
               Volunteers spent two summers restoring the lamp room and the keeper's cottage.<br><br>
               The light will shine every night from dusk until midnight.</div>
               <div class="links"><div><a href="/1">Restoring old lighthouses along the northern coast, a complete guide</a></div>
               <div><a href="/2">The best coastal walks in the region for families with young children</a></div>
               <div><a href="/3">Archive of every post on maritime history published on this blog since 2009</a></div>
               <div><a href="/4">Photographs of the harbour and the island ferries in winter storms and calm</a></div></div></div></body>"#,
            None,
            None,
            None,
            None,
            "The lighthouse on Skerry Rock was relit on Sunday after forty years of darkness.\n\n\
             Volunteers spent two summers restoring the lamp room and the keeper's cottage.\n\n\
             The light will shine every night from dusk until midnight.",
        ),
        (
            "tag soup is read as a browser reads it",
            "<p>First paragraph, never closed<p>Second <b>bold <i>and</b> italic</i> text<div>Third</span></div>",
            None,
            None,
            None,
            None,
            "First paragraph, never closed\n\nSecond bold and italic text\n\nThird",
        ),
        (
            "a German date line under the headline when the markup names no date",
            r#"<html lang="de"><body><div class="newsHeader"><h1>Neue Brücke eröffnet</h1>
               <span class="newsdatum">Donnerstag, 15.2.2031, 19:51</span></div>
               <div class="text"><p>Die neue Brücke über die Enz wurde am Donnerstag für den Verkehr freigegeben.</p></div>
               <div class="sidebar"><span class="date">01.01.2031</span></div></body></html>"#,
            Some("Neue Brücke eröffnet"),
            date(2031, 2, 15),
            None,
            None,
            "Die neue Brücke über die Enz wurde am Donnerstag für den Verkehr freigegeben.",
        ),
        (
            "a UTC time in JSON-LD is the outlet's day where the page states its own time zone",
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Council votes late",
               "datePublished":"2031-11-09T03:28:35Z"}</script>
               <script>window.meta = {"section":"local","updated":"2031-11-08T22:40:00-05:00"};</script></head>
               <body><article><p>The council voted just before midnight to close the bridge.</p></article></body></html>"#,
            Some("Council votes late"),
            date(2031, 11, 8),
            None,
            None,
            "The council voted just before midnight to close the bridge.",
        ),
        (
            "the page's address gives the day when nothing else does",
            r#"<html><head><link rel="canonical" href="https://blog.example/2031/07/19/party-congress/"></head>
               <body><div class="post"><p>The party met in Kiel for its yearly congress.</p></div></body></html>"#,
            None,
            date(2031, 7, 19),
            None,
            Some("https://blog.example/2031/07/19/party-congress/"),
            "The party met in Kiel for its yearly congress.",
        ),
        (
            "an unparsable date is a warning, not an error",
            r#"<meta property="article:published_time" content="sometime last week"><p>Text of the page.</p>"#,
            None,
            None,
            None,
            None,
            "Text of the page.",
        ),
    ];
    for (what, page, title, date, source, url, text) in rows {
        let a = extract_html(page);
        assert_eq!(a.text, text, "{what}: text");
        assert_eq!(a.title.as_deref(), title, "{what}: title");
        assert_eq!(a.date, date, "{what}: date");
        assert_eq!(a.source.as_deref(), source, "{what}: source");
        assert_eq!(a.url.as_deref(), url, "{what}: url");
        let warned = a.warnings.iter().any(|w| w.contains("sometime last week"));
        assert_eq!(
            warned,
            what.starts_with("an unparsable date"),
            "{what}: {:?}",
            a.warnings
        );
    }
}

#[test]
fn pages_without_text_are_skipped_with_a_reason() {
    let options = InputOptions::default();
    let rows: [(&str, &[u8], &str); 5] = [
        ("empty", b"", "no extractable text"),
        ("blank", b"  \n ", "no extractable text"),
        (
            "furniture only",
            b"<html><head><title>Home</title></head><body><nav>Home News</nav><script>run()</script><footer>(c) Site</footer></body></html>",
            "no extractable text",
        ),
        (
            "cookie wall",
            b"<body><div class=\"consent\"><p>We use cookies. Accept?</p></div><p>We use cookies to show you this page.</p></body>",
            "no extractable text",
        ),
        ("binary", b"<html>\0\0\0PK\x03\x04", "binary"),
    ];
    for (what, bytes, reason) in rows {
        match parse_html_page(bytes, what, &options) {
            InputItem::Skipped(s) => {
                assert_eq!(s.id, what);
                assert!(s.reason.contains(reason), "{what}: {}", s.reason);
            }
            InputItem::Document(d) => panic!("{what}: read as {d:?}"),
        }
    }
}

#[test]
fn legacy_charsets_and_bad_bytes() {
    let options = InputOptions::default();
    // Declared windows-1252: decoded properly, nothing to warn about.
    let page: &[u8] =
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
          <p>M\xfcller told the Gaz\xe9tte \x93three were hurt\x94.</p>";
    let InputItem::Document(d) = parse_html_page(page, "cp1252", &options) else {
        panic!()
    };
    assert_eq!(d.text, "Müller told the Gazétte “three were hurt”.");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // No declaration: UTF-8 with replacement, and a warning.
    let InputItem::Document(d) =
        parse_html_page(b"<p>M\xfcller was hurt.</p>", "undeclared", &options)
    else {
        panic!()
    };
    assert_eq!(d.text, "M\u{FFFD}ller was hurt.");
    assert_eq!(
        d.warnings,
        ["invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD"]
    );
    // A byte-order mark is not text.
    let InputItem::Document(d) = parse_html_page(b"\xEF\xBB\xBF<p>Hi there.</p>", "bom", &options)
    else {
        panic!()
    };
    assert_eq!(d.text, "Hi there.");
}

#[test]
fn html_files_in_directories_and_given_directly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    std::fs::copy(data("news_page.html"), dir.path().join("site/bridge.html")).unwrap();
    std::fs::write(
        dir.path().join("short.HTM"),
        "<title>Short one</title><p>A short page of text.</p>",
    )
    .unwrap();
    std::fs::write(dir.path().join("nav.html"), "<nav>Only navigation</nav>").unwrap();
    let items = read_inputs(
        &[InputSource::Path(dir.path().to_path_buf())],
        &InputOptions::default(),
    )
    .unwrap();
    let got: Vec<(&str, bool)> = items
        .iter()
        .map(|i| (i.id(), matches!(i, InputItem::Document(_))))
        .collect();
    assert_eq!(
        got,
        [("nav", false), ("short", true), ("site/bridge", true)]
    );
    let InputItem::Document(bridge) = &items[2] else {
        panic!()
    };
    assert_eq!(bridge.source.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(bridge.date, date(2031, 6, 14));
    assert!(bridge.text.starts_with("Four people were injured"));
    let InputItem::Document(short) = &items[1] else {
        panic!()
    };
    assert_eq!(short.title.as_deref(), Some("Short one"));

    // A file given directly is named by its file name.
    let items = read_inputs(
        &[InputSource::Path(dir.path().join("site/bridge.html"))],
        &InputOptions::default(),
    )
    .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id(), "bridge");
}

#[test]
fn deep_nesting_is_read_up_to_a_bound_and_refused_beyond_it() {
    // Deeper than real pages nest, within the bound: read.
    let depth = 1000;
    let page = format!(
        "{}<p>Deep text.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(extract_html(&page).text, "Deep text.");
    let spans = format!("{}Deep inline text.", "<span>".repeat(depth));
    assert_eq!(extract_html(&spans).text, "Deep inline text.");

    // 200,000 unclosed elements (1 MB): html5ever's tree builder would take
    // minutes (its work grows with the square of the depth); refused after a
    // linear scan instead, with the reason.
    let hostile = format!("{}<p>Deep text.</p>", "<div>".repeat(200_000));
    let started = Instant::now();
    let a = extract_html(&hostile);
    let item = parse_html_page(hostile.as_bytes(), "deep", &InputOptions::default());
    let took = started.elapsed();
    eprintln!("refused a 200,000-deep page twice in {took:?}");
    assert_eq!(a.text, "");
    assert!(
        a.warnings[0].contains("nest more than 1024 levels"),
        "{:?}",
        a.warnings
    );
    assert!(
        matches!(&item, InputItem::Skipped(s) if s.reason.contains("nest more than 1024 levels")),
        "{item:?}"
    );
    assert!(took < Duration::from_secs(30), "took {took:?}");
}
