//! The event stage: documents' analyses grouped into events, each event's
//! figures, coding and location, and the report's records.

use rayon::prelude::*;
use sitrep_cluster::{group_events, ClusterOptions, DocInput};
use sitrep_coding::{code_event, EventCoding, ReportParty, ReportType};
use sitrep_geo::{event_location, outlet_home, DocPlaces, Geo, Location};
use sitrep_text::{Document, InputItem, Span};

use crate::error::DocumentResult;
use crate::output::{
    event_record, ok_record, skipped_record, Converter, DocumentRecord, Report, TypeRecord,
};

use super::{Analysis, Pipeline};

impl Pipeline {
    /// The event stage and the report: canonical entities, clustering into
    /// events, reconciled figures, and every record. `analyses` must be
    /// aligned with `items` (as [`analyze_documents`](Self::analyze_documents)
    /// returns them).
    #[must_use]
    pub fn assemble(&self, items: &[InputItem], analyses: &[DocumentResult]) -> Report {
        let ok: Vec<(usize, &Document, &Analysis)> = ok_documents(items, analyses);
        let inputs: Vec<DocInput<'_>> = ok.iter().map(|(_, d, a)| doc_input(d, a)).collect();
        let opts = &self.cluster;
        let grouping = self.pool.install(|| group_events(&inputs, opts));
        let mut event_of: Vec<Option<usize>> = vec![None; ok.len()];
        for (e, ev) in grouping.events.iter().enumerate() {
            for &d in &ev.documents {
                event_of[d] = Some(e);
            }
        }
        let mut records: Vec<Option<DocumentRecord>> = vec![None; items.len()];
        let built: Vec<DocumentRecord> = self.pool.install(|| {
            ok.par_iter()
                .enumerate()
                .map(|(n, (_, d, a))| {
                    let conv = Converter::new(&d.text);
                    let mut r = ok_record(d);
                    r.warnings.extend(a.warnings.iter().cloned());
                    r.entities = a
                        .entities
                        .iter()
                        .enumerate()
                        .map(|(m, e)| {
                            let mut r =
                                conv.entity(e, grouping.canonical.name(n, m).map(str::to_string));
                            r.geo = a.places.get(m).cloned().flatten();
                            r
                        })
                        .collect();
                    r.numbers = a.numbers.iter().map(|x| conv.number(x)).collect();
                    r.casualties = a
                        .casualties
                        .iter()
                        .enumerate()
                        .map(|(k, c)| {
                            let party = a.parties.casualty_party.get(k).copied().flatten();
                            conv.casualty(c, party)
                        })
                        .collect();
                    r.parties = a
                        .parties
                        .parties
                        .iter()
                        .map(|p| {
                            let canonical = p
                                .entity
                                .and_then(|m| grouping.canonical.name(n, m))
                                .map(str::to_string);
                            conv.party(p, canonical)
                        })
                        .collect();
                    r.toll = conv.toll(&a.toll);
                    r.coding = match &a.event_type {
                        Some(t) => TypeRecord::new(
                            Some(t.label),
                            Some(t.score),
                            t.evidence.map(|s| conv.evidence(&d.id, s)),
                        ),
                        None => TypeRecord::default(),
                    };
                    r.event = event_of[n].map(|e| format!("E{}", e + 1));
                    r
                })
                .collect()
        });
        for ((k, _, _), r) in ok.iter().zip(built) {
            records[*k] = Some(r);
        }
        let documents = items
            .iter()
            .zip(records)
            .zip(analyses)
            .map(|((i, r), a)| match (r, a) {
                (Some(r), _) => r,
                (None, Err(e)) => skipped_record(i.id(), &e.reason()),
                (None, Ok(_)) => skipped_record(i.id(), "not processed"),
            })
            .collect();
        let texts: Vec<(&str, &str)> = ok
            .iter()
            .map(|(_, d, _)| (d.id.as_str(), d.text.as_str()))
            .collect();
        let events = grouping
            .events
            .iter()
            .enumerate()
            .map(|(e, ev)| {
                let coding = if self.skip.coding {
                    EventCoding::default()
                } else {
                    code_one_event(ev, &ok, &grouping.canonical)
                };
                let location = if self.skip.geocoding {
                    None
                } else {
                    self.event_location(ev, &ok, &grouping.canonical)
                };
                let mut r = event_record(&format!("E{}", e + 1), ev, &inputs, &texts, &coding);
                if let Some(l) = &location {
                    r.places = self.places_in(&r.places, l, ev, &ok, &grouping.canonical);
                }
                r.location = location;
                r
            })
            .collect();
        Report {
            sitrep_version: env!("CARGO_PKG_VERSION").to_owned(),
            documents,
            events,
        }
    }

    /// The event's places that can be where it happened: those that
    /// geocode in another country than its location (the hospital abroad
    /// the wounded were flown to, a country named in the background) are
    /// left out, and a name said twice in other capitals once.
    fn places_in(
        &self,
        places: &[String],
        location: &Location,
        ev: &sitrep_cluster::Event,
        ok: &[(usize, &Document, &Analysis)],
        canonical: &sitrep_cluster::Canonical,
    ) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        places
            .iter()
            .filter(|name| {
                let elsewhere = place_geo(ev, ok, canonical, name).is_some_and(|g| {
                    !g.country_code.is_empty()
                        && self.gazetteer.country_of_code(&g.country_code).map(|c| c.1)
                            != location.iso3.as_deref()
                });
                let key = name.to_lowercase();
                let again = seen.contains(&key);
                seen.push(key);
                !elsewhere && !again
            })
            .cloned()
            .collect()
    }

    /// Where an event happened: its documents' geocoded places, the
    /// incident's own sentences first.
    fn event_location(
        &self,
        ev: &sitrep_cluster::Event,
        ok: &[(usize, &Document, &Analysis)],
        canonical: &sitrep_cluster::Canonical,
    ) -> Option<Location> {
        let spans: Vec<(Vec<Span>, usize, Vec<Span>)> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .map(|(_, doc, a)| super::incident_spans(&doc.text, a))
            .collect();
        let homes: Vec<Option<Geo>> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .map(|(_, doc, _)| {
                let url = doc.url.as_deref()?;
                outlet_home(&self.gazetteer, url)
            })
            .collect();
        let docs: Vec<DocPlaces<'_>> = ev
            .documents
            .iter()
            .filter_map(|&d| ok.get(d))
            .zip(&spans)
            .zip(&homes)
            .map(
                |(((_, doc, a), (incident, lead_end, elsewhere)), home)| DocPlaces {
                    text: &doc.text,
                    entities: &a.entities,
                    places: &a.places,
                    incident,
                    lead_end: *lead_end,
                    elsewhere,
                    home: home.as_ref(),
                },
            )
            .collect();
        let fallback = event_location(&self.gazetteer, &docs);
        // The event stage ranks the incident's places across its reports
        // (specificity, incident sentences, agreement). When its first
        // place is a named part of a province that the gazetteer only
        // knows by the province ("Anbar Desert"), in the country the
        // reports agree on, that province is the event's location: the
        // geocoder cannot tell such a part from a street it places in the
        // article's own province, so it ranks towns first. (Natural
        // features the gazetteer knows, "Hamrin Mountains", the geocoder
        // itself puts before towns.) Otherwise the geocoder's choice
        // stands: taking the event stage's first place for every event
        // lowered GVA dev city/county from 0.786 to 0.536
        // (`sitrep eval geo --gva`).
        let top = ev
            .places
            .first()
            .and_then(|name| place_geo(ev, ok, canonical, name));
        let agrees = |g: &Geo| {
            fallback.as_ref().is_none_or(|f| {
                f.iso3.as_deref() == self.gazetteer.country_of_code(&g.country_code).map(|c| c.1)
            })
        };
        let feature_place = |g: &Geo| g.feature == "admin1" && !g.exact;
        match top.filter(|g| agrees(g) && feature_place(g)) {
            Some(g) => {
                let (country, iso3) = self
                    .gazetteer
                    .country_of_code(&g.country_code)
                    .map_or((None, None), |(n, i)| {
                        (Some(n.to_owned()), Some(i.to_owned()))
                    });
                let geo_precision = match (g.feature.as_str(), g.exact) {
                    ("city", true) => 1,
                    ("city" | "natural" | "admin2", _) => 2,
                    _ => 3,
                };
                let mut location = Location::at(g, country, iso3, geo_precision);
                if let Some(name) = ev.places.first() {
                    // The event's own name for the province's part ("Anbar Desert").
                    location.name.clone_from(name);
                }
                Some(location)
            }
            None => fallback,
        }
    }

    /// The documents that were analysed, as clustering reads them, with
    /// the index of each in `items`.
    #[must_use]
    pub fn cluster_inputs<'a>(
        &self,
        items: &'a [InputItem],
        analyses: &'a [DocumentResult],
    ) -> (Vec<DocInput<'a>>, Vec<usize>) {
        ok_documents(items, analyses)
            .into_iter()
            .map(|(k, d, a)| (doc_input(d, a), k))
            .unzip()
    }

    /// The event clustering settings in use.
    #[must_use]
    pub fn cluster_options(&self) -> &ClusterOptions {
        &self.cluster
    }
}

/// The event's coding from its documents' parties (canonical names where
/// the party is a resolved entity) and type readings.
fn code_one_event(
    ev: &sitrep_cluster::Event,
    ok: &[(usize, &Document, &Analysis)],
    canonical: &sitrep_cluster::Canonical,
) -> EventCoding {
    let mut parties: Vec<ReportParty<'_>> = Vec::new();
    let mut types: Vec<ReportType> = Vec::new();
    for &d in &ev.documents {
        let Some((_, _, a)) = ok.get(d) else {
            continue;
        };
        if let Some(t) = &a.event_type {
            types.push(ReportType {
                document: d,
                label: t.label,
                score: t.score,
                evidence: t.evidence,
            });
        }
        for p in &a.parties.parties {
            let name = p
                .entity
                .and_then(|m| canonical.name(d, m))
                .unwrap_or(p.name.as_str());
            let person = p
                .entity
                .and_then(|m| a.entities.get(m))
                .is_some_and(|e| e.label == "PER");
            parties.push(ReportParty {
                document: d,
                name,
                role: p.role,
                actor_type: p.actor_type,
                person,
            });
        }
    }
    code_event(&types, &parties)
}

fn ok_documents<'a>(
    items: &'a [InputItem],
    analyses: &'a [DocumentResult],
) -> Vec<(usize, &'a Document, &'a Analysis)> {
    items
        .iter()
        .zip(analyses)
        .enumerate()
        .filter_map(|(k, (i, a))| match (i, a) {
            (InputItem::Document(d), Ok(a)) => Some((k, d, a)),
            _ => None,
        })
        .collect()
}

fn doc_input<'a>(d: &'a Document, a: &'a Analysis) -> DocInput<'a> {
    DocInput {
        id: &d.id,
        text: &d.text,
        title: d.title.as_deref(),
        published: d.date,
        source: d.source.as_deref(),
        sentences: &a.sentences,
        entities: &a.entities,
        casualties: &a.casualties,
        toll: &a.toll,
        embedding: a.embedding.as_deref(),
    }
}

/// The geocoded place of one of an event's place names (canonical), from
/// the first of its documents that names it.
fn place_geo<'a>(
    ev: &sitrep_cluster::Event,
    ok: &'a [(usize, &Document, &Analysis)],
    canonical: &sitrep_cluster::Canonical,
    name: &str,
) -> Option<&'a Geo> {
    ev.documents.iter().find_map(|&d| {
        let (_, _, a) = ok.get(d)?;
        a.entities.iter().enumerate().find_map(|(m, _)| {
            let geo = a.places.get(m)?.as_ref()?;
            (canonical.name(d, m) == Some(name)).then_some(geo)
        })
    })
}
