#!/usr/bin/env bash
# Regenerates docs/report.png, the README's picture of the HTML report: renders
# the bundled corpus with `sitrep run corpus/ --format html` and photographs
# the page with headless Chromium (installed by scripts/setup-chromium.sh).
#   scripts/screenshot.sh [OUT.png]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-docs/report.png}"

scripts/setup-chromium.sh
CHROMIUM=""
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
        CHROMIUM="$c"
        break
    fi
done
if [ -z "$CHROMIUM" ]; then
    echo "screenshot: no Chromium available (see scripts/setup-chromium.sh)" >&2
    exit 1
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Exit status 3 (some inputs skipped) still gives a report.
status=0
scripts/sitrep run corpus/ --format html --output "$TMP/report.html" --quiet || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "screenshot: sitrep failed with exit status $status" >&2
    exit "$status"
fi

ARGS=(--headless --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$TMP/profile"
      --window-size=1280,1600 --screenshot="$TMP/report.png")
if [ "$(id -u)" -eq 0 ]; then
    ARGS+=(--no-sandbox)
fi
"$CHROMIUM" "${ARGS[@]}" "file://$TMP/report.html" >/dev/null 2>"$TMP/chromium.log" || {
    cat "$TMP/chromium.log" >&2
    exit 1
}
mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.png" "$OUT"
echo "screenshot: wrote $OUT" >&2
