#!/usr/bin/env python3
"""Fit the logistic pair model of event clustering (PAIR_WEIGHTS in
crates/sitrep-cluster/src/cluster.rs) from candidate-pair features.

The features come from the real pipeline over labelled documents:

    sitrep eval clusters --docs ../shared/data/gva-news/documents.jsonl \
        --gold-field incident_id --dump-pairs /tmp/gva-pairs.tsv
    sitrep eval clusters --docs ../shared/data/ecbplus/derived/ecbplus_docs.jsonl \
        --gold-field subtopic --dump-pairs /tmp/ecb-pairs.tsv
    "$(scripts/python-ref.sh)" scripts/fit-pair-model.py /tmp/gva-pairs.tsv /tmp/ecb-pairs.tsv

Each file is weighted equally and, within it, positives and negatives are
balanced; L2-regularised logistic regression by Newton's method (numpy, from
the pinned reference environment). Prints the weights in Rust syntax and
each file's log-loss.
"""
import sys

import numpy as np


def read(path):
    with open(path) as f:
        names = f.readline().rstrip("\n").split("\t")[1:]
    a = np.loadtxt(path, skiprows=1, ndmin=2)
    return names, a[:, 0], np.hstack([np.ones((len(a), 1)), a[:, 1:]])


def main():
    parts = [(p, *read(p)) for p in sys.argv[1:]]
    names = parts[0][1]
    xs, ys, ws = [], [], []
    for _, _, y, x in parts:
        pos, neg = max(y.sum(), 1), max((1 - y).sum(), 1)
        xs.append(x)
        ys.append(y)
        ws.append(np.where(y > 0, 0.5 / pos, 0.5 / neg) / len(parts))
    x, y, sw = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], 1e-3)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ (sw * (p - y)) + reg * w
        h = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    print("pub const PAIR_WEIGHTS: [f32; %d] = [" % len(w))
    print("    %.3f, // bias" % w[0])
    for n, v in zip(names, w[1:]):
        print("    %.3f, // %s" % (v, n))
    print("];")
    for path, _, yy, xx in parts:
        p = 1 / (1 + np.exp(-np.clip(xx @ w, -30, 30)))
        ll = -np.mean(np.log(np.clip(np.where(yy > 0, p, 1 - p), 1e-12, 1)))
        acc = np.mean((p > 0.5) == (yy > 0))
        print("%s: %d pairs (%d same), log-loss %.4f, accuracy %.4f" % (path, len(yy), yy.sum(), ll, acc), file=sys.stderr)


if __name__ == "__main__":
    main()
