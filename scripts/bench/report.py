"""Summarise the JSON results of scripts/bench.sh as Markdown tables.

usage: python report.py RESULTS.jsonl
Each line of RESULTS.jsonl is {"side", "load", "result"} as written by bench.sh. A
configuration measured in several rounds is reported by its fastest round; the
slowest is shown beside it, with the 1-minute load average after each.
"""

import json
import sys
from collections import OrderedDict


def main() -> None:
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    docs = next(r["result"] for r in rows if r["side"] == "documents")

    # Matrix products: the best of all rounds per op and precision.
    ops = OrderedDict()
    matmuls = [r["result"] for r in rows if r["side"] == "matmul"]
    for m in matmuls:
        for r in m["rows"]:
            cell = ops.setdefault(r["op"], {"shape": r["shape"]})
            cell[r["precision"]] = max(cell.get(r["precision"], 0.0), r["gflops"])
    peak = {}
    for m in matmuls:
        for p, v in m["peak_linear_gflops"].items():
            peak[p] = max(peak.get(p, 0.0), v)

    # NER runs, grouped by side and configuration, fastest first.
    groups = OrderedDict()
    for r in rows:
        if r["side"] in ("sitrep", "pipeline", "python"):
            groups.setdefault((r["side"], r["result"]["config"]), []).append(r)
    for runs in groups.values():
        runs.sort(key=lambda r: r["result"]["seconds"])
    conll = [r["result"] for r in rows if r["side"] == "conll"]

    print(
        f"\n{docs['documents']} documents, {docs['words']:,} words, {docs['subwords']:,} sub-words, "
        f"{docs['bytes']:,} bytes; {len(matmuls)} round(s)\n"
    )
    if matmuls:
        print(f"libtorch matrix products, {matmuls[0]['threads']} threads, best round (GFLOP/s; int8: GOP/s):\n")
        print("| op | shape | f32 | bf16 | int8 |")
        print("|---|---|---|---|---|")
        for op, v in ops.items():
            cells = [f"{v[p]:.0f}" if p in v else "—" for p in ("f32", "bf16", "int8")]
            print(f"| {op} | {v['shape']} | " + " | ".join(cells) + " |")
        m = matmuls[0]
        print(
            f"\nPeak (best linear-layer shape): f32 {peak['f32']:.0f}, bf16 {peak['bf16']:.0f}, "
            f"int8 {peak['int8']:.0f}. Encoder: {m['encoder_mflop_per_position']:.1f} MFLOP per "
            f"position + {m['encoder_kflop_per_attention_pair']:.1f} kFLOP per query-key pair.\n"
        )

    def rate(res):
        return res["documents"] / res["seconds"]

    best = {key: runs[0]["result"] for key, runs in groups.items()}
    py = {cfg: res for (side, cfg), res in best.items() if side == "python"}
    py_default = py.get("batch_size=default")
    py_best_cfg = max(py, key=lambda c: rate(py[c])) if py else None
    py_best = py.get(py_best_cfg)

    print(
        "| side | configuration | docs/s | words/s | sub-words/s | slowest round docs/s | load after (best / slowest) "
        "| peak RSS MiB | vs Python default | vs Python best | encoder % of peak (model time / end-to-end) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (side, cfg), runs in groups.items():
        res = runs[0]["result"]
        slow = runs[-1]
        secs = res["seconds"]
        vs_def = f"{rate(res) / rate(py_default):.2f}×" if py_default else "—"
        vs_best = f"{rate(res) / rate(py_best):.2f}×" if py_best else "—"
        frac = "—"
        if peak and side == "sitrep":
            pk = peak[res["precision"]]
            frac = (
                f"{100 * res['encoder_gflops_model_time'] / pk:.0f} % / "
                f"{100 * res['encoder_gflops_end_to_end'] / pk:.0f} %"
            )
        label = cfg + (" (best)" if side == "python" and cfg == py_best_cfg else "")
        print(
            f"| {side} | {label} | {rate(res):.2f} | {docs['words'] / secs:,.0f} | "
            f"{docs['subwords'] / secs:,.0f} | {rate(slow['result']):.2f} | "
            f"{runs[0]['load'].split()[0]} / {slow['load'].split()[0]} | {res['peak_rss_mib']:.0f} | "
            f"{vs_def} | {vs_best} | {frac} |"
        )

    sitrep = [res for (side, _), res in best.items() if side == "sitrep"]
    if sitrep:
        print("\nWhere sitrep's time goes, fastest round (seconds):\n")
        keys = list(sitrep[0]["profile_seconds"].keys())
        print("| configuration | total | " + " | ".join(keys) + " | windows | batches | padding | GFLOP/s in model time |")
        print("|---|---|" + "---|" * len(keys) + "---|---|---|---|")
        for res in sitrep:
            p = res["profile_seconds"]
            pad = 1 - res["positions"] / res["padded_positions"]
            print(
                f"| {res['config']} | {res['seconds']:.2f} | "
                + " | ".join(f"{p[k]:.2f}" for k in keys)
                + f" | {res['windows']} | {res['batches']} | {100 * pad:.1f} % | "
                f"{res['encoder_gflops_model_time']:.0f} |"
            )
    full = [res for (side, _), res in best.items() if side == "pipeline"]
    if full:
        print("\nsitrep's whole pipeline (`sitrep run --format json` as a library call), fastest round (seconds):\n")
        keys = list(full[0]["profile_seconds"].keys())
        print("| configuration | documents | events | total | " + " | ".join(keys) + " |")
        print("|---|---|---|---|" + "---|" * len(keys))
        for res in full:
            p = res["profile_seconds"]
            print(
                f"| {res['config']} | {res['documents']} | {res['events']} | {res['seconds']:.2f} | "
                + " | ".join(f"{p[k]:.2f}" for k in keys)
                + " |"
            )
    if conll:
        base = next((c for c in conll if c["precision"] == "f32"), None)
        print("\nCoNLL-2003 dev (entity level, whole documents; one run each):\n")
        print("| precision | F1 | ΔF1 vs f32 | tokens/s | speed vs f32 |")
        print("|---|---|---|---|---|")
        for c in conll:
            d = f"{c['f1'] - base['f1']:+.2f}" if base else "—"
            s = f"{c['tokens_per_second'] / base['tokens_per_second']:.2f}×" if base else "—"
            print(f"| {c['precision']} | {c['f1']:.2f} | {d} | {c['tokens_per_second']:,.0f} | {s} |")


if __name__ == "__main__":
    main()
