//! Model folders: find and read `config.json`, the tokenizer and the weights.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_bert::bert::BertConfig;
use serde::{Deserialize, Serialize};
use sitrep_text::SubwordTokenizer;
use tch::{nn, Tensor};

use crate::error::{Error, Result};

/// Weight file names tried, in order.
pub const WEIGHT_FILES: [&str; 5] = [
    "model.safetensors",
    "pytorch_model.bin",
    "model.bin",
    "rust_model.ot",
    "model.ot",
];

/// Where the tokenizer of a folder comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenizerFile {
    /// A Hugging Face `tokenizer.json`.
    Json(PathBuf),
    /// A WordPiece `vocab.txt`, with whether to lowercase.
    Vocab(PathBuf, bool),
}

/// sitrep's own additions to a `config.json`, under the key `"sitrep"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SitrepConfig {
    /// Width of the casing embedding added to the input embeddings (0: none).
    #[serde(default)]
    pub casing_dim: i64,
    /// Sub-words per window the model was trained on (including `[CLS]`/`[SEP]`).
    #[serde(default)]
    pub max_length: Option<usize>,
    /// Weights stored in half precision, widened at load.
    #[serde(default)]
    pub f16_weights: bool,
}

/// A parsed `config.json` of a BERT-family encoder.
#[derive(Debug, Clone)]
pub struct EncoderConfig {
    /// `model_type` as written (`bert` is supported).
    pub model_type: String,
    /// The architecture, as rust-bert reads it.
    pub bert: BertConfig,
    /// Labels by id, when the model is a classifier.
    pub labels: Vec<String>,
    /// sitrep's additions.
    pub sitrep: SitrepConfig,
    /// The whole file, kept so that writing it back loses nothing.
    pub raw: serde_json::Value,
}

/// A model in a local folder: `config.json`, a tokenizer (`tokenizer.json` or
/// `vocab.txt`) and weights (`.safetensors`, `.bin` or `.ot`).
#[derive(Debug, Clone)]
pub struct ModelFolder {
    dir: PathBuf,
    config: PathBuf,
    tokenizer: TokenizerFile,
    weights: PathBuf,
}

fn bad(dir: &Path, file: &Path, message: impl Into<String>) -> Error {
    Error::BadFile {
        dir: dir.to_owned(),
        file: file.to_owned(),
        message: message.into(),
        source: None,
    }
}

impl ModelFolder {
    /// Finds the files of a model folder.
    ///
    /// # Errors
    ///
    /// [`Error::MissingFile`] naming the folder and the file that is missing.
    pub fn open(dir: &Path) -> Result<ModelFolder> {
        if !dir.is_dir() {
            return Err(Error::MissingFile {
                dir: dir.to_owned(),
                what: "the folder itself",
                looked_for: "a directory".into(),
            });
        }
        let config = dir.join("config.json");
        if !config.is_file() {
            return Err(Error::MissingFile {
                dir: dir.to_owned(),
                what: "configuration",
                looked_for: "config.json".into(),
            });
        }
        let tokenizer = if dir.join("tokenizer.json").is_file() {
            TokenizerFile::Json(dir.join("tokenizer.json"))
        } else if dir.join("vocab.txt").is_file() {
            TokenizerFile::Vocab(dir.join("vocab.txt"), lowercase_of(dir))
        } else {
            return Err(Error::MissingFile {
                dir: dir.to_owned(),
                what: "tokenizer",
                looked_for: "tokenizer.json, vocab.txt".into(),
            });
        };
        let weights = WEIGHT_FILES
            .iter()
            .map(|f| dir.join(f))
            .find(|p| p.is_file())
            .ok_or_else(|| Error::MissingFile {
                dir: dir.to_owned(),
                what: "weights",
                looked_for: WEIGHT_FILES.join(", "),
            })?;
        Ok(ModelFolder {
            dir: dir.to_owned(),
            config,
            tokenizer,
            weights,
        })
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The weights file found.
    #[must_use]
    pub fn weights_path(&self) -> &Path {
        &self.weights
    }

    /// The tokenizer file found.
    #[must_use]
    pub fn tokenizer_file(&self) -> &TokenizerFile {
        &self.tokenizer
    }

    /// Reads and checks `config.json`.
    ///
    /// # Errors
    ///
    /// [`Error::BadFile`] when it is not JSON, lacks a field the architecture
    /// needs, or names an unsupported `model_type`.
    pub fn config(&self) -> Result<EncoderConfig> {
        let text = std::fs::read_to_string(&self.config).map_err(|e| Error::Io {
            path: self.config.clone(),
            source: e,
        })?;
        let raw: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::BadFile {
            dir: self.dir.clone(),
            file: self.config.clone(),
            message: "not valid JSON".into(),
            source: Some(Box::new(e)),
        })?;
        let model_type = raw
            .get("model_type")
            .and_then(|v| v.as_str())
            .unwrap_or("bert")
            .to_owned();
        if model_type != "bert" {
            return Err(bad(
                &self.dir,
                &self.config,
                format!("model_type {model_type:?} is not supported (supported: \"bert\")"),
            ));
        }
        let bert: BertConfig = serde_json::from_value(raw.clone()).map_err(|e| Error::BadFile {
            dir: self.dir.clone(),
            file: self.config.clone(),
            message: "not a BERT configuration".into(),
            source: Some(Box::new(e)),
        })?;
        let labels = match &bert.id2label {
            None => Vec::new(),
            Some(map) => {
                let sorted: BTreeMap<i64, &String> = map.iter().map(|(k, v)| (*k, v)).collect();
                let ok = sorted.keys().copied().eq(0..sorted.len() as i64);
                if !ok {
                    return Err(bad(
                        &self.dir,
                        &self.config,
                        "id2label ids must be 0..n without gaps",
                    ));
                }
                sorted.into_values().cloned().collect()
            }
        };
        let sitrep = match raw.get("sitrep") {
            None => SitrepConfig::default(),
            Some(v) => serde_json::from_value(v.clone()).map_err(|e| Error::BadFile {
                dir: self.dir.clone(),
                file: self.config.clone(),
                message: "bad \"sitrep\" section".into(),
                source: Some(Box::new(e)),
            })?,
        };
        Ok(EncoderConfig {
            model_type,
            bert,
            labels,
            sitrep,
            raw,
        })
    }

    /// Loads the tokenizer.
    ///
    /// # Errors
    ///
    /// When the tokenizer file cannot be loaded.
    pub fn tokenizer(&self) -> Result<SubwordTokenizer> {
        Ok(match &self.tokenizer {
            TokenizerFile::Json(p) => SubwordTokenizer::from_file(p)?,
            TokenizerFile::Vocab(p, lower) => SubwordTokenizer::from_vocab(p, *lower)?,
        })
    }

    /// The longest sequence the model takes, in sub-words: `sitrep.max_length`,
    /// else `max_seq_length` of `sentence_bert_config.json`, else
    /// `max_position_embeddings`.
    ///
    /// # Errors
    ///
    /// When `config.json` is bad.
    pub fn max_length(&self) -> Result<usize> {
        let cfg = self.config()?;
        if let Some(n) = cfg.sitrep.max_length {
            return Ok(n);
        }
        let st = self.dir.join("sentence_bert_config.json");
        if let Ok(text) = std::fs::read_to_string(&st) {
            if let Some(n) = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("max_seq_length").and_then(serde_json::Value::as_u64))
            {
                return Ok(n as usize);
            }
        }
        Ok(cfg.bert.max_position_embeddings.max(2) as usize)
    }

    /// Reads the weights file into named tensors (on the CPU).
    ///
    /// # Errors
    ///
    /// [`Error::BadFile`] when the file cannot be read in its format.
    pub fn read_weights(&self) -> Result<Vec<(String, Tensor)>> {
        let ext = self
            .weights
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        let r = match ext {
            "safetensors" => Tensor::read_safetensors(&self.weights),
            "bin" | "pt" => Tensor::loadz_multi(&self.weights),
            _ => Tensor::load_multi(&self.weights),
        };
        r.map_err(|e| Error::BadFile {
            dir: self.dir.clone(),
            file: self.weights.clone(),
            message: "cannot read weights".into(),
            source: Some(Box::new(e)),
        })
    }

    /// Copies the weights into the variables of `vs`, matching names with or
    /// without a `bert.` prefix, and widening half-precision weights.
    /// Variables whose name starts with one of `optional` may be absent (a
    /// new classification head, say); any other missing or mis-shaped
    /// variable is an error.
    ///
    /// Returns how many variables were loaded.
    ///
    /// # Errors
    ///
    /// [`Error::Weights`] listing what does not fit.
    pub fn load_into(&self, vs: &nn::VarStore, optional: &[&str]) -> Result<usize> {
        let tensors: std::collections::HashMap<String, Tensor> =
            self.read_weights()?.into_iter().collect();
        let mut vars: Vec<(String, Tensor)> = vs.variables().into_iter().collect();
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        let mut missing = Vec::new();
        let mut loaded = 0;
        tch::no_grad(|| -> Result<()> {
            for (name, mut var) in vars {
                let stripped = name.strip_prefix("bert.").unwrap_or(&name);
                let candidates = [
                    name.clone(),
                    stripped.to_owned(),
                    format!("bert.{stripped}"),
                ];
                let src = candidates.iter().find_map(|c| tensors.get(c));
                match src {
                    Some(t) if t.size() == var.size() => {
                        var.f_copy_(t)?;
                        loaded += 1;
                    }
                    Some(t) => missing.push(format!(
                        "{name}: shape {:?} in file, {:?} in model",
                        t.size(),
                        var.size()
                    )),
                    None if optional.iter().any(|p| name.starts_with(p)) => {}
                    None => missing.push(format!("{name}: absent")),
                }
            }
            Ok(())
        })?;
        if !missing.is_empty() {
            let n = missing.len();
            missing.truncate(8);
            return Err(Error::Weights {
                dir: self.dir.clone(),
                file: self.weights.clone(),
                message: format!("{n} variable(s) do not fit: {}", missing.join("; ")),
            });
        }
        Ok(loaded)
    }
}

/// `do_lower_case` from `tokenizer_config.json`, default true (uncased BERT).
fn lowercase_of(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("tokenizer_config.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("do_lower_case").and_then(serde_json::Value::as_bool))
        .unwrap_or(true)
}
