#!/usr/bin/env bash
# Small modules with one job: no Rust source file of the workspace may hold
# more than LIMIT lines outside its unit tests (the lines before its first
# `#[cfg(test)]`; files under tests/ and tests.rs modules are not counted).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LIMIT="${1:-600}"
over=0
while IFS= read -r f; do
    case "$f" in */tests/*|*/tests.rs) continue ;; esac
    n="$(awk '/^#\[cfg\(test\)\]/ { exit } { n++ } END { print n + 0 }' "$f")"
    if [ "$n" -gt "$LIMIT" ]; then
        echo "check-sizes: $f has $n lines outside its tests (limit $LIMIT): split it by job" >&2
        over=1
    fi
done < <(git ls-files --cached --others --exclude-standard 'crates/*.rs' 'benches/*.rs' 'examples/*.rs')
exit "$over"
