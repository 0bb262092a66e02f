#!/usr/bin/env bash
# Side-by-side web-page reading, documented in BENCHMARKS.md: sitrep's reader
# (`sitrep extract`, release build) against trafilatura 2.3.1,
# readability-lxml 0.9 and htmldate 1.11.0 (PyPI, pinned in
# scripts/bench/html-requirements.txt, venv of scripts/python-html.sh) and
# against the Rust ports rs-trafilatura 0.2.2, trafilatura 0.6.0 and
# dom_smoothie 0.11 (scripts/bench/rust-readers, built here outside the
# workspace), on the dev pages of ../shared/data/html (unpacked into the cache
# by scripts/html-pages.sh; never into the checkout). Prints one table: body
# 4-gram precision / recall / F1 (Zyte's metric), title and publication-day
# accuracy, pages skipped, pages per second (one thread each), on all pages
# and on the folds 3-4 that tuning never looks at.
#
# Settings (environment):
#   HTML_BENCH_SETS=dragnet,readability,htmldate   page sets
#   HTML_BENCH_TOOLS=sitrep,trafilatura,readability,htmldate,rust   tools
#   HTML_BENCH_DUMP=FILE   per-page results (JSON Lines, with each page's fold)
#   SITREP_DATA=../shared/data, SITREP_CACHE=~/.cache/sitrep
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PAGES="$(scripts/html-pages.sh)"
PY="$(scripts/python-html.sh)"
TOOLS="${HTML_BENCH_TOOLS:-sitrep,trafilatura,readability,htmldate,rust}"
scripts/setup.sh >&2
echo "bench-html: building sitrep (release)" >&2
cargo build --release --quiet -p sitrep-cli
SITREP="$ROOT/target/release/sitrep"
RUST_ARGS=()
if [[ ",$TOOLS," == *",rust,"* ]]; then
    echo "bench-html: building the Rust readers (scripts/bench/rust-readers)" >&2
    RUST_TARGET="${SITREP_CACHE:-$HOME/.cache/sitrep}/rust-readers-target"
    CARGO_TARGET_DIR="$RUST_TARGET" cargo build --release --quiet \
        --manifest-path scripts/bench/rust-readers/Cargo.toml
    RUST_ARGS=(--rust-readers "$RUST_TARGET/release/rust-readers")
fi
DUMP_ARGS=()
[[ -n "${HTML_BENCH_DUMP:-}" ]] && DUMP_ARGS=(--dump "$HTML_BENCH_DUMP")
lscpu 2>/dev/null | grep -E "^(Model name|CPU\(s\))" >&2 || true
exec "$PY" scripts/bench/read_pages.py --pages "$PAGES" --sitrep "$SITREP" \
    --tools "$TOOLS" --sets "${HTML_BENCH_SETS:-dragnet,readability,htmldate}" \
    "${RUST_ARGS[@]}" "${DUMP_ARGS[@]}"
