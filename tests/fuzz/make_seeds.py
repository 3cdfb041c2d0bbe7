#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora and dictionaries from the test data.

    tests/fuzz/make_seeds.py     # from the repository root; rewrites
                                 # tests/fuzz/corpus/<target>/seed-* and
                                 # tests/fuzz/dicts/*.dict

Deterministic (no randomness): rerunning it gives the same files. Only the
seed-* files are rewritten; other files in a corpus directory (minimised
finds added by hand, named for what they show) are left alone. Crash inputs
go to tests/fuzz/crashes/<target>/, never here.

Every input's first byte(s) are the target's selectors (see each
tests/fuzz/<target>_fuzzer.cc): the policy (fuzz_policies.h, 6 of them) and,
per target, a format, a line limit or a call.
"""
import glob
import json
import os
import re

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FUZZ = os.path.join(ROOT, "tests", "fuzz")
POLICIES = 6  # FuzzPolicies().size()


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def lines(path):
    return [l for l in read(path).split(b"\n") if l.strip()]


def jsonl_texts(path):
    return [json.loads(l)["text"].encode() for l in lines(path)]


def spread(items, n):
    """n items spread evenly over `items` (all of them if fewer)."""
    if len(items) <= n:
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def write_corpus(target, inputs):
    d = os.path.join(FUZZ, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for old in glob.glob(os.path.join(d, "seed-*")):
        os.remove(old)
    for i, data in enumerate(inputs):
        with open(os.path.join(d, "seed-%03d" % i), "wb") as f:
            f.write(data)


# --- protobuf wire format (just what scrub.proto's requests need) ---------
def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field_bytes(num, data):
    return varint(num << 3 | 2) + varint(len(data)) + data


def field_varint(num, n):
    return varint(num << 3) + varint(n)


def chat_message(mid, text, attachments=0):
    m = field_bytes(1, mid.encode()) + field_bytes(4, text)
    for a in range(attachments):
        m += field_bytes(5, field_bytes(1, b"att-%d" % a) + field_bytes(2, b"image/png"))
    return m


def options(include_findings, dry_run):
    o = b""
    if include_findings:
        o += field_varint(1, 1)
    if dry_run:
        o += field_varint(2, 1)
    return o


def batch_request(texts, include_findings=True, dry_run=False, attachments=0):
    req = b"".join(field_bytes(1, chat_message("m%d" % i, t, attachments))
                   for i, t in enumerate(texts))
    return req + field_bytes(2, options(include_findings, dry_run))


def stream_request(records, request_format=0, include_findings=True):
    req = field_bytes(1, options(include_findings, False))
    if request_format:
        req += field_varint(2, request_format)
    for i, (text, fmt) in enumerate(records):
        r = field_bytes(1, b"r%d" % i) + field_bytes(2, text)
        if fmt:
            r += field_varint(3, fmt)
        req += field_bytes(3, r)
    return req


# --- inputs ----------------------------------------------------------------
def text_samples():
    pii = jsonl_texts("tests/data/pii_corpus.jsonl")
    evasion = jsonl_texts("tests/data/evasion_corpus.jsonl")
    structure = jsonl_texts("tests/data/structure_corpus.jsonl")
    negatives = jsonl_texts("tests/data/realtext_hard_negatives.jsonl")
    chat = lines("examples/chat_sample.txt")
    return (spread(pii, 16) + spread(evasion, 14) + spread(structure, 6) +
            spread(negatives, 6) + spread(chat, 6) +
            [b"", b"\xff\xfe invalid \xc0\xaf utf-8 13800138000",
             b"%31%33%38%30%30%31%33%38%30%30%30", b"&#49;&#51;&#56;00138000",
             b"\\u0031\\u0033\\u00388001380000", b"MTM4MDAxMzgwMDAgMTM4MDAxMzgwMDA=",
             b"-----BEGIN RSA PRIVATE KEY-----"])


def json_samples():
    records = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/data/json/*.jsonl"))):
        records += lines(os.path.relpath(path, ROOT))
    records += lines("examples/app_log.jsonl")
    return spread(records, 60)


def main():
    texts = text_samples()
    write_corpus("text_scan", [bytes([i % POLICIES]) + t for i, t in enumerate(texts)])

    records = json_samples()
    write_corpus("json_record_scan",
                 [bytes([(i % POLICIES) | (0x80 if i % 3 == 2 else 0)]) + r
                  for i, r in enumerate(records)])

    policies = [read(p) for p in sorted(
        glob.glob("examples/policies/*.textproto", root_dir=ROOT) +
        glob.glob("tests/data/json/*.policy.textproto", root_dir=ROOT) +
        glob.glob("tests/data/cli/*.textproto", root_dir=ROOT))]
    json_policies = [
        b'{"name": "json", "defaultAction": "ACTION_MASK", "minConfidence": 0.6}',
        b'{"onlyListedDetectors": true, "rules": [{"detector": "CN_MOBILE", '
        b'"action": "ACTION_REDACT", "redact": {"template": "<{detector}>"}}]}',
        b'{"onlyListedDetectors": true, "rules": [{"detector": "EMAIL"}], '
        b'"customDetectors": [{"id": "TICKET", "pattern": "T-[0-9]{4}", '
        b'"contextWords": ["ticket"], "validatorName": "luhn"}]}',
        b'{"dictionaries": [{"id": "CODENAME", "terms": ["bluebird"], '
        b'"caseInsensitive": true, "wholeWords": true}], "onlyListedDetectors": true}',
        b'{"blockRules": [{"name": "pair", "combination": {"allOf": ["CN_MOBILE"], '
        b'"anyOf": ["EMAIL"]}}], "limits": {"maxMessageBytes": "100", "maxJsonDepth": 3}}',
        b'{"json": {"fieldRules": [{"pointer": "/a", "alwaysRedact": true}, '
        b'{"key": "b", "skip": true}], "keyContext": [{"key": "c", "detectors": ["CN_MOBILE"]}],'
        b' "malformed": "MALFORMED_JSON_SCAN_AS_TEXT"}, "decode": {"base64": false, "maxDepth": 1}}',
        b'{"invalidUtf8": "INVALID_UTF8_REPLACE", "failureMode": "FAIL_OPEN", '
        b'"allow": {"values": ["400-810-8888"], "patterns": ["^1[0-9]+$"]}}',
        b'{"tokenize": {"keyFile": "logs.key", "keyId": "k2", "hexChars": 20}, '
        b'"defaultAction": "ACTION_TOKENIZE", "onlyListedDetectors": true}',
    ]
    small_text = [
        b'only_listed_detectors: true rules { detector: "CN_MOBILE" action: ACTION_BLOCK }',
        b'only_listed_detectors: true rules { detector: "BANK_CARD" action: ACTION_MASK '
        b'mask { keep_first: 0 keep_last: 4 mask_char: "#" } }',
        b'only_listed_detectors: true custom_detectors { id: "X1" pattern: "(a+)+b" '
        b'case_insensitive: true require_context: true context_words: "xx" }',
        b'only_listed_detectors: true rules { detector: "NOPE" }',
        b'only_listed_detectors: true rules { detector: "EMAIL" min_confidence: 1.5 }',
        b'decode { percent: false html: true max_depth: 4 }',
        b'rules { detector: "CN_MOBILE" enabled: false } min_confidence: nan',
    ]
    write_corpus("policy_parse",
                 [b"\x00" + p for p in policies + small_text] +
                 [b"\x01" + p for p in json_policies])

    streams = [read("tests/cli/testdata/pem_blocks.txt"), read("tests/cli/golden/redact.in"),
               read("tests/data/cli/mixed.txt"), read("examples/app_log.jsonl"),
               read("examples/chat_sample.txt"), read("examples/policies/sample_chat.txt")]
    chunks = []
    for s in streams:
        ls = s.split(b"\n")
        for k in range(0, len(ls), 3):
            chunks.append(b"\n".join(ls[k:k + 3]) + (b"\n" if k + 3 < len(ls) else b""))
    chunks = spread(chunks, 40) + [b"-----BEGIN RSA PRIVATE KEY-----\n" + b"QUJD" * 20 + b"\n",
                                   b"x" * 100 + b"-----BEGIN PRIVATE KEY-----" + b"y" * 100 +
                                   b"\nMIIB\n-----END PRIVATE KEY----- tel 13800138000\n"]
    write_corpus("cli_line_reader",
                 [bytes([i % POLICIES, i % 9]) + c for i, c in enumerate(chunks)])

    wire = []
    for i in range(0, 24):
        t = texts[(i * 7) % len(texts)]
        u = texts[(i * 11 + 3) % len(texts)]
        wire.append(bytes([(i % POLICIES) << 1]) +
                    batch_request([t, u][: 1 + i % 2], include_findings=i % 3 != 0,
                                  dry_run=i % 5 == 4, attachments=i % 3))
    for i in range(0, 24):
        r = records[(i * 5) % len(records)]
        t = texts[(i * 3) % len(texts)]
        fmt = [0, 1, 2, 3, 9][i % 5]
        wire.append(bytes([((i % POLICIES) << 1) | 1]) +
                    stream_request([(r, fmt), (t, 0)][: 1 + i % 2], request_format=i % 4,
                                   include_findings=i % 2 == 0))
    wire.append(b"\x08" + batch_request([texts[0]] * 5))  # over "limits"' 4 messages
    write_corpus("wire_scan", wire)

    write_dicts()


# --- dictionaries --------------------------------------------------------------
def dict_entry(s):
    out = ""
    for b in s.encode() if isinstance(s, str) else s:
        c = chr(b)
        if c in '"\\':
            out += "\\" + c
        elif 0x20 <= b < 0x7F:
            out += c
        else:
            out += "\\x%02X" % b
    return '"%s"' % out


def write_dict(name, words, comment):
    seen, out = set(), []
    for w in words:
        if w and w not in seen:
            seen.add(w)
            out.append(dict_entry(w))
    os.makedirs(os.path.join(FUZZ, "dicts"), exist_ok=True)
    with open(os.path.join(FUZZ, "dicts", name + ".dict"), "w") as f:
        f.write("# %s\n# Generated by tests/fuzz/make_seeds.py; do not edit.\n" % comment)
        f.write("\n".join(out) + "\n")


def catalogue_words():
    """Context words, word lists, JSON keys and example values of the built-in detectors."""
    table = read("lib/scrub/internal/detectors/builtin_detectors.textproto").decode()
    words = []
    for m in re.finditer(r'^\s*(positive|negative|word|json_key|negative_json_key):\s*\[(.*?)\]',
                         table, re.S | re.M):
        words += re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
    words += re.findall(r'value: "((?:[^"\\]|\\.)*)"', table)
    return words


def policy_words():
    proto = read("proto/scrub/v1/policy.proto").decode()
    fields = re.findall(r"^\s+(?:optional |repeated )?[\w.]+ (\w+) = \d+;", proto, re.M)
    enums = re.findall(r"^\s+([A-Z][A-Z0-9_]+) = \d+;", proto, re.M)
    camel = [re.sub(r"_(\w)", lambda m: m.group(1).upper(), f) for f in fields]
    table = read("lib/scrub/internal/detectors/builtin_detectors.textproto").decode()
    ids = re.findall(r'^  id: "([A-Z0-9_]+)"', table, re.M)
    validators = ["luhn", "mod11_2", "mod97", "gb11643", "cn_resident_id", "cn_mobile",
                  "bank_card", "iban", "us_ssn"]
    return (fields + camel + enums + ['"%s"' % i for i in ids] + validators +
            [" { ", " }", ": ", "true", "false", "nan", "inf", "-1", "1e9", "0.5",
             "{detector}", "[", "]", "\\d", "(?i)", "/user/password", "~1"])


def write_dicts():
    cat = catalogue_words()
    encodings = ["%3", "%40", "&#", "&#x", ";", "&amp;", "&commat;", "\\u00", "\\n", "\\\"",
                 "+86", "0086", "@", ".com", "\u200b", "\u3000", "\uff11", "\uff0d", "一",
                 "\u00ad", "\ufeff", "-----BEGIN RSA PRIVATE KEY-----"]
    write_dict("text_scan", cat + encodings,
               "text_scan: the catalogue's context words, JSON keys and example values; encodings")
    write_dict("json_record_scan",
               cat + encodings + ['{"', '":', '",', '"}', "[", "]", "null", "true", "1e10",
                                  "\\ud800", "\\udc00", "/", "lat", "lng", "coordinates",
                                  "skip_me", "trace_id", "member_code", "password", "contact"],
               "json_record_scan: as text_scan, plus JSON tokens and the fuzz policies' keys")
    write_dict("policy_parse", policy_words(),
               "policy_parse: policy.proto's field and enum names (text and JSON), detector ids, "
               "validators")
    write_dict("cli_line_reader",
               cat[:60] + ["\n", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
                           "-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----",
                           "-----END PRIVATE KEY-----", "Proc-Type: 4,ENCRYPTED", "DEK-Info: ",
                           "MIIEowIBAAKCAQEA", "{\"", "\":\""],
               "cli_line_reader: PEM markers and headers, line breaks, some context words")
    write_dict("wire_scan",
               cat[:60] + [b"\x0a", b"\x12", b"\x1a", b"\x22", b"\x08\x01", b"\x10\x01",
                           b"\x18\x02", b"\x18\x03", "{\""],
               "wire_scan: field tags of scrub.proto's requests, some context words")


if __name__ == "__main__":
    main()
