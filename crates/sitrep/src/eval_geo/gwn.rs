//! GeoWebNews: reading `GWN.xml`, its folds, and scoring toponyms end to end
//! and given the gold spans.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_geo::{distance_km, resolve_places, Gazetteer, Geo};
use sitrep_text::{EntityMention, Span};

use crate::error::{Error, Result};

use super::{bad_data, FoldedCounts, GeoCounts, ACCURACY_KM, TUNED_FOLDS};

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
}
