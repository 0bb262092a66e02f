//! The exports read back by the field's own tools: `scripts/roundtrip-exports.py`
//! reads `--format acled-csv` and `ucdp-csv` of the bundled corpus with pandas
//! and `--format geojson` with geopandas (GDAL's reader), and checks their
//! columns against the codebooks' lists, their types, row counts and values
//! against the JSON report. Skips with a printed reason when the Python
//! environment of `scripts/python-exports.sh` is not installed
//! (`scripts/test.sh` installs it).

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{root, sitrep, temp_dir};

/// `$SITREP_PY_EXPORTS`, else the venv `scripts/python-exports.sh` installed.
fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SITREP_PY_EXPORTS") {
        return Some(PathBuf::from(p));
    }
    let out = Command::new("bash")
        .arg(root().join("scripts/python-exports.sh"))
        .arg("--if-present")
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !path.trim().is_empty()).then(|| PathBuf::from(path.trim()))
}

#[test]
fn exports_read_back_with_pandas_and_geopandas() {
    let Some(py) = python() else {
        eprintln!(
            "skipping exports_read_back_with_pandas_and_geopandas: no pandas/geopandas \
             environment (run scripts/python-exports.sh, or set SITREP_PY_EXPORTS)"
        );
        return;
    };
    let dir = temp_dir("roundtrip");
    let mut paths = Vec::new();
    for format in ["acled-csv", "ucdp-csv", "geojson", "json"] {
        let path = dir.join(format!("corpus.{format}"));
        let out = sitrep(
            &[
                "run",
                "corpus/",
                "--format",
                format,
                "--quiet",
                "-o",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        paths.push(path);
    }
    let out = Command::new(&py)
        .arg(root().join("scripts/roundtrip-exports.py"))
        .args(&paths)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "round trip failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "acled-csv: 2 rows x 31 columns, codebook order",
        "ucdp-csv: 2 rows x 49 columns, codebook order",
        "geojson: 2 features (2 Points), CRS EPSG:4326",
    ] {
        assert!(stdout.contains(line), "{line:?} missing from:\n{stdout}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
