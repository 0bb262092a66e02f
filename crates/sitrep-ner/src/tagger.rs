//! The token-classification network: a BERT encoder, an optional casing
//! embedding added to its input embeddings, and a linear classifier.

use rust_bert::bert::{BertConfig, BertEmbeddings, BertModel};
use tch::nn::{self, Module};
use tch::Tensor;

use crate::error::{Error, Result};

/// Number of casing classes (see [`casing_class`]).
pub(crate) const CASING_CLASSES: i64 = 8;

/// The casing class of a word, fed to cased-aware taggers because uncased
/// encoders lose capitalisation: 0 special token, 1 lower case, 2 capitalised
/// (`Ryder`, `I`), 3 all capitals with 2+ letters (`ISIS`, `U.S.`), 4 other
/// mixed case (`McDonald`, `iPhone`), 5 digits without letters, 6 letters and
/// digits, 7 neither letters nor digits (punctuation, symbols).
#[must_use]
pub(crate) fn casing_class(word: &str) -> i64 {
    let (mut upper, mut lower, mut digits) = (0usize, 0usize, 0usize);
    let mut first_alpha_upper = None;
    let mut later_upper = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            let up = c.is_uppercase();
            match first_alpha_upper {
                None => first_alpha_upper = Some(up),
                Some(_) => later_upper |= up,
            }
            if up {
                upper += 1;
            } else {
                lower += 1;
            }
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    let letters = upper + lower;
    match (letters, digits) {
        (0, 0) => 7,
        (0, _) => 5,
        (_, d) if d > 0 => 6,
        _ if upper == 0 => 1,
        _ if lower == 0 && letters >= 2 => 3,
        _ if first_alpha_upper == Some(true) && !later_upper => 2,
        _ => 4,
    }
}

/// The network. Variables: `bert.*` (the encoder), `casing.weight` (when
/// casing is on), `classifier.{weight,bias}`.
pub(crate) struct Tagger {
    bert: BertModel<BertEmbeddings>,
    word_embeddings: Tensor,
    casing: Option<nn::Embedding>,
    classifier: nn::Linear,
    dropout: f64,
}

impl Tagger {
    /// Builds the network's variables in `vs` (values are loaded afterwards).
    /// The casing embedding starts at zero, so an untrained casing input
    /// leaves the encoder exactly as pretrained.
    pub(crate) fn new(
        vs: &nn::VarStore,
        config: &BertConfig,
        n_labels: i64,
        casing: bool,
    ) -> Result<Tagger> {
        if n_labels < 1 {
            return Err(Error::Invalid("a tagger needs at least one label".into()));
        }
        let root = vs.root();
        let bert =
            BertModel::<BertEmbeddings>::new_with_optional_pooler(&root / "bert", config, false);
        let word_embeddings = vs
            .variables()
            .get("bert.embeddings.word_embeddings.weight")
            .map(Tensor::shallow_clone)
            .ok_or_else(|| Error::Invalid("encoder has no word embeddings".into()))?;
        let casing = casing.then(|| {
            nn::embedding(
                &root / "casing",
                CASING_CLASSES,
                config.hidden_size,
                nn::EmbeddingConfig {
                    ws_init: nn::Init::Const(0.0),
                    ..Default::default()
                },
            )
        });
        let classifier = nn::linear(
            &root / "classifier",
            config.hidden_size,
            n_labels,
            Default::default(),
        );
        Ok(Tagger {
            bert,
            word_embeddings,
            casing,
            classifier,
            dropout: config.hidden_dropout_prob,
        })
    }

    /// Logits `[batch, length, labels]`.
    pub(crate) fn forward(
        &self,
        ids: &Tensor,
        mask: &Tensor,
        cases: &Tensor,
        train: bool,
    ) -> Result<Tensor> {
        let out = match &self.casing {
            Some(casing) => {
                let embeds = Tensor::embedding(&self.word_embeddings, ids, -1, false, false)
                    + casing.forward(cases);
                self.bert.forward_t(
                    None,
                    Some(mask),
                    None,
                    None,
                    Some(&embeds),
                    None,
                    None,
                    train,
                )?
            }
            None => {
                self.bert
                    .forward_t(Some(ids), Some(mask), None, None, None, None, None, train)?
            }
        };
        Ok(out
            .hidden_state
            .dropout(self.dropout, train)
            .apply(&self.classifier))
    }
}

#[cfg(test)]
mod tests {
    use super::casing_class;

    #[test]
    fn casing_classes() {
        let rows = [
            ("ryder", 1),
            ("Ryder", 2),
            ("I", 2),
            ("ISIS", 3),
            ("U.S.", 3),
            ("McDonald", 4),
            ("iPhone", 4),
            ("2,500", 5),
            ("F-16", 6),
            ("—", 7),
            ("", 7),
            ("Zürich", 2),
            ("al-Mazrouei", 4),
        ];
        for (w, want) in rows {
            assert_eq!(casing_class(w), want, "{w:?}");
        }
    }
}
