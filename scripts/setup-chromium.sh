#!/usr/bin/env bash
# Installs a headless-capable Chromium for the HTML report test and the README
# screenshot (scripts/screenshot.sh). Idempotent: does nothing when a chromium
# is already on PATH. Uses Debian's `chromium` package through apt-get, as root
# or through sudo when available; otherwise prints what to do and exits 0, and
# the HTML browser test then skips with a printed reason.
#   scripts/setup-chromium.sh
set -euo pipefail

for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
        echo "setup-chromium: $c already installed ($("$c" --version 2>/dev/null || echo 'version unknown'))" >&2
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-chromium: no apt-get here; install Chromium by hand (the browser test will skip until then)" >&2
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "setup-chromium: not root and no password-less sudo; run 'sudo apt-get install chromium' (the browser test will skip until then)" >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup-chromium: installing Debian's chromium package (apt-get)" >&2
# A fresh container may have no package lists yet.
policy="$(apt-cache policy chromium 2>/dev/null || true)"
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
    "${SUDO[@]}" apt-get update -q >&2
fi
"${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
echo "setup-chromium: installed $(chromium --version 2>/dev/null || true)" >&2
