//! Numeric precision of NER inference.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// How the encoder computes at inference time. Training always runs in f32
/// and the weights on disk are not changed; lower precisions are made from
/// them when a model is loaded or its settings change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// 32-bit floats throughout.
    F32,
    /// bfloat16 weights and activations (embeddings and the final softmax stay
    /// f32). Fast on CPUs with AMX or AVX512-BF16 (see
    /// [`Precision::native_bf16`]); elsewhere libtorch emulates it and it is
    /// slower than f32.
    Bf16,
    /// Dynamic int8 through FBGEMM: the weight matrices of the query/key/value,
    /// attention-output and feed-forward-input layers are quantised once to
    /// int8 (symmetric, one scale per matrix), their inputs per call (one
    /// scale per tensor). The feed-forward output layer (quantising its GELU
    /// inputs costs about 0.35 F1), attention, layer norms and the classifier
    /// stay f32. libtorch prints a deprecation warning for these FBGEMM calls
    /// once per process. Because an input scale covers a whole batch, a
    /// text's result can change slightly with the texts batched beside it
    /// (f32 and bf16 results do not).
    Int8,
}

impl Precision {
    /// Every precision: f32, bf16, int8.
    pub const ALL: [Precision; 3] = [Precision::F32, Precision::Bf16, Precision::Int8];

    /// The name used on command lines and in reports (`f32`, `bf16`, `int8`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Precision::F32 => "f32",
            Precision::Bf16 => "bf16",
            Precision::Int8 => "int8",
        }
    }

    /// Whether this CPU computes bfloat16 products natively (AMX-BF16 or
    /// AVX512-BF16 in `/proc/cpuinfo`, read once per process). Always false
    /// off Linux x86-64, where it is not checked.
    #[must_use]
    pub fn native_bf16() -> bool {
        static NATIVE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *NATIVE.get_or_init(|| {
            cfg!(all(target_os = "linux", target_arch = "x86_64"))
                && std::fs::read_to_string("/proc/cpuinfo")
                    .map(|info| cpu_flags_have_bf16(&info))
                    .unwrap_or(false)
        })
    }

    /// The precision [`crate::NerModel::load`] starts with: bf16 where the CPU
    /// has native bfloat16 products, else f32.
    #[must_use]
    pub fn recommended() -> Precision {
        if Precision::native_bf16() {
            Precision::Bf16
        } else {
            Precision::F32
        }
    }
}

/// Whether the `flags` lines of a `/proc/cpuinfo` text name AMX-BF16 or
/// AVX512-BF16.
fn cpu_flags_have_bf16(cpuinfo: &str) -> bool {
    cpuinfo
        .lines()
        .filter(|l| l.starts_with("flags"))
        .flat_map(|l| l.split_whitespace())
        .any(|f| f == "amx_bf16" || f == "avx512_bf16")
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Precision {
    type Err = Error;

    /// Parses `f32`, `bf16` or `int8` (also `fp32`, `float32`, `bfloat16`,
    /// `i8`, `qint8`), case-insensitively.
    fn from_str(s: &str) -> Result<Precision, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "f32" | "fp32" | "float32" => Ok(Precision::F32),
            "bf16" | "bfloat16" => Ok(Precision::Bf16),
            "int8" | "i8" | "qint8" => Ok(Precision::Int8),
            other => Err(Error::Invalid(format!(
                "precision {other:?} is not one of f32, bf16, int8"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_aliases_parse() {
        for p in Precision::ALL {
            assert_eq!(p.name().parse::<Precision>().unwrap(), p);
            assert_eq!(p.to_string(), p.name());
        }
        let rows = [
            ("FP32", Precision::F32),
            (" bfloat16 ", Precision::Bf16),
            ("qint8", Precision::Int8),
        ];
        for (text, want) in rows {
            assert_eq!(text.parse::<Precision>().unwrap(), want, "{text:?}");
        }
        assert!("f16".parse::<Precision>().is_err());
        assert!("".parse::<Precision>().is_err());
    }

    #[test]
    fn bf16_flags_are_read_from_flag_lines_only() {
        let rows = [
            ("flags\t\t: fpu avx512f amx_bf16 amx_tile\n", true),
            ("flags\t\t: fpu avx512f avx512_bf16\n", true),
            ("flags\t\t: fpu avx512f avx2\n", false),
            ("model name\t: avx512_bf16 lookalike\nflags\t: fpu\n", false),
            ("", false),
        ];
        for (info, want) in rows {
            assert_eq!(cpu_flags_have_bf16(info), want, "{info:?}");
        }
    }
}
