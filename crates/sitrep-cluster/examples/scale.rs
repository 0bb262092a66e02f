//! Clustering at scale: time and peak memory of [`cluster`] over N
//! synthetic documents (features as the pipeline makes them: lead-term
//! TF-IDF vectors, entity vectors, people, places, dates, tolls and 384-wide
//! embeddings), N = 100,000 by default.
//!
//! ```text
//! cargo run --release -p sitrep-cluster --example scale -- 100000
//! ```
//!
//! The documents come from `synthetic/mod.rs` (also used by the criterion
//! bench `benches/cluster.rs`). Prints the seconds per stage, the
//! peak resident memory of the process, and B³ F1 against the synthetic
//! truth as a sanity check.

mod synthetic;

use std::time::Instant;

use sitrep_cluster::{average_linkage, candidates, eval::b_cubed, score_pairs, ClusterOptions};

fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let t0 = Instant::now();
    let (docs, truth) = synthetic::synthetic_docs(n);
    let incident = truth.last().copied().unwrap_or(0);
    let t_gen = t0.elapsed().as_secs_f64();
    let rss_inputs = peak_rss_mib();
    let opts = ClusterOptions::default();
    let t1 = Instant::now();
    let pairs = candidates(&docs, &opts);
    let t_block = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let scored = score_pairs(&docs, &pairs, &opts.model);
    let t_score = t2.elapsed().as_secs_f64();
    let t3 = Instant::now();
    let clusters = average_linkage(docs.len(), &scored, opts.threshold);
    let t_link = t3.elapsed().as_secs_f64();
    let mut pred = vec![0u32; docs.len()];
    for (c, m) in clusters.iter().enumerate() {
        for &i in m {
            pred[i as usize] = c as u32;
        }
    }
    let s = b_cubed(&pred, &truth);
    println!(
        "documents {n}, incidents {incident}, threads {}",
        rayon::current_num_threads()
    );
    println!("generate {t_gen:.2}s (not part of clustering)");
    println!(
        "blocking {t_block:.2}s ({} candidate pairs, {:.1} per document, vs {} all pairs)",
        pairs.len(),
        pairs.len() as f64 / n as f64,
        n as u64 * (n as u64 - 1) / 2
    );
    println!("scoring {t_score:.2}s");
    println!("linkage {t_link:.2}s ({} events)", clusters.len());
    println!("clustering total {:.2}s", t_block + t_score + t_link);
    if let (Some(a), Some(b)) = (rss_inputs, peak_rss_mib()) {
        println!("peak RSS {b:.0} MiB (inputs alone {a:.0} MiB)");
    }
    println!(
        "B3 on synthetic truth: P {:.3} R {:.3} F1 {:.3}",
        s.precision, s.recall, s.f1
    );
}
