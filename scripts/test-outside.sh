#!/usr/bin/env bash
# Builds and runs examples/outside as a new user's project would be: a copy
# outside this checkout (so this workspace's .cargo/config.toml does not
# apply), its path dependencies pointed at this checkout, and only the
# README's steps: `scripts/setup.sh --env >> .cargo/config.toml`, then
# `cargo run`. Fails unless it finds the events of corpus/.
#
# Its build directory is $SITREP_CACHE/outside-target (default
# ~/.cache/sitrep/outside-target), kept between runs so that a second run is
# incremental.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-outside.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

cp -r "$ROOT/examples/outside" "$WORK/project"
cd "$WORK/project"
sed -i "s#\.\./\.\./crates/#$ROOT/crates/#g" Cargo.toml
# The same dependency versions as the workspace's tested lock file.
cp "$ROOT/Cargo.lock" Cargo.lock
mkdir -p .cargo
"$ROOT/scripts/setup.sh" --env >> .cargo/config.toml
cat .cargo/config.toml >&2
export CARGO_TARGET_DIR="$CACHE/outside-target"
out="$(cargo run --quiet -- "$ROOT/corpus")"
printf '%s\n' "$out"
# corpus/ holds five reports of two raids.
grep -q '^5 document(s), 2 event(s)' <<<"$out" || {
    echo "test-outside: expected 5 documents in 2 events from corpus/" >&2
    exit 1
}
echo "test-outside: ok" >&2
