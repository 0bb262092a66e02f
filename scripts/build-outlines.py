#!/usr/bin/env python3
"""Cut Natural Earth's 1:110m country outlines into the table sitrep's HTML map draws.

Usage: build-outlines.py SHAPEFILE_STEM OUT_DIR

SHAPEFILE_STEM is a path without extension whose .shp and .dbf are Natural Earth's
admin-0 countries at 1:110m (public domain) as the PyPI package geopandas 0.14
ships them (geopandas/datasets/naturalearth_lowres/naturalearth_lowres; see
scripts/setup.sh and models/naturalearth/DATA_CARD.md).

OUT_DIR receives:
  countries.tsv  iso3 name min_lon min_lat max_lon max_lat rings
                 (UTF-8, one header line; `rings` holds the polygon rings, `;`
                 between rings, a space between points, `lon,lat` with two
                 decimals: 1:110m data is drawn at about 1 km per pixel at most)
  SUMMARY.txt    row and point counts
Only Python's standard library is used: the shapefile and dBASE formats are read
with `struct` (polygon shapes only, which is all this file holds).
"""
import os
import struct
import sys

stem, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def read_dbf(path):
    """Records of a dBASE III file as dicts of stripped strings."""
    with open(path, "rb") as f:
        data = f.read()
    n_records, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        length = data[pos + 16]
        fields.append((name, length))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        off = 1  # deletion flag
        row = {}
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def read_shp(path):
    """Each record's rings as lists of (lon, lat); None for a null shape."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 100
    shapes = []
    while pos < len(data):
        _num, content_words = struct.unpack(">II", data[pos:pos + 8])
        pos += 8
        content = data[pos:pos + content_words * 2]
        pos += content_words * 2
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:
            shapes.append(None)
            continue
        if shape_type not in (5, 15, 25):
            sys.exit(f"{path}: shape type {shape_type} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts]))
        pts_at = 44 + 4 * n_parts
        points = [struct.unpack("<dd", content[pts_at + 16 * k: pts_at + 16 * (k + 1)])
                  for k in range(n_points)]
        rings = [points[a:b] for a, b in zip(parts, parts[1:] + [n_points])]
        shapes.append(rings)
    return shapes


rows = read_dbf(stem + ".dbf")
shapes = read_shp(stem + ".shp")
if len(rows) != len(shapes):
    sys.exit(f"{stem}: {len(rows)} records in .dbf but {len(shapes)} shapes in .shp")

n_points = 0
lines = []
for row, rings in zip(rows, shapes):
    if not rings:
        continue
    name = row.get("name", "").replace("\t", " ")
    iso3 = row.get("iso_a3", "") or "-99"
    text_rings = []
    for ring in rings:
        pts = []
        for lon, lat in ring:
            p = f"{lon:.2f},{lat:.2f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            text_rings.append(" ".join(pts))
            n_points += len(pts)
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    lines.append("\t".join([iso3, name, f"{min(lons):.2f}", f"{min(lats):.2f}",
                            f"{max(lons):.2f}", f"{max(lats):.2f}", ";".join(text_rings)]))

lines.sort()
with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
    f.write("iso3\tname\tmin_lon\tmin_lat\tmax_lon\tmax_lat\trings\n")
    for line in lines:
        f.write(line + "\n")
with open(os.path.join(out, "SUMMARY.txt"), "w", encoding="utf-8") as f:
    f.write(f"countries\t{len(lines)}\npoints\t{n_points}\n")
print(f"build-outlines: {len(lines)} countries, {n_points} points", file=sys.stderr)
