//! Where same-event pairs are lost: blocking (never a candidate), scoring
//! (a candidate below the threshold), or linkage. A development tool for the
//! clustering; it reads the model outputs from an `eval clusters --cache`
//! file so that nothing is re-run.
//!
//! ```text
//! cargo run --release -p sitrep --example pair_recall -- DOCS.jsonl GOLD_FIELD CACHE.json [SAMPLES]
//! ```

use std::collections::HashMap;
use std::path::PathBuf;

use sitrep::eval::{read_labelled, AnalysisCache, Fields};
use sitrep::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [docs, gold, cache] = [&args[0], &args[1], &args[2]].map(PathBuf::from);
    let samples: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(15);
    let labelled = read_labelled(&docs, &Fields::new(gold.to_str().unwrap_or("")))?;
    let pipeline = Pipeline::builder().build()?;
    let mut cache = AnalysisCache::load(&cache)?;
    let analyses = cache.analyze(&pipeline, &labelled.items, &|_, _| {});
    let (inputs, idx) = pipeline.cluster_inputs(&labelled.items, &analyses);
    let mentions: Vec<(&str, &[sitrep_text::EntityMention])> =
        inputs.iter().map(|d| (d.text, d.entities)).collect();
    let canonical = sitrep_cluster::canonicalize(&mentions);
    let features = sitrep_cluster::doc_features(&inputs, &canonical);
    let opts = pipeline.cluster_options();
    let pairs = sitrep_cluster::candidates(&features, opts);
    let scored_pairs = sitrep_cluster::score_pairs(&features, &pairs, &opts.model);
    let clusters = sitrep_cluster::average_linkage(features.len(), &scored_pairs, opts.threshold);
    let scored: HashMap<(u32, u32), f32> = scored_pairs
        .into_iter()
        .map(|(i, j, p)| ((i, j), p))
        .collect();
    let mut pred = vec![0usize; features.len()];
    for (c, m) in clusters.iter().enumerate() {
        for &i in m {
            pred[i as usize] = c;
        }
    }
    let mut by_gold: HashMap<&str, Vec<u32>> = HashMap::new();
    for (k, &item) in idx.iter().enumerate() {
        if let Some(g) = &labelled.gold[item] {
            by_gold.entry(g.as_str()).or_default().push(k as u32);
        }
    }
    let (mut total, mut blocked, mut low, mut linked_apart, mut together) = (0, 0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut low_pairs = Vec::new();
    let mut golds: Vec<_> = by_gold.into_iter().collect();
    golds.sort();
    for (_, m) in &golds {
        for (a, &i) in m.iter().enumerate() {
            for &j in &m[a + 1..] {
                total += 1;
                match scored.get(&(i.min(j), i.max(j))) {
                    None => {
                        blocked += 1;
                        missed.push((i, j));
                    }
                    Some(&p) if p < opts.threshold => {
                        low += 1;
                        low_pairs.push((i, j, p));
                    }
                    Some(_) => {}
                }
                if pred[i as usize] == pred[j as usize] {
                    together += 1;
                } else {
                    linked_apart += 1;
                }
            }
        }
    }
    println!("gold pairs {total}: never candidates {blocked}, scored below threshold {low}; in one predicted event {together}, apart {linked_apart}");
    let show = |i: u32, j: u32| {
        let (a, b) = (&inputs[i as usize], &inputs[j as usize]);
        let (fa, fb) = (&features[i as usize], &features[j as usize]);
        let f = sitrep_cluster::pair_features(fa, fb);
        println!(
            "  pub {:?} / {:?}; date {:?} / {:?}; places {} / {} shared {}; people {} / {} shared {}\n    {:?}\n    {:?}\n    {:?}",
            a.published, b.published, fa.date, fb.date,
            fa.places.len(), fb.places.len(), fa.places.iter().filter(|p| fb.places.contains(p)).count(),
            fa.people.len(), fb.people.len(), f.people,
            a.title.unwrap_or(""), b.title.unwrap_or(""), f
        );
    };
    let mut gap = [0usize; 6];
    let (mut share_place, mut share_person, mut share_term) = (0, 0, 0);
    for &(i, j) in &missed {
        let (fa, fb) = (&features[i as usize], &features[j as usize]);
        let d = match (fa.published, fb.published) {
            (Some(x), Some(y)) => (x - y).num_days().unsigned_abs(),
            _ => u64::MAX,
        };
        let b = match d {
            0..=7 => 0,
            8..=31 => 1,
            32..=182 => 2,
            183..=730 => 3,
            u64::MAX => 5,
            _ => 4,
        };
        gap[b] += 1;
        share_place += usize::from(fa.places.iter().any(|p| fb.places.contains(p)));
        share_person += usize::from(fa.people.iter().any(|p| fb.people.contains(p)));
        let top = |f: &sitrep_cluster::DocFeatures| {
            let mut t = f.terms.clone();
            t.sort_by(|x, y| y.1.total_cmp(&x.1));
            t.truncate(opts.key_terms);
            t.into_iter().map(|x| x.0).collect::<Vec<u64>>()
        };
        let (ta, tb) = (top(fa), top(fb));
        share_term += usize::from(ta.iter().any(|t| tb.contains(t)));
    }
    println!("never candidates by publication gap (days 0-7, 8-31, 32-182, 183-730, >730, unknown): {gap:?}");
    println!(
        "  of them sharing a place {share_place}, a person {share_person}, a top term {share_term}"
    );
    println!("never candidates (first {samples}):");
    for &(i, j) in missed.iter().take(samples) {
        show(i, j);
    }
    println!("below threshold (first {samples}):");
    for &(i, j, p) in low_pairs.iter().take(samples) {
        println!(" p {p:.3}");
        show(i, j);
    }
    Ok(())
}
