#!/usr/bin/env python3
"""No module cycles within a crate: for every crate under the given folder
(default: crates), the graph of its top-level modules, an edge where a
module's code (comments and unit tests left out) names `crate::other` or
`super::other`, must hold no two modules that use each other. Prints each
cycle and exits 1 when there is one."""
import os
import re
import sys


def modules(src):
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            parts = os.path.relpath(path, src)[:-3].split(os.sep)
            if parts[-1] in ("mod", "lib", "main"):
                parts = parts[:-1]
            if parts and parts[-1] == "tests":
                continue
            mods["::".join(parts)] = path
    return mods


def code(path):
    text = open(path, encoding="utf-8").read().split("#[cfg(test)]")[0]
    return "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))


def edges(mods):
    graph = {}
    for m, path in mods.items():
        here = m.split("::") if m else []
        out = set()
        for hit in re.finditer(r"\b(crate|super)((?:::[a-z_][a-z0-9_]*)+)", code(path)):
            base = [] if hit.group(1) == "crate" else here[:-1]
            target = base + hit.group(2).strip(":").split("::")
            for k in range(len(target), 0, -1):
                cand = "::".join(target[:k])
                if cand in mods:
                    out.add(cand)
                    break
        top = m.split("::")[0] if m else ""
        for d in out:
            dtop = d.split("::")[0]
            if top and dtop and top != dtop:
                graph.setdefault(top, set()).add(dtop)
    return graph


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "crates"
    found = False
    for crate in sorted(os.listdir(root)):
        src = os.path.join(root, crate, "src")
        if not os.path.isdir(src):
            continue
        graph = edges(modules(src))
        for a in sorted(graph):
            for b in sorted(graph[a]):
                if a < b and a in graph.get(b, set()):
                    print(f"check-cycles: {crate}: modules {a} and {b} use each other", file=sys.stderr)
                    found = True
    sys.exit(1 if found else 0)


main()
