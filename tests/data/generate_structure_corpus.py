#!/usr/bin/env python3
"""Generates tests/data/structure_corpus.jsonl: personal values that only
structure or spelling gives away - coordinates split over two JSON values,
numbers in exponent form, e-mail addresses and coordinates written to dodge
filters, values after a key in URLs and log fields (and the same numbers
after identifier keys, which must stay), values inside percent-encoding,
HTML character references, JSON escapes in text and base64 (labelled span:
the whole encoded run) - each form with look-alikes that must stay
untouched.

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
import base64
import json
import random

from corpus_records import layout

R = random.Random(20261207)
records = []


def add(kind, form, pieces, fmt=None, keep=()):
    """pieces: str, or (detector, text) for a labelled value."""
    # A labelled value is one value piece.
    text, spans = layout([p if isinstance(p, str) else (p[0], [(p[1], True)]) for p in pieces])
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


def lat_lng_negatives(variant, n, lat_text, lng_text):
    """n records {"lat": lat_text(), "lng": lng_text()} that must stay."""
    for _ in range(n):
        add("negative", f"NEG/json-pair/{variant}",
            record([('"lat"', lat_text()), ('"lng"', lng_text())]), "json")


# Negatives: numbers that look the part without being a position.
lat_lng_negatives("one-decimal", 8,
                  lambda: f"{R.uniform(18, 53):.1f}", lambda: f"{R.uniform(74, 134):.1f}")
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
lat_lng_negatives("out-of-range", 8,
                  lambda: f"{R.uniform(91, 180):.5f}", lambda: f"{R.uniform(181, 400):.5f}")
lat_lng_negatives("null-island", 6,
                  lambda: f"{R.uniform(0, 0.9):.6f}", lambda: f"{R.uniform(0, 0.9):.6f}")
lat_lng_negatives("not-a-number", 6, lambda: '"unknown"', lambda: '"n/a"')
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


# ======================================================= (b) spelled forms

EMAIL = "EMAIL"
NAMES = ["zhang.san", "lisi88", "wang_wu", "chen.jing", "liu2024", "yang.fan", "zhao_lei",
         "sun.li", "hr.service", "it-support"]
DOMAINS = [("example", "com"), ("mail.example", "org"), ("163", "com"), ("qq", "com"),
           ("corp-example", "cn"), ("example", "co.uk"), ("foxmail", "com"),
           ("edu.example", "cn")]
EMAIL_PRE = ["邮箱 ", "email: ", "mail me: ", "联系我 ", "请发到 ", "", "my address is ",
             "Contact "]
EMAIL_POST = ["", " 谢谢", "，收到回复", " thanks", "。", " (work)"]


def spell(name, domain, tld, at, dot):
    host = dot.join(domain.split(".") + tld.split("."))
    return name + at + host


EMAIL_FORMS = {
    "words": (" at ", " dot "),
    "words-upper": (" AT ", " DOT "),
    "paren-at": ("(at)", "."),
    "bracket-at-dot": (" [at] ", " [dot] "),
    "brace-at": ("{at}", "."),
    "angle-at-dot": ("<at>", "<dot>"),
    "paren-at-dot": (" (at) ", " (dot) "),
    "spaced-at": (" @ ", "."),
    "space-before-at": (" @", "."),
    "full-width": ("＠", "．"),
}
for form, (at, dot) in EMAIL_FORMS.items():
    for _ in range(6):
        name = R.choice(NAMES)
        domain, tld = R.choice(DOMAINS)
        add("positive", f"{EMAIL}/spelled/{form}",
            [R.choice(EMAIL_PRE), (EMAIL, spell(name, domain, tld, at, dot)),
             R.choice(EMAIL_POST)])

for t in ["meet at 5 dot com office", "see you at 7 dot", "1 at a time", "one at a time",
          "look at google dot com for it", "we are at home dot", "arrive at 9. com is down",
          "price at 3 dot 5 each", "I'm at work, dot com bubble talk", "sold at 5.com",
          "stay at hotel dot com", "log in at example dot com", "3 at 2.5 each",
          "meet me at the station. com later", "buy at amazon dot com",
          "the cat sat at the mat", "5 at 10 dot 20 percent", "check at site (dot) com"]:
    add("negative", "NEG/spelled-email/prose", [t])

# Coordinates in text.
for _ in range(6):
    a, b = lat(), lng()
    sep = R.choice(["|", "&", ";", " ", ", "])
    k1, k2 = R.choice([("lat", "lng"), ("lat", "lon"), ("latitude", "longitude"),
                       ("Lat", "Lng")])
    add("positive", f"{GPS}/text/key-value", ["loc ", k1, "=", (GPS, a), sep, k2, "=",
                                              (GPS, b)])


def dms(deg_max, hemis):
    return (f"{R.randint(1, deg_max)} {R.randint(0, 59)} {R.randint(0, 59)}"
            f"{R.choice(['', ' '])}{R.choice(hemis)}")


for _ in range(6):
    v = dms(89, "NS") + R.choice([" ", ", ", "  "]) + dms(179, "EW")
    add("positive", f"{GPS}/text/dms-spaces", [R.choice(["位置 ", "", "at "]), (GPS, v),
                                               R.choice(["", " 见", "."])])
for _ in range(6):
    d1, d2 = R.randint(1, 2), R.randint(1, 2)
    v = (R.choice(["北纬", "南纬"]) + f"{R.uniform(18, 53):.{d1}f}" +
         R.choice([" ", "，", "", "、"]) + R.choice(["东经", "西经"]) + f"{R.uniform(74, 134):.{d2}f}")
    add("positive", f"{GPS}/text/han-hemispheres", [R.choice(["我在", "坐标 ", ""]), (GPS, v),
                                                    R.choice(["", "附近", "。"])])
for _ in range(6):
    a, b = lat(), lng()
    add("positive", f"{GPS}/text/geo-uri", ["open ",
                                            "geo:", (GPS, a + "," + b),
                                            R.choice(["", ";u=35", "?z=17"])])
for _ in range(6):
    a, b = lat(), lng()
    url = R.choice(["https://www.google.com/maps/@", "https://maps.google.com/?q=",
                    "https://www.openstreetmap.org/#map=17/"])
    sep = "/" if "openstreetmap" in url else ","
    add("positive", f"{GPS}/text/map-url", [url, (GPS, a + sep + b),
                                            R.choice([",17z", "", "&z=15"])])

for t in ["version 1.2.3 and 2.10.4", "升级到 3.14.159 了", "v10.0.19045 build",
          "39 54 31 116 23 50", "room 12 30 45 floor 3", "1 2 3N", "北纬线是一条线",
          "score 39.9 and 116.4", "lat= lng=", "geo: unknown", "2.5.1, 3.0.0",
          "maps/@home", "ratio 12.5|45.6", "北纬", "price=39.90&qty=116"]:
    add("negative", "NEG/text-coordinates/lookalike", [t])

# ======================================================= (c) keys in text

IDS = ["11010519491231002X", "440524188001010014", "110105194912310021"]
for key, det, values in [
        ("phone", "CN_MOBILE", None), ("mobile", "CN_MOBILE", None), ("tel", "CN_MOBILE", None),
        ("user.phone", "CN_MOBILE", None), ("contactPhone", "CN_MOBILE", None),
        ("idcard", "CN_RESIDENT_ID", None), ("sfz", "CN_RESIDENT_ID", None),
        ("id_no", "CN_RESIDENT_ID", None), ("email", "EMAIL", None),
        ("lat", "GPS_COORDINATE", None), ("lng", "GPS_COORDINATE", None),
        ("手机号", "CN_MOBILE", None), ("身份证号", "CN_RESIDENT_ID", None)]:
    for form, tmpl in [("query", "GET /api/user?uid=42&{k}={v}&ts=1733500000"),
                       ("key-value", "level=info user=42 {k}={v} msg=ok"),
                       ("key-colon", "[INFO] {k}: {v} | ok"),
                       ("quoted", 'audit "{k}":"{v}" done')]:
        if det == "CN_MOBILE":
            v = R.choice(MOBILE_PREFIXES) + "".join(R.choice("0123456789") for _ in range(8))
        elif det == "CN_RESIDENT_ID":
            v = "11010519491231002X"
        elif det == "EMAIL":
            v = R.choice(NAMES) + "@example.com"
        else:
            v = f"{R.uniform(18, 53):.2f}" if key == "lat" else f"{R.uniform(74, 134):.2f}"
        pre, post = tmpl.split("{v}")
        add("positive", f"{det}/field-key/{form}", [pre.format(k=key), (det, v), post])

# Negative keys: the same numbers under identifier keys stay.
for key in ["order_id", "orderNo", "trace_id", "request_id", "txn_id", "tracking_no",
            "msg_id", "sku", "订单号", "流水号"]:
    for form, tmpl in [("query", "GET /api/order?{k}={v}&page=2"),
                       ("key-value", "level=info {k}={v} status=paid"),
                       ("key-colon", "[INFO] {k}: {v} | paid")]:
        v = R.choice(MOBILE_PREFIXES) + "".join(R.choice("0123456789") for _ in range(8))
        add("negative", f"NEG/field-key/{form}", [tmpl.format(k=key, v=v)])


# ======================================================= (d) decoded views
# A labelled span is the whole encoded run of the value (what a finding in
# a decoded view redacts).


def pct(value):
    return "".join(f"%{b:02X}" for b in value.encode("utf-8"))


def html_dec(value):
    return "".join(f"&#{ord(c)};" for c in value)


def html_hex(value):
    return "".join(f"&#x{ord(c):x};" for c in value)


def esc_u(value):
    return "".join(f"\\u{ord(c):04x}" for c in value)


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def mobile():
    return R.choice(MOBILE_PREFIXES) + "".join(R.choice("0123456789") for _ in range(8))


def email():
    domain, tld = R.choice(DOMAINS)
    return f"{R.choice(NAMES)}@{domain}.{tld}"


RESIDENT_IDS = ["11010519491231002X", "440524188001010014", "440305198511201231",
                "31010419780512308X"]
MOB, RID = "CN_MOBILE", "CN_RESIDENT_ID"

for _ in range(6):
    add("positive", f"{MOB}/decoded/percent-digits",
        [R.choice(["GET /u?tel=", "cb?phone=", "q=", "/api/v1/sms?to="]), (MOB, pct(mobile())),
         R.choice(["", "&x=1", " HTTP/1.1"])])
for _ in range(6):
    m = mobile()
    add("positive", f"{MOB}/decoded/percent-query-plus",
        [R.choice(["GET /u?phone=", "/reg?mobile="]),
         (MOB, "%2B86+" + m[:3] + "+" + m[3:7] + "+" + m[7:]), "&ok=1"])
for _ in range(6):
    m = mobile()
    add("positive", f"{MOB}/decoded/percent-spaced",
        [R.choice(["phone=", "tel="]), (MOB, "%2B86%20" + m[:3] + "%20" + m[3:7] + "%20" + m[7:])])
for _ in range(6):
    add("positive", f"{MOB}/decoded/html-decimal",
        [R.choice(["电话", "<p>tel ", "手机："]), (MOB, html_dec(mobile())), R.choice(["", "</p>", "。"])])
for _ in range(6):
    add("positive", f"{MOB}/decoded/html-hex",
        [R.choice(["电话", "<td>", "call "]), (MOB, html_hex(mobile())), R.choice(["", "</td>"])])
for _ in range(6):
    add("positive", f"{MOB}/decoded/json-unicode",
        [R.choice(["msg=", 'payload {\\"tel\\":\\"', "text: "]), (MOB, esc_u(mobile())),
         R.choice(["", '\\"}', " end"])])
for _ in range(6):
    m = mobile()
    sep = R.choice(["\\n", "\\t", "\\r\\n"])
    add("positive", f"{MOB}/decoded/json-escape-split",
        [R.choice(["tel: ", "手机 ", "phone="]), (MOB, m[:3] + sep + m[3:7] + sep + m[7:])])
for _ in range(6):
    add("positive", f"{MOB}/decoded/base64",
        [R.choice(["payload=", "data: ", "b64 "]),
         (MOB, b64(R.choice(["my phone is ", "电话 ", "tel="]) + mobile())),
         R.choice(["", " end", ";"])])
for _ in range(6):
    add("positive", f"{MOB}/decoded/percent-in-base64",
        [R.choice(["nested=", "blob "]), (MOB, b64("tel=" + pct(mobile())))])
for _ in range(6):
    m = mobile()
    add("positive", f"{MOB}/decoded/mixed",
        [R.choice(["tel=", "手机号 "]), (MOB, pct(m[:4]) + html_dec(m[4:8]) + esc_u(m[8:]))])
for _ in range(6):
    add("positive", f"{RID}/decoded/percent",
        [R.choice(["GET /kyc?idcard=", "sfz="]), (RID, pct(R.choice(RESIDENT_IDS))), "&v=2"])
for _ in range(6):
    add("positive", f"{RID}/decoded/html-decimal",
        [R.choice(["身份证号", "ID "]), (RID, html_dec(R.choice(RESIDENT_IDS)))])
for _ in range(6):
    add("positive", f"{RID}/decoded/json-unicode",
        [R.choice(["id_no=", "身份证 "]), (RID, esc_u(R.choice(RESIDENT_IDS)))])
for _ in range(6):
    add("positive", f"{RID}/decoded/base64",
        [R.choice(["doc=", "b64: "]), (RID, b64("身份证 " + R.choice(RESIDENT_IDS)))])
for _ in range(6):
    e = email()
    add("positive", f"{EMAIL}/decoded/percent-at",
        [R.choice(["GET /sub?email=", "mailto="]), (EMAIL, e.replace("@", "%40")), "&src=web"])
for _ in range(6):
    e = email()
    add("positive", f"{EMAIL}/decoded/html-named",
        [R.choice(["contact ", "邮箱 "]), (EMAIL, e.replace("@", "&commat;").replace(".", "&period;"))])
for _ in range(6):
    add("positive", f"{EMAIL}/decoded/base64",
        [R.choice(["user=", "hdr "]), (EMAIL, b64("mail to " + email()))])
for _ in range(6):
    m = mobile()
    text_v = "/cb?phone=" + pct(m)
    add("positive", f"{MOB}/decoded/json-value-percent",
        ['{"url":', (MOB, json.dumps(text_v)), ',"code":200}'], "json")

# Negatives: encoded text without personal data, and broken escapes.
for t in [pct("北京"), pct("天气预报"), pct("hello world"), pct("/usr/share/doc")]:
    add("negative", "NEG/decoded/percent-clean", ["GET /search?q=", t, "&page=2&size=20"])
for t in ["50%3 off", "%E6%89 cut short", "100% sure", "%ZZ%", "rate=5%2"]:
    add("negative", "NEG/decoded/percent-partial", [t])
for t in ["&lt;b&gt;hello&lt;/b&gt; &amp; bye", "R&D &amp; QA", "Tom &amp; Jerry &copy; 2024",
          "&#xZZ; &#; &#0; &#x110000;", "x &nbsp; y &commat; z"]:
    add("negative", "NEG/decoded/html-clean", [t])
for t in ['{\\"status\\":\\"ok\\",\\"count\\":3}', "line one\\nline two\\tend",
          "\\u4f60\\u597d\\uff0c\\u4e16\\u754c", "\\u003 \\ud800 alone",
          "C:\\\\Users\\\\admin\\\\docs"]:
    add("negative", "NEG/decoded/escapes-clean", [t])
for t in ["hello world, how are you?", "今天天气不错，晚上一起吃饭吧", "order shipped on 2024-05-06",
          "the quick brown fox jumps over"]:
    add("negative", "NEG/decoded/base64-clean", ["data=", b64(t)])
for t in ["sha=d41d8cd98f00b204e9800998ecf8427e", "id=12345678901234567890",
          "/usr/share/doc/libfoo/README.Debian", "AbstractSingletonProxyFactoryBean",
          "key=AKIAIOSFODNN7EXAMPLEKEY", "MTM4MDAxMzgwMDAga truncated",
          "img=iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"]:
    add("negative", "NEG/decoded/base64-lookalike", [t])


if __name__ == "__main__":
    for r in records:
        print(json.dumps(r, ensure_ascii=False))
