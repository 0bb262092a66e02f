//! One self-contained HTML page: the events with their source articles side by
//! side, every claim linked to its sentence highlighted in the article text,
//! conflicting figures marked, entities coloured by type. No scripts, no
//! external styles, fonts or images; every text is escaped by maud.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::ops::Range;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use sitrep::{ClaimRecord, DocumentRecord, EventRecord, FigureRecord, Report, Status, TollRecord};
use sitrep_geo::Outlines;
use sitrep_text::split_sentences;

use super::map;
use super::{
    claim_disagrees, claim_text, date_text, figure_text, figures, geo_text, location_text,
    side_text, type_text, Texts,
};

/// Writes the page.
///
/// The map draws the events with coordinates over `outlines` (country
/// outlines; without them, over a bare graticule).
pub fn html<'a>(
    out: &mut dyn Write,
    report: &'a Report,
    texts: &Texts<'a>,
    outlines: Option<&'a Outlines>,
) -> std::io::Result<()> {
    let page = Page::new(report, texts, outlines);
    out.write_all(page.render().into_string().as_bytes())
}

/// Entity labels with their own colour, and how the legend names them.
const LABELS: [(&str, &str); 4] = [
    ("PER", "person"),
    ("LOC", "place"),
    ("ORG", "organisation"),
    ("MISC", "other name"),
];

const CSS: &str = r#"
:root { --ink: #1d2430; --muted: #5b6576; --line: #d9dee7; --paper: #ffffff; --bg: #f4f6f9;
        --claim: #fff1a8; --claim-line: #e0b400; --target: #ffd84d; --warn: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
header.page, main, footer { max-width: 1500px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 20px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.15em; margin: 0 0 8px; }
h4 { font-size: 1em; margin: 0 0 4px; }
.summary, .meta, footer { color: var(--muted); }
.legend span, .legend mark { margin-right: 10px; }
article.event { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
                padding: 16px; margin-bottom: 22px; }
.event-id { display: inline-block; background: var(--ink); color: #fff; border-radius: 4px;
            padding: 0 7px; margin-right: 6px; font-size: 0.9em; }
.event-head { display: grid; grid-template-columns: minmax(280px, 2fr) 3fr; gap: 0 20px; }
@media (max-width: 900px) { .event-head { grid-template-columns: 1fr; } }
details.doc-toll summary { cursor: pointer; color: var(--muted); margin: 4px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 10px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
table.claims td:first-child, table.claims td.num, article.document table.claims td:last-child { white-space: nowrap; }
article.document table { width: 100%; font-size: 0.9em; }
th { background: var(--bg); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.conflict { color: var(--warn); font-weight: 600; }
tr.differs td { background: #fdecea; }
.differs-mark { color: var(--warn); font-weight: 700; }
ul.notes { margin: 4px 0 12px; padding-left: 20px; color: var(--muted); }
.sources { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 14px; }
article.document { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
                   padding: 12px; min-width: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "DejaVu Serif", serif;
        font-size: 0.95em; max-height: 36em; overflow-y: auto; border-top: 1px solid var(--line);
        padding-top: 8px; margin-top: 8px; }
.claim-sentence { background: #fffbe0; border-bottom: 2px solid var(--claim-line); }
.claim-sentence:target { background: var(--target); outline: 2px solid var(--claim-line); }
mark.claim { background: var(--claim); color: inherit; padding: 0 1px; font-weight: 600; }
.ent { border-radius: 3px; padding: 0 2px; }
.ent-per { background: #dbe8ff; color: #0b3c8c; }
.ent-loc { background: #d9f2df; color: #11622a; }
.ent-org { background: #ffe4cc; color: #8a3a00; }
.ent-misc { background: #eddcff; color: #5b2196; }
.ent-other { background: #e8e8e8; }
.warning { color: var(--warn); }
ul.parties { margin: 4px 0; padding-left: 18px; font-size: 0.9em; }
li.party.perpetrator { color: #8a1c1c; }
li.party.target { color: #5b2196; }
li.party.victim { color: #0b3c8c; }
.doc-type, dd.event-type { font-weight: 600; }
.unlinked { color: var(--muted); font-style: italic; }
a.claim-link { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
footer { padding-top: 10px; padding-bottom: 30px; font-size: 0.85em; }
"#;

/// A document's text with the spans to mark in it, all in bytes.
struct Annotated<'t> {
    text: &'t str,
    /// Code-point offset → byte offset (one entry past the end).
    bytes: Vec<usize>,
    /// Sentences holding claims (merged where claims join them), with their
    /// element ids, sorted and disjoint.
    blocks: Vec<(Range<usize>, String)>,
    /// Claim spans, merged where they overlap, sorted and disjoint.
    marks: Vec<Range<usize>>,
    /// Entities (the first of any overlapping ones), sorted and disjoint,
    /// with their label and what the tooltip says.
    entities: Vec<(Range<usize>, &'t str, String)>,
}

impl<'t> Annotated<'t> {
    fn new(
        text: &'t str,
        doc_index: usize,
        claims: &[(usize, usize)],
        evidence: &[(usize, usize)],
        record: &'t DocumentRecord,
    ) -> Annotated<'t> {
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut a = Annotated {
            text,
            bytes,
            blocks: Vec::new(),
            marks: Vec::new(),
            entities: Vec::new(),
        };
        let sentences = split_sentences(text);
        let mut blocks: Vec<Range<usize>> = Vec::new();
        let mut marks: Vec<Range<usize>> = Vec::new();
        // Claims are marked inside their sentences; the evidence of an
        // event type is a sentence of its own, anchored but not marked.
        let spans = claims
            .iter()
            .map(|&c| (c, true))
            .chain(evidence.iter().map(|&c| (c, false)));
        for ((s, e), mark) in spans {
            let Some(r) = a.byte_range(s, e) else {
                continue;
            };
            let mut block = r.clone();
            for sent in &sentences {
                // Sentences the claim touches (an empty claim: the one it is in).
                let touches = if r.is_empty() {
                    sent.start <= r.start && r.start < sent.end
                } else {
                    sent.start < r.end && r.start < sent.end
                };
                if touches {
                    block = block.start.min(sent.start)..block.end.max(sent.end);
                }
            }
            blocks.push(block);
            if mark && !r.is_empty() {
                marks.push(r);
            }
        }
        a.blocks = merge(blocks)
            .into_iter()
            .enumerate()
            .map(|(k, r)| (r, format!("d{doc_index}-s{}", k + 1)))
            .collect();
        a.marks = merge(marks);
        let mut entities: Vec<(Range<usize>, &str, String)> = record
            .entities
            .iter()
            .filter_map(|e| {
                let title = match &e.geo {
                    Some(g) => format!("{} — {}", e.label, geo_text(g)),
                    None => e.label.clone(),
                };
                Some((a.byte_range(e.start, e.end)?, e.label.as_str(), title))
            })
            .filter(|(r, _, _)| !r.is_empty())
            .collect();
        entities.sort_by_key(|(r, _, _)| (r.start, r.end));
        let mut end = 0;
        entities.retain(|(r, _, _)| {
            let keep = r.start >= end;
            if keep {
                end = r.end;
            }
            keep
        });
        a.entities = entities;
        a
    }

    /// The byte range of a code-point span, when it lies within the text.
    fn byte_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if start > end {
            return None;
        }
        Some(*self.bytes.get(start)?..*self.bytes.get(end)?)
    }

    /// The element id of the sentence holding a claim's code-point span.
    fn anchor(&self, start: usize, end: usize) -> Option<&str> {
        let r = self.byte_range(start, end)?;
        self.blocks
            .iter()
            .find(|(b, _)| b.start <= r.start && r.end <= b.end)
            .map(|(_, id)| id.as_str())
    }

    fn render(&self) -> Markup {
        let blocks: Vec<(Range<usize>, Tag<'_>)> = self
            .blocks
            .iter()
            .map(|(r, id)| (r.clone(), Tag::Sentence(id)))
            .collect();
        let marks: Vec<(Range<usize>, Tag<'_>)> =
            self.marks.iter().map(|r| (r.clone(), Tag::Claim)).collect();
        let entities: Vec<(Range<usize>, Tag<'_>)> = self
            .entities
            .iter()
            .map(|(r, l, t)| (r.clone(), Tag::Entity(l, t)))
            .collect();
        nest(self.text, 0..self.text.len(), &[&blocks, &marks, &entities])
    }
}

/// Sorts ranges and merges those that overlap.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end || (r.is_empty() && r.start == last.end) => {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}

/// What a marked stretch of text becomes.
enum Tag<'a> {
    /// A sentence holding claims: the target of claim links.
    Sentence(&'a str),
    /// A claim's own words.
    Claim,
    /// A named entity with its type label and tooltip.
    Entity(&'a str, &'a str),
}

impl Tag<'_> {
    fn wrap(&self, inner: Markup) -> Markup {
        match self {
            Tag::Sentence(id) => html! { span.claim-sentence id=(id) { (inner) } },
            Tag::Claim => html! { mark.claim { (inner) } },
            Tag::Entity(label, title) => html! {
                span class={ "ent " (entity_class(label)) } title=(title) { (inner) }
            },
        }
    }
}

/// `ent-per` for the four standard labels, `ent-other` for any other.
fn entity_class(label: &str) -> String {
    if LABELS.iter().any(|(l, _)| *l == label) {
        format!("ent-{}", label.to_ascii_lowercase())
    } else {
        "ent-other".to_owned()
    }
}

/// Renders `text[range]` with the spans of each layer (sorted, disjoint) as
/// elements nested in layer order; spans of an inner layer that cross an
/// outer element's edge are cut there.
fn nest(text: &str, range: Range<usize>, layers: &[&[(Range<usize>, Tag<'_>)]]) -> Markup {
    let Some((layer, inner)) = layers.split_first() else {
        return html! { (text.get(range).unwrap_or_default()) };
    };
    let first = layer.partition_point(|(r, _)| r.end <= range.start);
    let mut pieces: Vec<Markup> = Vec::new();
    let mut pos = range.start;
    for (r, tag) in &layer[first..] {
        if r.start >= range.end {
            break;
        }
        let (s, e) = (r.start.max(range.start), r.end.min(range.end));
        if s >= e {
            continue;
        }
        if pos < s {
            pieces.push(nest(text, pos..s, inner));
        }
        pieces.push(tag.wrap(nest(text, s..e, inner)));
        pos = e;
    }
    if pos < range.end {
        pieces.push(nest(text, pos..range.end, inner));
    }
    html! { @for p in pieces { (p) } }
}

/// What a claim's link shows: its document (in an event's table, where claims
/// come from several documents) or just "sentence" (in a document's own).
#[derive(Clone, Copy)]
enum Links {
    Documents,
    Sentences,
}

struct Page<'r> {
    report: &'r Report,
    /// Country outlines for the map, when installed.
    outlines: Option<&'r Outlines>,
    /// Index in `report.documents` of each document id (its first record).
    index: HashMap<&'r str, usize>,
    /// Annotated texts by document index.
    annotated: HashMap<usize, Annotated<'r>>,
}

impl<'r> Page<'r> {
    fn new(report: &'r Report, texts: &Texts<'r>, outlines: Option<&'r Outlines>) -> Page<'r> {
        let mut index = HashMap::new();
        for (i, d) in report.documents.iter().enumerate() {
            index.entry(d.id.as_str()).or_insert(i);
        }
        // Every claim that points into each document, from its own toll and
        // from the events' tolls.
        let mut claims: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        let tolls = report
            .documents
            .iter()
            .map(|d| &d.toll)
            .chain(report.events.iter().map(|e| &e.toll));
        for t in tolls {
            for (_, f) in figures(t) {
                for c in f.iter().flat_map(|f| &f.claims) {
                    if let Some(&i) = index.get(c.document.as_str()) {
                        claims.entry(i).or_default().push((c.start, c.end));
                    }
                }
            }
        }
        let mut evidence: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for ev in report
            .events
            .iter()
            .filter_map(|e| e.coding.evidence.as_ref())
        {
            if let Some(&i) = index.get(ev.document.as_str()) {
                evidence.entry(i).or_default().push((ev.start, ev.end));
            }
        }
        let annotated = report
            .documents
            .iter()
            .enumerate()
            .filter(|(i, d)| d.status == Status::Ok && index.get(d.id.as_str()) == Some(i))
            .filter_map(|(i, d)| {
                let text: &'r str = texts.get(d.id.as_str())?;
                let c = claims.get(&i).map_or(&[][..], Vec::as_slice);
                let ev = evidence.get(&i).map_or(&[][..], Vec::as_slice);
                Some((i, Annotated::new(text, i, c, ev, d)))
            })
            .collect();
        Page {
            report,
            outlines,
            index,
            annotated,
        }
    }

    /// The element id a claim links to, when its sentence is on the page.
    fn anchor(&self, c: &ClaimRecord) -> Option<&str> {
        self.anchor_at(&c.document, c.start, c.end)
    }

    /// The element id of the sentence holding a span of a document.
    fn anchor_at(&self, document: &str, start: usize, end: usize) -> Option<&str> {
        let i = self.index.get(document)?;
        self.annotated.get(i)?.anchor(start, end)
    }

    fn render(&self) -> Markup {
        let r = self.report;
        let in_event: HashSet<&str> = r
            .events
            .iter()
            .flat_map(|e| e.documents.iter().map(String::as_str))
            .collect();
        let loose: Vec<usize> = (0..r.documents.len())
            .filter(|&i| {
                let d = &r.documents[i];
                d.status == Status::Ok
                    && !in_event.contains(d.id.as_str())
                    && self.index.get(d.id.as_str()) == Some(&i)
            })
            .collect();
        let skipped: Vec<&DocumentRecord> = r
            .documents
            .iter()
            .filter(|d| d.status == Status::Skipped)
            .collect();
        let mut shown: HashSet<usize> = HashSet::new();
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="generator" content={ "sitrep " (r.sitrep_version) };
                    title { "sitrep report" }
                    style { (PreEscaped(CSS)) (PreEscaped(map::CSS)) }
                }
                body {
                    header.page {
                        h1 { "sitrep report" }
                        p.summary {
                            (r.events.len()) " event(s) from " (r.documents.len()) " document(s), "
                            (skipped.len()) " skipped."
                        }
                        p.legend {
                            @for (label, name) in LABELS {
                                span class={ "ent " (entity_class(label)) } title=(label) { (name) }
                            }
                            mark.claim { "claim" }
                            span.claim-sentence { "sentence behind a figure" }
                            span.conflict { "⚠ sources disagree" }
                        }
                    }
                    main {
                        @if let Some(m) = map::map(&r.events, self.outlines, |k| format!("event-{}", k + 1)) {
                            (m)
                        }
                        section id="events" {
                            h2 { "Events (" (r.events.len()) ")" }
                            @if r.events.is_empty() {
                                p.empty { "No events were formed from these documents." }
                            }
                            @for (k, e) in r.events.iter().enumerate() {
                                (self.event(k, e, &mut shown))
                            }
                        }
                        @if !loose.is_empty() {
                            section id="documents" {
                                h2 {
                                    @if r.events.is_empty() { "Documents (" } @else { "Documents in no event (" }
                                    (loose.len()) ")"
                                }
                                div.sources {
                                    @for &i in &loose { (self.document(i, false)) }
                                }
                            }
                        }
                        @if !skipped.is_empty() {
                            section id="skipped" {
                                h2 { "Skipped inputs (" (skipped.len()) ")" }
                                table.skipped {
                                    thead { tr { th { "Document" } th { "Reason" } } }
                                    tbody {
                                        @for d in &skipped {
                                            tr {
                                                td { code { (d.id) } }
                                                td { (d.reason.as_deref().unwrap_or("")) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    footer {
                        "Made by sitrep " (r.sitrep_version) ". Figures: best (low–high); "
                        "conservative is the lowest reported. Each claim links to its sentence."
                    }
                }
            }
        }
    }

    fn event(&self, k: usize, e: &EventRecord, shown: &mut HashSet<usize>) -> Markup {
        html! {
            article.event id={ "event-" (k + 1) } data-event=(e.id) {
                h3 {
                    span.event-id { (e.id) }
                    (e.headline.as_deref().unwrap_or("(no headline)"))
                }
                div.event-head {
                    div {
                        dl.facts {
                            dt { "Date" } dd { (date_text(e, " ")) }
                            dt { "Where" } dd { @if e.places.is_empty() { "-" } @else { (e.places.join("; ")) } }
                            dt { "Country" } dd { (e.country.as_deref().unwrap_or("-")) }
                            @if let Some(l) = &e.location {
                                dt { "Location" }
                                dd.location {
                                    (location_text(l))
                                    " " span.meta title="ACLED geo-precision: 1 the town, 2 part of a region or near a town, 3 the province or region" {
                                        "(geo-precision " (l.geo_precision) ")"
                                    }
                                }
                            }
                            @if let Some(t) = type_text(&e.coding) {
                                dt { "Type" }
                                dd.event-type {
                                    (t)
                                    @if let Some(a) = e.coding.evidence.as_ref().and_then(|v| self.anchor_at(&v.document, v.start, v.end)) {
                                        " " a.evidence-link href={ "#" (a) } title="the sentence that decided the type" { "[why]" }
                                    }
                                }
                            }
                            @if e.sides.actor1.is_some() {
                                dt { "Actor 1" }
                                dd.actor1 { (side_text(e.sides.actor1.as_deref(), &e.sides.assoc_actor_1, e.sides.inter1)) }
                            }
                            @if e.sides.actor2.is_some() {
                                dt { "Actor 2" }
                                dd.actor2 {
                                    (side_text(e.sides.actor2.as_deref(), &e.sides.assoc_actor_2, e.sides.inter2))
                                    @if e.sides.civilian_targeting { " — civilian targeting" }
                                }
                            }
                            @if !e.actors.is_empty() {
                                dt { "Named" } dd { (e.actors.join("; ")) }
                            }
                            dt { "Sources" } dd { (e.number_of_sources) ": " (e.sources.join("; ")) }
                        }
                        (Self::figures_table(&e.toll))
                    }
                    div {
                        (self.claims_table(&e.toll, Links::Documents))
                        @if !e.notes.is_empty() {
                            ul.notes { @for n in &e.notes { li { (n) } } }
                        }
                    }
                }
                div.sources {
                    @for id in &e.documents {
                        @match self.index.get(id.as_str()) {
                            Some(&i) if shown.insert(i) => { (self.document(i, true)) }
                            Some(&i) => {
                                p.meta { "Also in this event: " a href={ "#d" (i) } { code { (id) } } }
                            }
                            None => { p.warning { "Document " code { (id) } " is not in this report." } }
                        }
                    }
                }
            }
        }
    }

    /// One article: its metadata, its own figures (folded away inside an
    /// event, whose table already lists its claims) and its annotated text.
    fn document(&self, i: usize, in_event: bool) -> Markup {
        let d = &self.report.documents[i];
        let claims: usize = figures(&d.toll)
            .iter()
            .filter_map(|(_, f)| *f)
            .map(|f| f.claims.len())
            .sum();
        html! {
            article.document id={ "d" (i) } data-document=(d.id) {
                h4 { (d.title.as_deref().unwrap_or(&d.id)) }
                p.meta {
                    code { (d.id) }
                    @if let Some(s) = &d.source { " · " (s) }
                    @if let Some(date) = &d.date { " · " (date) }
                    @if let Some(url) = &d.url {
                        " · "
                        @if url.starts_with("https://") || url.starts_with("http://") {
                            a href=(url) rel="noreferrer" { (url) }
                        } @else {
                            (url)
                        }
                    }
                }
                @for w in &d.warnings { p.warning { (w) } }
                @if let Some(t) = type_text(&d.coding) {
                    p.doc-type { "Reads as: " (t) }
                }
                @if !d.parties.is_empty() {
                    ul.parties {
                        @for p in &d.parties {
                            li class={ "party " (p.role.name()) } {
                                (p.canonical.as_deref().unwrap_or(&p.name))
                                " — " (p.role.name())
                                @if let Some(t) = p.actor_type { " (" (t.name().replace('_', " ")) ")" }
                            }
                        }
                    }
                }
                details.doc-toll open[!in_event] {
                    summary {
                        "This article: killed " (short_figure(d.toll.killed.as_ref()))
                        ", injured " (short_figure(d.toll.injured.as_ref()))
                        " (" (claims) " claim(s))"
                    }
                    (Self::figures_table(&d.toll))
                    (self.claims_table(&d.toll, Links::Sentences))
                }
                @match self.annotated.get(&i) {
                    Some(a) => { div.text { (a.render()) } }
                    None => { p.unlinked { "The text of this document is not available." } }
                }
            }
        }
    }

    /// The killed and injured figures (best, range, conservative, conflict).
    fn figures_table(t: &TollRecord) -> Markup {
        html! {
            @if t.killed.is_none() && t.injured.is_none() {
                p.meta { "No casualty figures reported." }
            } @else {
                table.toll {
                    thead { tr { th { "" } th { "best" } th { "low–high" } th { "conservative" } } }
                    tbody {
                        @for (what, f) in figures(t) {
                            @if let Some(f) = f { (figure_row(what, f)) }
                        }
                    }
                }
            }
        }
    }

    /// Every claim behind the figures, each linked to its sentence.
    fn claims_table(&self, t: &TollRecord, links: Links) -> Markup {
        let n: usize = figures(t)
            .iter()
            .filter_map(|(_, f)| *f)
            .map(|f| f.claims.len())
            .sum();
        html! {
            @if n > 0 {
                table.claims {
                    thead {
                        tr {
                            th { "figure" } th { "claim" } th { "claimed by" }
                            th { @match links { Links::Documents => { "source" } Links::Sentences => { "" } } }
                        }
                    }
                    tbody {
                        @for (what, f) in figures(t) {
                            @for c in f.iter().flat_map(|f| &f.claims) {
                                (self.claim_row(what, f, c, links))
                            }
                        }
                    }
                }
            }
        }
    }

    fn claim_row(
        &self,
        what: &str,
        f: Option<&FigureRecord>,
        c: &ClaimRecord,
        links: Links,
    ) -> Markup {
        let label = match links {
            Links::Documents => c.document.as_str(),
            Links::Sentences => "sentence",
        };
        let differs = f.is_some_and(|f| claim_disagrees(f, c));
        html! {
            tr.claim-row.differs[differs] {
                td { (what) }
                td.num {
                    @if differs {
                        span.differs-mark title="at odds with the figure quoted" { "≠ " }
                    }
                    (claim_text(c))
                }
                td {
                    @match &c.claimed_by { Some(b) => { (b) }, None => { span.meta { "unattributed" } } }
                }
                td {
                    @match self.anchor(c) {
                        Some(id) => {
                            a.claim-link href={ "#" (id) } data-document=(c.document)
                                data-start=(c.start) data-end=(c.end) { (label) }
                        }
                        None => {
                            span.unlinked title="the sentence is not on this page" { (label) }
                        }
                    }
                }
            }
        }
    }
}

/// `9 (7–9) ⚠`: the table's figure cell with the warning sign on conflict.
fn short_figure(f: Option<&FigureRecord>) -> String {
    let text = figure_text(f);
    match text.strip_suffix(" !") {
        Some(t) => format!("{t} ⚠"),
        None => text,
    }
}

fn figure_row(what: &str, f: &FigureRecord) -> Markup {
    let num = |n: Option<u64>| n.map_or("?".to_owned(), |n| n.to_string());
    html! {
        tr class={ "figure " (what) } {
            th { (what) }
            td.num {
                (num(f.best))
                @if f.conflict {
                    " " span.conflict title="the sources disagree" { "⚠ conflict" }
                }
            }
            td.num {
                @match (f.low, f.high) {
                    (Some(l), Some(h)) if l != h => { (l) "–" (h) }
                    _ => { "" }
                }
            }
            td.num { (num(f.conservative)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use scraper::{ElementRef, Html, Selector};

    use super::super::fixture::{self, TEXT_A};
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
                .find(|e| {
                    e.value().name() == "article" && e.value().attr("data-document").is_some()
                })
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
}
