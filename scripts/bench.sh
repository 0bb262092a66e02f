#!/usr/bin/env bash
# Side-by-side NER benchmark, documented in BENCHMARKS.md:
# sitrep's NER (Rust, the library path: read, word tokens, sub-words and windows,
# model, Viterbi decoding, entities) against the Python transformers
# `pipeline("token-classification", aggregation_strategy="simple")` on the same
# weights and the same real articles, both on the same number of threads; plus
# libtorch's matrix-product peak on the encoder's shapes and the F1 of each
# precision on CoNLL-2003 dev.
#
# The articles (../shared/data/gva-news) are copyrighted: they are copied only
# into a temporary folder, never into the repository.
#
# Settings (environment):
#   BENCH_DOCS=150          first N documents of documents.jsonl with non-empty content
#   BENCH_REPEAT=2          rounds over all measurements; the fastest round of each is kept
#   BENCH_THREADS=2         libtorch threads on both sides
#   BENCH_PY_BATCHES="4 8 16 32"   batch sizes swept for the Python pipeline
#   BENCH_PRECISIONS="f32 bf16 int8"  sitrep precisions measured
#   BENCH_PIPELINE=1        also time sitrep's whole pipeline (NER, numbers, embeddings, events, JSON)
#   BENCH_CONLL=1           also score each precision on CoNLL-2003 dev (0: skip)
#   BENCH_SAVE=FILE         keep the raw JSON results
#   SITREP_DATA=../shared/data
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N="${BENCH_DOCS:-150}"
REPEAT="${BENCH_REPEAT:-2}"
THREADS="${BENCH_THREADS:-2}"
PY_BATCHES="${BENCH_PY_BATCHES:-4 8 16 32}"
PRECISIONS="${BENCH_PRECISIONS:-f32 bf16 int8}"
DATA="${SITREP_DATA:-$ROOT/../shared/data}"
DOCS_SRC="$DATA/gva-news/documents.jsonl"
CONLL="$DATA/conll2003/iob2/valid.txt"
MODEL="$ROOT/models/sitrep-ner-minilm"

if [[ ! -f "$DOCS_SRC" ]]; then
    echo "bench: $DOCS_SRC is absent; the benchmark needs the gva-news documents (set SITREP_DATA)" >&2
    exit 2
fi

log() { echo "bench: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

scripts/setup.sh >&2
PY="$(scripts/python-ref.sh)"
log "building sitrep-bench (release)"
cargo build --release --quiet -p sitrep-benches --bin sitrep-bench
BENCH="$ROOT/target/release/sitrep-bench"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
RESULTS="$WORK/results.jsonl"
emit() { # side, json; with the load average when the measurement ended
    printf '{"side": "%s", "load": "%s", "result": %s}\n' "$1" "$(load)" "$2" >>"$RESULTS"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
    "bf16/AMX flags: $(grep -m1 -o -w 'avx512_bf16\|amx_bf16\|amx_int8' /proc/cpuinfo | sort -u | xargs)"
echo "load average at start: $(load); $REPEAT round(s), fastest kept"

docs_json="$("$PY" scripts/bench/prepare_docs.py "$DOCS_SRC" "$N" "$WORK/docs.jsonl" "$MODEL/tokenizer.json")"
emit documents "$docs_json"
echo "documents: first $N with non-empty content of $DOCS_SRC: $docs_json"
"$PY" scripts/bench/export_hf.py "$MODEL" "$WORK/hf-model"

# Every measurement is taken REPEAT times, round-robin over all of them, so that
# a burst of load from other work on the machine hits every configuration alike;
# the report keeps the fastest round of each (and shows the slowest).
for round in $(seq "$REPEAT"); do
    log "round $round of $REPEAT: matrix products (load $(load))"
    emit matmul "$("$BENCH" --threads "$THREADS" matmul)"
    for p in $PRECISIONS; do
        log "round $round: sitrep NER, $p (load $(load))"
        emit sitrep "$("$BENCH" --threads "$THREADS" ner --input "$WORK/docs.jsonl" --precision "$p")"
    done
    if [[ "${BENCH_PIPELINE:-1}" != 0 ]]; then
        log "round $round: sitrep whole pipeline (load $(load))"
        emit pipeline "$("$BENCH" --threads "$THREADS" pipeline --input "$WORK/docs.jsonl")"
    fi
    for b in default $PY_BATCHES; do
        log "round $round: python pipeline, batch_size=$b (load $(load))"
        emit python "$("$PY" scripts/bench/ner_python.py "$WORK/hf-model" "$WORK/docs.jsonl" "$THREADS" "$b")"
    done
done

if [[ "${BENCH_CONLL:-1}" != 0 ]]; then
    if [[ -f "$CONLL" ]]; then
        for p in $PRECISIONS; do
            log "CoNLL-2003 dev F1, $p (load $(load))"
            emit conll "$("$BENCH" --threads "$THREADS" conll --conll "$CONLL" --precision "$p")"
        done
    else
        log "skipping F1: $CONLL is absent"
    fi
fi

echo "load average at end: $(load)"
"$PY" scripts/bench/report.py "$RESULTS"
if [[ -n "${BENCH_SAVE:-}" ]]; then
    cp "$RESULTS" "$BENCH_SAVE"
    log "raw results in $BENCH_SAVE"
fi
