//! The encoder's arithmetic: FLOPs per position and per attention pair, and
//! the measured matrix-product throughput of this CPU at the encoder's
//! shapes (`sitrep-bench matmul`).

use std::path::Path;
use std::time::Instant;

use serde_json::{json, Value};
use sitrep_ner::{EncoderConfig, ModelFolder};
use tch::{Device, Kind, Scalar, Tensor};

type Error = Box<dyn std::error::Error>;

/// Encoder FLOPs: per position (the linear layers and classifier) and per
/// query–key pair (attention scores and weighted sum, all layers).
pub(crate) fn flops_model(config: &EncoderConfig) -> (f64, f64) {
    let b = &config.bert;
    let (h, i, l) = (
        b.hidden_size as f64,
        b.intermediate_size as f64,
        b.num_hidden_layers as f64,
    );
    let labels = config.labels.len() as f64;
    let per_position = l * 2.0 * (4.0 * h * h + 2.0 * h * i) + 2.0 * h * labels;
    let per_pair = l * 4.0 * h;
    (per_position, per_pair)
}

/// Mean seconds per call of `f`, timed for about `budget` seconds after a
/// warm-up; the best of three such rounds.
fn time_it(budget: f64, mut f: impl FnMut() -> Result<(), Error>) -> Result<f64, Error> {
    f()?;
    f()?;
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        let mut n = 0u32;
        while started.elapsed().as_secs_f64() < budget / 3.0 || n == 0 {
            f()?;
            n += 1;
        }
        best = best.min(started.elapsed().as_secs_f64() / f64::from(n));
    }
    Ok(best)
}

pub(crate) fn matmul(model: &Path, batch: i64, length: i64, seconds: f64) -> Result<Value, Error> {
    let config = ModelFolder::open(model)?.config()?;
    let (h, i, heads) = (
        config.bert.hidden_size,
        config.bert.intermediate_size,
        config.bert.num_attention_heads,
    );
    let d = h / heads;
    let m = batch * length;
    let cpu = |k: Kind| (k, Device::Cpu);
    let mut rows = Vec::new();
    let mut peak = serde_json::Map::new();
    let linears = [
        ("qkv", h, 3 * h),
        ("attention_out", h, h),
        ("ffn_up", h, i),
        ("ffn_down", i, h),
    ];
    for (kind, name) in [(Kind::Float, "f32"), (Kind::BFloat16, "bf16")] {
        let mut best: f64 = 0.0;
        for (what, k, n) in linears {
            let x = Tensor::f_randn([m, k], cpu(kind))?;
            let w = Tensor::f_randn([n, k], cpu(kind))?.f_mul_scalar(0.05)?;
            let b = Tensor::f_zeros([n], cpu(kind))?;
            let s = time_it(seconds, || {
                let _ = x.f_linear(&w, Some(&b))?;
                Ok(())
            })?;
            let gflops = 2.0 * (m * k * n) as f64 / s / 1e9;
            best = best.max(gflops);
            rows.push(json!({"op": what, "precision": name, "shape": format!("[{m},{k}]x[{k},{n}]"), "gflops": gflops}));
        }
        peak.insert(name.to_owned(), json!(best));
        let bh = batch * heads;
        let q = Tensor::f_randn([bh, length, d], cpu(kind))?;
        let kt = Tensor::f_randn([bh, d, length], cpu(kind))?;
        let p = Tensor::f_randn([bh, length, length], cpu(kind))?;
        let v = Tensor::f_randn([bh, length, d], cpu(kind))?;
        let pair_flops = 2.0 * (bh * length * length * d) as f64;
        let s = time_it(seconds, || {
            let _ = q.f_bmm(&kt)?;
            Ok(())
        })?;
        rows.push(json!({"op": "attention_scores_bmm", "precision": name,
            "shape": format!("[{bh},{length},{d}]x[{bh},{d},{length}]"), "gflops": pair_flops / s / 1e9}));
        let s = time_it(seconds, || {
            let _ = p.f_bmm(&v)?;
            Ok(())
        })?;
        rows.push(json!({"op": "attention_context_bmm", "precision": name,
            "shape": format!("[{bh},{length},{length}]x[{bh},{length},{d}]"), "gflops": pair_flops / s / 1e9}));
        let q4 = Tensor::f_randn([batch, heads, length, d], cpu(kind))?;
        let mask = Tensor::f_zeros([batch, 1, 1, length], cpu(kind))?;
        let s = time_it(seconds, || {
            let _ = Tensor::f_scaled_dot_product_attention(
                &q4,
                &q4,
                &q4,
                Some(&mask),
                0.0,
                false,
                None,
            )?;
            Ok(())
        })?;
        rows.push(json!({"op": "fused_attention_sdpa", "precision": name,
            "shape": format!("[{batch},{heads},{length},{d}] masked"), "gflops": 2.0 * pair_flops / s / 1e9}));
    }
    let mut best: f64 = 0.0;
    for (what, k, n) in linears {
        let x = Tensor::f_randn([m, k], cpu(Kind::Float))?;
        let w = Tensor::f_randn([n, k], cpu(Kind::Float))?.f_mul_scalar(0.05)?;
        let scale = w.f_abs()?.f_max()?.f_double_value(&[])? / 127.0;
        let q = w
            .f_div_scalar(scale)?
            .f_round()?
            .f_clamp(-127.0, 127.0)?
            .f_to_kind(Kind::Int8)?;
        let col = q
            .f_to_kind(Kind::Int)?
            .f_sum_dim_intlist(1, false, Kind::Int)?;
        let packed = q.f_fbgemm_pack_quantized_matrix()?;
        let b = Tensor::f_zeros([n], cpu(Kind::Float))?;
        let s = time_it(seconds, || {
            let _ = x.f_fbgemm_linear_int8_weight_fp32_activation(
                &q,
                &packed,
                &col,
                Scalar::float(scale),
                Scalar::int(0),
                &b,
            )?;
            Ok(())
        })?;
        let gops = 2.0 * (m * k * n) as f64 / s / 1e9;
        best = best.max(gops);
        rows.push(json!({"op": what, "precision": "int8", "shape": format!("[{m},{k}]x[{k},{n}]"), "gflops": gops}));
    }
    peak.insert("int8".to_owned(), json!(best));
    let (per_position, per_pair) = flops_model(&config);
    Ok(json!({
        "threads": tch::get_num_threads(),
        "rows": rows,
        "peak_linear_gflops": peak,
        "encoder_mflop_per_position": per_position / 1e6,
        "encoder_kflop_per_attention_pair": per_pair / 1e3,
    }))
}
