#!/usr/bin/env python3
"""Generates tests/data/structure_corpus.jsonl: personal values that only
structure or spelling gives away - coordinates split over two JSON values,
numbers in exponent form, e-mail addresses and coordinates written to dodge
filters, values after a key in URLs and log fields - each form with
look-alikes that must stay untouched.

    tests/data/generate_structure_corpus.py > tests/data/structure_corpus.jsonl

Same schema as pii_corpus.jsonl (see generate_corpus.py), plus an optional
"format": "json" for a line that is one JSON record (scanned with
RecordFormat::kJson; its spans are the raw value tokens). `scrub eval`
scores it; tests/corpus/structure_corpus_test holds it to recall 1.0 on
every form and at most 0.5% changed negatives. Offsets are UTF-8 byte
offsets. Deterministic (one random.Random, fixed seed).

Form names: "<DETECTOR>/<category>/<variant>" for positives,
"NEG/<category>/<variant>" for negatives.
"""
import json
import random

R = random.Random(20261207)
records = []


def add(kind, form, pieces, fmt=None, keep=()):
    """pieces: str, or (detector, text) for a labelled value."""
    text, spans = "", []
    for p in pieces:
        if isinstance(p, str):
            text += p
            continue
        det, value = p
        start = len(text.encode("utf-8"))
        text += value
        spans.append({"detector": det, "start": start,
                      "end": len(text.encode("utf-8"))})
    assert "\n" not in text, form
    r = {"id": f"st-{kind[:3]}-{len(records):05d}", "kind": kind, "form": form}
    if fmt:
        r["format"] = fmt
    r.update({"text": text, "spans": spans, "keep": list(keep)})
    records.append(r)


def lat(decimals=None):
    d = decimals or R.randint(3, 7)
    return f"{R.uniform(18.2, 53.5) * R.choice([1, 1, 1, -1]):.{d}f}"


def lng(decimals=None):
    d = decimals or R.randint(3, 7)
    return f"{R.uniform(73.5, 135.0) * R.choice([1, 1, 1, -1]):.{d}f}"


def exp_form(v):
    """39.908692 -> 3.9908692E1 (as Java writes doubles)."""
    neg = v.startswith("-")
    digits = v.lstrip("-")
    whole, frac = digits.split(".")
    e = len(whole) - 1
    mant = whole[0] + "." + whole[1:] + frac
    return ("-" if neg else "") + mant + R.choice(["E", "e", "E+"]) + str(e)


GPS = "GPS_COORDINATE"
FILLER = [('"id"', '"u-1029"'), ('"ts"', '1733500000'), ('"ok"', 'true'),
          ('"msg"', '"checked in"'), ('"city"', '"北京"'), ('"acc"', '12.5')]


def record(members):
    """members: list of (key_json, value_piece) where value_piece is a str
    or (detector, token). Returns pieces for a JSON object line."""
    pieces = ["{"]
    ms = list(members)
    if R.random() < 0.6:
        ms.insert(R.randint(0, len(ms)), R.choice(FILLER))
    for i, (k, v) in enumerate(ms):
        if i:
            pieces.append(R.choice([",", ", "]))
        pieces.append(k + R.choice([":", ": "]))
        pieces.append(v)
    pieces.append("}")
    return pieces


def num_or_str(v):
    return v if R.random() < 0.5 else f'"{v}"'


# ======================================================= (a) JSON structure

PAIR_KEYS = [('"lat"', '"lng"'), ('"latitude"', '"longitude"'), ('"lat"', '"lon"'),
             ('"lat"', '"long"'), ('"纬度"', '"经度"'), ('"Latitude"', '"Longitude"'),
             ('"userLat"', '"userLng"'), ('"gps_lat"', '"gps_lon"')]

for name, (klat, klng) in zip(
        ["lat-lng", "latitude-longitude", "lat-lon", "lat-long", "han", "capitalised",
         "camel-prefix", "snake-prefix"], PAIR_KEYS):
    for _ in range(6):
        a, b = num_or_str(lat()), num_or_str(lng())
        ms = [(klat, (GPS, a)), (klng, (GPS, b))]
        if R.random() < 0.3:
            ms.reverse()
        add("positive", f"{GPS}/json-pair/{name}", record(ms), "json")

for _ in range(6):
    a, b = exp_form(lat()), exp_form(lng())
    add("positive", f"{GPS}/json-pair/exponent",
        record([('"lat"', (GPS, a)), ('"lng"', (GPS, b))]), "json")
for _ in range(6):
    a, b = "+" + lat().lstrip("-"), "+" + lng().lstrip("-")
    add("positive", f"{GPS}/json-pair/plus-sign",
        record([('"latitude"', (GPS, f'"{a}"')), ('"longitude"', (GPS, f'"{b}"'))]), "json")
for _ in range(6):
    a, b, c, d = lat(), lng(), lat(), lng()
    add("positive", f"{GPS}/json-pair/two-prefixes",
        ["{", '"start_lat":', (GPS, a), ',"start_lng":', (GPS, b), ',"end_lat":', (GPS, c),
         ',"end_lng":', (GPS, d), "}"], "json")
for _ in range(6):
    a, b = num_or_str(lat()), num_or_str(lng())
    add("positive", f"{GPS}/json-pair/nested",
        ['{"user":{"id":7,"loc":{"lat":', (GPS, a), ',"lng":', (GPS, b), '}}}'], "json")

for key in ["location", "loc", "geo", "gps", "coords", "coord", "position", "pos", "point",
            "latlng", "latLng", "geo_point", "lastKnownLocation", "位置", "坐标"]:
    for _ in range(2):
        a, b = lat(), lng()
        add("positive", f"{GPS}/json-array/lat-lng",
            ['{"', key, '":[', (GPS, a), ",", (GPS, b), "]}"], "json")
for _ in range(6):
    a, b = lng(), lat()
    add("positive", f"{GPS}/json-array/geojson-point",
        ['{"type":"Feature","geometry":{"type":"Point","coordinates":[', (GPS, a), ", ",
         (GPS, b), ']}}'], "json")
for _ in range(6):
    a, b, c, d = lng(), lat(), lng(), lat()
    add("positive", f"{GPS}/json-array/geojson-nested",
        ['{"type":"LineString","coordinates":[[', (GPS, a), ",", (GPS, b), "],[", (GPS, c),
         ",", (GPS, d), "]]}"], "json")
for _ in range(6):
    a, b = lat(), lng()
    add("positive", f"{GPS}/json-array/with-altitude",
        ['{"gps":[', (GPS, a), ",", (GPS, b), ",", str(R.randint(10, 900)), ".5]}"], "json")
for _ in range(6):
    a, b = lat(), lng()
    add("positive", f"{GPS}/json-array/strings",
        ['{"location":[', (GPS, f'"{a}"'), ",", (GPS, f'"{b}"'), "]}"], "json")

MOBILE_PREFIXES = ["138", "139", "150", "186", "177", "199", "135"]
for _ in range(8):
    m = R.choice(MOBILE_PREFIXES) + "".join(R.choice("0123456789") for _ in range(8))
    lit = m[0] + "." + m[1:] + R.choice(["E10", "e10", "E+10"])
    key = R.choice(['"phone"', '"mobile"', '"v"', '"data"', '"contact"'])
    add("positive", "CN_MOBILE/json-number/exponent", record([(key, ("CN_MOBILE", lit))]),
        "json")

# Negatives: numbers that look the part without being a position.
for _ in range(8):
    add("negative", "NEG/json-pair/one-decimal",
        record([('"lat"', f"{R.uniform(18, 53):.1f}"), ('"lng"', f"{R.uniform(74, 134):.1f}")]),
        "json")
# A value alone under its axis key counts from 2 decimals, as "lat=39.90"
# does in text; so does each half of a pair too coarse to be one.
for _ in range(6):
    add("positive", f"{GPS}/json-single/two-decimals",
        record([('"lat"', (GPS, f"{R.uniform(18, 53):.2f}")),
                ('"lng"', (GPS, f"{R.uniform(74, 134):.2f}"))]), "json")
for key in ['"纬度"', '"经度"', '"latitude"', '"lng"']:
    add("positive", f"{GPS}/json-single/alone",
        record([(key, (GPS, num_or_str(f"{R.uniform(18, 53):.2f}")))]), "json")
for _ in range(4):
    add("negative", "NEG/json-single/long-position",
        record([('"long"', f"{R.uniform(1, 99):.2f}"), ('"short"', f"{R.uniform(1, 99):.2f}")]),
        "json")
for _ in range(8):
    k1, k2 = R.choice([('"price"', '"total"'), ('"score"', '"ratio"'), ('"width"', '"height"'),
                       ('"temp"', '"humidity"'), ('"min"', '"max"')])
    add("negative", "NEG/json-pair/other-keys", record([(k1, lat()), (k2, lng())]), "json")
for _ in range(8):
    add("negative", "NEG/json-pair/out-of-range",
        record([('"lat"', f"{R.uniform(91, 180):.5f}"), ('"lng"', f"{R.uniform(181, 400):.5f}")]),
        "json")
for _ in range(6):
    add("negative", "NEG/json-pair/null-island",
        record([('"lat"', f"{R.uniform(0, 0.9):.6f}"), ('"lng"', f"{R.uniform(0, 0.9):.6f}")]),
        "json")
for _ in range(6):
    add("negative", "NEG/json-pair/not-a-number",
        record([('"lat"', '"unknown"'), ('"lng"', '"n/a"')]), "json")
for key in ["sizes", "prices", "scores", "range", "weights", "version", "rgb"]:
    add("negative", "NEG/json-array/other-key",
        ['{"', key, '":[', lat(), ",", lng(), "]}"], "json")
for _ in range(6):
    add("negative", "NEG/json-array/few-decimals",
        ['{"location":[', f"{R.uniform(18, 53):.2f}", ",", f"{R.uniform(74, 134):.1f}", "]}"],
        "json")
for _ in range(4):
    add("negative", "NEG/json-array/version-triple",
        ['{"pos":[', str(R.randint(1, 9)), ",", str(R.randint(0, 20)), ",",
         str(R.randint(0, 99)), "]}"], "json")
for _ in range(4):
    add("negative", "NEG/json-array/long-list",
        ['{"points":[', lat(), ",", lng(), ",", lat(), ",", lng(), ",", lat(), "]}"], "json")
for lit in ["1.5E3", "2.5e-3", "1.7E12", "1.2345678901E10", "9.99E2", "1.0E10", "-1.3912345678E10"]:
    add("negative", "NEG/json-number/exponent", record([('"v"', lit)]), "json")


if __name__ == "__main__":
    for r in records:
        print(json.dumps(r, ensure_ascii=False))
