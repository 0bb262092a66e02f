//! Constrained decoding of word-label distributions: the tag scheme a label
//! set implies, the label transitions it allows, and the most probable
//! allowed label sequence (Viterbi).

use crate::tags::TagScheme;

/// The label a word received.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordTag {
    /// Index into the model's labels.
    pub label: usize,
    /// Probability of that label.
    pub prob: f32,
}

/// The tag scheme a label set implies: BIOES when it has `E-`/`S-` labels,
/// else IOB (IOB1 and IOB2 decode alike).
pub(crate) fn scheme_of(labels: &[String]) -> TagScheme {
    if labels.iter().any(|l| {
        l.starts_with("E-") || l.starts_with("S-") || l.starts_with("L-") || l.starts_with("U-")
    }) {
        TagScheme::Bioes
    } else {
        TagScheme::Iob2
    }
}

/// Allowed label transitions for constrained decoding: `allowed[prev][cur]`,
/// with row `labels.len()` for the document start. For IOB2 an `I-X` may only
/// follow `B-X` or `I-X`; for BIOES `I-X`/`E-X` only follow `B-X`/`I-X`, and
/// `B-`, `S-`, `O` only follow `O`, `E-`, `S-` or the start. Unknown schemes
/// allow everything.
pub(crate) fn transitions(labels: &[String], scheme: TagScheme) -> Vec<Vec<bool>> {
    use crate::tags::{parse_label, TagPrefix as P};
    let n = labels.len();
    let parsed: Vec<(P, &str)> = labels.iter().map(|l| parse_label(l)).collect();
    let mut allowed = vec![vec![true; n]; n + 1];
    for (prev, row) in allowed.iter_mut().enumerate() {
        let p = parsed.get(prev).copied(); // None: start
        for (cur, ok) in row.iter_mut().enumerate() {
            let (cp, ct) = parsed[cur];
            *ok = match scheme {
                TagScheme::Iob2 => match cp {
                    P::I => matches!(p, Some((P::B | P::I, t)) if t == ct),
                    _ => true,
                },
                TagScheme::Bioes => {
                    let inside = matches!(p, Some((P::B | P::I, _)));
                    match cp {
                        P::I | P::E => matches!(p, Some((P::B | P::I, t)) if t == ct),
                        _ => !inside,
                    }
                }
                TagScheme::Iob1 => true,
            };
        }
    }
    allowed
}

/// The most probable label sequence under the allowed transitions (Viterbi
/// over log-probabilities); falls back to per-word argmax if no sequence is
/// allowed. `dists` holds `n_labels` probabilities per word.
pub(crate) fn decode_words(dists: &[f32], n_labels: usize, allowed: &[Vec<bool>]) -> Vec<WordTag> {
    let n_words = dists.len().checked_div(n_labels).unwrap_or(0);
    if n_words == 0 {
        return Vec::new();
    }
    let lp = |w: usize, l: usize| f64::from(dists[w * n_labels + l].max(1e-12)).ln();
    let mut score = vec![f64::NEG_INFINITY; n_labels];
    for (l, s) in score.iter_mut().enumerate() {
        if allowed[n_labels][l] {
            *s = lp(0, l);
        }
    }
    let mut back = vec![0u16; n_words * n_labels];
    for w in 1..n_words {
        let mut next = vec![f64::NEG_INFINITY; n_labels];
        for (cur, nx) in next.iter_mut().enumerate() {
            let mut best = (f64::NEG_INFINITY, 0usize);
            for (prev, &ps) in score.iter().enumerate() {
                if allowed[prev][cur] && ps > best.0 {
                    best = (ps, prev);
                }
            }
            if best.0 > f64::NEG_INFINITY {
                *nx = best.0 + lp(w, cur);
                back[w * n_labels + cur] = best.1 as u16;
            }
        }
        score = next;
    }
    let argmax = |xs: &[f32]| {
        xs.iter()
            .enumerate()
            .fold((0, f32::MIN), |b, (i, &v)| if v > b.1 { (i, v) } else { b })
            .0
    };
    let Some((mut last, _)) = score
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_finite())
        .fold(None, |b: Option<(usize, f64)>, (i, &s)| {
            if b.is_none_or(|(_, bs)| s > bs) {
                Some((i, s))
            } else {
                b
            }
        })
    else {
        return (0..n_words)
            .map(|w| {
                let row = &dists[w * n_labels..(w + 1) * n_labels];
                let l = argmax(row);
                WordTag {
                    label: l,
                    prob: row[l],
                }
            })
            .collect();
    };
    let mut labels = vec![0usize; n_words];
    for w in (0..n_words).rev() {
        labels[w] = last;
        if w > 0 {
            last = back[w * n_labels + last] as usize;
        }
    }
    labels
        .iter()
        .enumerate()
        .map(|(w, &l)| WordTag {
            label: l,
            prob: dists[w * n_labels + l],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    }

    #[test]
    fn viterbi_repairs_type_switches_inside_a_name() {
        let l = labels();
        let allowed = transitions(&l, TagScheme::Iob2);
        // Word 1 leans I-LOC after a B-PER word: argmax would split the name.
        let dists = [
            0.05, 0.40, 0.0, 0.55, 0.0, // Jassim: B-PER
            0.05, 0.0, 0.50, 0.0, 0.45, // Al-Mazrouei: I-LOC > I-PER
        ];
        let tags = decode_words(&dists, 5, &allowed);
        let names: Vec<&str> = tags.iter().map(|t| l[t.label].as_str()).collect();
        assert!(
            names == ["B-PER", "I-PER"] || names == ["B-LOC", "I-LOC"],
            "{names:?}"
        );
        // An I- at the start is never chosen.
        let tags = decode_words(&[0.3, 0.0, 0.7, 0.0, 0.0], 5, &allowed);
        assert_ne!(l[tags[0].label], "I-LOC");
    }

    #[test]
    fn bioes_and_iob2_tables() {
        let l: Vec<String> = ["O", "B-X", "I-X", "E-X", "S-X"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let a = transitions(&l, TagScheme::Bioes);
        assert!(!a[0][2] && a[1][2] && a[1][3] && !a[1][0] && a[3][0] && a[4][1] && !a[5][3]);
        assert!(decode_words(&[], 5, &a).is_empty());
    }
}
