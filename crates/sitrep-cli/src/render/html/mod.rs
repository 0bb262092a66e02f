//! One self-contained HTML page: the events with their source articles side by
//! side, every claim linked to its sentence highlighted in the article text,
//! conflicting figures marked, entities coloured by type. No scripts, no
//! external styles, fonts or images; every text is escaped by maud.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use sitrep::{ClaimRecord, DocumentRecord, EventRecord, FigureRecord, Report, Status, TollRecord};
use sitrep_geo::Outlines;

mod annotate;

use self::annotate::{entity_class, Annotated};
use super::map;
use super::{
    claim_disagrees, claim_text, date_text, figure_text, figures, location_text, side_text,
    type_text, Texts,
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

const CSS: &str = include_str!("report.css");

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
mod tests;
