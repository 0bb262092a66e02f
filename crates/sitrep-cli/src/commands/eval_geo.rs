//! `sitrep eval geo`.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use sitrep::eval::{read_labelled, AnalysisCache, Fields};
use sitrep::eval_geo::{
    document_location, read_gva_places, read_gwn, resident_mb, score_gva, score_gwn, GvaScores,
    GwnScores,
};
use sitrep::Pipeline;
use sitrep_geo::Gazetteer;
use sitrep_text::{Document, InputItem};

use super::progress_bar;

/// The options of `eval geo`.
pub struct GeoArgs<'a> {
    pub gwn: Option<&'a Path>,
    pub gva: Option<&'a Path>,
    pub gva_split: &'a str,
    pub cache: Option<&'a Path>,
    pub gazetteer: Option<&'a Path>,
    pub seed: u64,
    pub misses: usize,
    pub json: bool,
    pub quiet: bool,
}

/// What it costs.
#[derive(Debug, Serialize)]
struct Cost {
    gazetteer: String,
    places: usize,
    names: usize,
    load_s: f64,
    load_rss_mb: Option<f64>,
    /// Per document, the models and text stages (only documents analysed in
    /// this run, not read from the cache).
    pipeline_ms_per_doc: Option<f64>,
    /// Per document, resolving places and choosing the location (GVA).
    geocode_ms_per_doc: Option<f64>,
}

#[derive(Debug, Serialize)]
struct GeoReport {
    gwn: Option<GwnScores>,
    /// The event location `sitrep run` gives each document alone.
    gva: Option<GvaScores>,
    /// The same on the incident folds rules may be tuned on (0–2, the
    /// folds of `eval clusters`' date table) and on those never looked at
    /// (3–4).
    gva_tuned: Option<GvaScores>,
    gva_untuned: Option<GvaScores>,
    /// The geocoder's own choice (`sitrep_geo::event_location` over the
    /// document's places), without the event stage's place ranking.
    gva_geocoder_only: Option<GvaScores>,
    cost: Cost,
}

struct Timed {
    analyses: Vec<sitrep::DocumentResult>,
    fresh: usize,
    seconds: f64,
}

fn analyse(
    pipeline: &Pipeline,
    store: &mut AnalysisCache,
    items: &[InputItem],
    quiet: bool,
    what: &str,
) -> Timed {
    let bar = progress_bar(quiet, items.len() as u64, what);
    let t0 = Instant::now();
    // The cache calls back with the documents it had to analyse.
    let fresh = std::sync::atomic::AtomicUsize::new(0);
    let analyses = store.analyze(pipeline, items, &|done, total| {
        fresh.store(total, std::sync::atomic::Ordering::Relaxed);
        bar.set_position(done as u64);
    });
    let seconds = t0.elapsed().as_secs_f64();
    bar.finish_and_clear();
    Timed {
        analyses,
        fresh: fresh.into_inner(),
        seconds,
    }
}

pub fn run(a: &GeoArgs<'_>) -> Result<()> {
    if a.gwn.is_none() && a.gva.is_none() {
        bail!("nothing to evaluate: give --gwn and/or --gva");
    }
    let rss0 = resident_mb();
    let t0 = Instant::now();
    let gaz = match a.gazetteer {
        Some(d) => Gazetteer::load(d),
        None => Gazetteer::load_default(),
    }
    .context("loading the gazetteer")?;
    let load_s = t0.elapsed().as_secs_f64();
    let load_rss_mb = resident_mb().zip(rss0).map(|(b, a)| b - a);
    let pipeline = Pipeline::builder().no_embeddings().build()?;
    let mut store = match a.cache {
        Some(c) => AnalysisCache::load(c).with_context(|| format!("reading {}", c.display()))?,
        None => AnalysisCache::default(),
    };
    let mut pipeline_time = (0usize, 0.0f64);
    let mut gwn_scores = None;
    if let Some(path) = a.gwn {
        let articles = read_gwn(path).with_context(|| format!("reading {}", path.display()))?;
        let items: Vec<InputItem> = articles
            .iter()
            .map(|x| InputItem::Document(Document::new(format!("gwn-{}", x.id), x.text.clone())))
            .collect();
        let t = analyse(&pipeline, &mut store, &items, a.quiet, "GeoWebNews");
        pipeline_time.0 += t.fresh;
        pipeline_time.1 += t.seconds;
        let entities: Vec<Vec<sitrep_text::EntityMention>> = t
            .analyses
            .into_iter()
            .map(|r| r.map(|x| x.entities).unwrap_or_default())
            .collect();
        gwn_scores = Some(score_gwn(&gaz, &articles, &entities, a.seed, a.misses));
    }
    let mut gva_scores = None;
    let mut gva_geocoder = None;
    let mut gva_folds = (None, None);
    let mut geocode_ms = None;
    if let Some(path) = a.gva {
        let ids = split_ids(path, a.gva_split)?;
        let labelled = read_labelled(path, &Fields::new("incident_id"))
            .with_context(|| format!("reading {}", path.display()))?;
        let incidents = path.with_file_name("incidents.jsonl");
        let places = read_gva_places(&incidents)
            .with_context(|| format!("reading {}", incidents.display()))?;
        let (items, gold): (Vec<InputItem>, Vec<Option<String>>) = labelled
            .items
            .into_iter()
            .zip(labelled.gold)
            .filter(|(i, _)| ids.as_ref().is_none_or(|s| s.contains(i.id())))
            .unzip();
        let t = analyse(&pipeline, &mut store, &items, a.quiet, "GVA news");
        pipeline_time.0 += t.fresh;
        pipeline_time.1 += t.seconds;
        let mut shipped = Vec::new();
        let mut tuned = Vec::new();
        let mut geocoder = Vec::new();
        let t1 = Instant::now();
        for ((item, g), an) in items.iter().zip(&gold).zip(&t.analyses) {
            let (InputItem::Document(d), Some(g), Ok(an)) = (item, g, an) else {
                continue;
            };
            let Some(p) = places.get(g) else {
                continue;
            };
            // The document alone through the event stage, as `sitrep run`
            // would report it.
            // Places resolved afresh, so that a cache written by an older
            // geocoder measures today's.
            let mut an = an.clone();
            an.places =
                sitrep_geo::resolve_places_from(&gaz, &d.text, &an.entities, d.url.as_deref());
            let report = pipeline.assemble(std::slice::from_ref(item), &[Ok(an.clone())]);
            let loc = report.events.into_iter().next().and_then(|e| e.location);
            shipped.push((d.id.as_str(), loc, p));
            tuned.push(sitrep::eval::TUNED_FOLDS.contains(&sitrep::eval::fold_of(g)));
            let own = document_location(&gaz, &d.text, &an, d.url.as_deref());
            geocoder.push((d.id.as_str(), own, p));
        }
        geocode_ms = Some(t1.elapsed().as_secs_f64() * 1e3 / shipped.len().max(1) as f64);
        let part = |want: bool| -> Vec<_> {
            shipped
                .iter()
                .zip(&tuned)
                .filter(|(_, t)| **t == want)
                .map(|(x, _)| x.clone())
                .collect()
        };
        // Misses are listed from the tuned folds only.
        gva_folds = (
            Some(score_gva(&gaz, &part(true), a.misses)),
            Some(score_gva(&gaz, &part(false), 0)),
        );
        gva_scores = Some(score_gva(&gaz, &shipped, 0));
        gva_geocoder = Some(score_gva(&gaz, &geocoder, 0));
    }
    if let Some(c) = a.cache {
        store
            .save(c)
            .with_context(|| format!("writing {}", c.display()))?;
    }
    let report = GeoReport {
        gwn: gwn_scores,
        gva: gva_scores,
        gva_tuned: gva_folds.0,
        gva_untuned: gva_folds.1,
        gva_geocoder_only: gva_geocoder,
        cost: Cost {
            gazetteer: gaz.dir().display().to_string(),
            places: gaz.len(),
            names: gaz.names(),
            load_s,
            load_rss_mb,
            pipeline_ms_per_doc: (pipeline_time.0 > 0)
                .then(|| pipeline_time.1 * 1e3 / pipeline_time.0 as f64),
            geocode_ms_per_doc: geocode_ms,
        },
    };
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        if let Some(g) = &report.gwn {
            print!("{g}");
        }
        if let Some(g) = &report.gva {
            print!("event location (as sitrep run reports it) — {g}");
        }
        if let (Some(t), Some(u)) = (&report.gva_tuned, &report.gva_untuned) {
            print!("  untuned incident folds 3-4 — {u}");
            print!("  tuned incident folds 0-2 — {t}");
        }
        if let Some(g) = &report.gva_geocoder_only {
            let line = g.to_string();
            println!(
                "geocoder alone (no event-stage ranking) — {}",
                line.lines().next().unwrap_or_default()
            );
        }
        let c = &report.cost;
        println!(
            "cost: gazetteer {} ({} places, {} names) loaded in {:.2} s, {} MB resident; pipeline {} ms/doc; geocoding {} ms/doc",
            c.gazetteer,
            c.places,
            c.names,
            c.load_s,
            c.load_rss_mb.map_or("?".into(), |m| format!("{m:.0}")),
            c.pipeline_ms_per_doc.map_or("(cached)".into(), |m| format!("{m:.0}")),
            c.geocode_ms_per_doc.map_or("-".into(), |m| format!("{m:.2}")),
        );
    }
    Ok(())
}

/// Ids of the GVA documents of a `gvc_split` (`None` for all).
fn split_ids(path: &Path, split: &str) -> Result<Option<HashSet<String>>> {
    if split == "all" {
        return Ok(None);
    }
    if !matches!(split, "dev" | "train" | "test") {
        bail!("unknown --gva-split {split:?}: dev, train, test or all");
    }
    let f = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = HashSet::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if v.get("gvc_split").and_then(|x| x.as_str()) == Some(split) {
            if let Some(id) = v
                .get("doc_id")
                .or_else(|| v.get("id"))
                .and_then(|x| x.as_str())
            {
                out.insert(id.to_string());
            }
        }
    }
    Ok(Some(out))
}
