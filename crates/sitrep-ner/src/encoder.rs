//! The tagger's forward pass for inference only, at a chosen [`Precision`].
//!
//! It computes what [`crate::tagger::Tagger::forward`] computes (rust-bert's
//! BERT without dropout, plus the casing embedding and the classifier; the
//! `fast_path_matches_rust_bert` test holds them together), from the same
//! variables, with what rust-bert's layers cannot be told to do: query, key
//! and value in one matrix product, fused attention
//! (`scaled_dot_product_attention`, which never materialises the
//! `[batch, heads, length, length]` scores), libtorch's fused GELU, bfloat16
//! weights and activations, or int8 linear layers. Training keeps using
//! rust-bert's modules.

use std::collections::HashMap;

use rust_bert::bert::BertConfig;
use rust_bert::Activation;
use tch::{nn, Kind, Scalar, Tensor};

use crate::error::{Error, Result};
use crate::precision::Precision;

/// rust-bert's fixed layer-norm epsilon for BERT.
const LAYER_NORM_EPS: f64 = 1e-12;

/// A linear layer `y = x Wᵀ + b` in one of the precisions.
enum Linear {
    /// f32 or bf16 weights (the kind of the activations it is given),
    /// stored transposed (`[in, out]`, a view of `[out, in]`).
    Dense { weight_t: Tensor, bias: Tensor },
    /// int8 weights packed for FBGEMM; f32 activations in and out.
    Int8 {
        weight: Tensor,
        packed: Tensor,
        col_offsets: Tensor,
        scale: f64,
        bias: Tensor,
    },
}

impl Linear {
    fn new(weight: Tensor, bias: Tensor, precision: Precision) -> Result<Linear> {
        Ok(match precision {
            Precision::F32 => Linear::Dense {
                weight_t: weight.f_transpose(0, 1)?,
                bias,
            },
            Precision::Bf16 => Linear::Dense {
                weight_t: weight.f_to_kind(Kind::BFloat16)?.f_transpose(0, 1)?,
                bias: bias.f_to_kind(Kind::BFloat16)?,
            },
            Precision::Int8 => {
                // Symmetric quantisation, zero point 0, one scale per matrix
                // (what FBGEMM's legacy int8 linear takes).
                let max_abs = weight.f_abs()?.f_max()?.f_double_value(&[])?;
                let scale = if max_abs > 0.0 { max_abs / 127.0 } else { 1.0 };
                let q = weight
                    .f_div_scalar(scale)?
                    .f_round()?
                    .f_clamp(-127.0, 127.0)?
                    .f_to_kind(Kind::Int8)?
                    .f_contiguous()?;
                // Per output row: the sum of its quantised weights minus
                // zero point × K (zero point is 0).
                let col_offsets = q
                    .f_to_kind(Kind::Int)?
                    .f_sum_dim_intlist(1, false, Kind::Int)?
                    .f_contiguous()?;
                let packed = q.f_fbgemm_pack_quantized_matrix()?;
                Linear::Int8 {
                    weight: q,
                    packed,
                    col_offsets,
                    scale,
                    bias: bias.f_contiguous()?,
                }
            }
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(match self {
            // A plain product and an in-place bias add: `linear` with a bias
            // first copies the broadcast bias into its output (libtorch's
            // addmm), a pass over the output that this avoids.
            Linear::Dense { weight_t, bias } => {
                let mut y = x.f_matmul(weight_t)?;
                let _ = y.f_add_(bias)?;
                y
            }
            Linear::Int8 {
                weight,
                packed,
                col_offsets,
                scale,
                bias,
            } => x.f_fbgemm_linear_int8_weight_fp32_activation(
                weight,
                packed,
                col_offsets,
                Scalar::float(*scale),
                Scalar::int(0),
                bias,
            )?,
        })
    }
}

/// Layer-norm weight and bias.
struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
}

impl LayerNorm {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let width = self.weight.size();
        Ok(x.f_layer_norm(
            width.as_slice(),
            Some(&self.weight),
            Some(&self.bias),
            LAYER_NORM_EPS,
            false,
        )?)
    }
}

struct Layer {
    /// Query, key and value stacked: `[3 × hidden, hidden]`.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

/// The inference network at one precision. Built from the variables of a
/// loaded model; holds its own (converted) copies where the precision is not
/// f32, and shares the f32 variables otherwise.
pub(crate) struct FastEncoder {
    precision: Precision,
    /// Kind of the activations between layers.
    kind: Kind,
    word_embeddings: Tensor,
    position_embeddings: Tensor,
    /// Token type 0's embedding (sitrep feeds a single segment).
    token_type: Tensor,
    casing: Option<Tensor>,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    /// The token classifier; absent for a bare encoder (sentence embeddings).
    classifier: Option<Linear>,
    heads: i64,
    activation: Activation,
}

impl FastEncoder {
    /// Builds the network from `vars` (the variables of a [`crate::tagger::Tagger`],
    /// by name).
    pub(crate) fn new(
        vars: &HashMap<String, Tensor>,
        config: &BertConfig,
        precision: Precision,
    ) -> Result<FastEncoder> {
        FastEncoder::with_prefix(vars, config, precision, "bert.")
    }

    /// Builds the network from `vars` whose BERT variables are named
    /// `{bert}embeddings…`, `{bert}encoder…` (`"bert."` in a tagger, `""` in a
    /// bare `BertModel`). A `classifier` variable is used when present.
    pub(crate) fn with_prefix(
        vars: &HashMap<String, Tensor>,
        config: &BertConfig,
        precision: Precision,
        bert: &str,
    ) -> Result<FastEncoder> {
        let get = |name: &str| -> Result<Tensor> {
            let name = name
                .strip_prefix("bert.")
                .map_or_else(|| name.to_string(), |rest| format!("{bert}{rest}"));
            vars.get(&name)
                .map(|t| t.detach())
                .ok_or_else(|| Error::Invalid(format!("the model has no variable {name}")))
        };
        let kind = match precision {
            Precision::Bf16 => Kind::BFloat16,
            Precision::F32 | Precision::Int8 => Kind::Float,
        };
        let norm = |prefix: &str| -> Result<LayerNorm> {
            Ok(LayerNorm {
                weight: get(&format!("{prefix}.weight"))?.f_to_kind(kind)?,
                bias: get(&format!("{prefix}.bias"))?.f_to_kind(kind)?,
            })
        };
        let linear_at = |prefix: &str, precision: Precision| -> Result<Linear> {
            Linear::new(
                get(&format!("{prefix}.weight"))?,
                get(&format!("{prefix}.bias"))?,
                precision,
            )
        };
        let linear = |prefix: &str| linear_at(prefix, precision);
        // What int8 leaves in f32; other precisions apply everywhere.
        let unquantised = match precision {
            Precision::Int8 => Precision::F32,
            p => p,
        };
        let mut layers = Vec::new();
        for i in 0..config.num_hidden_layers {
            let p = format!("bert.encoder.layer.{i}");
            let part = |w: &str, which: &str| get(&format!("{p}.attention.self.{w}.{which}"));
            let qkv_weight = Tensor::f_cat(
                &[
                    part("query", "weight")?,
                    part("key", "weight")?,
                    part("value", "weight")?,
                ],
                0,
            )?;
            let qkv_bias = Tensor::f_cat(
                &[
                    part("query", "bias")?,
                    part("key", "bias")?,
                    part("value", "bias")?,
                ],
                0,
            )?;
            layers.push(Layer {
                qkv: Linear::new(qkv_weight, qkv_bias, precision)?,
                attention_out: linear(&format!("{p}.attention.output.dense"))?,
                attention_norm: norm(&format!("{p}.attention.output.LayerNorm"))?,
                intermediate: linear(&format!("{p}.intermediate.dense"))?,
                // The feed-forward output reads GELU activations, whose long
                // tail one int8 scale per tensor cannot cover: it costs 0.35
                // dev F1 in int8, so it stays f32 there.
                output: linear_at(&format!("{p}.output.dense"), unquantised)?,
                output_norm: norm(&format!("{p}.output.LayerNorm"))?,
            });
        }
        if config.num_attention_heads < 1 || config.hidden_size % config.num_attention_heads != 0 {
            return Err(Error::Invalid(format!(
                "hidden size {} is not a multiple of {} heads",
                config.hidden_size, config.num_attention_heads
            )));
        }
        // The classifier is tiny: keep it in the activations' kind.
        let classifier = if vars.contains_key("classifier.weight") {
            Some(linear_at("classifier", unquantised)?)
        } else {
            None
        };
        Ok(FastEncoder {
            precision,
            kind,
            word_embeddings: get("bert.embeddings.word_embeddings.weight")?,
            position_embeddings: get("bert.embeddings.position_embeddings.weight")?,
            token_type: get("bert.embeddings.token_type_embeddings.weight")?.f_get(0)?,
            casing: vars.get("casing.weight").map(Tensor::detach),
            // Embeddings are summed in f32; their norm's output is cast.
            embedding_norm: LayerNorm {
                weight: get("bert.embeddings.LayerNorm.weight")?,
                bias: get("bert.embeddings.LayerNorm.bias")?,
            },
            layers,
            classifier,
            heads: config.num_attention_heads,
            activation: config.hidden_act,
        })
    }

    /// The precision it computes at.
    pub(crate) fn precision(&self) -> Precision {
        self.precision
    }

    /// Logits `[batch, length, labels]` in f32, for `ids`, `mask` (1 for real
    /// sub-words) and casing classes `cases`, all `[batch, length]` int64.
    /// Call under `no_grad`.
    pub(crate) fn forward(&self, ids: &Tensor, mask: &Tensor, cases: &Tensor) -> Result<Tensor> {
        let h = self.hidden(ids, mask, Some(cases))?;
        let classifier = self
            .classifier
            .as_ref()
            .ok_or_else(|| Error::Invalid("the model has no classifier".into()))?;
        Ok(classifier.forward(&h)?.f_to_kind(Kind::Float)?)
    }

    /// The last layer's hidden states `[batch, length, hidden]`, in the
    /// precision's activation kind (bf16 or f32). `cases` is used when the
    /// model has a casing embedding. Call under `no_grad`.
    pub(crate) fn hidden(
        &self,
        ids: &Tensor,
        mask: &Tensor,
        cases: Option<&Tensor>,
    ) -> Result<Tensor> {
        let size = ids.size();
        let (batch, length) = match size.as_slice() {
            [b, l] => (*b, *l),
            _ => return Err(Error::Invalid(format!("ids of shape {size:?}, not 2-D"))),
        };
        let mut x = Tensor::f_embedding(&self.word_embeddings, ids, -1, false, false)?;
        if let (Some(casing), Some(cases)) = (&self.casing, cases) {
            x = x.f_add(&Tensor::f_embedding(casing, cases, -1, false, false)?)?;
        }
        let positions = self.position_embeddings.f_narrow(0, 0, length)?;
        x = x
            .f_add(&positions.f_unsqueeze(0)?)?
            .f_add(&self.token_type)?;
        let mut h = self.embedding_norm.forward(&x)?.f_to_kind(self.kind)?;
        // rust-bert's additive mask: 0 where attended, -10000 on padding.
        let additive = mask
            .f_to_kind(self.kind)?
            .f_sub_scalar(1.0)?
            .f_mul_scalar(10000.0)?
            .f_view([batch, 1, 1, length])?;
        let hidden = h.size()[2];
        let head_dim = hidden / self.heads;
        for layer in &self.layers {
            let qkv = layer
                .qkv
                .forward(&h)?
                .f_view([batch, length, 3, self.heads, head_dim])?
                .f_permute([2, 0, 3, 1, 4])?;
            let (q, k, v) = (qkv.f_get(0)?, qkv.f_get(1)?, qkv.f_get(2)?);
            let context = Tensor::f_scaled_dot_product_attention(
                &q,
                &k,
                &v,
                Some(&additive),
                0.0,
                false,
                None,
            )?
            .f_transpose(1, 2)?
            .f_reshape([batch, length, hidden])?;
            let attended = layer
                .attention_norm
                .forward(&layer.attention_out.forward(&context)?.f_add(&h)?)?;
            let inner = layer.intermediate.forward(&attended)?;
            let inner = match self.activation {
                Activation::gelu => inner.f_gelu("none")?,
                Activation::gelu_new => inner.f_gelu("tanh")?,
                other => (other.get_function().get_fn())(&inner),
            };
            h = layer
                .output_norm
                .forward(&layer.output.forward(&inner)?.f_add(&attended)?)?;
        }
        Ok(h)
    }
}

/// The variables of a var store by name (shallow copies sharing storage).
pub(crate) fn variables(vs: &nn::VarStore) -> HashMap<String, Tensor> {
    vs.variables().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use sitrep_text::{word_tokens, Span};
    use tch::{Kind, Tensor};

    use crate::batch::pad_batch;
    use crate::ner::build_jobs;
    use crate::{NerModel, Precision};

    /// Invented text: names, a long word, digits, punctuation, mixed case.
    const TEXT: &str = "Colonel Mara Velasquez of the Northern Rivers Authority told \
        reporters in Port Halden on Tuesday that 14 people were hurt when a \
        truck overturned near the Quillon Bridge. The ministry's spokesman, \
        Idris al-Fenwick, said McAllister-Ode Logistics had been fined twice \
        before. NATO and the UN said nothing.";

    fn model() -> NerModel {
        let dir = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/sitrep-ner-minilm"
        ));
        NerModel::load(&dir).expect("the shipped model loads")
    }

    /// A batch of two windows of different lengths (so one is padded).
    fn batch(m: &NerModel) -> (Tensor, Tensor, Tensor) {
        let short = "Mara Velasquez left Port Halden.";
        let texts = [TEXT, short];
        let words: Vec<Vec<Span>> = texts.iter().map(|t| word_tokens(t)).collect();
        let docs: Vec<(&str, &[Span])> = texts
            .iter()
            .zip(&words)
            .map(|(t, w)| (*t, w.as_slice()))
            .collect();
        let jobs = build_jobs(&m.tokenizer, 256, 64, &docs, None).unwrap();
        assert_eq!(jobs.len(), 2);
        let ids: Vec<&[i64]> = jobs.iter().map(|j| j.ids.as_slice()).collect();
        let cases: Vec<&[i64]> = jobs.iter().map(|j| j.cases.as_slice()).collect();
        let (ids, mask) = pad_batch(&ids, 0);
        let (cases, _) = pad_batch(&cases, 0);
        (ids, mask, cases)
    }

    /// Largest probability difference and share of same arg-max labels over
    /// the real (unpadded) positions.
    fn compare(a: &Tensor, b: &Tensor, mask: &Tensor) -> (f64, f64) {
        let keep = mask.view([-1]).to_kind(Kind::Bool);
        let n = a.size()[2];
        let pa = a
            .softmax(-1, Kind::Float)
            .view([-1, n])
            .index_select(0, &keep.nonzero().view([-1]));
        let pb = b
            .softmax(-1, Kind::Float)
            .view([-1, n])
            .index_select(0, &keep.nonzero().view([-1]));
        let diff = (&pa - &pb).abs().max().double_value(&[]);
        let same = pa
            .argmax(-1, false)
            .eq_tensor(&pb.argmax(-1, false))
            .to_kind(Kind::Float)
            .mean(Kind::Float)
            .double_value(&[]);
        (diff, same)
    }

    #[test]
    fn fast_path_matches_rust_bert() {
        let mut m = model();
        let (ids, mask, cases) = batch(&m);
        let reference = tch::no_grad(|| m.tagger.forward(&ids, &mask, &cases, false)).unwrap();
        let mut s = m.settings();
        let mut seen = Vec::new();
        for (precision, max_diff, min_same) in [
            (Precision::F32, 1e-4, 1.0),
            (Precision::Bf16, 0.1, 0.97),
            // One scale per weight matrix and per activation tensor is coarse.
            (Precision::Int8, 0.5, 0.95),
        ] {
            s.precision = precision;
            m.set_settings(s).unwrap();
            let fast = m.fast.as_ref().unwrap();
            assert_eq!(fast.precision(), precision);
            let logits = tch::no_grad(|| fast.forward(&ids, &mask, &cases)).unwrap();
            assert_eq!(logits.size(), reference.size());
            assert_eq!(logits.kind(), Kind::Float);
            let (diff, same) = compare(&logits, &reference, &mask);
            eprintln!("{precision}: max prob diff {diff:.2e}, same arg-max {same:.4}");
            assert!(
                diff <= max_diff,
                "{precision}: probabilities differ by {diff}"
            );
            assert!(same >= min_same, "{precision}: only {same} same labels");
            seen.push(logits);
        }
        // The precisions really differ from each other.
        assert!((&seen[0] - &seen[1]).abs().max().double_value(&[]) > 0.0);
        assert!((&seen[0] - &seen[2]).abs().max().double_value(&[]) > 0.0);
    }

    #[test]
    fn entities_agree_across_precisions() {
        let mut m = model();
        let mut s = m.settings();
        let mut found = Vec::new();
        for precision in Precision::ALL {
            s.precision = precision;
            m.set_settings(s).unwrap();
            let ents: Vec<(String, String)> = m.recognize(&[TEXT]).unwrap()[0]
                .iter()
                .map(|e| (e.label.clone(), TEXT[e.span.range()].to_owned()))
                .collect();
            for (label, name) in [
                ("PER", "Mara Velasquez"),
                ("LOC", "Port Halden"),
                ("ORG", "Northern Rivers Authority"),
            ] {
                assert!(
                    ents.iter().any(|(l, t)| l == label && t == name),
                    "{precision}: {name} ({label}) not in {ents:?}"
                );
            }
            found.push(ents);
        }
        let f32_ents = &found[0];
        for (p, ents) in Precision::ALL.iter().zip(&found).skip(1) {
            let shared = ents.iter().filter(|e| f32_ents.contains(e)).count();
            assert!(
                shared * 10 >= f32_ents.len() * 8,
                "{p}: only {shared} of {} f32 entities kept: {ents:?} vs {f32_ents:?}",
                f32_ents.len()
            );
        }
    }
}
