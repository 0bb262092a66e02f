//! Throughput of the text stages: sentence splitting, word tokens, sub-words,
//! and the whole tokenising stage of NER (words, sub-words, windows).
// criterion_group! and criterion_main! define undocumented public functions.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_text::{split_sentences, windows, word_tokens, SubwordTokenizer};

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
        // The same through the whole `tokenizers` pipeline (no ASCII fast path).
        g.bench_with_input(
            BenchmarkId::new("encode_words_pipeline", text.len()),
            &text,
            |b, t| b.iter(|| tok.encode_words_pipeline(t, &words).expect("encodes")),
        );
        // What NER does before the model: words, sub-words, 256-sub-word
        // windows overlapping by 64.
        g.bench_with_input(BenchmarkId::new("tokenise", text.len()), &text, |b, t| {
            b.iter(|| {
                let words = word_tokens(t);
                let enc = tok.encode_words(t, &words).expect("encodes");
                windows(enc.len(), 254, 64).expect("windows").len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, text_stages);
criterion_main!(benches);
