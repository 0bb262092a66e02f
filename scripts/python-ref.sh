#!/usr/bin/env bash
# Python reference stack (pinned in docs/RUNTIME.md), used only to make reference
# fixtures, for the side-by-side benchmark and for fitting the shipped linear and
# tree models (scikit-learn); never at run time. Idempotent;
# lives in $SITREP_CACHE/pyref-<key>. Prints the venv's python path on stdout.
set -euo pipefail
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}"
KEY="torch2.4.0-tf4.44.2-st3.0.1-sk1.5.2"
VENV="$CACHE/pyref-$KEY"
if [[ ! -f "$VENV/.complete" ]]; then
    echo "python-ref: installing torch 2.4.0, transformers 4.44.2, sentence-transformers 3.0.1, scikit-learn 1.5.2 into $VENV (~2.7 GB, once)" >&2
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        torch==2.4.0 transformers==4.44.2 sentence-transformers==3.0.1 'huggingface-hub<0.25' 'numpy<2' scikit-learn==1.5.2 >&2
    touch "$VENV/.complete"
fi
echo "$VENV/bin/python"
