//! The NER hot path: sub-words per second through the default model, over
//! batch sizes and document lengths.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_ner::NerModel;

fn ner(c: &mut Criterion) {
    let mut model =
        NerModel::load(&common::root().join("models/sitrep-ner-minilm")).expect("default model");
    let mut g = c.benchmark_group("ner");
    g.sample_size(10);
    for words in [50usize, 400, 2000] {
        let doc = common::words(words);
        // 8 documents of this length per iteration.
        let docs: Vec<&str> = std::iter::repeat_n(doc.as_str(), 8).collect();
        let subwords: usize = docs
            .iter()
            .map(|d| model.count_subwords(d).expect("tokenises"))
            .sum();
        g.throughput(Throughput::Elements(subwords as u64));
        for batch in [1usize, 8, 32] {
            let mut s = model.settings();
            s.batch_size = batch;
            s.max_batch_tokens = batch * s.max_len;
            model.set_settings(s).expect("settings");
            g.bench_with_input(
                BenchmarkId::new(format!("batch{batch}"), format!("{words}w")),
                &docs,
                |b, d| b.iter(|| model.recognize(d).expect("recognises")),
            );
        }
    }
    g.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
