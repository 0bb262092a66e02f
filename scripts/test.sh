#!/usr/bin/env bash
# Everything CI checks, from a fresh checkout: runtime set-up (cached), format,
# lints, and the whole test suite (tests reading ../shared/data skip with a
# printed reason when it is absent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
# Headless Chromium for the HTML report test (crates/sitrep-cli/tests/browser.rs);
# without it that test skips with a printed reason.
scripts/setup-chromium.sh
# pandas and geopandas for the exports' round trip (crates/sitrep-cli/tests/roundtrip.rs);
# without them that test skips with a printed reason.
scripts/python-exports.sh >/dev/null || echo "test: no pandas/geopandas environment; the round-trip test will skip" >&2
echo "== cargo fmt --check" >&2
cargo fmt --all --check
echo "== sitrep-text lean core: builds without features; sitrep-numbers pulls in no tokenizers/html5ever/scraper" >&2
cargo check -p sitrep-text --no-default-features --quiet; lean="$(cargo tree -p sitrep-numbers -e normal)"; if grep -E ' (tokenizers|html5ever|scraper) v' <<<"$lean"; then echo "test: sitrep-numbers depends on the above; sitrep-text's html/subwords features leaked" >&2; exit 1; fi
echo "== no source file over 600 lines outside its tests; no module cycles within a crate" >&2
scripts/check-sizes.sh
if command -v python3 >/dev/null; then python3 scripts/check-cycles.py crates; else echo "test: no python3; module-cycle check skipped" >&2; fi
echo "== cargo clippy -D warnings" >&2
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test" >&2
cargo test --workspace
echo "== the library from another project (examples/outside, built outside this checkout with the README's steps)" >&2
scripts/test-outside.sh
