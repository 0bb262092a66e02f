#!/usr/bin/env bash
# The Python web-page extractors of the side-by-side reader benchmark
# (scripts/bench/html.sh): trafilatura 2.3.1, readability-lxml 0.9 and
# htmldate 1.11.0 with their dependencies pinned in
# scripts/bench/html-requirements.txt. A venv of its own (~60 MB, no torch),
# beside the model reference venv of scripts/python-ref.sh, because their
# lxml pins differ; never used at run time. Idempotent; lives in
# $SITREP_CACHE/pyhtml-<key>. Prints the venv's python path on stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
REQ="$ROOT/scripts/bench/html-requirements.txt"
KEY="traf2.3.1-rl0.9-hd1.11.0-$(sha256sum "$REQ" | cut -c1-8)"
VENV="$CACHE/pyhtml-$KEY"
if [[ ! -f "$VENV/.complete" ]]; then
    echo "python-html: installing trafilatura, readability-lxml and htmldate into $VENV (~60 MB, once)" >&2
    rm -rf "$VENV"
    mkdir -p "$CACHE"
    python3 -m venv "$VENV"
    # pip 23 cannot resolve lxml[html-clean] as trafilatura asks for it.
    "$VENV/bin/pip" install --quiet --disable-pip-version-check pip==24.3.1 >&2
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary=lxml -r "$REQ" >&2
    touch "$VENV/.complete"
fi
echo "$VENV/bin/python"
