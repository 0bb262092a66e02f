//! Padded batches of id sequences for the encoder.

use tch::{Kind, Tensor};

/// Builds `(input_ids, attention_mask)` tensors of shape `[n, max_len]` from
/// sequences of ids, padding with `pad_id`. Sequences must be non-empty.
pub(crate) fn pad_batch(seqs: &[&[i64]], pad_id: i64) -> (Tensor, Tensor) {
    let n = seqs.len();
    let width = seqs.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut ids = vec![pad_id; n * width];
    let mut mask = vec![0i64; n * width];
    for (i, s) in seqs.iter().enumerate() {
        ids[i * width..i * width + s.len()].copy_from_slice(s);
        mask[i * width..i * width + s.len()].fill(1);
    }
    let shape = [n as i64, width as i64];
    (
        Tensor::from_slice(&ids).view(shape),
        Tensor::from_slice(&mask).view(shape).to_kind(Kind::Int64),
    )
}

/// Groups item indices, sorted by `len` (longest first, ties by index), into
/// batches of at most `max_items` items and at most `max_tokens` padded
/// tokens. Sorting by length keeps padding small; the order is deterministic.
pub(crate) fn length_sorted_batches(
    lens: &[usize],
    max_items: usize,
    max_tokens: usize,
) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lens.len()).collect();
    order.sort_by(|&a, &b| lens[b].cmp(&lens[a]).then(a.cmp(&b)));
    let mut batches = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut cur_width = 0;
    for i in order {
        let width = cur_width.max(lens[i]);
        if !cur.is_empty()
            && (cur.len() >= max_items.max(1) || width * (cur.len() + 1) > max_tokens)
        {
            batches.push(std::mem::take(&mut cur));
            cur_width = 0;
        }
        cur_width = cur_width.max(lens[i]);
        cur.push(i);
    }
    if !cur.is_empty() {
        batches.push(cur);
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_cover_all_items_once_and_respect_limits() {
        let lens = [5, 100, 3, 50, 50, 7, 1, 99];
        let batches = length_sorted_batches(&lens, 3, 200);
        let mut seen: Vec<usize> = batches.iter().flatten().copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..lens.len()).collect::<Vec<_>>());
        for b in &batches {
            assert!(b.len() <= 3);
            let w = b.iter().map(|&i| lens[i]).max().unwrap();
            assert!(w * b.len() <= 200 || b.len() == 1);
        }
        assert_eq!(batches[0], vec![1, 7]);
    }

    #[test]
    fn pads_with_mask() {
        let a = [1i64, 2, 3];
        let b = [4i64];
        let (ids, mask) = pad_batch(&[&a, &b], 0);
        assert_eq!(ids.size(), vec![2, 3]);
        let ids: Vec<i64> = Vec::try_from(ids.view([-1])).unwrap();
        let mask: Vec<i64> = Vec::try_from(mask.view([-1])).unwrap();
        assert_eq!(ids, vec![1, 2, 3, 4, 0, 0]);
        assert_eq!(mask, vec![1, 1, 1, 1, 0, 0]);
    }
}
