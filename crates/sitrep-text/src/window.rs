//! Overlapping windows over a long token sequence, with single ownership.

use crate::error::{Error, Result};

/// One window over a token sequence: it covers tokens `start..end` and *owns*
/// `owned_start..owned_end`, the tokens for which its predictions are used.
/// Owned ranges of consecutive windows tile the sequence exactly, so every
/// token is owned by exactly one window; each overlap is split at its middle,
/// so a token is owned by the window in which it sits most centrally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First token covered.
    pub start: usize,
    /// One past the last token covered.
    pub end: usize,
    /// First token owned.
    pub owned_start: usize,
    /// One past the last token owned.
    pub owned_end: usize,
}

/// Splits `len` tokens into windows of at most `size` tokens that overlap by
/// `overlap` tokens (the last window is moved back to be full-length when the
/// sequence is longer than `size`). An empty sequence gives no windows.
///
/// ```
/// let w = sitrep_text::windows(10, 4, 2).unwrap();
/// assert_eq!(w.first().map(|w| (w.start, w.end)), Some((0, 4)));
/// let owned: usize = w.iter().map(|w| w.owned_end - w.owned_start).sum();
/// assert_eq!(owned, 10);
/// ```
///
/// # Errors
///
/// When `size` is 0 or `overlap >= size`.
pub fn windows(len: usize, size: usize, overlap: usize) -> Result<Vec<Window>> {
    if size == 0 {
        return Err(Error::Window("window size must be positive".into()));
    }
    if overlap >= size {
        return Err(Error::Window(format!(
            "overlap {overlap} must be smaller than window size {size}"
        )));
    }
    if len == 0 {
        return Ok(Vec::new());
    }
    let step = size - overlap;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + size).min(len);
        if end == len {
            // Last window: pull it back to full length for more context.
            let s = len.saturating_sub(size);
            let s = match spans.last() {
                Some(&(prev_start, _)) => s.max(prev_start + 1),
                None => s,
            };
            spans.push((s.min(start), len));
            break;
        }
        spans.push((start, end));
        start += step;
    }
    let mut out: Vec<Window> = spans
        .iter()
        .map(|&(s, e)| Window {
            start: s,
            end: e,
            owned_start: s,
            owned_end: e,
        })
        .collect();
    for i in 1..out.len() {
        let (prev_end, next_start) = (out[i - 1].end, out[i].start);
        // Overlap is next_start..prev_end; cut it in the middle.
        let cut = if next_start < prev_end {
            next_start + (prev_end - next_start) / 2
        } else {
            next_start
        };
        out[i - 1].owned_end = cut;
        out[i].owned_start = cut;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(len: usize, size: usize, overlap: usize) {
        let ws = windows(len, size, overlap).unwrap();
        let mut owner = vec![0u32; len];
        let mut prev_owned_end = 0;
        for w in &ws {
            assert!(w.start <= w.owned_start && w.owned_end <= w.end, "{w:?}");
            assert!(w.end - w.start <= size);
            assert_eq!(w.owned_start, prev_owned_end, "owned ranges tile");
            prev_owned_end = w.owned_end;
            for o in &mut owner[w.owned_start..w.owned_end] {
                *o += 1;
            }
        }
        assert!(
            owner.iter().all(|&n| n == 1),
            "len {len} size {size} overlap {overlap}"
        );
        // Each owned token has at least min(overlap/2, available) context on both sides.
        for w in &ws {
            for t in w.owned_start..w.owned_end {
                let left = t - w.start;
                let right = w.end - t - 1;
                let need = overlap / 2;
                assert!(
                    left >= need.min(t) || left >= need.saturating_sub(1),
                    "left ctx at {t}"
                );
                assert!(
                    right + 1 >= need.min(len - t) || right >= need.saturating_sub(1),
                    "right ctx at {t}"
                );
            }
        }
    }

    #[test]
    fn every_token_owned_once() {
        let rows = [
            (0, 4, 1),
            (1, 4, 1),
            (3, 4, 1),
            (4, 4, 1),
            (5, 4, 1),
            (10, 4, 2),
            (100, 16, 8),
            (1000, 254, 64),
            (255, 254, 64),
            (3000, 510, 128),
        ];
        for (len, size, overlap) in rows {
            check(len, size, overlap);
        }
        for len in 0..200 {
            check(len, 17, 5);
        }
    }

    #[test]
    fn rejects_bad_parameters() {
        assert!(windows(10, 0, 0).is_err());
        assert!(windows(10, 4, 4).is_err());
    }
}
