//! The output contract: serde types of `sitrep run --format json`, described
//! by `schema/sitrep-output.schema.json`. Offsets here are Unicode code-point
//! offsets into the document text (end exclusive), as Python slicing expects;
//! inside the pipeline they are byte spans, converted only at this edge.

use serde::{Deserialize, Serialize};
use sitrep_cluster::Precision as DatePrecision;
use sitrep_coding::{
    ActorType, Category, DisorderType, EventCoding, EventLabel, EventType, Party, Role,
    SubEventType,
};
use sitrep_numbers::{
    Casualty, Claim, Count, Figure, Group, NumberKind, NumberMention, Outcome, Qualifier, Scope,
    Toll,
};
use sitrep_text::{CharIndex, Document, EntityMention, Span};

/// The whole result of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Version of sitrep that made it.
    pub sitrep_version: String,
    /// One record per input record, in input order.
    pub documents: Vec<DocumentRecord>,
    /// One record per incident (filled by event clustering).
    pub events: Vec<EventRecord>,
}

/// Whether a document was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read and analysed.
    Ok,
    /// Not analysed; `reason` says why.
    Skipped,
}

/// One input record and what was found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Document id.
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Address, when known.
    pub url: Option<String>,
    /// Author, when the page or record says.
    pub author: Option<String>,
    /// Declared language (primary subtag, lowercase: `en`), when the page or
    /// record says.
    pub language: Option<String>,
    /// `ok` or `skipped`.
    pub status: Status,
    /// Why it was skipped (null when `ok`).
    pub reason: Option<String>,
    /// Problems met that did not stop processing.
    pub warnings: Vec<String>,
    /// Named entities.
    pub entities: Vec<EntityRecord>,
    /// Numeric expressions.
    pub numbers: Vec<NumberRecord>,
    /// Casualty facts.
    pub casualties: Vec<CasualtyRecord>,
    /// The document's own reading of its incident's toll.
    pub toll: TollRecord,
    /// The document's own reading of what happened (ACLED `disorder_type`,
    /// `event_type`, `sub_event_type`; `category` outside ACLED's scope).
    #[serde(flatten)]
    pub coding: TypeRecord,
    /// The parties of its incident and their roles.
    pub parties: Vec<PartyRecord>,
    /// Id of the event the document was grouped into.
    pub event: Option<String>,
    /// The text every offset of this record points into (code points), when
    /// asked for (`sitrep run --with-text`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What happened, in ACLED's terms: written flat into document and event
/// records. The three ACLED fields are null outside ACLED's scope, where
/// `category` says what the incident is instead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypeRecord {
    /// ACLED's disorder type.
    pub disorder_type: Option<DisorderType>,
    /// ACLED's event type.
    pub event_type: Option<EventType>,
    /// ACLED's sub-event type.
    pub sub_event_type: Option<SubEventType>,
    /// What an incident outside ACLED's scope is.
    pub category: Option<Category>,
    /// Confidence of the type in `0..=1`.
    pub type_score: Option<f32>,
    /// The sentence that decided the type.
    pub evidence: Option<EvidenceRecord>,
}

impl TypeRecord {
    /// The fields of a label, its confidence and its evidence.
    pub(crate) fn new(
        label: Option<EventLabel>,
        score: Option<f32>,
        evidence: Option<EvidenceRecord>,
    ) -> TypeRecord {
        let sub = label.and_then(EventLabel::sub_event_type);
        TypeRecord {
            disorder_type: sub.map(SubEventType::disorder_type),
            event_type: sub.map(SubEventType::event_type),
            sub_event_type: sub,
            category: label.and_then(EventLabel::category),
            type_score: score.map(|s| (s * 10_000.0).round() / 10_000.0),
            evidence,
        }
    }
}

/// A named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// The text as written.
    pub text: String,
    /// Type label (`PER`, `LOC`, `ORG`, `MISC` for the default model).
    pub label: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// Model confidence in `0..=1`.
    pub score: f32,
    /// Canonical name across variants, when resolved.
    pub canonical: Option<String>,
    /// The place it names, geocoded (GeoNames), when it is a place that
    /// resolves.
    pub geo: Option<sitrep_geo::Geo>,
}

/// A numeric expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberRecord {
    /// The text as written.
    pub text: String,
    /// Its value, when it has one.
    pub value: Option<f64>,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Qualifier (`at_least`, `approximately`, …); null for none.
    pub qualifier: Option<Qualifier>,
    /// What it measures (`count`, `year`, `age`, …).
    pub kind: NumberKind,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// A count with its bounds and qualifier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountRecord {
    /// The figure.
    pub value: Option<u64>,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// Qualifier; null for none.
    pub qualifier: Option<Qualifier>,
}

/// A casualty fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasualtyRecord {
    /// `killed`, `injured`, `hit`, `kidnapped`, `arrested` or `missing`.
    pub outcome: Outcome,
    /// How many.
    pub count: CountRecord,
    /// The victims as written.
    pub victims: Option<String>,
    /// Their group (`militants`, `military`, `police`, `civilians`, `unknown`).
    pub group: Group,
    /// The body that claims the figure.
    pub claimed_by: Option<String>,
    /// `event`, `other_event` or `background`.
    pub scope: Scope,
    /// Index in the document's `parties` of the party the victims belong to.
    pub party: Option<usize>,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// A figure reconciled from claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// The single figure to quote.
    pub best: Option<u64>,
    /// Lowest credible figure.
    pub low: Option<u64>,
    /// Highest credible figure.
    pub high: Option<u64>,
    /// Most conservative reported figure (ACLED practice).
    pub conservative: Option<u64>,
    /// Whether the claims disagree.
    pub conflict: bool,
    /// Every claim behind the figure.
    pub claims: Vec<ClaimRecord>,
}

/// One source's claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The figure.
    pub value: Option<u64>,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// Qualifier; null for none.
    pub qualifier: Option<Qualifier>,
    /// Who claims it.
    pub claimed_by: Option<String>,
    /// Document it comes from.
    pub document: String,
    /// Start offset in that document (code points).
    pub start: usize,
    /// End offset in that document (code points, exclusive).
    pub end: usize,
}

/// Killed and injured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TollRecord {
    /// People killed; null when nothing is reported.
    pub killed: Option<FigureRecord>,
    /// People injured; null when nothing is reported.
    pub injured: Option<FigureRecord>,
}

/// One incident and the documents that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Event id (`E1`, `E2`, … in order of each event's first document).
    pub id: String,
    /// Ids of its documents, in input order.
    pub documents: Vec<String>,
    /// When it happened (`YYYY-MM-DD`; for coarser precision the first day of
    /// the period).
    pub date: Option<String>,
    /// `day`, `week`, `month` or `year`.
    pub date_precision: Option<DatePrecision>,
    /// ACLED's time precision: 1 the day is stated, 2 known to a few days or
    /// a week (a week, or a day taken from the publication date because the
    /// reports state none), 3 known to the month or coarser.
    pub time_precision: Option<u8>,
    /// Country, when the place names one.
    pub country: Option<String>,
    /// Where, most specific first (canonical names).
    pub places: Vec<String>,
    /// Where, geocoded (ACLED's location columns), when a place resolves.
    pub location: Option<LocationRecord>,
    /// Who took part (canonical names of people and organisations).
    pub actors: Vec<String>,
    /// What happened, as the reports read it (most agreeing, by confidence).
    #[serde(flatten)]
    pub coding: TypeRecord,
    /// The sides, ACLED style.
    #[serde(flatten)]
    pub sides: SidesRecord,
    /// A one-line summary.
    pub headline: Option<String>,
    /// The outlets (or, when unknown, the document ids) that report it.
    pub sources: Vec<String>,
    /// How many distinct sources report it.
    pub number_of_sources: usize,
    /// Reconciled toll.
    pub toll: TollRecord,
    /// Remarks for an analyst (disagreements, figures from one source only).
    pub notes: Vec<String>,
}

/// The sentence that decided an event type: its document and code-point span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    /// Document id.
    pub document: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// A party of a document's incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyRecord {
    /// The name as written.
    pub name: String,
    /// Canonical name across documents, when the party is a resolved entity.
    pub canonical: Option<String>,
    /// `perpetrator`, `target` or `victim`.
    pub role: Role,
    /// ACLED actor category, when known.
    pub actor_type: Option<ActorType>,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

/// Where an event happened, with ACLED's location columns.
pub type LocationRecord = sitrep_geo::Location;

/// ACLED's actor columns of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SidesRecord {
    /// The side that acted: the perpetrator most reports name.
    pub actor1: Option<String>,
    /// Other parties on `actor1`'s side.
    pub assoc_actor_1: Vec<String>,
    /// `actor1`'s ACLED inter code (1 state forces … 8 external/other forces).
    pub inter1: Option<u8>,
    /// The side acted upon: the target most reports name, else the victims.
    pub actor2: Option<String>,
    /// Other parties on `actor2`'s side.
    pub assoc_actor_2: Vec<String>,
    /// `actor2`'s ACLED inter code.
    pub inter2: Option<u8>,
    /// ACLED's interaction code (the two inter codes, smaller first).
    pub interaction: Option<u8>,
    /// Civilians were the target.
    pub civilian_targeting: bool,
}

impl SidesRecord {
    fn new(c: &EventCoding) -> SidesRecord {
        SidesRecord {
            actor1: c.actor1.clone(),
            assoc_actor_1: c.assoc_actor_1.clone(),
            inter1: c.inter1.map(ActorType::inter_code),
            actor2: c.actor2.clone(),
            assoc_actor_2: c.assoc_actor_2.clone(),
            inter2: c.inter2.map(ActorType::inter_code),
            interaction: c.interaction,
            civilian_targeting: c.civilian_targeting,
        }
    }
}

/// A qualifier as the records carry it: none is null.
fn qualifier(q: Qualifier) -> Option<Qualifier> {
    Some(q).filter(|q| *q != Qualifier::None)
}

/// Converts byte spans of one document to code points.
pub(crate) struct Converter<'a> {
    text: &'a str,
    index: CharIndex,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(text: &'a str) -> Converter<'a> {
        Converter {
            text,
            index: CharIndex::new(text),
        }
    }

    fn span(&self, s: Span) -> (usize, usize) {
        let c = self.index.span_to_chars(s);
        (c.start, c.end)
    }

    pub(crate) fn entity(&self, e: &EntityMention, canonical: Option<String>) -> EntityRecord {
        let (start, end) = self.span(e.span);
        EntityRecord {
            text: e.span.slice(self.text).unwrap_or_default().to_owned(),
            label: e.label.clone(),
            start,
            end,
            score: (e.score * 10_000.0).round() / 10_000.0,
            canonical,
            geo: None,
        }
    }

    pub(crate) fn number(&self, n: &NumberMention) -> NumberRecord {
        let (start, end) = self.span(n.span);
        NumberRecord {
            text: n.text.clone(),
            value: n.value,
            low: n.low,
            high: n.high,
            qualifier: qualifier(n.qualifier),
            kind: n.kind,
            start,
            end,
        }
    }

    pub(crate) fn casualty(&self, c: &Casualty, party: Option<usize>) -> CasualtyRecord {
        let (start, end) = self.span(c.span);
        CasualtyRecord {
            outcome: c.outcome,
            count: count(&c.count),
            victims: Some(c.victims.clone()).filter(|v| !v.is_empty()),
            group: c.group,
            claimed_by: c.claimed_by.clone(),
            scope: c.scope,
            party,
            start,
            end,
        }
    }

    pub(crate) fn party(&self, p: &Party, canonical: Option<String>) -> PartyRecord {
        let (start, end) = self.span(p.span);
        PartyRecord {
            name: p.name.clone(),
            canonical,
            role: p.role,
            actor_type: p.actor_type,
            start,
            end,
        }
    }

    /// The evidence record of a byte span of this document.
    pub(crate) fn evidence(&self, document: &str, s: Span) -> EvidenceRecord {
        let (start, end) = self.span(s);
        EvidenceRecord {
            document: document.to_owned(),
            start,
            end,
        }
    }

    pub(crate) fn toll(&self, t: &Toll) -> TollRecord {
        let conv = |c: &Claim| self.claim(c);
        toll_with(t, &conv)
    }

    pub(crate) fn claim(&self, c: &Claim) -> ClaimRecord {
        claim_record(c, self.span(c.span))
    }
}

fn count(c: &Count) -> CountRecord {
    CountRecord {
        value: c.value,
        low: c.low,
        high: c.high,
        qualifier: qualifier(c.qualifier),
    }
}

/// Converts a toll whose claims may come from several documents; `claim`
/// converts each claim's span with its own document's index.
pub(crate) fn toll_with(t: &Toll, claim: &dyn Fn(&Claim) -> ClaimRecord) -> TollRecord {
    let fig = |f: &Figure| FigureRecord {
        best: f.best,
        low: f.low,
        high: f.high,
        conservative: f.conservative,
        conflict: f.conflict,
        claims: f.claims.iter().map(claim).collect(),
    };
    TollRecord {
        killed: t.killed.as_ref().map(fig),
        injured: t.injured.as_ref().map(fig),
    }
}

/// The record of a skipped input.
pub(crate) fn skipped_record(id: &str, reason: &str) -> DocumentRecord {
    DocumentRecord {
        id: id.to_owned(),
        title: None,
        date: None,
        source: None,
        url: None,
        author: None,
        language: None,
        status: Status::Skipped,
        reason: Some(reason.to_owned()),
        warnings: Vec::new(),
        entities: Vec::new(),
        numbers: Vec::new(),
        casualties: Vec::new(),
        toll: TollRecord::default(),
        coding: TypeRecord::default(),
        parties: Vec::new(),
        event: None,
        text: None,
    }
}

/// The metadata part of a processed document's record.
pub(crate) fn ok_record(doc: &Document) -> DocumentRecord {
    DocumentRecord {
        id: doc.id.clone(),
        title: doc.title.clone(),
        date: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
        source: doc.source.clone(),
        url: doc.url.clone(),
        author: doc.author.clone(),
        language: doc.language.clone(),
        status: Status::Ok,
        reason: None,
        warnings: doc.warnings.clone(),
        entities: Vec::new(),
        numbers: Vec::new(),
        casualties: Vec::new(),
        toll: TollRecord::default(),
        coding: TypeRecord::default(),
        parties: Vec::new(),
        event: None,
        text: None,
    }
}

/// The record of one event; `texts` gives each document's id and text, for
/// converting claim spans to code points.
pub(crate) fn event_record(
    id: &str,
    ev: &sitrep_cluster::Event,
    docs: &[sitrep_cluster::DocInput<'_>],
    texts: &[(&str, &str)],
    coding: &EventCoding,
) -> EventRecord {
    let convs: std::collections::HashMap<&str, Converter<'_>> = ev
        .documents
        .iter()
        .filter_map(|&d| texts.get(d))
        .map(|(id, text)| (*id, Converter::new(text)))
        .collect();
    // A claim whose document text is unknown keeps an empty span.
    let claim = |c: &Claim| match convs.get(c.document.as_str()) {
        Some(conv) => conv.claim(c),
        None => claim_record(c, (0, 0)),
    };
    EventRecord {
        id: id.to_owned(),
        documents: ev
            .documents
            .iter()
            .filter_map(|&d| docs.get(d).map(|x| x.id.to_owned()))
            .collect(),
        date: ev.date.map(|d| d.iso()),
        date_precision: ev.date.map(|d| d.precision),
        time_precision: ev.date.map(|d| d.time_precision()),
        country: ev.country.clone(),
        places: ev.places.clone(),
        location: None,
        actors: ev.actors.clone(),
        coding: TypeRecord::new(
            coding.label,
            coding.score,
            coding.evidence.and_then(|(d, span)| {
                let id = docs.get(d)?.id;
                Some(convs.get(id)?.evidence(id, span))
            }),
        ),
        sides: SidesRecord::new(coding),
        headline: ev.headline.clone(),
        sources: ev.sources.clone(),
        number_of_sources: ev.sources.len(),
        toll: toll_with(&ev.toll, &claim),
        notes: ev.notes.clone(),
    }
}

/// The record of a claim whose span is `(start, end)` in code points.
fn claim_record(c: &Claim, (start, end): (usize, usize)) -> ClaimRecord {
    ClaimRecord {
        value: c.value,
        low: c.low,
        high: c.high,
        qualifier: qualifier(c.qualifier),
        claimed_by: c.claimed_by.clone(),
        document: c.document.clone(),
        start,
        end,
    }
}
