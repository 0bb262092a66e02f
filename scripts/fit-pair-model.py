#!/usr/bin/env python3
"""Fit the pair model of event clustering (gradient-boosted trees,
models/sitrep-pair-model/pair-model.json) from candidate-pair dumps, and
measure it by cross-validation.

The dumps come from the real pipeline over labelled documents:

    sitrep eval clusters --docs ../shared/data/gva-news/documents.jsonl \\
        --gold-field incident_id --dump-pairs /tmp/gva-pairs.tsv
    sitrep eval clusters --docs ../shared/data/ecbplus/derived/ecbplus_docs.jsonl \\
        --gold-field subtopic --dump-pairs /tmp/ecb-pairs.tsv
    "$(scripts/python-ref.sh)" scripts/fit-pair-model.py --cv 5 \\
        --out models/sitrep-pair-model/pair-model.json /tmp/gva-pairs.tsv /tmp/ecb-pairs.tsv

With --cv K, the gold events of each file are dealt into K folds (events
whose ids share the part before a "_", such as the two ECB+ sub-topics of
one topic, go to the same fold, so that a fold's look-alike incidents are
all unseen); each
fold's pairs are scored by a model trained on the pairs of the other folds
(pairs touching the fold left out), and the out-of-fold probabilities are
clustered with the same average linkage as sitrep (linkage.rs) and scored
with B³ at several thresholds. That is the figure to trust: the model is
trained on these same dev sets, so in-sample scores flatter it.

Each file is weighted equally and, within it, positives and negatives are
balanced. scikit-learn's HistGradientBoostingClassifier (from the pinned
reference environment, scripts/python-ref.sh), deterministic (no early
stopping). The model file holds the trees as parallel arrays; see
crates/sitrep-cluster/src/pair_model.rs for the format.
"""
import argparse
import collections
import heapq
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier

PARAMS = dict(
    max_iter=100,
    learning_rate=0.1,
    max_leaf_nodes=31,
    min_samples_leaf=40,
    l2_regularization=1.0,
    early_stopping=False,
)
THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65)


def read(path):
    names, gold, pairs = None, [], []
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "features":
                names = cols[1:]
            elif cols[0] == "doc":
                assert int(cols[1]) == len(gold), "doc rows in order"
                gold.append(cols[2])
            elif cols[0] == "pair":
                pairs.append([float(c) for c in cols[1:]])
    a = np.array(pairs, ndmin=2)
    return dict(
        path=path,
        names=names,
        gold=gold,
        y=a[:, 0],
        i=a[:, 1].astype(int),
        j=a[:, 2].astype(int),
        x=a[:, 3:],
    )


def weights(y):
    pos, neg = max(y.sum(), 1), max((1 - y).sum(), 1)
    return np.where(y > 0, 0.5 / pos, 0.5 / neg)


def fit(parts):
    x = np.vstack([p["x"][p["m"]] for p in parts])
    y = np.concatenate([p["y"][p["m"]] for p in parts])
    # Each file weighs the same; scaled so that the hessian floor of the
    # learner does not bite.
    w = np.concatenate([weights(p["y"][p["m"]]) for p in parts]) * 1e4 / len(parts)
    clf = HistGradientBoostingClassifier(random_state=0, **PARAMS)
    clf.fit(x, y, sample_weight=w)
    return clf


def linkage(n, ii, jj, p, th):
    """Average linkage over sparse similarities, as linkage.rs does it."""
    sums = [dict() for _ in range(n)]
    for i, j, s in zip(ii, jj, p):
        sums[i][j] = sums[i].get(j, 0) + s
        sums[j][i] = sums[j].get(i, 0) + s
    members = [[i] for i in range(n)]
    alive, ver = [True] * n, [0] * n
    h = [(-s, i, j, 0, 0) for i in range(n) for j, s in sums[i].items() if i < j and s >= th]
    heapq.heapify(h)
    while h:
        ns, a, b, va, vb = heapq.heappop(h)
        if -ns < th:
            break
        if not alive[a] or not alive[b] or (va, vb) != (ver[a], ver[b]):
            continue
        members[a] += members[b]
        members[b] = []
        alive[b] = False
        ver[a] += 1
        sb = sums[b]
        sums[b] = {}
        sums[a].pop(b, None)
        for k, s in sb.items():
            if k == a:
                continue
            sums[a][k] = sums[a].get(k, 0) + s
            v = sums[k].pop(b, 0)
            sums[k][a] = sums[k].get(a, 0) + v
        for k, s in sums[a].items():
            avg = s / (len(members[a]) * len(members[k]))
            if avg >= th:
                x, y = min(a, k), max(a, k)
                heapq.heappush(h, (-avg, x, y, ver[x], ver[y]))
    pred = [0] * n
    for c, m in enumerate(members):
        for i in m:
            pred[i] = c
    return pred


def b_cubed(gold, pred):
    idx = [i for i, g in enumerate(gold) if g]
    g_sets, p_sets = collections.defaultdict(set), collections.defaultdict(set)
    for i in idx:
        g_sets[gold[i]].add(i)
        p_sets[pred[i]].add(i)
    r = p = 0.0
    for i in idx:
        inter = len(g_sets[gold[i]] & p_sets[pred[i]])
        r += inter / len(g_sets[gold[i]])
        p += inter / len(p_sets[pred[i]])
    r /= len(idx)
    p /= len(idx)
    return p, r, 2 * p * r / (p + r)


def cross_validate(parts, k, seed):
    rng = np.random.RandomState(seed)
    for p in parts:
        group = lambda g: g.split("_")[0]
        groups = sorted(set(group(g) for g in p["gold"]))
        fold = {g: f for g, f in zip(groups, rng.randint(k, size=len(groups)))}
        p["fi"] = np.array([fold[group(p["gold"][i])] for i in p["i"]])
        p["fj"] = np.array([fold[group(p["gold"][j])] for j in p["j"]])
        p["oof"] = np.zeros(len(p["y"]))
    for f in range(k):
        for p in parts:
            p["m"] = (p["fi"] != f) & (p["fj"] != f)
        clf = fit(parts)
        for p in parts:
            test = (p["fi"] == f) | (p["fj"] == f)
            p["oof"][test] = clf.predict_proba(p["x"][test])[:, 1]
    print(f"{k}-fold cross-validation (B³ precision / recall / F1 of out-of-fold probabilities):")
    for th in THRESHOLDS:
        cells = []
        for p in parts:
            pred = linkage(len(p["gold"]), p["i"], p["j"], p["oof"], th)
            cells.append("%s %.4f / %.4f / %.4f" % ((p["path"],) + b_cubed(p["gold"], pred)))
        print(f"  threshold {th:.2f}: " + "; ".join(cells))


def export(clf, names, parts):
    trees = []
    for stage in clf._predictors:
        (pred,) = stage
        nodes = pred.nodes
        trees.append(
            dict(
                feature=[-1 if n["is_leaf"] else int(n["feature_idx"]) for n in nodes],
                threshold=[0.0 if n["is_leaf"] else float(n["num_threshold"]) for n in nodes],
                left=[int(n["left"]) for n in nodes],
                right=[int(n["right"]) for n in nodes],
                value=[float(n["value"]) if n["is_leaf"] else 0.0 for n in nodes],
            )
        )
    base = float(np.ravel(clf._baseline_prediction)[0])
    return dict(
        format="sitrep-pair-trees/1",
        features=names,
        base=base,
        trees=trees,
        training=dict(
            learner="scikit-learn %s HistGradientBoostingClassifier" % sklearn.__version__,
            params=PARAMS,
            data=[
                dict(file=p["path"], documents=len(p["gold"]), pairs=int(len(p["y"])),
                     same=int(p["y"].sum()))
                for p in parts
            ],
        ),
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dumps", nargs="+")
    ap.add_argument("--cv", type=int, default=0, help="folds for cross-validation (0: none)")
    ap.add_argument("--seed", type=int, default=0, help="how events are dealt into folds")
    ap.add_argument("--out", help="write the model trained on all pairs here")
    a = ap.parse_args()
    parts = [read(p) for p in a.dumps]
    names = parts[0]["names"]
    if any(p["names"] != names for p in parts):
        sys.exit("the dumps name different features")
    for p in parts:
        print("%s: %d documents, %d pairs (%d same)" % (p["path"], len(p["gold"]), len(p["y"]), p["y"].sum()))
    if a.cv:
        cross_validate(parts, a.cv, a.seed)
    if a.out:
        for p in parts:
            p["m"] = np.ones(len(p["y"]), dtype=bool)
        clf = fit(parts)
        model = export(clf, names, parts)
        # The exported trees must reproduce scikit-learn's own output.
        for p in parts:
            z = np.full(len(p["y"]), model["base"])
            for t in model["trees"]:
                for r, row in enumerate(p["x"]):
                    k = 0
                    while t["feature"][k] >= 0:
                        k = t["left"][k] if row[t["feature"][k]] <= t["threshold"][k] else t["right"][k]
                    z[r] += t["value"][k]
            ref = clf.decision_function(p["x"])
            assert np.abs(z - ref).max() < 1e-6, np.abs(z - ref).max()
        with open(a.out, "w") as f:
            json.dump(model, f, separators=(",", ":"))
            f.write("\n")
        print("wrote %s: %d trees" % (a.out, len(model["trees"])))


if __name__ == "__main__":
    main()
