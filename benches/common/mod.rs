//! Inputs shared by the benches.
#![allow(dead_code)]

use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The bundled corpus, concatenated `copies` times (about 20 KB a copy).
pub fn corpus_text(copies: usize) -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let one: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read") + "\n\n")
        .collect();
    one.repeat(copies)
}

/// The first `n` whitespace-separated words of the corpus (repeated as needed).
pub fn words(n: usize) -> String {
    let text = corpus_text(1 + n / 2500);
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}
