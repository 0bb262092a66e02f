#!/usr/bin/env bash
# Unpacks the dev HTML pages (../shared/data/html/pages.tar.zst: Dragnet,
# Mozilla Readability's test pages, htmldate's pages) once into the cache,
# outside the checkout, and prints the folder that holds
# {dragnet,readability,htmldate-default}/. Idempotent: a finished unpack is
# marked `.complete` and reused; an interrupted one is redone. Exits 2 with
# the reason when the archive or tar's zstd support is missing.
#
#   pages="$(scripts/html-pages.sh)" && sitrep extract "$pages/dragnet/input" -o /tmp/dragnet.jsonl
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCHIVE="${SITREP_DATA:-$ROOT/../shared/data}/html/pages.tar.zst"
DEST="${SITREP_CACHE:-$HOME/.cache/sitrep}/data/html-pages"
if [ -f "$DEST/.complete" ]; then
    echo "$DEST/html"
    exit 0
fi
[ -f "$ARCHIVE" ] || { echo "html-pages: $ARCHIVE is missing (set SITREP_DATA)" >&2; exit 2; }
command -v zstd >/dev/null || { echo "html-pages: zstd is not installed (tar needs it for .tar.zst)" >&2; exit 2; }
rm -rf "$DEST.partial"
mkdir -p "$DEST.partial"
tar --zstd -xf "$ARCHIVE" -C "$DEST.partial"
rm -rf "$DEST"
mv "$DEST.partial" "$DEST"
touch "$DEST/.complete"
echo "html-pages: unpacked $(find "$DEST/html" -type f | wc -l) files into $DEST/html" >&2
echo "$DEST/html"
