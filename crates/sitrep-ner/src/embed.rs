//! Sentence embeddings: mean-pooled encoder outputs, as sentence-transformers
//! computes them, for texts of any length.

use std::path::Path;

use rust_bert::bert::{BertConfig, BertEmbeddings, BertModel};
use sitrep_text::{windows, SubwordTokenizer};
use tch::{nn, Device, Kind};

use crate::batch::{length_sorted_batches, pad_batch};
use crate::encoder::{variables, FastEncoder};
use crate::error::{Error, Result};
use crate::folder::ModelFolder;
use crate::precision::Precision;

/// A sentence encoder (e.g. all-MiniLM-L6-v2) loaded from a local folder.
///
/// By default it reads sequences of the folder's maximum length (256 sub-words
/// for all-MiniLM-L6-v2), 32 sequences a batch. A text longer than that is
/// never cut: it is read in overlapping windows and its embedding is the mean
/// over all its sub-words, each counted once.
///
/// It computes at [`Precision::recommended`] (bf16 where the CPU has native
/// bfloat16 products, else f32) unless told otherwise with
/// [`SentenceEncoder::with_precision`], through the same inference network as
/// the NER model.
pub struct SentenceEncoder {
    model: FastEncoder,
    config: BertConfig,
    vs: nn::VarStore,
    tokenizer: SubwordTokenizer,
    max_len: usize,
    batch_size: usize,
    dim: usize,
}

impl std::fmt::Debug for SentenceEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentenceEncoder")
            .field("max_len", &self.max_len)
            .field("dim", &self.dim)
            .field("precision", &self.model.precision())
            .finish_non_exhaustive()
    }
}

impl SentenceEncoder {
    /// Loads the encoder in `dir` on the CPU.
    ///
    /// # Errors
    ///
    /// When a file of the folder is missing or bad (the error names it).
    pub fn load(dir: &Path) -> Result<SentenceEncoder> {
        let folder = ModelFolder::open(dir)?;
        let config = folder.config()?;
        let tokenizer = folder.tokenizer()?;
        let max_len = folder
            .max_length()?
            .min(config.bert.max_position_embeddings as usize);
        if max_len < 3 {
            return Err(Error::Invalid(format!(
                "maximum length {max_len} leaves no room for text"
            )));
        }
        let vs = nn::VarStore::new(Device::Cpu);
        // rust-bert's module declares the variables the weights load into.
        let _declared =
            BertModel::<BertEmbeddings>::new_with_optional_pooler(vs.root(), &config.bert, false);
        folder.load_into(&vs, &[])?;
        let model =
            FastEncoder::with_prefix(&variables(&vs), &config.bert, Precision::recommended(), "")?;
        let dim = config.bert.hidden_size as usize;
        Ok(SentenceEncoder {
            model,
            config: config.bert,
            vs,
            tokenizer,
            max_len,
            batch_size: 32,
            dim,
        })
    }

    /// Sets how many sequences go through the model at once (default 32).
    #[must_use]
    pub fn with_batch_size(mut self, n: usize) -> SentenceEncoder {
        self.batch_size = n.max(1);
        self
    }

    /// Computes at `precision` from now on (the f32 weights are kept).
    ///
    /// # Errors
    ///
    /// When the weights cannot be converted.
    pub fn with_precision(mut self, precision: Precision) -> Result<SentenceEncoder> {
        self.model = FastEncoder::with_prefix(&variables(&self.vs), &self.config, precision, "")?;
        Ok(self)
    }

    /// The precision it computes at.
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.model.precision()
    }

    /// Width of the embeddings.
    #[must_use]
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Embeds each text (mean pooling over its sub-words and the `[CLS]` and
    /// `[SEP]` tokens, not normalised).
    ///
    /// # Errors
    ///
    /// When tokenisation or the model fails.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let cls = i64::from(self.tokenizer.cls_id());
        let sep = i64::from(self.tokenizer.sep_id());
        let content = self.max_len - 2;
        // One job per window: (text, ids with specials, owned range in ids, first, last).
        struct Job {
            text: usize,
            ids: Vec<i64>,
            owned: std::ops::Range<usize>,
            first: bool,
            last: bool,
        }
        let mut jobs = Vec::new();
        for (t, text) in texts.iter().enumerate() {
            let enc = self.tokenizer.encode(text)?;
            let ids: Vec<i64> = enc.ids.iter().map(|&i| i64::from(i)).collect();
            let ws = windows(ids.len(), content, content / 4)?;
            if ws.is_empty() {
                jobs.push(Job {
                    text: t,
                    ids: vec![cls, sep],
                    owned: 1..1,
                    first: true,
                    last: true,
                });
            }
            let n = ws.len();
            for (k, w) in ws.into_iter().enumerate() {
                let mut seq = Vec::with_capacity(w.end - w.start + 2);
                seq.push(cls);
                seq.extend_from_slice(&ids[w.start..w.end]);
                seq.push(sep);
                let owned = (1 + w.owned_start - w.start)..(1 + w.owned_end - w.start);
                jobs.push(Job {
                    text: t,
                    ids: seq,
                    owned,
                    first: k == 0,
                    last: k + 1 == n,
                });
            }
        }
        let mut sums = vec![vec![0f64; self.dim]; texts.len()];
        let mut counts = vec![0usize; texts.len()];
        let lens: Vec<usize> = jobs.iter().map(|j| j.ids.len()).collect();
        for batch in length_sorted_batches(&lens, self.batch_size, self.batch_size * self.max_len) {
            let seqs: Vec<&[i64]> = batch.iter().map(|&j| jobs[j].ids.as_slice()).collect();
            let (ids, mask) = pad_batch(&seqs, i64::from(self.tokenizer.pad_id()));
            let hidden = tch::no_grad(|| {
                self.model
                    .hidden(&ids, &mask, None)
                    .and_then(|h| Ok(h.f_to_kind(Kind::Float)?))
            })?;
            let width = ids.size()[1] as usize;
            let flat: Vec<f32> = Vec::try_from(hidden.contiguous().view([-1]))?;
            for (row, &j) in batch.iter().enumerate() {
                let job = &jobs[j];
                let mut positions: Vec<usize> = job.owned.clone().collect();
                if job.first {
                    positions.push(0);
                }
                if job.last {
                    positions.push(job.ids.len() - 1);
                }
                for p in positions {
                    let off = (row * width + p) * self.dim;
                    for (s, v) in sums[job.text].iter_mut().zip(&flat[off..off + self.dim]) {
                        *s += f64::from(*v);
                    }
                    counts[job.text] += 1;
                }
            }
        }
        Ok(sums
            .into_iter()
            .zip(counts)
            .map(|(s, c)| {
                s.into_iter()
                    .map(|v| (v / c.max(1) as f64) as f32)
                    .collect()
            })
            .collect())
    }
}

/// Cosine similarity of two vectors (0 when either is zero).
#[must_use]
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum();
    let na: f64 = a.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        (dot / (na * nb)) as f32
    }
}
