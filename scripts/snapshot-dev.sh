#!/usr/bin/env bash
# The dev-sample snapshot: save the JSON report of a fixed sample of dev
# documents before a change, check it after (byte for byte; on a difference,
# the changed lines). The sample (every 52nd GVA-news document, every 13th
# ECB+ document: 61 + 60) and the snapshot stay in the cache, outside the
# checkout: the data is never committed. corpus/ has its committed snapshot
# (crates/sitrep-cli/tests/snapshot.rs); this one is for the dev sets.
#
#   scripts/snapshot-dev.sh save    # before the change
#   scripts/snapshot-dev.sh check   # after it: exit 1 when the report changed
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${SITREP_DATA:-$ROOT/../shared/data}"
CACHE="${SITREP_CACHE:-$HOME/.cache/sitrep}/snapshots"
mode="${1:-}"
case "$mode" in
    save|check) ;;
    *) echo "usage: scripts/snapshot-dev.sh save|check" >&2; exit 2 ;;
esac
for f in gva-news/documents.jsonl ecbplus/derived/ecbplus_docs.jsonl; do
    [ -f "$DATA/$f" ] || { echo "snapshot-dev: $DATA/$f is missing (set SITREP_DATA)" >&2; exit 2; }
done
mkdir -p "$CACHE"
python3 - "$DATA" "$CACHE/dev-sample.jsonl" <<'PY'
import json, sys
data, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as w:
    for path, every, fields in [
        ("gva-news/documents.jsonl", 52, ("doc_id", "content", "title", "dct")),
        ("ecbplus/derived/ecbplus_docs.jsonl", 13, ("doc_id", "text", None, None)),
    ]:
        for k, line in enumerate(open(f"{data}/{path}", encoding="utf-8")):
            if k % every:
                continue
            d = json.loads(line)
            rec = {"id": d[fields[0]], "text": d.get(fields[1]) or ""}
            if fields[2] and d.get(fields[2]):
                rec["title"] = d[fields[2]]
            if fields[3] and d.get(fields[3]):
                rec["date"] = d[fields[3]]
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
cargo build --release --quiet --bin sitrep
new="$CACHE/dev-sample.new.json"
target/release/sitrep run "$CACHE/dev-sample.jsonl" --format json --quiet --output "$new"
if [ "$mode" = save ]; then
    mv "$new" "$CACHE/dev-sample.json"
    echo "snapshot-dev: saved $CACHE/dev-sample.json ($(wc -l <"$CACHE/dev-sample.jsonl") documents)"
elif cmp -s "$new" "$CACHE/dev-sample.json"; then
    echo "snapshot-dev: report byte-identical to the saved snapshot"
else
    echo "snapshot-dev: the report changed (saved snapshot first):" >&2
    diff <(python3 -m json.tool "$CACHE/dev-sample.json") <(python3 -m json.tool "$new") | head -80 >&2 || true
    exit 1
fi
