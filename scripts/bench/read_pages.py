"""Side-by-side web-page reading: sitrep's reader against trafilatura,
readability-lxml and htmldate on the dev pages of ../shared/data/html.

Run by scripts/bench/html.sh, which unpacks the pages, builds sitrep and makes
the Python venv (scripts/python-html.sh); see BENCHMARKS.md.

Scores, per page set:
- main text: the Zyte article-extraction-benchmark metric as the data's
  PROVENANCE.md describes it: gold and extracted text split on white space,
  4-gram shingles counted (a multiset), precision and recall per page, each
  averaged over the pages, F1 from the two averages. A page a tool skips or
  reads as empty scores precision 0 and recall 0 (both 1 when the gold is
  empty too).
- title: exact match after collapsing white space (Readability's pages).
- publication date: exact day; no date counts as wrong (Readability's pages
  that state one, htmldate's pages).
- pages/s: one process, one thread, the whole set; sitrep's figure includes
  its start-up.

Every page is given as its bytes alone (no URL), the same to every tool.
Pages are dealt into five seeded folds by id; the folds 3-4 column is the
figure on pages never looked at while tuning sitrep's reader (tune on 0-2
only: --dump writes the per-page results with each page's fold).
"""

import argparse
import hashlib
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HELD_OUT = {3, 4}


def fold_of(set_name, page_id):
    h = hashlib.sha256(f"{set_name}:{page_id}".encode()).digest()
    return h[0] % 5


# ---------------------------------------------------------------- gold text

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
}


class _Text(html.parser.HTMLParser):
    """Visible text of an HTML fragment, block elements on lines of their own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment):
    p = _Text()
    p.feed(fragment)
    p.close()
    return "".join(p.parts)


# ---------------------------------------------------------------- metric


def shingles(text, n=4):
    tokens = text.split()
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_pr(gold, pred):
    g, p = shingles(gold), shingles(pred or "")
    if not g and not p:
        return 1.0, 1.0
    if not g or not p:
        return 0.0, 0.0
    tp = sum((g & p).values())
    return tp / sum(p.values()), tp / sum(g.values())


def body_score(rows):
    """(P, R, F1) averaged over the pages of `rows` [(gold, pred)]."""
    if not rows:
        return None
    prs = [page_pr(g, p) for g, p in rows]
    P = sum(p for p, _ in prs) / len(prs)
    R = sum(r for _, r in prs) / len(prs)
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def norm_title(t):
    return " ".join((t or "").split())


# ---------------------------------------------------------------- page sets


def load_sets(pages):
    sets = {}
    dragnet = []
    d = pages / "dragnet"
    for f in sorted((d / "input").glob("*.html")):
        gold = d / "GoldStandard" / (f.stem + ".txt")
        if not gold.exists():
            continue
        text = gold.read_text(encoding="utf-8", errors="replace")
        text = text.split("!@#$%^&*()  COMMENTS")[0]
        dragnet.append({"id": f.stem, "path": f, "text": text})
    sets["dragnet"] = dragnet
    readability = []
    r = pages / "readability" / "test-pages"
    for folder in sorted(p for p in r.iterdir() if (p / "source.html").exists()):
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        expected = (folder / "expected.html").read_text(encoding="utf-8", errors="replace")
        published = meta.get("publishedTime")
        readability.append({
            "id": folder.name,
            "path": folder / "source.html",
            "text": html_to_text(expected),
            "title": meta.get("title"),
            "date": published[:10] if published else None,
        })
    sets["readability"] = readability
    hd = pages / "htmldate-default"
    gold = json.loads((hd / "eval_default.json").read_text(encoding="utf-8"))
    htmldate = []
    for url, v in gold.items():
        path = hd / "eval" / v["file"]
        if not path.exists():
            path = hd / "cache" / v["file"]
        htmldate.append({"id": v["file"], "path": path, "url": url, "date": v["date"]})
    sets["htmldate"] = htmldate
    for name, rows in sets.items():
        for row in rows:
            row["fold"] = fold_of(name, row["id"])
    return sets


# ---------------------------------------------------------------- tools


def run_sitrep(binary, rows, set_name):
    """sitrep extract over a folder of links named by page id, one thread."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / set_name
        folder.mkdir()
        names = {}
        for i, row in enumerate(rows):
            name = f"p{i:05d}"
            os.symlink(row["path"].resolve(), folder / f"{name}.html")
            names[name] = row["id"]
        out = Path(tmp) / "out.jsonl"
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        t0 = time.perf_counter()
        proc = subprocess.run([binary, "extract", str(folder), "-o", str(out), "--quiet"], env=env)
        elapsed = time.perf_counter() - t0
        if proc.returncode not in (0, 3):
            sys.exit(f"bench-html: sitrep extract exited {proc.returncode}")
        results = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            page = names.get(rec["id"])
            if page is None:
                continue
            results[page] = {
                "text": rec.get("text") or "",
                "title": rec.get("title"),
                "date": rec.get("date"),
                "skipped": rec.get("status") == "skipped",
                "reason": rec.get("reason"),
            }
    return results, elapsed


def run_rust(binary, reader, rows):
    """One of the Rust readers of scripts/bench/rust-readers over the set."""
    paths = "".join(f"{r['path'].resolve()}\n" for r in rows)
    t0 = time.perf_counter()
    proc = subprocess.run([binary, reader], input=paths.encode(), capture_output=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"bench-html: rust-readers {reader} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    results = {}
    lines = proc.stdout.decode().split("\n")
    for row, line in zip(rows, lines):
        rec = json.loads(line)
        results[row["id"]] = {
            "text": rec.get("text") or "",
            "title": rec.get("title"),
            "date": rec.get("date"),
            "skipped": bool(rec.get("error")),
            "reason": rec.get("error"),
        }
    return results, elapsed


RUST_READERS = {"rs-trafilatura": "rs-trafilatura", "trafilatura-rs": "trafilatura", "dom_smoothie": "dom_smoothie"}


def python_tools(which):
    tools = {}
    if "trafilatura" in which:
        import trafilatura

        def traf(data):
            text = trafilatura.extract(data, include_comments=False) or ""
            meta = trafilatura.extract_metadata(data)
            return {
                "text": text,
                "title": meta.title if meta else None,
                "date": meta.date if meta else None,
            }

        tools["trafilatura"] = traf
    if "readability" in which:
        from readability import Document

        def readab(data):
            try:
                doc = Document(data)
                return {"text": html_to_text(doc.summary(html_partial=True)), "title": doc.short_title()}
            except Exception as e:  # readability raises on unparsable pages
                return {"text": "", "title": None, "skipped": True, "reason": str(e)}

        tools["readability-lxml"] = readab
    if "htmldate" in which:
        from htmldate import find_date

        def fast(data):
            return {"date": find_date(data, original_date=True, extensive_search=False)}

        def extensive(data):
            return {"date": find_date(data, original_date=True, extensive_search=True)}

        tools["htmldate-fast"] = fast
        tools["htmldate-extensive"] = extensive
    return tools


# Which tools answer which question.
READS_TEXT = {"sitrep", "trafilatura", "readability-lxml", *RUST_READERS}
READS_TITLE = {"sitrep", "trafilatura", "readability-lxml", *RUST_READERS}
READS_DATE = {"sitrep", "trafilatura", "htmldate-fast", "htmldate-extensive", *RUST_READERS}


def run_python(fn, rows):
    results = {}
    t0 = time.perf_counter()
    for row in rows:
        data = row["path"].read_bytes()
        try:
            results[row["id"]] = fn(data)
        except Exception as e:
            results[row["id"]] = {"text": "", "skipped": True, "reason": f"{type(e).__name__}: {e}"}
    return results, time.perf_counter() - t0


# ---------------------------------------------------------------- report


def fmt(x, digits=3):
    return "—" if x is None else f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", required=True, type=Path, help="folder holding dragnet/, readability/, htmldate-default/")
    ap.add_argument("--sitrep", required=True, help="the sitrep binary")
    ap.add_argument("--rust-readers", help="the binary of scripts/bench/rust-readers (its readers are measured when given)")
    ap.add_argument("--reader", action="append", default=[], metavar="NAME=BIN",
                    help="also measure BIN, which reads paths on standard input as rust-readers does (e.g. a build of sitrep's reader under change)")
    ap.add_argument("--tools", default="sitrep,trafilatura,readability,htmldate,rust")
    ap.add_argument("--sets", default="dragnet,readability,htmldate")
    ap.add_argument("--dump", type=Path, help="write per-page results (JSON Lines) here")
    args = ap.parse_args()
    which = set(args.tools.split(","))
    sets = load_sets(args.pages)
    tools = python_tools(which)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    table = []
    for set_name in args.sets.split(","):
        rows = sets[set_name]
        runs = {}
        if "sitrep" in which:
            runs["sitrep"] = run_sitrep(args.sitrep, rows, set_name)
        for name, fn in tools.items():
            if name.startswith("htmldate") and not any(r.get("date") for r in rows):
                continue  # a date reader on a set without gold dates
            if name == "readability-lxml" and not any(r.get("text") or r.get("title") for r in rows):
                continue  # a text and title reader on a set with gold dates only
            runs[name] = run_python(fn, rows)
        for spec in args.reader:
            name, binary = spec.split("=", 1)
            READS_TEXT.add(name)
            READS_TITLE.add(name)
            READS_DATE.add(name)
            runs[name] = run_rust(binary, name, rows)
        if "rust" in which and args.rust_readers:
            for name, reader in RUST_READERS.items():
                runs[name] = run_rust(args.rust_readers, reader, rows)
        for tool, (results, elapsed) in runs.items():
            line = {"set": set_name, "tool": tool, "pages": len(rows), "pages_per_s": len(rows) / elapsed}
            got = [results.get(r["id"], {}) for r in rows]
            line["skipped"] = sum(1 for g in got if g.get("skipped"))
            for part, keep in (("all", lambda r: True), ("held", lambda r: r["fold"] in HELD_OUT)):
                pairs = [(r, g) for r, g in zip(rows, got) if keep(r)]
                if tool in READS_TEXT and set_name != "htmldate":
                    line[f"body_{part}"] = body_score([(r["text"], g.get("text")) for r, g in pairs])
                titled = [(r, g) for r, g in pairs if r.get("title")]
                if tool in READS_TITLE and titled:
                    line[f"title_{part}"] = sum(norm_title(r["title"]) == norm_title(g.get("title")) for r, g in titled) / len(titled)
                    line["titled"] = len([r for r in rows if r.get("title")])
                dated = [(r, g) for r, g in pairs if r.get("date")]
                if tool in READS_DATE and dated:
                    line[f"date_{part}"] = sum(r["date"] == (g.get("date") or "")[:10] for r, g in dated) / len(dated)
                    line[f"nodate_{part}"] = sum(not g.get("date") for _, g in dated)
                    line["dated"] = len([r for r in rows if r.get("date")])
            table.append(line)
            if dump:
                for r, g in zip(rows, got):
                    rec = {"set": set_name, "tool": tool, "id": r["id"], "fold": r["fold"]}
                    if tool in READS_TEXT and set_name != "htmldate":
                        rec["body_pr"] = page_pr(r["text"], g.get("text"))
                    if r.get("title") and tool in READS_TITLE:
                        rec["title"] = [r["title"], g.get("title")]
                    if r.get("date") and tool in READS_DATE:
                        rec["date"] = [r["date"], g.get("date")]
                    if g.get("skipped"):
                        rec["reason"] = g.get("reason")
                    dump.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(json.dumps(line), file=sys.stderr)
    if dump:
        dump.close()
    print()
    print("| pages | tool | body P / R / F1 (all) | body F1 (folds 3-4) | title exact (all / 3-4) | date exact day (all / 3-4) | no date | skipped | pages/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for t in table:
        b = t.get("body_all")
        body = f"{b[0]:.3f} / {b[1]:.3f} / **{b[2]:.3f}**" if b else "—"
        bh = t.get("body_held")
        title = f"{fmt(t.get('title_all'))} / {fmt(t.get('title_held'))}" if "title_all" in t else "—"
        date = f"{fmt(t.get('date_all'))} / {fmt(t.get('date_held'))}" if "date_all" in t else "—"
        nodate = str(t.get("nodate_all", "—"))
        name = {"dragnet": "Dragnet", "readability": "Readability", "htmldate": "htmldate"}[t["set"]]
        n = f"{name} ({t['pages']}"
        if "titled" in t:
            n += f"; {t['titled']} titled"
        if "dated" in t:
            n += f"; {t['dated']} dated"
        n += ")"
        print(f"| {n} | {t['tool']} | {body} | {fmt(bh[2]) if bh else '—'} | {title} | {date} | {nodate} | {t['skipped']} | {t['pages_per_s']:.1f} |")


if __name__ == "__main__":
    main()
