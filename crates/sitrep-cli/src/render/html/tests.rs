use scraper::{ElementRef, Html, Selector};

use super::super::fixture::{self, TEXT_A};
use super::annotate::merge;
use super::*;

fn render(report: &Report, texts: &Texts<'_>) -> String {
    render_with(report, texts, None)
}

fn render_with(report: &Report, texts: &Texts<'_>, outlines: Option<&Outlines>) -> String {
    let mut out = Vec::new();
    html(&mut out, report, texts, outlines).unwrap();
    String::from_utf8(out).unwrap()
}

/// Two made-up countries: one around the fixture's located event
/// (Freedonia, 8.55°E 47.42°N), one far away.
fn outlines() -> Outlines {
    let dir = std::env::temp_dir().join(format!("sitrep-html-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("countries.tsv"),
        "iso3\tname\tmin_lon\tmin_lat\tmax_lon\tmax_lat\trings\n\
         FRD\tFreedonia\t5.00\t45.00\t11.00\t49.00\t5.00,45.00 11.00,45.00 11.00,49.00 5.00,49.00\n\
         FAR\tFaraway\t100.00\t-10.00\t110.00\t0.00\t100.00,-10.00 110.00,-10.00 110.00,0.00\n",
    )
    .unwrap();
    let o = Outlines::load(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    o
}

#[test]
fn the_map_has_a_dot_per_located_event_linked_to_its_card() {
    let report = fixture::report();
    let o = outlines();
    let page = Html::parse_document(&render_with(&report, &fixture::texts(), Some(&o)));
    let dots: Vec<ElementRef<'_>> = page
        .select(&sel("section#map a circle.event-dot"))
        .collect();
    // E1 has coordinates, E2 none.
    assert_eq!(dots.len(), 1);
    let dot = dots[0];
    assert_eq!(dot.value().attr("data-event"), Some("E1"));
    let a = ElementRef::wrap(dot.parent().unwrap()).unwrap();
    let id = a.value().attr("href").unwrap().strip_prefix('#').unwrap();
    let card = page
        .select(&sel(&format!("article[id=\"{id}\"]")))
        .next()
        .unwrap();
    assert_eq!(card.value().attr("data-event"), Some("E1"));
    // The dot's tooltip names the place and the toll.
    let title = text_of(dot.select(&sel("title")).next().unwrap());
    assert_eq!(title, "E1 · Zürich‑Nord, Nordkanton, Freedonia · 14 killed");
    // Only the country in view is drawn, marked as the event's.
    let countries: Vec<String> = page
        .select(&sel("svg.map path.country"))
        .map(|p| text_of(p.select(&sel("title")).next().unwrap()))
        .collect();
    assert_eq!(countries, ["Freedonia"]);
    assert_eq!(page.select(&sel("svg.map path.country.home")).count(), 1);
    let caption = text_of(page.select(&sel("section#map figcaption")).next().unwrap());
    assert!(
        caption.contains("Not on the map (no coordinates): E2"),
        "{caption}"
    );
    assert!(caption.contains("Natural Earth"), "{caption}");
    // The card says where, with the units and the precision.
    let where_ = text_of(card.select(&sel("dd.location")).next().unwrap());
    assert_eq!(
        where_,
        "Zürich‑Nord, Nordkanton, Freedonia (geo-precision 1)"
    );
}

#[test]
fn the_map_needs_no_outlines_and_no_map_without_coordinates() {
    let mut report = fixture::report();
    let page = Html::parse_document(&render(&report, &fixture::texts()));
    assert_eq!(page.select(&sel("section#map circle.event-dot")).count(), 1);
    assert_eq!(page.select(&sel("section#map path.country")).count(), 0);
    let caption = text_of(page.select(&sel("section#map figcaption")).next().unwrap());
    assert!(caption.contains("outlines unavailable"), "{caption}");
    for e in &mut report.events {
        e.location = None;
    }
    let page = Html::parse_document(&render(&report, &fixture::texts()));
    assert_eq!(page.select(&sel("section#map")).count(), 0);
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text().collect()
}

/// Code points `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_claim_links_to_its_highlighted_sentence() {
    let report = fixture::report();
    let texts = fixture::texts();
    let page = Html::parse_document(&render(&report, &texts));
    let links: Vec<ElementRef<'_>> = page.select(&sel("a.claim-link")).collect();
    // 3 + 1 event claims, 3 + 1 + 1 document claims.
    assert_eq!(links.len(), 9);
    for a in links {
        let href = a.value().attr("href").unwrap();
        let id = href.strip_prefix('#').unwrap();
        let target = page
            .select(&sel(&format!("[id=\"{id}\"]")))
            .next()
            .unwrap_or_else(|| panic!("{href} does not resolve"));
        assert!(target.value().classes().any(|c| c == "claim-sentence"));
        let doc = a.value().attr("data-document").unwrap();
        let start: usize = a.value().attr("data-start").unwrap().parse().unwrap();
        let end: usize = a.value().attr("data-end").unwrap().parse().unwrap();
        let want = chars(texts[doc], start, end);
        // The claim's words are marked inside the sentence, whole.
        assert!(
            target
                .select(&sel("mark.claim"))
                .any(|m| text_of(m).contains(&want)),
            "{want:?} not marked in {href}"
        );
        // The sentence sits in its document's article.
        let article = target
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "article" && e.value().attr("data-document").is_some())
            .unwrap();
        assert_eq!(article.value().attr("data-document"), Some(doc));
    }
}

#[test]
fn sentences_are_cut_at_code_points_not_bytes() {
    let report = fixture::report();
    let page = Html::parse_document(&render(&report, &fixture::texts()));
    let a = page
        .select(&sel("article[data-document=\"wire-a\"]"))
        .next()
        .unwrap();
    let sentences: Vec<String> = a.select(&sel(".claim-sentence")).map(text_of).collect();
    assert_eq!(
        sentences,
        [
            // E1's type evidence: anchored like a claim's sentence, unmarked.
            "🚨 Zürich‑Nord — Gunmen attacked a checkpoint in Zürich‑Nord on Monday.",
            "Police said at least 12 people were killed.",
            "The Red Cross said 15 people died and 4 were injured."
        ]
    );
    // The article text is the document text, whole.
    assert_eq!(text_of(a.select(&sel(".text")).next().unwrap()), TEXT_A);
    let marks: Vec<String> = a.select(&sel("mark.claim")).map(text_of).collect();
    assert_eq!(
        marks,
        [
            "at least 12 people were killed",
            "15 people died",
            "4 were injured"
        ]
    );
}

#[test]
fn entities_are_coloured_by_type() {
    let page = Html::parse_document(&render(&fixture::report(), &fixture::texts()));
    let a = page
        .select(&sel("article[data-document=\"wire-a\"] .text"))
        .next()
        .unwrap();
    let got: Vec<(String, String)> = a
        .select(&sel(".ent"))
        .map(|e| (text_of(e), e.value().attr("title").unwrap().to_owned()))
        .collect();
    let want = [
        ("Zürich‑Nord", "LOC"),
        ("Zürich‑Nord", "LOC"),
        ("Ana Müller", "PER"),
        ("Freedonian", "MISC"),
        ("Red Cross", "ORG"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).into(), (*b).into()))
        .collect();
    assert_eq!(got, want);
    for class in ["ent-per", "ent-loc", "ent-org", "ent-misc"] {
        assert!(
            a.select(&sel(&format!(".{class}"))).next().is_some(),
            "{class}"
        );
    }
}

#[test]
fn events_show_sources_side_by_side_with_conflicts_marked() {
    let page = Html::parse_document(&render(&fixture::report(), &fixture::texts()));
    let events: Vec<ElementRef<'_>> = page.select(&sel("article.event")).collect();
    assert_eq!(events.len(), 2);
    let e1 = events[0];
    assert_eq!(e1.value().attr("data-event"), Some("E1"));
    let docs: Vec<&str> = e1
        .select(&sel(".sources > article.document"))
        .map(|d| d.value().attr("data-document").unwrap())
        .collect();
    assert_eq!(docs, ["wire-a", "wire-b"]);
    // The event's killed figure conflicts; 15 is at odds with the quoted 14.
    let killed = e1
        .select(&sel(".event-head table.toll tr.killed"))
        .next()
        .unwrap();
    assert!(text_of(killed).contains("⚠ conflict"));
    let differs: Vec<String> = e1
        .select(&sel(".event-head table.claims tr.differs"))
        .map(text_of)
        .collect();
    assert_eq!(differs.len(), 1);
    assert!(differs[0].contains("15") && differs[0].contains("The Red Cross"));
    // wire-d is in no event, the skipped input is listed with its reason.
    let loose: Vec<&str> = page
        .select(&sel("#documents article.document"))
        .map(|d| d.value().attr("data-document").unwrap())
        .collect();
    assert_eq!(loose, ["wire-d"]);
    let skipped = text_of(page.select(&sel("#skipped")).next().unwrap());
    assert!(skipped.contains("empty") && skipped.contains("empty file"));
    // Ids are unique.
    let mut ids: Vec<&str> = page
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn everything_is_escaped_and_nothing_is_fetched() {
    let html = render(&fixture::report(), &fixture::texts());
    assert!(!html.contains("<script"), "text must not become markup");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; leave"));
    assert!(html.contains("Zürich‑Nord &lt;b&gt;kills&lt;/b&gt; 15 &amp; injures 4"));
    assert!(html.contains("href=\"https://news.example/a?x=1&amp;y=2\""));
    let page = Html::parse_document(&html);
    assert_eq!(
        page.select(&sel("script, link, img, iframe, object, embed"))
            .count(),
        0
    );
    assert!(!html.contains("url(") && !html.contains("@import"));
    // The title text is the title, not parsed markup.
    let h4 = text_of(
        page.select(&sel("article[data-document=\"wire-a\"] h4"))
            .next()
            .unwrap(),
    );
    assert_eq!(
        h4,
        "Checkpoint attack in Zürich‑Nord <b>kills</b> 15 & injures 4"
    );
}

#[test]
fn javascript_urls_are_not_links() {
    let mut report = fixture::report();
    report.documents[0].url = Some("javascript:alert(1)".to_owned());
    let page = Html::parse_document(&render(&report, &fixture::texts()));
    assert_eq!(page.select(&sel("a[href^=\"javascript\"]")).count(), 0);
}

#[test]
fn bad_offsets_and_missing_texts_do_not_break_the_page() {
    let mut report = fixture::report();
    // A claim past the end of its text, and a document whose text is absent.
    if let Some(k) = report.events[0].toll.killed.as_mut() {
        k.claims[0].start = 10_000;
        k.claims[0].end = 10_004;
    }
    let mut texts = fixture::texts();
    texts.remove("wire-b");
    let page = Html::parse_document(&render(&report, &texts));
    let e1 = page.select(&sel("article.event")).next().unwrap();
    let unlinked: Vec<String> = e1
        .select(&sel(".event-head table.claims .unlinked"))
        .map(text_of)
        .collect();
    assert_eq!(unlinked, ["wire-a", "wire-b"]);
    let b = page
        .select(&sel("article[data-document=\"wire-b\"]"))
        .next()
        .unwrap();
    assert!(text_of(b).contains("not available"));
}

#[test]
fn empty_report_is_still_a_page() {
    let report = Report {
        sitrep_version: "0".into(),
        documents: Vec::new(),
        events: Vec::new(),
    };
    let html = render(&report, &Texts::new());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("No events were formed"));
}

#[test]
fn merge_joins_overlaps_only() {
    type Rows<'a> = &'a [(&'a [(usize, usize)], &'a [(usize, usize)])];
    let rows: Rows<'_> = &[
        (&[(5, 9), (0, 3)], &[(0, 3), (5, 9)]),
        (&[(0, 5), (3, 8)], &[(0, 8)]),
        (&[(0, 5), (5, 8)], &[(0, 5), (5, 8)]),
        (&[(0, 5), (1, 2)], &[(0, 5)]),
        (&[], &[]),
    ];
    for (input, want) in rows {
        let got: Vec<(usize, usize)> = merge(input.iter().map(|&(s, e)| s..e).collect())
            .into_iter()
            .map(|r| (r.start, r.end))
            .collect();
        assert_eq!(&got, want, "{input:?}");
    }
}
