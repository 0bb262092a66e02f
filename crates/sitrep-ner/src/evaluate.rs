//! Entity-level evaluation of a model on a CoNLL file, whole documents at a time.

use sitrep_text::Span;

use crate::conll::ConllCorpus;
use crate::error::Result;
use crate::ner::NerModel;
use crate::score::{ScoreReport, Scorer};

/// Tags every document of `corpus` with `model` — each `-DOCSTART-` document
/// fed as one text (tokens joined by spaces, sentences by newlines), so the
/// model sees document context as in real use — and scores the predicted
/// entities against the gold ones by conlleval rules, sentence by sentence.
///
/// # Errors
///
/// When the model fails.
pub fn evaluate_conll(model: &NerModel, corpus: &ConllCorpus) -> Result<ScoreReport> {
    let prepared: Vec<(String, Vec<Vec<Span>>)> = corpus
        .documents
        .iter()
        .map(|d| d.text_and_spans())
        .collect();
    let flat: Vec<Vec<Span>> = prepared
        .iter()
        .map(|(_, s)| s.iter().flatten().copied().collect())
        .collect();
    let docs: Vec<(&str, &[Span])> = prepared
        .iter()
        .zip(&flat)
        .map(|((t, _), w)| (t.as_str(), w.as_slice()))
        .collect();
    let mut scorer = Scorer::new();
    // Documents in chunks keep memory flat on large files.
    for (chunk_docs, chunk_idx) in docs
        .chunks(64)
        .zip((0..corpus.documents.len()).collect::<Vec<_>>().chunks(64))
    {
        let tags = model.tag_words(chunk_docs)?;
        for (&d, doc_tags) in chunk_idx.iter().zip(tags) {
            let mut k = 0;
            for sentence in &corpus.documents[d].sentences {
                let pred: Vec<&str> = doc_tags[k..k + sentence.tags.len()]
                    .iter()
                    .map(|t| model.labels().get(t.label).map_or("O", String::as_str))
                    .collect();
                k += sentence.tags.len();
                scorer.add(&sentence.tags, &pred);
            }
        }
    }
    Ok(scorer.report())
}
