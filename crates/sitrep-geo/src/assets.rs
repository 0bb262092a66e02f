//! Where the data folders `scripts/setup.sh` installs are found at run time
//! ([`sitrep_text::assets`]), with this crate's error.

use std::path::PathBuf;

pub(crate) use sitrep_text::assets::Asset;

use crate::error::{ErrorKind, Result};

/// The folder: `$env`, else the newest complete copy in the runtime cache,
/// else the source tree's link ([`sitrep_text::assets::find_asset`]).
pub(crate) fn asset_dir(a: &Asset) -> Result<PathBuf> {
    sitrep_text::assets::find_asset(a).map_err(|e| {
        ErrorKind::NotFound {
            what: e.what,
            env: e.env,
            looked: e.looked,
        }
        .into()
    })
}
