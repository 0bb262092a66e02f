//! Throughput of clustering (documents/s): candidate blocking, pair scoring,
//! average linkage, and the three together, on synthetic documents shaped
//! like the pipeline's features (`crates/sitrep-cluster/examples/synthetic`).
//! The 100,000-document run with peak memory is the `scale` example:
//! `cargo run --release -p sitrep-cluster --example scale -- 100000`.
// criterion_group! and criterion_main! define undocumented public functions.
#![allow(missing_docs)]

#[path = "../crates/sitrep-cluster/examples/synthetic/mod.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_cluster::{average_linkage, candidates, cluster, score_pairs, ClusterOptions};

fn clustering(c: &mut Criterion) {
    let opts = ClusterOptions::default();
    let mut g = c.benchmark_group("cluster");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let (docs, _) = synthetic::synthetic_docs(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("blocking", n), &docs, |b, d| {
            b.iter(|| candidates(d, &opts))
        });
        let pairs = candidates(&docs, &opts);
        g.bench_with_input(BenchmarkId::new("scoring", n), &docs, |b, d| {
            b.iter(|| score_pairs(d, &pairs, &opts.model))
        });
        let scored = score_pairs(&docs, &pairs, &opts.model);
        g.bench_with_input(BenchmarkId::new("linkage", n), &scored, |b, s| {
            b.iter(|| average_linkage(n, s, opts.threshold))
        });
        g.bench_with_input(BenchmarkId::new("all", n), &docs, |b, d| {
            b.iter(|| cluster(d, &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, clustering);
criterion_main!(benches);
