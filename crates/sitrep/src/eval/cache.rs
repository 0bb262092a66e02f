//! Model outputs kept on disk between evaluation runs.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sitrep_text::InputItem;

use crate::error::{DocumentError, DocumentResult, Error, Result};
use crate::pipeline::{Analysis, Pipeline};

/// Per-document analyses kept on disk so that the event stage can be
/// re-scored without re-running the models. Entries are keyed by id and a
/// hash of the text; a changed document is analysed again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnalysisCache {
    entries: BTreeMap<String, (u64, Analysis)>,
}

fn text_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl AnalysisCache {
    /// Loads a cache file; a missing file is an empty cache.
    ///
    /// # Errors
    ///
    /// When the file exists but cannot be read or parsed.
    pub fn load(path: &Path) -> Result<AnalysisCache> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(Error::Serialize),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AnalysisCache::default()),
            Err(source) => Err(Error::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Writes the cache file.
    ///
    /// # Errors
    ///
    /// When it cannot be written.
    pub fn save(&self, path: &Path) -> Result<()> {
        let bytes = serde_json::to_vec(self).map_err(Error::Serialize)?;
        std::fs::write(path, bytes).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })
    }

    /// The analyses of `items`, running `pipeline` on those not cached.
    pub fn analyze(
        &mut self,
        pipeline: &Pipeline,
        items: &[InputItem],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Vec<DocumentResult> {
        let hit = |i: &InputItem| match i {
            InputItem::Document(d) => self
                .entries
                .get(&d.id)
                .filter(|(h, _)| *h == text_hash(&d.text))
                .map(|(_, a)| a.clone()),
            InputItem::Skipped(_) => None,
        };
        let cached: Vec<Option<Analysis>> = items.iter().map(hit).collect();
        let missing: Vec<InputItem> = items
            .iter()
            .zip(&cached)
            .filter(|(i, c)| c.is_none() && matches!(i, InputItem::Document(_)))
            .map(|(i, _)| i.clone())
            .collect();
        let fresh = pipeline.analyze_documents(&missing, progress);
        for (i, a) in missing.iter().zip(&fresh) {
            if let (InputItem::Document(d), Ok(a)) = (i, a) {
                self.entries
                    .insert(d.id.clone(), (text_hash(&d.text), a.clone()));
            }
        }
        let mut fresh = fresh.into_iter();
        items
            .iter()
            .zip(cached)
            .map(|(i, c)| match (i, c) {
                (_, Some(a)) => Ok(a),
                (InputItem::Document(_), None) => fresh.next().unwrap_or_else(|| {
                    Err(DocumentError::Skipped {
                        reason: "not processed".into(),
                    })
                }),
                (InputItem::Skipped(s), None) => Err(DocumentError::Skipped {
                    reason: s.reason.clone(),
                }),
            })
            .collect()
    }
}
