//! The NER hot path: sub-words per second through the default model (word
//! tokens, sub-words, windows, forward passes, decoding), over precisions,
//! document lengths and batch sizes.
// criterion_group! and criterion_main! define undocumented public functions.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_ner::{NerModel, Precision};

/// 8 documents of `words` words each, and their sub-word count.
fn docs(model: &NerModel, words: usize) -> (Vec<String>, u64) {
    let doc = common::words(words);
    let docs: Vec<String> = std::iter::repeat_n(doc, 8).collect();
    let subwords: usize = docs
        .iter()
        .map(|d| model.count_subwords(d).expect("tokenises"))
        .sum();
    (docs, subwords as u64)
}

fn ner_precision(c: &mut Criterion) {
    let mut model =
        NerModel::load(&common::root().join("models/sitrep-ner-minilm")).expect("default model");
    let mut g = c.benchmark_group("ner_precision");
    g.sample_size(10);
    for words in [50usize, 400, 2000] {
        let (docs, subwords) = docs(&model, words);
        let texts: Vec<&str> = docs.iter().map(String::as_str).collect();
        g.throughput(Throughput::Elements(subwords));
        for precision in Precision::ALL {
            let mut s = model.settings();
            s.precision = precision;
            model.set_settings(s).expect("settings");
            g.bench_with_input(
                BenchmarkId::new(precision.name(), format!("8x{words}w")),
                &texts,
                |b, t| b.iter(|| model.recognize(t).expect("recognises")),
            );
        }
    }
    g.finish();
}

fn ner_batch(c: &mut Criterion) {
    let mut model =
        NerModel::load(&common::root().join("models/sitrep-ner-minilm")).expect("default model");
    let mut g = c.benchmark_group("ner_batch");
    g.sample_size(10);
    let (docs, subwords) = docs(&model, 400);
    let texts: Vec<&str> = docs.iter().map(String::as_str).collect();
    g.throughput(Throughput::Elements(subwords));
    for batch in [1usize, 8, 16, 32] {
        let mut s = model.settings();
        s.batch_size = batch;
        s.max_batch_tokens = batch * s.max_len;
        model.set_settings(s).expect("settings");
        g.bench_with_input(
            BenchmarkId::new(model.settings().precision.name(), format!("batch{batch}")),
            &texts,
            |b, t| b.iter(|| model.recognize(t).expect("recognises")),
        );
    }
    g.finish();
}

criterion_group!(benches, ner_precision, ner_batch);
criterion_main!(benches);
