//! Where the data folders `scripts/setup.sh` installs are found at run time.

use std::path::{Path, PathBuf};

use crate::error::{ErrorKind, Result};

/// A data folder and the places it may be.
pub(crate) struct Asset {
    /// What it is, for the error message.
    pub what: &'static str,
    /// The environment variable that names it.
    pub env: &'static str,
    /// The prefix of its versioned folders in the cache's `models/`.
    pub prefix: &'static str,
    /// The link in the source tree this was built from.
    pub link: &'static str,
    /// A file every copy holds.
    pub marker: &'static str,
}

/// The folder: `$env` when set; else the newest complete `models/<prefix>*`
/// folder of the runtime cache (`$SITREP_CACHE`, by default
/// `~/.cache/sitrep`); else the source tree's link.
pub(crate) fn asset_dir(a: &Asset) -> Result<PathBuf> {
    if let Some(d) = std::env::var_os(a.env) {
        return Ok(PathBuf::from(d));
    }
    let mut looked: Vec<String> = vec![format!("${}", a.env)];
    let cache = std::env::var_os("SITREP_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/sitrep")));
    if let Some(cache) = cache {
        let models = cache.join("models");
        let mut best: Option<(std::time::SystemTime, PathBuf)> = None;
        if let Ok(rd) = std::fs::read_dir(&models) {
            for e in rd.flatten() {
                let p = e.path();
                let ours = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(a.prefix));
                let Ok(meta) = std::fs::metadata(p.join(".complete")) else {
                    continue;
                };
                let t = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
                if ours && best.as_ref().is_none_or(|(bt, _)| t > *bt) {
                    best = Some((t, p));
                }
            }
        }
        if let Some((_, p)) = best {
            return Ok(p);
        }
        looked.push(models.join(format!("{}*", a.prefix)).display().to_string());
    }
    let link = PathBuf::from(a.link);
    if link.join(a.marker).is_file() {
        return Ok(link);
    }
    looked.push(link.display().to_string());
    Err(ErrorKind::NotFound {
        what: a.what,
        env: a.env,
        looked: looked.join(", "),
    }
    .into())
}
