//! Evaluation of geocoding ([`sitrep_geo`]) on labelled data:
//!
//! - GeoWebNews (Gritta et al. 2019): every toponym of 200 news articles
//!   with its GeoNames coordinates. End to end, from raw text (the
//!   pipeline's LOC entities, then [`resolve_places`]): the share of gold
//!   toponyms found (span overlap) and placed within 161 km, and the mean
//!   error; and the same given the gold spans. Articles are split into five
//!   seeded folds so that figures on folds never looked at while tuning can
//!   be reported beside the whole set.
//! - GVA news: per document, the document-level location
//!   ([`event_location`] over that one document) against the incident's
//!   state and city or county.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_cluster::event_sentences;
use sitrep_geo::{
    distance_km, event_location, fold, resolve_places, DocPlaces, Gazetteer, Geo, Location,
};
use sitrep_numbers::Scope;
use sitrep_text::{EntityMention, Span};

use crate::error::{Error, Result};
use crate::pipeline::Analysis;

/// GeoWebNews annotation types counted as place names: names of places,
/// used literally or for their people or government.
pub const GWN_PLACE_TYPES: &[&str] = &[
    "Coercion",
    "Embedded_Literal",
    "Literal",
    "Literal_Modifier",
    "Metonymic",
    "Mixed",
];

/// GeoWebNews types that GeoWebNews also geocodes but that name no place as
/// written: adjectives of places ("Turkish") and places inside the name of
/// an organisation ("Syrian Observatory"). Scored apart.
pub const GWN_ADJECTIVE_TYPES: &[&str] = &["Embedded_Non_Lit", "Non_Literal_Modifier"];

/// Accuracy radius of the field: 161 km (100 miles).
pub const ACCURACY_KM: f64 = 161.0;

/// One gold toponym of a GeoWebNews article (byte offsets into its text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldToponym {
    /// As written.
    pub name: String,
    /// GeoWebNews type (`Literal`, `Metonymic`, …).
    pub kind: String,
    /// Where it is in the text.
    pub span: Span,
    /// Gold latitude.
    pub latitude: f64,
    /// Gold longitude.
    pub longitude: f64,
}

/// One GeoWebNews article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GwnArticle {
    /// The article's `file` attribute.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its geocoded toponyms.
    pub toponyms: Vec<GoldToponym>,
}

fn bad_data(path: &Path, msg: String) -> Error {
    Error::Read {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, msg),
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..j];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of the first `<tag>…</tag>` in `s` (`""` for `<tag/>`).
fn element<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    if let Some(i) = s.find(&open) {
        let body = &s[i + open.len()..];
        let close = format!("</{tag}>");
        return body.find(&close).map(|j| &body[..j]);
    }
    s.contains(&format!("<{tag}/>")).then_some("")
}

/// Reads GeoWebNews' `GWN.xml`: the articles with their toponyms that have
/// coordinates (character offsets turned into byte offsets; toponyms whose
/// offsets do not fit the text are left out).
///
/// # Errors
///
/// When the file cannot be read or is not GeoWebNews XML.
pub fn read_gwn(path: &Path) -> Result<Vec<GwnArticle>> {
    let xml = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    for chunk in xml.split("<article ").skip(1) {
        let id = chunk
            .split_once("file=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map(|(id, _)| id.to_string())
            .ok_or_else(|| bad_data(path, "an article without a file attribute".into()))?;
        let text = element(chunk, "text")
            .map(unescape)
            .ok_or_else(|| bad_data(path, format!("article {id} has no text")))?;
        let chars: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut toponyms = Vec::new();
        for t in chunk.split("<toponym>").skip(1) {
            let num = |tag: &str| element(t, tag).and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(lat), Some(lon), Some(s), Some(e)) =
                (num("latitude"), num("longitude"), num("start"), num("end"))
            else {
                continue;
            };
            if s < 0.0 || e <= s {
                continue;
            }
            let (Some(&bs), Some(&be)) = (chars.get(s as usize), chars.get(e as usize)) else {
                continue;
            };
            toponyms.push(GoldToponym {
                name: unescape(element(t, "extractedName").unwrap_or("")),
                kind: element(t, "type").unwrap_or("").trim().to_string(),
                span: Span::new(bs, be),
                latitude: lat,
                longitude: lon,
            });
        }
        out.push(GwnArticle { id, text, toponyms });
    }
    if out.is_empty() {
        return Err(bad_data(path, "no <article> in the file".into()));
    }
    Ok(out)
}

/// Five folds by article, balanced: articles ordered by a seeded hash of
/// their id and dealt round the folds. The same seed gives the same folds.
#[must_use]
pub fn gwn_folds(articles: &[GwnArticle], seed: u64, folds: usize) -> Vec<usize> {
    let hash = |s: &str| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for b in s.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^ (h >> 29)
    };
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| (hash(&articles[i].id), i));
    let mut out = vec![0; articles.len()];
    for (rank, i) in order.into_iter().enumerate() {
        out[i] = rank % folds.max(1);
    }
    out
}

/// Counts behind the geocoding figures of one set of toponyms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GeoCounts {
    /// Gold toponyms.
    pub gold: usize,
    /// Found: a predicted place entity overlaps the gold span.
    pub found: usize,
    /// Found and resolved to a place.
    pub resolved: usize,
    /// Found and placed within [`ACCURACY_KM`].
    pub within: usize,
    /// Sum of the errors of the resolved ones, in km.
    pub error_km: f64,
}

impl GeoCounts {
    fn add(&mut self, o: &GeoCounts) {
        self.gold += o.gold;
        self.found += o.found;
        self.resolved += o.resolved;
        self.within += o.within;
        self.error_km += o.error_km;
    }

    /// Share of gold toponyms found and placed within 161 km.
    #[must_use]
    pub fn accuracy(&self) -> f64 {
        ratio(self.within, self.gold)
    }

    /// Share of gold toponyms found.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Mean error of the resolved ones, in km.
    #[must_use]
    pub fn mean_error_km(&self) -> f64 {
        if self.resolved == 0 {
            0.0
        } else {
            self.error_km / self.resolved as f64
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Figures per fold and over groups of folds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoldedCounts {
    /// Each fold.
    pub folds: Vec<GeoCounts>,
    /// The folds tuned on (0–2).
    pub tuned: GeoCounts,
    /// The folds never looked at while tuning (3–4).
    pub untuned: GeoCounts,
    /// The whole set.
    pub whole: GeoCounts,
}

impl FoldedCounts {
    fn new(folds: Vec<GeoCounts>) -> FoldedCounts {
        let mut tuned = GeoCounts::default();
        let mut untuned = GeoCounts::default();
        let mut whole = GeoCounts::default();
        for (k, c) in folds.iter().enumerate() {
            if k < TUNED_FOLDS {
                tuned.add(c);
            } else {
                untuned.add(c);
            }
            whole.add(c);
        }
        FoldedCounts {
            folds,
            tuned,
            untuned,
            whole,
        }
    }
}

/// Folds 0..TUNED_FOLDS are the ones looked at while tuning.
pub const TUNED_FOLDS: usize = 3;

/// A gold toponym not placed within 161 km (from the tuned folds only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoMiss {
    /// Article.
    pub article: String,
    /// The gold toponym as written, and its type.
    pub gold: String,
    /// What the recogniser found there (`text/LABEL`), if anything.
    pub predicted: Option<String>,
    /// Where it was placed, if anywhere (`name, feature, country`).
    pub placed: Option<String>,
    /// The error in km, if placed.
    pub error_km: Option<f64>,
}

/// GeoWebNews figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GwnScores {
    /// Articles.
    pub articles: usize,
    /// Seed of the folds.
    pub seed: u64,
    /// End to end, place names ([`GWN_PLACE_TYPES`]).
    pub end_to_end: FoldedCounts,
    /// Given the gold spans, place names.
    pub gold_spans: FoldedCounts,
    /// End to end, adjectives and names inside organisations
    /// ([`GWN_ADJECTIVE_TYPES`]): what a reader that finds no place in them
    /// loses on the field's full set.
    pub adjectives_end_to_end: GeoCounts,
    /// Misses on the tuned folds (the first ones).
    pub misses: Vec<GeoMiss>,
    /// Time spent resolving, in ms per article (end to end).
    pub resolve_ms_per_article: f64,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn describe(g: &Geo) -> String {
    format!(
        "{}, {}{}, {}",
        g.name,
        g.feature,
        if g.exact { "" } else { " (contains)" },
        g.country_code
    )
}

/// Scores one article's resolved entities against its gold toponyms of the
/// given types.
fn score_article(
    article: &GwnArticle,
    entities: &[EntityMention],
    places: &[Option<Geo>],
    types: &[&str],
    misses: Option<&mut Vec<GeoMiss>>,
) -> GeoCounts {
    let mut c = GeoCounts::default();
    let mut missed = Vec::new();
    for t in article
        .toponyms
        .iter()
        .filter(|t| types.contains(&t.kind.as_str()))
    {
        c.gold += 1;
        let best = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.label.as_str(), "LOC" | "GPE"))
            .map(|(i, e)| (i, overlap(e.span, t.span)))
            .filter(|x| x.1 > 0)
            .max_by_key(|x| x.1);
        let mut placed = None;
        if let Some((i, _)) = best {
            c.found += 1;
            if let Some(g) = &places[i] {
                let d = distance_km(g.latitude, g.longitude, t.latitude, t.longitude);
                c.resolved += 1;
                c.error_km += d;
                if d <= ACCURACY_KM {
                    c.within += 1;
                    continue;
                }
                placed = Some((describe(g), d));
            }
        }
        missed.push(GeoMiss {
            article: article.id.clone(),
            gold: format!("{} [{}]", t.name, t.kind),
            predicted: best.map(|(i, _)| {
                let e = &entities[i];
                format!("{}/{}", e.span.slice(&article.text).unwrap_or(""), e.label)
            }),
            placed: placed.as_ref().map(|p| p.0.clone()),
            error_km: placed.map(|p| p.1),
        });
    }
    if let Some(m) = misses {
        m.extend(missed);
    }
    c
}

/// Scores GeoWebNews: `entities` are the recogniser's entities of each
/// article (aligned with `articles`). Up to `max_misses` misses of the tuned
/// folds are listed.
#[must_use]
pub fn score_gwn(
    gaz: &Gazetteer,
    articles: &[GwnArticle],
    entities: &[Vec<EntityMention>],
    seed: u64,
    max_misses: usize,
) -> GwnScores {
    const FOLDS: usize = 5;
    let folds = gwn_folds(articles, seed, FOLDS);
    let mut e2e = vec![GeoCounts::default(); FOLDS];
    let mut gold = vec![GeoCounts::default(); FOLDS];
    let mut adjectives = GeoCounts::default();
    let mut misses = Vec::new();
    let mut resolve_time = std::time::Duration::ZERO;
    for ((a, ents), &k) in articles.iter().zip(entities).zip(&folds) {
        let t0 = std::time::Instant::now();
        let places = resolve_places(gaz, &a.text, ents);
        resolve_time += t0.elapsed();
        let m = (k < TUNED_FOLDS).then_some(&mut misses);
        e2e[k].add(&score_article(a, ents, &places, GWN_PLACE_TYPES, m));
        adjectives.add(&score_article(a, ents, &places, GWN_ADJECTIVE_TYPES, None));
        // Given the gold spans: each gold place name as a LOC entity.
        let mut gold_ents: Vec<EntityMention> = a
            .toponyms
            .iter()
            .filter(|t| GWN_PLACE_TYPES.contains(&t.kind.as_str()))
            .map(|t| EntityMention {
                span: t.span,
                label: "LOC".into(),
                score: 1.0,
            })
            .collect();
        gold_ents.sort_by_key(|e| (e.span.start, e.span.end));
        gold_ents.dedup();
        let gold_places = resolve_places(gaz, &a.text, &gold_ents);
        gold[k].add(&score_article(
            a,
            &gold_ents,
            &gold_places,
            GWN_PLACE_TYPES,
            None,
        ));
    }
    misses.truncate(max_misses);
    GwnScores {
        articles: articles.len(),
        seed,
        end_to_end: FoldedCounts::new(e2e),
        gold_spans: FoldedCounts::new(gold),
        adjectives_end_to_end: adjectives,
        misses,
        resolve_ms_per_article: resolve_time.as_secs_f64() * 1e3 / articles.len().max(1) as f64,
    }
}

/// Where a document's incident is told: its casualty sentences, the end of
/// its lead (three sentences), and its sentences about other incidents.
#[must_use]
pub fn incident_spans(text: &str, a: &Analysis) -> (Vec<Span>, usize, Vec<Span>) {
    let incident = event_sentences(&a.sentences, &a.casualties);
    let lead_end = a
        .sentences
        .get(3.min(a.sentences.len()).saturating_sub(1))
        .map_or(text.len().min(600), |s| s.end);
    let elsewhere = a
        .sentences
        .iter()
        .filter(|s| {
            !incident.contains(s)
                && a.casualties.iter().any(|c| {
                    c.scope != Scope::Event && s.start <= c.span.start && c.span.start < s.end
                })
        })
        .copied()
        .collect();
    (incident, lead_end, elsewhere)
}

/// The location of one analysed document on its own: its places resolved
/// and [`event_location`] over it.
#[must_use]
pub fn document_location(
    gaz: &Gazetteer,
    text: &str,
    a: &Analysis,
    url: Option<&str>,
) -> Option<Location> {
    let places = sitrep_geo::resolve_places_from(gaz, text, &a.entities, url);
    let home = url.and_then(|u| sitrep_geo::outlet_home(gaz, u));
    let home = home.as_ref();
    let (incident, lead_end, elsewhere) = incident_spans(text, a);
    event_location(
        gaz,
        &[DocPlaces {
            text,
            entities: &a.entities,
            places: &places,
            incident: &incident,
            lead_end,
            elsewhere: &elsewhere,
            home,
        }],
    )
}

/// A GVA incident's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GvaPlace {
    /// US state.
    pub state: String,
    /// City or county (GVA's `city_or_county`).
    pub city_or_county: String,
}

/// Reads GVA incidents (`incidents.jsonl`): incident id → place.
///
/// # Errors
///
/// When the file cannot be read.
pub fn read_gva_places(path: &Path) -> Result<HashMap<String, GvaPlace>> {
    crate::eval::read_keyed(path, "incident_id", |v| {
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        Some(GvaPlace {
            state: s("state")?,
            city_or_county: s("city_or_county")?,
        })
    })
}

/// GVA document-level location figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GvaScores {
    /// Documents scored (with a gold place).
    pub documents: usize,
    /// Documents given a location.
    pub located: usize,
    /// Location's admin1 is the incident's state.
    pub admin1_correct: usize,
    /// Location's name or admin2 is the incident's city or county.
    pub city_correct: usize,
    /// Locations by geo-precision 1, 2, 3.
    pub precision: [usize; 3],
    /// Misses: document id, gold, predicted.
    pub misses: Vec<(String, String, String)>,
}

/// Whether a predicted name is GVA's city or county ("Chicago (Englewood)"
/// is Chicago or its neighbourhood Englewood; "Rice County" and "Rice"
/// agree).
fn same_city(pred: &str, gold: &str) -> bool {
    let core = |s: &str| {
        let k = fold(s);
        k.strip_suffix(" county")
            .or_else(|| k.strip_suffix(" parish"))
            .unwrap_or(&k)
            .to_string()
    };
    let p = core(pred);
    let (city, part) = match gold.split_once(" (") {
        Some((c, rest)) => (c, rest.trim_end_matches(')')),
        None => (gold, ""),
    };
    !p.is_empty() && (p == core(city) || (!part.is_empty() && p == core(part)))
}

/// Scores document-level locations: `docs` are `(id, location, gold)`,
/// the location as whatever is measured gives it (the pipeline's event
/// location for the document alone, or [`document_location`]).
#[must_use]
pub fn score_gva(
    gaz: &Gazetteer,
    docs: &[(&str, Option<Location>, &GvaPlace)],
    max_misses: usize,
) -> GvaScores {
    let mut s = GvaScores {
        documents: 0,
        located: 0,
        admin1_correct: 0,
        city_correct: 0,
        precision: [0; 3],
        misses: Vec::new(),
    };
    for (id, loc, gold) in docs {
        s.documents += 1;
        let loc = loc.clone();
        let (a1, city) = match &loc {
            Some(l) => {
                s.located += 1;
                let p = usize::from(l.geo_precision.clamp(1, 3)) - 1;
                s.precision[p] += 1;
                let a1 = l
                    .admin1
                    .as_deref()
                    .is_some_and(|x| x == gold.state || gaz.same_admin1("US", x, &gold.state));
                let city = same_city(&l.name, &gold.city_or_county)
                    || l.admin2
                        .as_deref()
                        .is_some_and(|x| same_city(x, &gold.city_or_county));
                (a1, city)
            }
            None => (false, false),
        };
        s.admin1_correct += usize::from(a1);
        s.city_correct += usize::from(city);
        if !(a1 && city) && s.misses.len() < max_misses {
            s.misses.push((
                (*id).to_string(),
                format!("{}, {}", gold.city_or_county, gold.state),
                loc.map_or("-".into(), |l| {
                    format!(
                        "{} ({}; {}; {}) p{}",
                        l.name,
                        l.admin2.unwrap_or_default(),
                        l.admin1.unwrap_or_default(),
                        l.iso3.unwrap_or_default(),
                        l.geo_precision
                    )
                }),
            ));
        }
    }
    s
}

/// Resident memory of this process, in MB (Linux; `None` elsewhere).
#[must_use]
pub fn resident_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

impl std::fmt::Display for GeoCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:>5} gold  found {:.3}  acc@161km {:.3}  mean error {:>6.0} km",
            self.gold,
            self.recall(),
            self.accuracy(),
            self.mean_error_km()
        )
    }
}

impl std::fmt::Display for GwnScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "GeoWebNews: {} articles, 5 folds (seed {}); tuned on folds 0-{}",
            self.articles,
            self.seed,
            TUNED_FOLDS - 1
        )?;
        for (what, c) in [
            ("end to end (our NER's LOC entities)", &self.end_to_end),
            ("given the gold spans", &self.gold_spans),
        ] {
            writeln!(f, "  {what}, place names:")?;
            for (k, x) in c.folds.iter().enumerate() {
                writeln!(f, "    fold {k}        {x}")?;
            }
            writeln!(f, "    tuned 0-2     {}", c.tuned)?;
            writeln!(f, "    untuned 3-4   {}", c.untuned)?;
            writeln!(f, "    whole set     {}", c.whole)?;
        }
        writeln!(
            f,
            "  end to end, adjectives and names inside organisations (not places for us): {}",
            self.adjectives_end_to_end
        )?;
        writeln!(
            f,
            "  resolving: {:.2} ms per article",
            self.resolve_ms_per_article
        )?;
        if !self.misses.is_empty() {
            writeln!(
                f,
                "  misses on the tuned folds (first {}):",
                self.misses.len()
            )?;
            for m in &self.misses {
                writeln!(
                    f,
                    "    [{}] {} <- {} -> {}{}",
                    m.article,
                    m.gold,
                    m.predicted.as_deref().unwrap_or("not found"),
                    m.placed.as_deref().unwrap_or("-"),
                    m.error_km
                        .map_or(String::new(), |d| format!(" ({d:.0} km)"))
                )?;
            }
        }
        Ok(())
    }
}

impl std::fmt::Display for GvaScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = |x: usize| ratio(x, self.documents);
        writeln!(
            f,
            "GVA news: {} documents, located {:.3}; admin1 = state {:.3}; name or admin2 = city/county {:.3}; precision 1/2/3: {}/{}/{}",
            self.documents,
            r(self.located),
            r(self.admin1_correct),
            r(self.city_correct),
            self.precision[0],
            self.precision[1],
            self.precision[2]
        )?;
        for (id, gold, pred) in &self.misses {
            writeln!(f, "    [{id}] gold {gold} -> {pred}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes() {
        let rows = [
            ("a &amp; b", "a & b"),
            ("&quot;x&quot;", "\"x\""),
            ("&#233;t&#xe9;", "été"),
            ("AT&T", "AT&T"),
            ("&bogus;", "&bogus;"),
        ];
        for (i, e) in rows {
            assert_eq!(unescape(i), e);
        }
    }

    #[test]
    fn elements() {
        assert_eq!(element("<a>x</a>", "a"), Some("x"));
        assert_eq!(element("<a/>", "a"), Some(""));
        assert_eq!(element("<b>x</b>", "a"), None);
    }

    #[test]
    fn folds_are_balanced_and_seeded() {
        let arts: Vec<GwnArticle> = (0..23)
            .map(|i| GwnArticle {
                id: i.to_string(),
                text: String::new(),
                toponyms: vec![],
            })
            .collect();
        let f = gwn_folds(&arts, 7, 5);
        for k in 0..5 {
            let n = f.iter().filter(|&&x| x == k).count();
            assert!((4..=5).contains(&n), "fold {k}: {n}");
        }
        assert_eq!(f, gwn_folds(&arts, 7, 5));
        assert_ne!(f, gwn_folds(&arts, 8, 5));
    }

    #[test]
    fn cities() {
        let rows = [
            ("Chicago", "Chicago (Englewood)", true),
            ("Englewood", "Chicago (Englewood)", true),
            ("Chicago", "Polk (county)", false),
            ("Rice County", "Rice", true),
            ("Salt Lake City", "Salt Lake City", true),
            ("Toledo", "Detroit", false),
            ("", "", false),
        ];
        for (p, g, want) in rows {
            assert_eq!(same_city(p, g), want, "{p} vs {g}");
        }
    }
}
