#!/usr/bin/env python3
"""Read sitrep's exports back with the field's own tools and check them.

Usage: roundtrip-exports.py ACLED_CSV UCDP_CSV GEOJSON REPORT_JSON

  ACLED_CSV    `sitrep run … --format acled-csv` output   (read with pandas)
  UCDP_CSV     `sitrep run … --format ucdp-csv` output    (read with pandas)
  GEOJSON      `sitrep run … --format geojson` output     (read with geopandas/pyogrio)
  REPORT_JSON  `sitrep run … --format json` of the same inputs: what the rows must say

Checks, per export: the column names and their order (against lists copied
from the ACLED codebook and the UCDP GED codebook), one row per event, the
types pandas infers for the numeric columns, and the values against the
JSON report (ids, dates, coordinates, precision codes, fatalities, types and
actors; blank where the report has nothing). Prints one line per export and a
few rows of each; exits 1 with the reasons on the first failure.
Run it in the environment scripts/python-exports.sh installs.
"""
import json
import math
import sys

import geopandas
import pandas

# ACLED codebook (2023+), the columns of an ACLED export in their order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

# UCDP GED codebook (version 23.1+), the columns of the GED table in their order.
UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def blank(v):
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""


def same_number(got, want, tol=1e-4):
    if want is None:
        return blank(got)
    return not blank(got) and abs(float(got) - float(want)) <= tol


def main():
    acled_path, ucdp_path, geojson_path, report_path = sys.argv[1:5]
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    events = report["events"]
    by_id = {e["id"]: e for e in events}

    # ACLED: every cell as written, then the numeric columns as pandas reads them.
    acled = pandas.read_csv(acled_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    check(list(acled.columns) == ACLED_COLUMNS, f"acled-csv columns: {list(acled.columns)}")
    check(len(acled) == len(events), f"acled-csv: {len(acled)} rows for {len(events)} events")
    typed = pandas.read_csv(acled_path, encoding="utf-8-sig")
    for col in ("latitude", "longitude"):
        check(typed[col].isna().all() or pandas.api.types.is_float_dtype(typed[col]),
              f"acled-csv {col} read as {typed[col].dtype}")
    for col in ("year", "time_precision", "geo_precision", "fatalities"):
        check(pandas.api.types.is_numeric_dtype(typed[col]), f"acled-csv {col} read as {typed[col].dtype}")
    for _, row in acled.iterrows():
        e = by_id.get(row["event_id_cnty"])
        if not check(e is not None, f"acled-csv row {row['event_id_cnty']!r} is no event of the report"):
            continue
        loc = e.get("location") or {}
        # ACLED codes the most conservative figure reported.
        killed = (e.get("toll", {}).get("killed") or {}).get("conservative")
        check(row["event_date"] == (e.get("date") or ""), f"{e['id']} event_date {row['event_date']!r}")
        check(row["event_type"] == (e.get("event_type") or ""), f"{e['id']} event_type {row['event_type']!r}")
        check(row["sub_event_type"] == (e.get("sub_event_type") or ""), f"{e['id']} sub_event_type")
        check(row["actor1"] == (e.get("actor1") or ""), f"{e['id']} actor1 {row['actor1']!r}")
        check(row["actor2"] == (e.get("actor2") or ""), f"{e['id']} actor2 {row['actor2']!r}")
        check(row["admin1"] == (loc.get("admin1") or ""), f"{e['id']} admin1 {row['admin1']!r}")
        check(same_number(row["latitude"] or None, loc.get("latitude")), f"{e['id']} latitude {row['latitude']!r}")
        check(same_number(row["longitude"] or None, loc.get("longitude")), f"{e['id']} longitude")
        check(same_number(row["geo_precision"] or None, loc.get("geo_precision")), f"{e['id']} geo_precision")
        check(same_number(row["time_precision"] or None, e.get("time_precision")), f"{e['id']} time_precision")
        check(same_number(row["fatalities"] or None, killed), f"{e['id']} fatalities {row['fatalities']!r}")

    # UCDP GED.
    ucdp = pandas.read_csv(ucdp_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    check(list(ucdp.columns) == UCDP_COLUMNS, f"ucdp-csv columns: {list(ucdp.columns)}")
    check(len(ucdp) == len(events), f"ucdp-csv: {len(ucdp)} rows for {len(events)} events")
    typed_u = pandas.read_csv(ucdp_path, encoding="utf-8-sig")
    for col in ("best", "low", "high", "number_of_sources", "where_prec", "date_prec"):
        check(pandas.api.types.is_numeric_dtype(typed_u[col]), f"ucdp-csv {col} read as {typed_u[col].dtype}")
    for _, row in ucdp.iterrows():
        e = by_id.get(row["id"])
        if not check(e is not None, f"ucdp-csv row {row['id']!r} is no event of the report"):
            continue
        killed = e.get("toll", {}).get("killed") or {}
        loc = e.get("location") or {}
        check(same_number(row["best"] or None, killed.get("best")), f"{e['id']} best {row['best']!r}")
        check(same_number(row["low"] or None, killed.get("low")), f"{e['id']} low {row['low']!r}")
        check(same_number(row["high"] or None, killed.get("high")), f"{e['id']} high {row['high']!r}")
        check(same_number(row["number_of_sources"], e["number_of_sources"]), f"{e['id']} number_of_sources")
        check(row["side_a"] == (e.get("actor1") or ""), f"{e['id']} side_a {row['side_a']!r}")
        check(row["side_b"] == (e.get("actor2") or ""), f"{e['id']} side_b {row['side_b']!r}")
        check(row["adm_1"] == (loc.get("admin1") or ""), f"{e['id']} adm_1 {row['adm_1']!r}")
        check(same_number(row["latitude"] or None, loc.get("latitude")), f"{e['id']} ucdp latitude")

    # GeoJSON through GDAL (pyogrio), as QGIS and geopandas users open it.
    gdf = geopandas.read_file(geojson_path, engine="pyogrio")
    check(len(gdf) == len(events), f"geojson: {len(gdf)} features for {len(events)} events")
    check(gdf.crs is not None and gdf.crs.to_epsg() == 4326, f"geojson CRS {gdf.crs}")
    check(set(gdf.geom_type) <= {"Point"}, f"geojson geometry types {set(gdf.geom_type)}")
    for _, f in gdf.iterrows():
        e = by_id.get(f["id"])
        if not check(e is not None, f"geojson feature {f['id']!r} is no event of the report"):
            continue
        loc = e.get("location")
        if loc is None:
            check(f.geometry is None, f"{e['id']} has no location but a geometry {f.geometry}")
            continue
        check(f.geometry is not None and same_number(f.geometry.x, loc["longitude"])
              and same_number(f.geometry.y, loc["latitude"]),
              f"{e['id']} point {f.geometry} vs {loc['longitude']}, {loc['latitude']}")
    if failures:
        for what in failures:
            print(f"roundtrip: FAIL {what}", file=sys.stderr)
        sys.exit(1)

    pandas.set_option("display.width", 200)
    pandas.set_option("display.max_columns", 12)
    print(f"acled-csv: {len(acled)} rows x {len(acled.columns)} columns, codebook order")
    print(typed[["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "admin1",
                 "latitude", "longitude", "geo_precision", "fatalities"]].to_string(index=False))
    print(f"ucdp-csv: {len(ucdp)} rows x {len(ucdp.columns)} columns, codebook order")
    print(typed_u[["id", "side_a", "side_b", "adm_1", "where_prec", "date_prec", "best", "low",
                   "high"]].to_string(index=False))
    print(f"geojson: {len(gdf)} features ({gdf.geometry.notna().sum()} Points), CRS EPSG:{gdf.crs.to_epsg()}")
    print(gdf[["id", "geometry"]].to_string(index=False))


if __name__ == "__main__":
    main()
