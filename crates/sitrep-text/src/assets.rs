//! Where the models and data folders that `scripts/setup.sh` installs are
//! found at run time, so that a program built from these crates in another
//! project finds them without any path fixed at its build.
//!
//! ```
//! use sitrep_text::assets::{find_asset, Asset};
//!
//! let encoder = Asset {
//!     what: "sentence encoder",
//!     env: "SITREP_EXAMPLE_ENCODER",
//!     prefix: "all-MiniLM-L6-v2-",
//!     fallback: "/nonexistent/.models/all-MiniLM-L6-v2",
//!     marker: "config.json",
//! };
//! std::env::set_var("SITREP_EXAMPLE_ENCODER", "/opt/models/minilm");
//! assert_eq!(find_asset(&encoder).unwrap(), std::path::Path::new("/opt/models/minilm"));
//! ```

use std::path::{Path, PathBuf};

/// A folder and the places it may be.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// What it is, for the error message ("gazetteer").
    pub what: &'static str,
    /// The environment variable that names it; when set, it wins.
    pub env: &'static str,
    /// The prefix of its versioned folders in the cache's `models/`
    /// (`"geonames-"`).
    pub prefix: &'static str,
    /// The last resort, typically in the source tree the crate was built
    /// from (the link `scripts/setup.sh` makes there).
    pub fallback: &'static str,
    /// A file every copy holds, checked in the fallback.
    pub marker: &'static str,
}

/// None of the places held the folder.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no {what} found (looked in {looked}); run scripts/setup.sh or set {env}")]
pub struct NotFound {
    /// What was looked for.
    pub what: &'static str,
    /// The environment variable that would name it.
    pub env: &'static str,
    /// The places looked in, comma-separated.
    pub looked: String,
}

/// The runtime cache `scripts/setup.sh` fills: `$SITREP_CACHE`, by default
/// `~/.cache/sitrep`.
#[must_use]
pub fn cache_dir() -> Option<PathBuf> {
    std::env::var_os("SITREP_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/sitrep")))
}

/// The folder: `$env` when set; else the newest complete `models/<prefix>*`
/// folder of the runtime cache ([`cache_dir`]; complete = holds the
/// `.complete` mark `scripts/setup.sh` writes last); else the fallback when
/// it holds the marker file.
///
/// # Errors
///
/// When none of these holds it.
pub fn find_asset(a: &Asset) -> Result<PathBuf, NotFound> {
    if let Some(d) = std::env::var_os(a.env) {
        return Ok(PathBuf::from(d));
    }
    let mut looked: Vec<String> = vec![format!("${}", a.env)];
    if let Some(cache) = cache_dir() {
        let models = cache.join("models");
        if let Some(p) = newest_complete(&models, a.prefix) {
            return Ok(p);
        }
        looked.push(models.join(format!("{}*", a.prefix)).display().to_string());
    }
    let fallback = PathBuf::from(a.fallback);
    if fallback.join(a.marker).is_file() {
        return Ok(fallback);
    }
    looked.push(fallback.display().to_string());
    Err(NotFound {
        what: a.what,
        env: a.env,
        looked: looked.join(", "),
    })
}

/// The most recently completed `<prefix>*` folder of `models`.
fn newest_complete(models: &Path, prefix: &str) -> Option<PathBuf> {
    let mut best: Option<(std::time::SystemTime, PathBuf)> = None;
    for e in std::fs::read_dir(models).ok()?.flatten() {
        let p = e.path();
        let ours = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix));
        if !ours {
            continue;
        }
        let Ok(meta) = std::fs::metadata(p.join(".complete")) else {
            continue;
        };
        let t = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        if best.as_ref().is_none_or(|(bt, _)| t > *bt) {
            best = Some((t, p));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_complete_folder_wins_and_incomplete_ones_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let models = dir.path();
        for (name, complete) in [
            ("enc-1", true),
            ("enc-2", true),
            ("enc-3", false),
            ("other-9", true),
        ] {
            std::fs::create_dir(models.join(name)).unwrap();
            if complete {
                std::fs::write(models.join(name).join(".complete"), "").unwrap();
                // Distinct modification times, in order.
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        assert_eq!(newest_complete(models, "enc-"), Some(models.join("enc-2")));
        assert_eq!(newest_complete(models, "none-"), None);
        assert_eq!(newest_complete(&models.join("missing"), "enc-"), None);
    }

    #[test]
    fn not_found_says_where_it_looked() {
        let a = Asset {
            what: "test table",
            env: "SITREP_TEST_ASSET_THAT_IS_NEVER_SET",
            prefix: "sitrep-test-asset-that-does-not-exist-",
            fallback: "/nonexistent/sitrep-test-asset",
            marker: "x.tsv",
        };
        let e = find_asset(&a).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("no test table found (looked in $SITREP_TEST_ASSET_THAT_IS_NEVER_SET"),
            "{msg}"
        );
        assert!(msg.contains("/nonexistent/sitrep-test-asset"), "{msg}");
        assert!(
            msg.ends_with("run scripts/setup.sh or set SITREP_TEST_ASSET_THAT_IS_NEVER_SET"),
            "{msg}"
        );
    }
}
