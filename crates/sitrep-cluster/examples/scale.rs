//! Clustering at scale: time and peak memory of [`cluster`] over N
//! synthetic documents (features as the pipeline makes them: lead-term
//! TF-IDF vectors, entity vectors, people, places, dates, tolls and 384-wide
//! embeddings), N = 100,000 by default.
//!
//! ```text
//! cargo run --release -p sitrep-cluster --example scale -- 100000
//! ```
//!
//! Incidents get 1–5 reports; each report draws terms from its incident's
//! own words and from a Zipf-distributed general vocabulary, names one to
//! three of its people and its city, and is published zero to three days
//! after the incident, over four years. Prints the seconds per stage, the
//! peak resident memory of the process, and B³ F1 against the synthetic
//! truth as a sanity check.

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use sitrep_cluster::{
    average_linkage, candidates, eval::b_cubed, score_pairs, ClusterOptions, DocFeatures,
};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    /// Zipf-like rank over `n` words.
    fn zipf(&mut self, n: u64) -> u64 {
        let u = f64::from(self.unit()).max(1e-9);
        ((n as f64).powf(u) - 1.0) as u64
    }
}

fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn normalise<K>(v: &mut [(K, f32)]) {
    let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| x.1 /= n);
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let start = NaiveDate::from_ymd_opt(2014, 1, 1).expect("valid date");
    let mut docs: Vec<DocFeatures> = Vec::with_capacity(n);
    let mut truth: Vec<u32> = Vec::with_capacity(n);
    let mut incident = 0u32;
    let t0 = Instant::now();
    while docs.len() < n {
        incident += 1;
        let reports = 1 + rng.below(5) as usize;
        let day = start + Duration::days(rng.below(4 * 365) as i64);
        let city = 100_000 + rng.below(5_000) as u32;
        let people: Vec<u32> = (0..3)
            .map(|_| 1_000_000 + rng.below(50_000_000) as u32)
            .collect();
        let own: Vec<u64> = (0..10).map(|_| 10_000_000 + rng.below(1 << 40)).collect();
        let killed = rng.below(4);
        let base: Vec<f32> = (0..384).map(|_| rng.unit() - 0.5).collect();
        for _ in 0..reports.min(n - docs.len()) {
            let mut terms: Vec<(u64, f32)> = Vec::new();
            for t in &own {
                if rng.below(10) < 7 {
                    terms.push((*t, 1.0 + rng.unit()));
                }
            }
            for _ in 0..25 {
                terms.push((rng.zipf(200_000), 0.2 + rng.unit()));
            }
            terms.sort_unstable_by_key(|t| t.0);
            terms.dedup_by_key(|t| t.0);
            normalise(&mut terms);
            let named: Vec<u32> = people
                .iter()
                .copied()
                .filter(|_| rng.below(2) == 0)
                .collect();
            let mut entities: Vec<(u32, f32)> = named.iter().map(|p| (*p, 3.0)).collect();
            entities.push((city, 2.0));
            entities.push((rng.below(50) as u32, 0.5));
            entities.sort_unstable_by_key(|e| e.0);
            entities.dedup_by_key(|e| e.0);
            normalise(&mut entities);
            let mut emb: Vec<f32> = base.iter().map(|b| b + 0.3 * (rng.unit() - 0.5)).collect();
            let norm = emb.iter().map(|x| x * x).sum::<f32>().sqrt();
            emb.iter_mut().for_each(|x| *x /= norm);
            let mut people_sorted = named.clone();
            people_sorted.sort_unstable();
            docs.push(DocFeatures {
                terms,
                entities,
                people: people_sorted,
                places: vec![city],
                published: Some(day + Duration::days(rng.below(4) as i64)),
                date: None,
                killed: Some((killed, killed)),
                injured: None,
                embedding: Some(emb),
                years: vec![2014],
            });
            truth.push(incident);
        }
    }
    let t_gen = t0.elapsed().as_secs_f64();
    let rss_inputs = peak_rss_mib();
    let opts = ClusterOptions::default();
    let t1 = Instant::now();
    let pairs = candidates(&docs, &opts);
    let t_block = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let scored = score_pairs(&docs, &pairs, &opts.weights);
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
