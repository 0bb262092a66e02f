//! Synthetic clustering inputs shaped like the pipeline's features, shared by
//! the `scale` example and the criterion bench `benches/cluster.rs`.
//!
//! Incidents get 1–5 reports; each report draws terms from its incident's
//! own words and from a Zipf-distributed general vocabulary, names one to
//! three of its people and its city, and is published zero to three days
//! after the incident, over four years.

use chrono::{Duration, NaiveDate};
use sitrep_cluster::DocFeatures;

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

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

fn normalise<K>(v: &mut [(K, f32)]) {
    let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| x.1 /= n);
    }
}

/// `n` synthetic documents and the incident each reports (the truth).
#[must_use]
pub fn synthetic_docs(n: usize) -> (Vec<DocFeatures>, Vec<u32>) {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let start = NaiveDate::from_ymd_opt(2014, 1, 1).expect("valid date");
    let mut docs: Vec<DocFeatures> = Vec::with_capacity(n);
    let mut truth: Vec<u32> = Vec::with_capacity(n);
    let mut incident = 0u32;
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
            // Incident words are rare; general words by their Zipf rank.
            let term_rarity: Vec<f32> = terms
                .iter()
                .map(|t| {
                    if t.0 >= 10_000_000 {
                        0.9
                    } else {
                        (1.0 + t.0 as f32).ln() / 200_000f32.ln()
                    }
                })
                .collect();
            let mut title_terms: Vec<(u64, f32)> = own
                .iter()
                .take(4)
                .filter(|_| rng.below(2) == 0)
                .map(|t| (*t, 1.0))
                .collect();
            title_terms.extend((0..3).map(|_| (rng.zipf(200_000), 0.5)));
            title_terms.sort_unstable_by_key(|t| t.0);
            title_terms.dedup_by_key(|t| t.0);
            normalise(&mut title_terms);
            let content_terms = terms.len() as u32;
            let published = day + Duration::days(rng.below(4) as i64);
            let mut days = vec![day, published];
            days.dedup();
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
            let mut doc = DocFeatures {
                terms,
                entities,
                people: people_sorted,
                places: vec![city],
                published: Some(published),
                date: None,
                killed: Some((killed, killed)),
                injured: None,
                embedding: Some(emb),
                years: vec![2014],
                content_terms,
                term_rarity,
                title_terms,
                days,
                ..DocFeatures::default()
            };
            doc.top = doc.top_terms();
            docs.push(doc);
            truth.push(incident);
        }
    }
    (docs, truth)
}
