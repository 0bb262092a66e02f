//! Throughput of the text stages: sentence splitting, word tokens, sub-words.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_text::{split_sentences, word_tokens, SubwordTokenizer};

fn text_stages(c: &mut Criterion) {
    let tok = SubwordTokenizer::from_file(
        &common::root().join(".models/all-MiniLM-L6-v2/tokenizer.json"),
    )
    .expect("run scripts/setup.sh first");
    let mut g = c.benchmark_group("text");
    for copies in [1usize, 10] {
        let text = common::corpus_text(copies);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("split_sentences", text.len()),
            &text,
            |b, t| b.iter(|| split_sentences(t)),
        );
        g.bench_with_input(
            BenchmarkId::new("word_tokens", text.len()),
            &text,
            |b, t| b.iter(|| word_tokens(t)),
        );
        let words = word_tokens(&text);
        g.bench_with_input(
            BenchmarkId::new("encode_words", text.len()),
            &text,
            |b, t| b.iter(|| tok.encode_words(t, &words).expect("encodes")),
        );
    }
    g.finish();
}

criterion_group!(benches, text_stages);
criterion_main!(benches);
