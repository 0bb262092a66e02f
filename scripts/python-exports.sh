#!/usr/bin/env bash
# The field's own readers for sitrep's exports: pandas for the CSVs, geopandas
# (with pyogrio, GDAL's reader) for the GeoJSON. Used only by
# scripts/roundtrip-exports.py and the test that runs it
# (crates/sitrep-cli/tests/roundtrip.rs); never at run time. Idempotent; lives
# in $SITREP_CACHE/pyexports-<key> (~150 MB). Prints the venv's python path on
# stdout; with --if-present prints it only when already installed (exit 1
# otherwise) and installs nothing.
set -euo pipefail
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
KEY="pd2.2.3-gpd1.0.1-pyogrio0.10.0-shapely2.0.6"
VENV="$CACHE/pyexports-$KEY"
if [[ "${1:-}" == "--if-present" ]]; then
    [[ -f "$VENV/.complete" ]] || exit 1
    echo "$VENV/bin/python"
    exit 0
fi
if [[ ! -f "$VENV/.complete" ]]; then
    echo "python-exports: installing pandas, geopandas, pyogrio, shapely into $VENV (~150 MB, once)" >&2
    rm -rf "$VENV"
    mkdir -p "$CACHE"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: \
        pandas==2.2.3 geopandas==1.0.1 pyogrio==0.10.0 shapely==2.0.6 >&2
    touch "$VENV/.complete"
fi
echo "$VENV/bin/python"
