//! Named-entity recognition over whole documents of any length.

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use sitrep_text::{windows, word_tokens, EntityMention, Span, SubwordTokenizer};
use tch::{nn, Device, Kind, Tensor};

use crate::batch::{length_sorted_batches, pad_batch};
use crate::encoder::{variables, FastEncoder};
use crate::error::{Error, Result};
use crate::folder::{EncoderConfig, ModelFolder};
use crate::precision::Precision;
use crate::tagger::{casing_class, Tagger};
use crate::tags::{decode, TagScheme};
pub use crate::viterbi::WordTag;
use crate::viterbi::{decode_words, scheme_of, transitions};

/// How the recogniser reads documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NerSettings {
    /// Sub-words per window including `[CLS]` and `[SEP]`. By default the
    /// model's own maximum length (256 for the shipped model).
    pub max_len: usize,
    /// Sub-words shared by consecutive windows. By default a quarter of the
    /// window; each word is labelled by the window where it sits most
    /// centrally.
    pub overlap: usize,
    /// Windows per forward pass. By default 16.
    pub batch_size: usize,
    /// Padded sub-words per forward pass. By default 16 × 256.
    pub max_batch_tokens: usize,
    /// Numeric precision of the encoder. By default
    /// [`Precision::recommended`] (bf16 where the CPU has native bfloat16
    /// products, else f32).
    pub precision: Precision,
}

/// A token-classification model loaded from a folder, ready to tag documents.
///
/// ```no_run
/// use sitrep_ner::NerModel;
///
/// let model = NerModel::load(std::path::Path::new("models/sitrep-ner-minilm"))?;
/// let text = "Pentagon press secretary Patrick Ryder spoke in Baghdad.";
/// let entities = &model.recognize(&[text])?[0];
/// for e in entities {
///     println!("{} {}", e.label, &text[e.span.range()]);
/// }
/// # Ok::<(), sitrep_ner::Error>(())
/// ```
pub struct NerModel {
    pub(crate) tagger: Tagger,
    pub(crate) vs: nn::VarStore,
    pub(crate) tokenizer: SubwordTokenizer,
    pub(crate) config: EncoderConfig,
    pub(crate) labels: Vec<String>,
    pub(crate) scheme: TagScheme,
    pub(crate) settings: NerSettings,
    /// Which label may follow which (`allowed[prev][cur]`; row `n` is the start).
    pub(crate) allowed: Vec<Vec<bool>>,
    /// The inference network at `settings.precision`; `None` runs the
    /// training network (rust-bert, f32), as during training.
    pub(crate) fast: Option<FastEncoder>,
}

/// Where the time of one [`NerModel::tag_words_timed`] call went, and how
/// much the encoder computed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NerTimings {
    /// Sub-word tokenisation, windowing and casing classes.
    pub tokenise: Duration,
    /// Padding batches, the forward passes and the softmax.
    pub model: Duration,
    /// Copying each word's distribution out and constrained Viterbi decoding.
    pub decode: Duration,
    /// Windows (sequences) fed to the encoder.
    pub windows: usize,
    /// Forward passes.
    pub batches: usize,
    /// Real sub-word positions fed, `[CLS]`/`[SEP]` included.
    pub positions: usize,
    /// Positions computed including padding (Σ batch × width).
    pub padded_positions: usize,
    /// Query–key pairs the attention computed (Σ batch × width²), for
    /// counting attention FLOPs.
    pub attention_pairs: u64,
}

impl NerTimings {
    /// Adds another call's figures to these.
    pub fn add(&mut self, other: &NerTimings) {
        self.tokenise += other.tokenise;
        self.model += other.model;
        self.decode += other.decode;
        self.windows += other.windows;
        self.batches += other.batches;
        self.positions += other.positions;
        self.padded_positions += other.padded_positions;
        self.attention_pairs += other.attention_pairs;
    }
}

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerModel")
            .field("labels", &self.labels)
            .field("scheme", &self.scheme)
            .field("settings", &self.settings)
            .field(
                "encoder",
                &self
                    .fast
                    .as_ref()
                    .map_or("rust-bert f32", |f| f.precision().name()),
            )
            .finish_non_exhaustive()
    }
}

impl NerModel {
    /// Loads a token classifier from `dir`: `config.json` with `id2label`, a
    /// tokenizer, and weights including the classifier.
    ///
    /// # Errors
    ///
    /// When a file is missing or bad, the config has no labels, or the weights
    /// do not fit.
    pub fn load(dir: &Path) -> Result<NerModel> {
        let folder = ModelFolder::open(dir)?;
        let config = folder.config()?;
        if config.labels.is_empty() {
            return Err(Error::BadFile {
                dir: dir.to_owned(),
                file: dir.join("config.json"),
                message: "no id2label: this is not a token-classification model".into(),
                source: None,
            });
        }
        let tokenizer = folder.tokenizer()?;
        let max_len = folder
            .max_length()?
            .min(config.bert.max_position_embeddings as usize);
        let vs = nn::VarStore::new(Device::Cpu);
        let tagger = Tagger::new(
            &vs,
            &config.bert,
            config.labels.len() as i64,
            config.sitrep.casing_dim > 0,
        )?;
        folder.load_into(&vs, &[])?;
        let mut model = NerModel::from_parts(tagger, vs, tokenizer, config, max_len);
        let precision = Precision::recommended();
        model.fast = Some(FastEncoder::new(
            &variables(&model.vs),
            &model.config.bert,
            precision,
        )?);
        model.settings.precision = precision;
        Ok(model)
    }

    pub(crate) fn from_parts(
        tagger: Tagger,
        vs: nn::VarStore,
        tokenizer: SubwordTokenizer,
        config: EncoderConfig,
        max_len: usize,
    ) -> NerModel {
        let labels = config.labels.clone();
        let scheme = scheme_of(&labels);
        let max_len = max_len.max(8);
        let settings = NerSettings {
            max_len,
            overlap: max_len / 4,
            batch_size: 16,
            max_batch_tokens: 16 * max_len,
            precision: Precision::F32,
        };
        let allowed = transitions(&labels, scheme);
        NerModel {
            tagger,
            vs,
            tokenizer,
            config,
            labels,
            scheme,
            settings,
            allowed,
            fast: None,
        }
    }

    /// The labels, by id.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The reading settings.
    #[must_use]
    pub fn settings(&self) -> NerSettings {
        self.settings
    }

    /// Changes the reading settings.
    ///
    /// # Errors
    ///
    /// When the window is shorter than 8 sub-words or longer than the model's
    /// position table, or the overlap leaves no room; or when the precision
    /// cannot be made (a model that is being trained only runs in f32).
    pub fn set_settings(&mut self, s: NerSettings) -> Result<()> {
        let limit = self.config.bert.max_position_embeddings as usize;
        if s.max_len < 8 || s.max_len > limit || s.overlap >= s.max_len - 2 || s.batch_size == 0 {
            return Err(Error::Invalid(format!(
                "window {} (model limit {limit}), overlap {}, batch {} are not usable",
                s.max_len, s.overlap, s.batch_size
            )));
        }
        if s.precision != self.settings.precision {
            let vars = variables(&self.vs);
            self.fast = match (s.precision, vars.is_empty()) {
                (Precision::F32, true) => None,
                (p, true) => {
                    return Err(Error::Invalid(format!(
                        "precision {p} needs a loaded model (this one is being trained)"
                    )))
                }
                (p, false) => Some(FastEncoder::new(&vars, &self.config.bert, p)?),
            };
        }
        self.settings = s;
        Ok(())
    }

    /// Sub-word count of a text under this model's tokenizer (for throughput
    /// figures).
    ///
    /// # Errors
    ///
    /// When tokenisation fails.
    pub fn count_subwords(&self, text: &str) -> Result<usize> {
        let words = word_tokens(text);
        Ok(self.tokenizer.encode_words(text, &words)?.len())
    }

    /// Finds the entities of each text (split into words with
    /// [`sitrep_text::word_tokens`]). Spans are byte spans into each text.
    ///
    /// # Errors
    ///
    /// When tokenisation or the model fails.
    pub fn recognize(&self, texts: &[&str]) -> Result<Vec<Vec<EntityMention>>> {
        let words: Vec<Vec<Span>> = texts.iter().map(|t| word_tokens(t)).collect();
        let docs: Vec<(&str, &[Span])> = texts
            .iter()
            .zip(&words)
            .map(|(t, w)| (*t, w.as_slice()))
            .collect();
        let tags = self.tag_words(&docs)?;
        Ok(docs
            .iter()
            .zip(&tags)
            .map(|((text, words), tags)| self.entities(text, words, tags))
            .collect())
    }

    /// Turns word tags into entity mentions (byte spans of `text`).
    #[must_use]
    pub fn entities(&self, text: &str, words: &[Span], tags: &[WordTag]) -> Vec<EntityMention> {
        let names: Vec<&str> = tags
            .iter()
            .map(|t| self.labels.get(t.label).map_or("O", String::as_str))
            .collect();
        decode(&names, self.scheme)
            .into_iter()
            .filter(|(s, e, _)| s < e && *e <= words.len())
            .map(|(s, e, label)| {
                let span = Span::new(words[s].start, words[e - 1].end);
                let score = tags[s..e].iter().map(|t| t.prob).sum::<f32>() / (e - s) as f32;
                debug_assert!(span.slice(text).is_some());
                EntityMention { span, label, score }
            })
            .collect()
    }

    /// Labels every word of every document. Each document is `(text, word
    /// spans)`. Windows of all documents are batched together, sorted by
    /// length; a word is labelled by its first sub-word in the window that
    /// owns it. Words that yield no sub-words are labelled with label 0's
    /// outside tag when there is one (`O`), else label 0.
    ///
    /// # Errors
    ///
    /// When tokenisation or the model fails.
    pub fn tag_words(&self, docs: &[(&str, &[Span])]) -> Result<Vec<Vec<WordTag>>> {
        Ok(self.tag_words_timed(docs)?.0)
    }

    /// [`tag_words`](Self::tag_words), also telling where the time went.
    ///
    /// # Errors
    ///
    /// When tokenisation or the model fails.
    pub fn tag_words_timed(
        &self,
        docs: &[(&str, &[Span])],
    ) -> Result<(Vec<Vec<WordTag>>, NerTimings)> {
        tch::no_grad(|| self.tag_words_inner(docs))
    }

    fn tag_words_inner(&self, docs: &[(&str, &[Span])]) -> Result<(Vec<Vec<WordTag>>, NerTimings)> {
        let mut timings = NerTimings::default();
        let started = Instant::now();
        let n_labels = self.labels.len();
        let outside = self.labels.iter().position(|l| l == "O").unwrap_or(0);
        // Per word, the label distribution from its owning window; words
        // without sub-words are certain `O`.
        let mut dists: Vec<Vec<f32>> = docs
            .iter()
            .map(|(_, w)| {
                let mut d = vec![0f32; w.len() * n_labels];
                for row in d.chunks_mut(n_labels) {
                    row[outside] = 1.0;
                }
                d
            })
            .collect();
        let jobs = self.build_jobs(docs)?;
        let lens: Vec<usize> = jobs.iter().map(|j| j.ids.len()).collect();
        timings.tokenise = started.elapsed();
        timings.windows = jobs.len();
        timings.positions = lens.iter().sum();
        let mut copy_out = Duration::ZERO;
        for batch in length_sorted_batches(
            &lens,
            self.settings.batch_size,
            self.settings.max_batch_tokens,
        ) {
            let seqs: Vec<&[i64]> = batch.iter().map(|&j| jobs[j].ids.as_slice()).collect();
            let cases: Vec<&[i64]> = batch.iter().map(|&j| jobs[j].cases.as_slice()).collect();
            let (ids, mask) = pad_batch(&seqs, i64::from(self.tokenizer.pad_id()));
            let (cases, _) = pad_batch(&cases, 0);
            let logits = match &self.fast {
                Some(fast) => fast.forward(&ids, &mask, &cases)?,
                None => self.tagger.forward(&ids, &mask, &cases, false)?,
            };
            let probs = logits.f_softmax(-1, Kind::Float)?;
            let width = ids.size()[1] as usize;
            timings.batches += 1;
            timings.padded_positions += batch.len() * width;
            timings.attention_pairs += (batch.len() * width * width) as u64;
            let probs: Vec<f32> = Vec::try_from(probs.f_contiguous()?.f_view([-1])?)?;
            let copy_started = Instant::now();
            for (row, &j) in batch.iter().enumerate() {
                let job = &jobs[j];
                for &(pos, word) in &job.targets {
                    let k = (row * width + pos) * n_labels;
                    dists[job.doc][word * n_labels..(word + 1) * n_labels]
                        .copy_from_slice(&probs[k..k + n_labels]);
                }
            }
            copy_out += copy_started.elapsed();
        }
        let decode_started = Instant::now();
        timings.model = decode_started
            .duration_since(started)
            .saturating_sub(timings.tokenise + copy_out);
        let allowed = &self.allowed;
        let tags = dists
            .par_iter()
            .map(|d| decode_words(d, n_labels, allowed))
            .collect();
        timings.decode = decode_started.elapsed() + copy_out;
        Ok((tags, timings))
    }

    fn build_jobs(&self, docs: &[(&str, &[Span])]) -> Result<Vec<Job>> {
        build_jobs(
            &self.tokenizer,
            self.settings.max_len,
            self.settings.overlap,
            docs,
            None,
        )
    }
}

/// One window of one document, ready for the model.
pub(crate) struct Job {
    pub(crate) doc: usize,
    pub(crate) ids: Vec<i64>,
    pub(crate) cases: Vec<i64>,
    /// (position in `ids`, word index) for each owned first sub-word.
    pub(crate) targets: Vec<(usize, usize)>,
    /// Gold label per position (-100 where ignored), when training.
    pub(crate) gold: Vec<i64>,
}

/// Splits documents into windows of at most `max_len` sub-words (specials
/// included). `gold`, when given, holds one label id per word per document.
/// Documents are tokenised in parallel on rayon's pool (the model is not
/// running meanwhile, so this does not compete with libtorch's threads); the
/// jobs come out in document order.
pub(crate) fn build_jobs(
    tokenizer: &SubwordTokenizer,
    max_len: usize,
    overlap: usize,
    docs: &[(&str, &[Span])],
    gold: Option<&[Vec<i64>]>,
) -> Result<Vec<Job>> {
    let per_doc: Vec<Vec<Job>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, (text, words))| {
            let gold = gold.map(|g| g.get(d).map_or(&[][..], Vec::as_slice));
            doc_jobs(tokenizer, max_len, overlap, d, text, words, gold)
        })
        .collect::<Result<_>>()?;
    Ok(per_doc.into_iter().flatten().collect())
}

/// The windows of document number `d` (see [`build_jobs`]); `gold` holds its
/// label id per word.
fn doc_jobs(
    tokenizer: &SubwordTokenizer,
    max_len: usize,
    overlap: usize,
    d: usize,
    text: &str,
    words: &[Span],
    gold: Option<&[i64]>,
) -> Result<Vec<Job>> {
    let cls = i64::from(tokenizer.cls_id());
    let sep = i64::from(tokenizer.sep_id());
    let content = max_len.saturating_sub(2).max(1);
    let mut jobs = Vec::new();
    let enc = tokenizer.encode_words(text, words)?;
    let word_case: Vec<i64> = words
        .iter()
        .map(|w| casing_class(w.slice(text).unwrap_or("")))
        .collect();
    let mut is_first = vec![false; enc.len()];
    let mut seen = vec![false; words.len()];
    for (i, w) in enc.word_ids.iter().enumerate() {
        if let Some(w) = w.map(|w| w as usize).filter(|&w| w < words.len()) {
            if !seen[w] {
                seen[w] = true;
                is_first[i] = true;
            }
        }
    }
    for w in windows(enc.len(), content, overlap.min(content.saturating_sub(1)))? {
        let n = w.end - w.start + 2;
        let mut ids = Vec::with_capacity(n);
        let mut cases = Vec::with_capacity(n);
        let mut gold_row = Vec::new();
        ids.push(cls);
        cases.push(0);
        for i in w.start..w.end {
            ids.push(i64::from(enc.ids[i]));
            cases.push(
                enc.word_ids[i].map_or(0, |wd| word_case.get(wd as usize).copied().unwrap_or(0)),
            );
        }
        ids.push(sep);
        cases.push(0);
        let mut targets = Vec::new();
        for (i, (&first, word)) in is_first
            .iter()
            .zip(&enc.word_ids)
            .enumerate()
            .take(w.owned_end)
            .skip(w.owned_start)
        {
            if let (true, Some(wd)) = (first, word) {
                targets.push((1 + i - w.start, *wd as usize));
            }
        }
        if let Some(gold) = gold {
            gold_row = vec![-100i64; n];
            for &(pos, wd) in &targets {
                gold_row[pos] = gold.get(wd).copied().unwrap_or(-100);
            }
        }
        jobs.push(Job {
            doc: d,
            ids,
            cases,
            targets,
            gold: gold_row,
        });
    }
    Ok(jobs)
}

/// Stacks the gold rows of jobs into a `[n, width]` tensor padded with -100.
pub(crate) fn gold_tensor(rows: &[&[i64]]) -> Tensor {
    let (t, _) = pad_batch(rows, -100);
    t
}
