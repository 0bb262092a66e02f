//! Throughput of number and casualty extraction.
// criterion_group! and criterion_main! define undocumented public functions.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_numbers::{document_toll, extract_casualties, find_numbers};
use sitrep_text::split_sentences;

fn numbers(c: &mut Criterion) {
    let mut g = c.benchmark_group("numbers");
    for copies in [1usize, 10] {
        let text = common::corpus_text(copies);
        let sentences = split_sentences(&text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("find_numbers", text.len()),
            &text,
            |b, t| b.iter(|| find_numbers(t)),
        );
        g.bench_with_input(
            BenchmarkId::new("casualties_and_toll", text.len()),
            &text,
            |b, t| b.iter(|| document_toll("bench", &extract_casualties(t, &sentences, &[]))),
        );
    }
    g.finish();
}

criterion_group!(benches, numbers);
criterion_main!(benches);
