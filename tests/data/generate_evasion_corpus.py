#!/usr/bin/env python3
"""Generates tests/data/evasion_corpus.jsonl: numbers written the way people
(and evaders) really write them, composed axis by axis from a fixed seed.

    tests/data/generate_evasion_corpus.py > tests/data/evasion_corpus.jsonl
    tests/data/generate_evasion_corpus.py --stats   # window statistics of random numbers

Same schema as pii_corpus.jsonl (see generate_corpus.py), so `scrub eval`
scores it; tests/data/eval_by_form.py reports every form. Offsets are UTF-8
byte offsets. A labelled span runs from the first to the last character of
the value (a "+86"/"86" prefix included, markup or neighbours outside it not;
invisible characters, markup and separators INSIDE it are part of it: the
redaction must cover them). Deterministic: the output is the same byte for
byte on every run (one random.Random, fixed seed, no set/dict-order or clock
dependence).

Form names: "<DETECTOR>/<category>/<variant>" for the positives;
"<...>/neg" is the same composition applied to an INVALID value (wrong check
character, impossible birth date, no mobile prefix, Luhn failure, SSN area
000/666/9xx or group 00 or serial 0000, wrong MOD 97 / MOD 31) which must
stay untouched;
"<...>/lookalike" is a mixed line holding a valid value and an invalid one
written the same way (the invalid one in "keep"); "HARD_NEGATIVE/<kind>/..."
are numbers that are not personal data but that digit windows could break.

Detectors: CN_RESIDENT_ID, CN_MOBILE, BANK_CARD (every category), and where
it makes sense US_SSN, IBAN, CN_USCC, CN_LANDLINE (with a context word;
CN_LANDLINE positives only: after a phone word, any number written like a
phone number is personal data, PHONE if not CN_LANDLINE).

Categories (the second part of a form name):
  group/<g>      any grouping of the value with a random separator: ID 6-8-4,
                 6-4-4-4, 4-4-4-4-2, pairs, triples, 6-4-2-2-4
                 (110105-1949-12-31-002X), one by one, random; mobile 3-4-4,
                 3-8, 7-4, 4-4-3, one by one, random; card 4-4-4-4, 8-8,
                 6-13, 4-6-5, 4-4-4-4-3, random; IBAN by 4, random, none.
  sep/<s>        one separator kind with a usual grouping: space, irregular
                 runs of spaces, '-', '/', '·', '.', '・', U+3000, '－', '–',
                 NBSP, thin space; "mixed" mixes kinds inside one value.
  digits/<f>     a digit form for every digit: ASCII, full-width, mathematical
                 bold/double-struck/sans/sans-bold/monospace (U+1D7CE..FF),
                 Arabic-Indic, extended Arabic-Indic, Devanagari, Bengali,
                 Thai, circled ①..⑨ ⓪, negative circled ❶ ⓿, circled sans ➀ 🄋,
                 parenthesised ⑴..⑼, full stop ⒈..⒐ 🄀, keycap (digit U+FE0F
                 U+20E3), Chinese numerals 零〇一二三四五六七八九 幺(1) 两(2),
                 financial 零壹贰叁肆伍陆柒捌玖 (and traditional 貳參陸);
                 "per-digit-mix" draws the form of EACH digit at random;
                 "ascii-chinese-runs" alternates ASCII and Chinese runs
                 (138一二三四5678); "circled-multi-digit" writes two
                 digits 10-20 as one character (⑬ for 13), the rest circled.
                 A form without a zero (parenthesised) writes 0 in ASCII.
  digits-grouped/<f>, invisible-grouped/<i>  the same with a usual grouping.
  check-x/<c>    (CN_RESIDENT_ID) the check character written X, x, Ｘ, ｘ,
                 Roman Ⅹ ⅹ, Cyrillic Х х, Greek Χ, multiplication sign ×.
  invisible/<i>  1-3 characters at random positions inside the value:
                 zero-width (U+200B-D, U+2060, U+FEFF, U+00AD), other
                 Default_Ignorable (U+3164, U+034F, U+FE0F, U+FE0E, U+180E,
                 U+115F, U+2063, U+200E, U+061C), U+2800, controls (NUL, SOH,
                 BEL, BS, DEL), whole ANSI colour sequences (ESC[31m ...
                 ESC[0m around part of the value), emoji between digits, U+FFFD,
                 and "mixed". A lone ESC is never put before a digit: ESC 7 /
                 ESC 8 are two-byte escape sequences that consume the digit.
  markup/<m>     markdown bold/italic/code/strike, quotes, corner brackets
                 around a part: **138**1234 5678, `138` 1234 5678, "138"...
  neighbour/<n>  what touches the value: a number after it that must not be
                 swallowed (电话 138 1234 5678 1234; tel ... 20 min; a card
                 then an expiry 12/29 or a 4-digit number), a number before
                 it, Han characters touching both ends (身份证...号), two
                 values side by side, two values glued without a separator
                 (mobile+ID, ID+mobile, mobile+mobile, ID+digits), an ID then
                 a mobile, a card then a mobile. Neighbours go in "keep".
  prefix/<p>     (CN_MOBILE) +86, +86-, 0086, (+86), ＋８６, and the
                 SMS-gateway form 86 + mobile without '+'.
  combo          the axes at once, each drawn at random (grouping,
                 separator, digit form per value or per digit, invisibles,
                 markup).
  case/lower     (IBAN) written in lower case.
  encoding/<e>   (CN_RESIDENT_ID, CN_MOBILE, BANK_CARD) the whole value
                 percent-encoded, as HTML decimal or hex references, as
                 JSON \\u escapes, or inside a base64 run; the span is the
                 whole encoded run (decoded views).
HARD_NEGATIVE kinds (must stay untouched; no context word near them):
  amount/*       space, NBSP, dot, apostrophe thousands separators
                 (13 456 789 012, 1.234.567,89) — some whose digits form a
                 mobile or a Luhn-valid 16-digit run;
  epoch/*        timestamps in s, ms, µs, ns;
  txn-number/*   18-28 random digits, split by what a window at either end
                 would validate (Luhn 13-19, mobile shape, both, none); see
                 --stats for how often that happens;
  snowflake/*    64-bit snowflake ids (18-19 digits);
  card-expiry-window/*  a wrong card number whose digits and the expiry
                 month after it make a Luhn-valid run (卡号 ... 04/33 到期);
  tsv/*, csv/*   rows of numbers; cells whose concatenation is a valid value
                 (TAB, '|', ',', ';' end a run);
  version/*, date-time/*, price/*, product-code/* (letters touching digits:
  PN18612345678, AB-18612345678-C), hex/* (0x..., hashes), uuid/*;
  realtext/<k>   false positives of the current engine in real Debian text
                 (man pages, fortunes, docs), the line kept verbatim
                 (realtext_hard_negatives.jsonl; true findings on the same
                 line become labelled spans of a mixed line).

Values are synthetic (generated to pass or fail their checks); no real
person's data is used.
"""
import json
import os
import random
import sys

from corpus_records import layout
from pii_values import (CARD_PREFIXES, id_check, iban_ok, luhn_ok, mobile_shaped,
                        resident_id_ok, uscc_ok, ValueMaker)

R = random.Random(20261201)
V = ValueMaker(R)
HERE = os.path.dirname(os.path.abspath(__file__))

# ================================================================ digit forms


def _block(zero):
    return {str(d): chr(zero + d) for d in range(10)}


def _with_zero(one, zero):
    m = {str(d): chr(one + d - 1) for d in range(1, 10)}
    m["0"] = zero
    return m


DIGIT_FORMS = {
    "ascii": {str(d): str(d) for d in range(10)},
    "full-width": _block(0xFF10),
    "math-bold": _block(0x1D7CE),
    "math-double-struck": _block(0x1D7D8),
    "math-sans": _block(0x1D7E2),
    "math-sans-bold": _block(0x1D7EC),
    "math-monospace": _block(0x1D7F6),
    "arabic-indic": _block(0x0660),
    "extended-arabic-indic": _block(0x06F0),
    "devanagari": _block(0x0966),
    "bengali": _block(0x09E6),
    "thai": _block(0x0E50),
    "circled": _with_zero(0x2460, "\u24ea"),
    "negative-circled": _with_zero(0x2776, "\u24ff"),
    "circled-sans": _with_zero(0x2780, "\U0001F10B"),
    "parenthesised": _with_zero(0x2474, "0"),
    "full-stop": _with_zero(0x2488, "\U0001F100"),
    "keycap": {str(d): f"{d}\ufe0f\u20e3" for d in range(10)},
}
# Chinese numerals: several characters per digit, drawn per digit.
CHINESE_FORMS = {
    "chinese": {"0": "零〇", "1": "一幺", "2": "二两", "3": "三", "4": "四", "5": "五",
                "6": "六", "7": "七", "8": "八", "9": "九"},
    "chinese-financial": {"0": "零", "1": "壹", "2": "贰", "3": "叁", "4": "肆", "5": "伍",
                          "6": "陆", "7": "柒", "8": "捌", "9": "玖"},
    "chinese-financial-traditional": {"0": "零", "1": "壹", "2": "貳", "3": "參", "4": "肆",
                                      "5": "伍", "6": "陸", "7": "柒", "8": "捌", "9": "玖"},
}
ALL_FORMS = sorted(DIGIT_FORMS) + sorted(CHINESE_FORMS)
# What the X check character becomes in a digit form that has one.
X_IN_FORM = {"full-width": "Ｘ"}
X_LOOKALIKES = {"ascii-upper": "X", "ascii-lower": "x", "full-width": "Ｘ",
                "full-width-lower": "ｘ", "roman-ten": "\u2169", "roman-ten-small": "\u2179",
                "cyrillic-kha": "\u0425", "cyrillic-kha-small": "\u0445",
                "greek-chi": "\u03a7", "multiplication-sign": "\u00d7"}


def digit_char(form, d):
    """One digit `d` (ASCII, or the X check character) written in `form`."""
    if d in "Xx":
        return X_IN_FORM.get(form, d)
    if not d.isdigit():  # IBAN/USCC letters
        return d.translate(FULLWIDTH_LETTERS) if form == "full-width" else d
    if form in CHINESE_FORMS:
        return R.choice(CHINESE_FORMS[form][d])
    return DIGIT_FORMS[form][d]


FULLWIDTH_LETTERS = {c: c + 0xFEE0 for c in range(0x41, 0x5B)}
FULLWIDTH_LETTERS.update({c: c + 0xFEE0 for c in range(0x61, 0x7B)})

# ================================================================ separators

SEPARATORS = {
    "space": " ", "spaces-irregular": None, "hyphen": "-", "slash": "/",
    "middle-dot": "\u00b7", "dot": ".", "katakana-middle-dot": "\u30fb",
    "ideographic-space": "\u3000", "full-width-hyphen": "\uff0d", "en-dash": "\u2013",
    "nbsp": "\u00a0", "thin-space": "\u2009", "mixed": None,
}
MIXABLE = [" ", "-", "/", "\u00b7", ".", "\u30fb", "\u3000", "\uff0d", "\u2013", "\u00a0"]


def separator_fn(name):
    """A function giving the separator of each gap (drawn per gap when the
    kind varies)."""
    if name == "spaces-irregular":
        return lambda: " " * R.randint(1, 4)
    if name == "mixed":
        return lambda: R.choice(MIXABLE)
    s = SEPARATORS[name]
    return lambda: s


# ================================================================ invisibles

INVISIBLES = {
    "zero-width": ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"],
    "default-ignorable": ["\u3164", "\u034f", "\ufe0f", "\ufe0e", "\u180e", "\u115f",
                          "\u2063", "\u200e", "\u061c"],
    "braille-blank": ["\u2800"],
    "control": ["\x00", "\x01", "\x07", "\x08", "\x7f"],
    "emoji": ["\U0001F4DE", "\U0001F600", "\U0001F44D", "\U0001F525", "\u2764\ufe0f",
              "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F1E8\U0001F1F3"],
    "replacement-char": ["\ufffd"],
}
ANSI_OPEN = ["\x1b[31m", "\x1b[1;32m", "\x1b[38;5;196m", "\x1b[4m", "\x1b[7m"]
ANSI_CLOSE = ["\x1b[0m", "\x1b[m", "\x1b[39m"]
INVISIBLE_KINDS = sorted(INVISIBLES) + ["ansi-colour", "mixed"]

# ================================================================ markup

MARKUP = {
    "bold": ("**", "**"), "italic": ("*", "*"), "code": ("`", "`"),
    "strike": ("~~", "~~"), "double-quotes": ('"', '"'), "single-quotes": ("'", "'"),
    "corner-brackets": ("「", "」"), "curly-quotes": ("\u201c", "\u201d"),
    "underline-html": ("<u>", "</u>"),
}

# ================================================================ values

ID_GROUPINGS = {"6-8-4": [6, 8, 4], "6-4-4-4": [6, 4, 4, 4], "4-4-4-4-2": [4, 4, 4, 4, 2],
                "pairs": [2] * 9, "triples": [3] * 6, "6-4-2-2-4": [6, 4, 2, 2, 4],
                "3-3-4-4-4": [3, 3, 4, 4, 4], "one-by-one": [1] * 18, "random": None}
MOBILE_GROUPINGS = {"3-4-4": [3, 4, 4], "3-8": [3, 8], "7-4": [7, 4], "4-4-3": [4, 4, 3],
                    "one-by-one": [1] * 11, "random": None}
CARD_GROUPINGS = {"4-4-4-4": (16, [4, 4, 4, 4]), "8-8": (16, [8, 8]),
                  "6-13": (19, [6, 13]), "4-6-5": (15, [4, 6, 5]),
                  "4-4-4-4-3": (19, [4, 4, 4, 4, 3]), "4-4-4-4-ungrouped": (16, [16]),
                  "random": (None, None)}


def random_grouping(n, lo=1, hi=6):
    """Random group sizes summing to n, never a thousands-separator shape
    (first group 1-3, then all 3s), which is an amount's grouping, nor 1-3-3-4,
    which is a North American number (+1 833 978 9285)."""
    while True:
        sizes = []
        while sum(sizes) < n:
            sizes.append(min(R.randint(lo, hi), n - sum(sizes)))
        thousands = len(sizes) > 1 and sizes[0] <= 3 and all(s == 3 for s in sizes[1:])
        if len(sizes) > 1 and not thousands and sizes != [1, 3, 3, 4]:
            return sizes


def bad_id():
    """An 18-character ID failing only its check: wrong check character, or
    (one in four) a birth date that does not exist."""
    while True:
        if R.random() < 0.75:
            v = V.bad_resident_id()
        else:
            good = V.resident_id()
            first17 = good[:10] + R.choice(["13", "00", "02"]) + R.choice(["30", "31", "00"]) + good[14:17]
            v = first17 + id_check(first17)
        if not resident_id_ok(v):
            return v


def id_with_x():
    while True:
        v = V.resident_id()
        if v[-1] == "X":
            return v
        first17 = v[:14] + V.digits(3)
        if id_check(first17) == "X":
            return first17 + "X"


def id_without_x():
    """An ID whose check is a digit (so an X look-alike makes it invalid)."""
    while True:
        v = V.resident_id()
        if v[-1] != "X":
            return v


def bad_mobile():
    """11 digits starting 10, 11 or 12: no mainland mobile prefix."""
    return "1" + R.choice("012") + V.digits(9)


def card(length=None):
    prefixes = [p for p in CARD_PREFIXES if length is None or p[1] == length]
    if not prefixes:
        prefixes = [(R.choice(["62", "4", "55"]), length)]
    prefix, n = R.choice(prefixes)
    return V.luhn_complete(prefix, n)


def bad_card(length=None):
    prefixes = [p for p in CARD_PREFIXES if length is None or p[1] == length]
    if not prefixes:
        prefixes = [(R.choice(["62", "4", "55"]), length)]
    prefix, n = R.choice(prefixes)
    return V.luhn_fail(prefix, n)


def ssn_value():
    return "".join(V.ssn())


def bad_ssn():
    a, g, s = V.ssn()
    which = R.randint(0, 3)
    if which == 0:
        a = R.choice(["000", "666"])
    elif which == 1:
        a = str(R.randint(900, 999))
    elif which == 2:
        g = "00"
    else:
        s = "0000"
    return a + g + s


AREA3 = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]
AREA4 = ["0755", "0571", "0512", "0731", "0898", "0351", "0471", "0591", "0871", "0931"]


def landline():
    """(area code, local number). CN_LANDLINE has no negative twin: after a
    phone context word, a number written like a phone number is personal data
    whatever its area code (another country's PHONE)."""
    area = R.choice(AREA3 + AREA4)
    local = str(R.randint(2, 8)) + V.digits(7 if len(area) == 3 else R.choice([6, 7]))
    return area, local


# ================================================================ windows
# What a structure-first engine could validate in a run of digit groups: used
# to keep every line unambiguous (a negative holds no valid group-aligned
# window; a positive holds none but its own value).


def valid_as(s):
    """The detectors a plain digit string validates as ('' if none)."""
    out = []
    if 13 <= len(s) <= 19 and s.isdigit() and luhn_ok(s):
        out.append("BANK_CARD")
    if len(s) == 18 and resident_id_ok(s):
        out.append("CN_RESIDENT_ID")
    if mobile_shaped(s):
        out.append("CN_MOBILE")
    if uscc_ok(s):
        out.append("CN_USCC")
    return out


def digit_runs_valid(v):
    """True if `v` (canonical, maybe ending in X) or its run of digits
    validates as anything (a 17-digit Luhn-valid body before an X is a card)."""
    return bool(valid_as(v)) or (not v[-1].isdigit() and bool(valid_as(v[:-1])))


def aligned_windows(groups):
    """Every concatenation of consecutive groups: (start, end, digits)."""
    for i in range(len(groups)):
        for j in range(i + 1, len(groups) + 1):
            yield i, j, "".join(groups[i:j])


def ambiguous(groups):
    """True if some group-aligned window (concatenated consecutive groups)
    validates as anything."""
    return any(valid_as(s) for _, _, s in aligned_windows(groups))


# ================================================================ rendering


def render_value(chars, sizes, sep, form, invis=None, markup=None, check=None, prefix=""):
    """The value `chars` (ASCII canonical) written with group `sizes`,
    separator function `sep`, per-character form function `form(i, c)`,
    an optional insertion function `invis(gaps)` returning {gap: text},
    markup (open, close) around one group, an optional written check
    character. Returns a list of (text, is_value_char) pieces."""
    written = [form(i, c) for i, c in enumerate(chars)]
    if check is not None:
        written[-1] = check
    # gaps: after character k (k = 0..len-2); a separator at group ends.
    ends, pos = set(), 0
    for s in sizes[:-1]:
        pos += s
        ends.add(pos - 1)
    insert = invis(len(chars) - 1) if invis else {}
    mark_group, glue = None, False
    if markup:
        mark_group = R.randrange(len(sizes))
        glue = R.random() < 0.5  # "**138**1234 5678": markup instead of a separator
    # group index of each character
    gi, group_of = 0, []
    for s in sizes:
        group_of += [gi] * s
        gi += 1
    out = []
    if prefix:
        out.append((prefix, True))
    for k, w in enumerate(written):
        g = group_of[k]
        if mark_group == g and (k == 0 or group_of[k - 1] != g):
            out.append((markup[0], False))
        out.append((w, True))
        if mark_group == g and (k == len(written) - 1 or group_of[k + 1] != g):
            out.append((markup[1], False))
        if k < len(written) - 1:
            if k in ends and not (glue and mark_group in (group_of[k], group_of[k + 1])):
                out.append((sep(), False))
            if k in insert:
                out.append((insert[k], False))
    return out


def invisible_fn(kind):
    def insert(ngaps):
        if ngaps <= 0:
            return {}
        if kind == "ansi-colour":
            a = R.randrange(ngaps)
            b = R.randrange(ngaps)
            a, b = min(a, b), max(a, b)
            if a == b:
                return {a: R.choice(ANSI_OPEN) + R.choice(ANSI_CLOSE)}
            return {a: R.choice(ANSI_OPEN), b: R.choice(ANSI_CLOSE)}
        n = R.randint(1, min(3, ngaps))
        gaps = sorted(R.sample(range(ngaps), n))
        out = {}
        for g in gaps:
            k = R.choice(sorted(INVISIBLES)) if kind == "mixed" else kind
            out[g] = R.choice(INVISIBLES[k])
        return out
    return insert


def single_form(name):
    return lambda i, c: digit_char(name, c)


def per_digit_mix(i, c):
    return digit_char(R.choice(ALL_FORMS), c)


def ascii_chinese_runs(chars):
    """Alternating runs: ASCII, then Chinese numerals, then ASCII..."""
    cuts = sorted(R.sample(range(1, len(chars)), min(3, len(chars) - 1)))
    start_chinese = R.random() < 0.5
    run_of = []
    run, prev = 0, 0
    for c in cuts + [len(chars)]:
        run_of += [run] * (c - prev)
        prev, run = c, run + 1

    def form(i, c):
        chinese = (run_of[i] % 2 == 0) == start_chinese
        return digit_char("chinese", c) if chinese else c
    return form


def circled_pairs(chars):
    """Two digits 10-20 as one enclosed number (⑬ for "13"), the others
    circled one by one: one character standing for several digits."""
    out, i = {}, 0
    while i < len(chars):
        pair = chars[i:i + 2]
        if len(pair) == 2 and pair.isdigit() and 10 <= int(pair) <= 20 and R.random() < 0.8:
            out[i], out[i + 1] = chr(0x2469 + int(pair) - 10), ""
            i += 2
        else:
            out[i] = digit_char("circled", chars[i])
            i += 1
    return lambda i, c: out[i]


# ================================================================ records

records = []


def add(kind, form, pieces, keep=()):
    """pieces: see corpus_records.layout()."""
    text, spans = layout(pieces)
    assert "\n" not in text and "\r" not in text, form
    for k in keep:
        assert k in text, (form, k)
    records.append({"id": f"ev-{kind[:3]}-{len(records):05d}", "kind": kind, "form": form,
                    "text": text, "spans": spans, "keep": list(keep)})


def joined(parts):
    return "".join(t for t, _ in parts)


# ---------------------------------------------------------------- contexts

CONTEXT = {
    "CN_RESIDENT_ID": ["身份证号", "身份证：", "身份证号码是 ", "证件号 ", "ID card: ", "公民身份号码", ""],
    "CN_MOBILE": ["手机", "电话：", "手機 ", "联系电话 ", "tel: ", "打我电话", "call me at ", ""],
    "BANK_CARD": ["银行卡号 ", "卡号：", "信用卡 ", "card ", "储蓄卡", "银联卡 ", ""],
    "US_SSN": ["SSN ", "ssn: ", "social security number: ", "SSN#"],
    "IBAN": ["IBAN ", "IBAN: ", "account ", "汇款账号 "],
    "CN_USCC": ["统一社会信用代码：", "信用代码 ", "社会信用代码"],
    "CN_LANDLINE": ["座机 ", "办公电话：", "固话", "电话 ", "tel "],
}
PRE = ["", "麻烦登记一下，", "好的，", "请核对：", "Hi, ", "确认一下 ", "您好，"]
POST = ["", "，谢谢", "。", " 谢谢！", " thanks", "，有问题再联系", "！"]
OLD = ["旧号", "之前那个", "作废的", "old one "]


def ctx(det):
    return R.choice(PRE) + R.choice(CONTEXT[det])


# ---------------------------------------------------------------- the detectors


class Spec:
    """How to draw and write one detector's values."""

    def __init__(self, det, good, bad, groupings, default_groupings):
        self.det, self.good, self.bad = det, good, bad
        self.groupings = groupings          # name -> sizes (None: random)
        self.default_groupings = default_groupings  # drawn when only a separator is given

    def sizes(self, value, name=None):
        name = name or R.choice(self.default_groupings)
        g = self.groupings[name]
        if isinstance(g, tuple):
            g = g[1]
        if g is None:
            return random_grouping(len(value))
        assert sum(g) == len(value), (self.det, name, value)
        return g


def card_good(grouping=None):
    n = CARD_GROUPINGS[grouping][0] if grouping else None
    return card(n)


def card_bad(grouping=None):
    n = CARD_GROUPINGS[grouping][0] if grouping else None
    return bad_card(n)


SPECS = {
    "CN_RESIDENT_ID": Spec("CN_RESIDENT_ID", lambda g=None: V.resident_id(), lambda g=None: bad_id(),
                           ID_GROUPINGS, ["6-8-4", "6-4-4-4", "4-4-4-4-2"]),
    "CN_MOBILE": Spec("CN_MOBILE", lambda g=None: V.mobile(), lambda g=None: bad_mobile(),
                      MOBILE_GROUPINGS, ["3-4-4", "3-4-4", "3-8"]),
    "BANK_CARD": Spec("BANK_CARD", card_good, card_bad, CARD_GROUPINGS,
                      ["4-4-4-4", "4-4-4-4", "4-4-4-4-3", "8-8"]),
}


def value_for(spec, valid, grouping=None):
    """A valid or invalid value that fits `grouping` (card lengths differ)."""
    for _ in range(1000):
        v = spec.good(grouping) if valid else spec.bad(grouping)
        if spec.det == "BANK_CARD" and grouping:
            n = CARD_GROUPINGS[grouping][0]
            if n is not None and len(v) != n:
                continue
        if valid and len(v) == 18 and spec.det == "BANK_CARD" and resident_id_ok(v):
            continue
        if not valid and digit_runs_valid(v):
            continue
        return v
    raise RuntimeError("no value")


# ---------------------------------------------------------------- one line


def compose(spec, valid, grouping=None, sep=None, form=None, invis=None, markup=None,
            check=None, value=None):
    """Writes one value of `spec`; each axis left None gets its plain default.
    Returns (canonical value, pieces, group sizes)."""
    if sep and not grouping:
        grouping = R.choice(spec.default_groupings)
    for _ in range(1000):
        v = value or value_for(spec, valid, grouping)
        sizes = spec.sizes(v, grouping) if grouping else [len(v)]
        # An invalid value must hold no valid group-aligned window either
        # (values split into single digits or pairs hold every window).
        if valid or value or max(sizes) < 3 or not ambiguous(groups_of(v, sizes)):
            break
    else:
        raise RuntimeError(f"no unambiguous invalid {spec.det} for {grouping}")
    sep_fn = separator_fn(sep or R.choice(["space", "hyphen"]))
    form_fn = form or (lambda i, c: c)
    parts = render_value(v, sizes, sep_fn, form_fn, invisible_fn(invis) if invis else None,
                         MARKUP[markup] if markup else None, check)
    return v, parts, sizes


def groups_of(v, sizes):
    out, pos = [], 0
    for s in sizes:
        out.append(v[pos:pos + s])
        pos += s
    return out


def emit_triplet(spec, form_name, n_pos, n_neg, n_mixed, **axes):
    """n_pos positives, n_neg negatives (the same axes on an invalid value)
    and n_mixed look-alike lines, all under `form_name`."""
    det = spec.det
    for _ in range(n_pos):
        _, parts, _ = compose(spec, True, **axes)
        add("positive", form_name, [ctx(det), (det, parts), R.choice(POST)])
    for _ in range(n_neg):
        _, parts, _ = compose(spec, False, **axes)
        add("negative", form_name + "/neg", [ctx(det), (None, parts), R.choice(POST)])
    for _ in range(n_mixed):
        _, good, _ = compose(spec, True, **axes)
        _, bad, _ = compose(spec, False, **axes)
        bad_text = joined(bad)
        if R.random() < 0.5:
            add("mixed", form_name + "/lookalike",
                [R.choice(OLD) + " ", (None, bad), " 不用了，" + ctx(det), (det, good)], keep=[bad_text])
        else:
            add("mixed", form_name + "/lookalike",
                [ctx(det), (det, good), "，" + R.choice(OLD), (None, bad), " 已作废"], keep=[bad_text])


# ================================================================ positives by category

POS, NEG, MIX = 3, 2, 1

for det in ["CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD"]:
    spec = SPECS[det]
    # group/<g>: each grouping with a separator drawn per line.
    for g in spec.groupings:
        emit_triplet(spec, f"{det}/group/{g}", POS, NEG, MIX, grouping=g,
                     sep=R.choice([s for s in SEPARATORS if s != "mixed"]))
    # sep/<s>: each separator with a usual grouping.
    for s in SEPARATORS:
        emit_triplet(spec, f"{det}/sep/{s}", POS, NEG, MIX, sep=s)
    # digits/<f>: every digit in one form (plain, ungrouped).
    for f in ALL_FORMS:
        emit_triplet(spec, f"{det}/digits/{f}", POS, NEG, MIX, form=single_form(f))
    emit_triplet(spec, f"{det}/digits/per-digit-mix", 6, 4, 2, form=per_digit_mix)
    for _ in range(POS + 1):
        v = value_for(spec, True)
        _, parts, _ = compose(spec, True, form=ascii_chinese_runs(v), value=v)
        add("positive", f"{det}/digits/ascii-chinese-runs", [ctx(det), (det, parts), R.choice(POST)])
    for _ in range(NEG):
        v = value_for(spec, False)
        _, parts, _ = compose(spec, False, form=ascii_chinese_runs(v), value=v)
        add("negative", f"{det}/digits/ascii-chinese-runs/neg", [ctx(det), (None, parts), R.choice(POST)])
    for _ in range(POS):
        v = value_for(spec, True)
        _, parts, _ = compose(spec, True, form=circled_pairs(v), value=v)
        add("positive", f"{det}/digits/circled-multi-digit", [ctx(det), (det, parts), R.choice(POST)])
    for _ in range(NEG):
        v = value_for(spec, False)
        _, parts, _ = compose(spec, False, form=circled_pairs(v), value=v)
        add("negative", f"{det}/digits/circled-multi-digit/neg", [ctx(det), (None, parts), R.choice(POST)])
    # digits with a usual grouping too (full-width and Chinese are common)
    for f in ["full-width", "math-bold", "circled", "chinese", "chinese-financial"]:
        emit_triplet(spec, f"{det}/digits-grouped/{f}", 2, 1, 0, form=single_form(f),
                     sep=R.choice(["space", "hyphen", "ideographic-space"]))
    # invisible/<i>
    for k in INVISIBLE_KINDS:
        emit_triplet(spec, f"{det}/invisible/{k}", POS, NEG, MIX, invis=k)
        emit_triplet(spec, f"{det}/invisible-grouped/{k}", 1, 1, 0, invis=k, sep="space")
    # markup/<m>: around one group of a usual grouping.
    for m in MARKUP:
        emit_triplet(spec, f"{det}/markup/{m}", POS, NEG, MIX, markup=m,
                     sep=R.choice(["space", "hyphen", "space"]))

# ---------------------------------------------------------------- check-x (resident ID)

idspec = SPECS["CN_RESIDENT_ID"]
def id_with_x_clean():
    """An ID with check X whose 17 digits are no Luhn-valid card number."""
    v = id_with_x()
    while valid_as(v[:17]):
        v = id_with_x()
    return v


for name, x in X_LOOKALIKES.items():
    for _ in range(POS):
        v = id_with_x_clean()
        _, parts, _ = compose(idspec, True, value=v, check=x)
        add("positive", f"CN_RESIDENT_ID/check-x/{name}", [ctx("CN_RESIDENT_ID"), ("CN_RESIDENT_ID", parts), R.choice(POST)])
    # touching Han on both sides
    v = id_with_x_clean()
    _, parts, _ = compose(idspec, True, value=v, check=x)
    add("positive", f"CN_RESIDENT_ID/check-x/{name}", ["身份证", ("CN_RESIDENT_ID", parts), "号"])
    for _ in range(NEG):
        v = id_without_x()
        while valid_as(v[:17]) or valid_as(v[:17] + "X"):
            v = id_without_x()
        _, parts, _ = compose(idspec, False, value=v, check=x)
        add("negative", f"CN_RESIDENT_ID/check-x/{name}/neg", [ctx("CN_RESIDENT_ID"), (None, parts), R.choice(POST)])

# ---------------------------------------------------------------- prefixes (mobile)

MOBILE_PREFIXES = {"+86": "+86", "+86-space": "+86 ", "+86-hyphen": "+86-", "0086": "0086",
                   "0086-space": "0086 ", "(+86)": "(+86)", "(+86)-space": "(+86) ",
                   "full-width-+86": "＋８６", "sms-gateway-86": "86", "86-space": "86 "}
mspec = SPECS["CN_MOBILE"]
for name, p in MOBILE_PREFIXES.items():
    for i in range(POS + 1):
        while True:
            v = V.mobile()
            # the prefixed digits must not make a card number (86 + 11 = 13)
            if not valid_as("86" + v) and not valid_as("0086" + v):
                break
        sep = R.choice([None, "space", "hyphen"]) if i else None
        sizes = mspec.sizes(v, "3-4-4") if sep else [11]
        parts = render_value(v, sizes, separator_fn(sep or "space"), lambda i, c: c, prefix=p)
        add("positive", f"CN_MOBILE/prefix/{name}", [R.choice(PRE) + R.choice(CONTEXT["CN_MOBILE"]), ("CN_MOBILE", parts), R.choice(POST)])
    for _ in range(NEG):
        while True:
            v = bad_mobile()
            if not valid_as("86" + v):
                break
        parts = render_value(v, [11], separator_fn("space"), lambda i, c: c, prefix=p)
        add("negative", f"CN_MOBILE/prefix/{name}/neg", [ctx("CN_MOBILE"), (None, parts), R.choice(POST)])

# ================================================================ neighbours


def plain(v, sizes=None, sep="space"):
    sizes = sizes or [len(v)]
    return render_value(v, sizes, separator_fn(sep), lambda i, c: c)


def clean_number(n, before=None, after=None):
    """n random digits, not starting with 0, that form no valid window with
    the groups before and after them (a neighbour must not make a value)."""
    before, after = before or [], after or []
    k = len(before)
    while True:
        x = str(R.randint(1, 9)) + V.digits(n - 1)
        groups = before + [x] + after
        if not any(valid_as("".join(groups[i:j]))
                   for i in range(k + 1) for j in range(k + 1, len(groups) + 1)):
            return x


def neighbour_lines(det, valid):
    """One line per neighbour kind for `det`; yields (form, pieces, keep)."""
    spec = SPECS[det]
    kind = "positive" if valid else "negative"
    label = det if valid else None
    out = []

    def val(grouping=None):
        return value_for(spec, valid, grouping)

    if det == "CN_MOBILE":
        v = val()
        sizes = mspec.sizes(v, "3-4-4")
        n = clean_number(4, groups_of(v, sizes))
        tail = f" {n}，到了打我"
        out.append(("trailing-number", ["电话 ", (label, plain(v, sizes)), tail], [tail.strip()]))
        v = val()
        sizes = mspec.sizes(v, "3-4-4")
        m = str(R.randint(5, 59))
        tail = f" {m} min"
        out.append(("trailing-minutes", ["tel ", (label, plain(v, sizes)), tail], [f"{m} min"]))
        v = val()
        n = clean_number(R.randint(1, 3), None, [v])
        out.append(("leading-number", [f"排队号 {n} ", (label, plain(v)), R.choice(POST)], [f"排队号 {n}"]))
        v = val()
        out.append(("han-touching", ["手机", (label, plain(v)), "号码有效"], []))
        v = val()
        out.append(("han-touching-grouped", ["手机", (label, plain(v, mspec.sizes(v, "3-4-4"))), "找我"], []))
    if det == "CN_RESIDENT_ID":
        v = val()
        sizes = idspec.sizes(v, "6-8-4")
        n = clean_number(R.choice([2, 4]), groups_of(v, sizes))
        out.append(("trailing-number", ["身份证 ", (label, plain(v, sizes)), f" {n} 号楼"], [f"{n} 号楼"]))
        v = val()
        out.append(("han-touching", ["身份证", (label, plain(v)), "号"], []))
        v = val()
        out.append(("han-touching-fullwidth", ["身份证", (label, [(digit_char("full-width", c), True) for c in v]), "，已核验"], []))
        v = val()
        if v[-1].isdigit():
            n = clean_number(4, None, None)
            while valid_as((v + n)[-18:]) or any(valid_as((v + n)[k:k + 18]) for k in range(1, 5)):
                n = clean_number(4)
            out.append(("glued-trailing-digits", ["身份证", (label, plain(v)), n + " 室"], [n + " 室"]))
        else:
            n = clean_number(4)
            out.append(("glued-trailing-digits", ["身份证", (label, plain(v)), n + " 室"], [n + " 室"]))
        v = val()
        n = str(R.randint(1, 9))
        out.append(("leading-number", [f"第{n}位 身份证 ", (label, plain(v)), R.choice(POST)], [f"第{n}位"]))
    if det == "BANK_CARD":
        v = val("4-4-4-4")
        sizes = [4, 4, 4, 4]
        groups = groups_of(v, sizes)
        while True:  # the month must not extend the card into a valid run
            month = f"{R.randint(1, 12):02d}"
            if not any(valid_as("".join(groups[i:]) + month) for i in range(4)):
                break
        exp = f"{month}/{R.randint(26, 33)}"
        out.append(("expiry", ["卡号 ", (label, plain(v, sizes)), f" {exp} 到期"], [f"{exp} 到期"]))
        v = val("4-4-4-4")
        n = clean_number(4, groups_of(v, sizes))
        out.append(("trailing-4-digits", ["card ", (label, plain(v, sizes)), f" {n} 有效期"], [f"{n} 有效期"]))
        v = val()
        n = clean_number(3, [v])
        out.append(("trailing-cvv", ["信用卡 ", (label, plain(v)), f" {n} 是背面的码"], [f"{n} 是背面的码"]))
        v = val()
        out.append(("han-touching", ["卡号", (label, plain(v)), "开户行招商银行"], []))
        v = val("4-4-4-4")
        n = clean_number(2, None, groups_of(v, sizes))
        out.append(("leading-number", [f"第 {n} 张 ", (label, plain(v, sizes)), R.choice(POST)], [f"第 {n} 张"]))
    return [(f"{det}/neighbour/{f}" + ("" if valid else "/neg"), kind, p, k) for f, p, k in out]


for det in ["CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD"]:
    for _ in range(POS):
        for form, kind, pieces, keep in neighbour_lines(det, True):
            add(kind, form, pieces, keep)
    for _ in range(NEG):
        for form, kind, pieces, keep in neighbour_lines(det, False):
            add(kind, form, pieces, keep)

# Two values side by side, and glued without a separator.
for _ in range(4):
    a, b = V.mobile(), V.mobile()
    add("positive", "CN_MOBILE/neighbour/two-side-by-side", ["电话 ", ("CN_MOBILE", plain(a)), " ", ("CN_MOBILE", plain(b)), " 都可以"])
    a, b = V.mobile(), V.mobile()
    add("positive", "CN_MOBILE/neighbour/two-side-by-side-grouped", ["电话 ", ("CN_MOBILE", plain(a, [3, 4, 4])), " ", ("CN_MOBILE", plain(b, [3, 4, 4])), R.choice(POST)])
    while True:
        a, b = V.mobile(), V.mobile()
        if not any(valid_as((a + b)[k:k + n]) for n in range(13, 20) for k in range(0, 23 - n)) \
                and not any(valid_as((a + b)[k:k + 11]) for k in range(1, 11)) \
                and not any(valid_as((a + b)[k:k + 18]) for k in range(0, 5)):
            break
    add("positive", "CN_MOBILE/neighbour/glued-mobile-mobile", ["电话", ("CN_MOBILE", plain(a)), ("CN_MOBILE", plain(b))])
    while True:
        m, i = V.mobile(), V.resident_id()
        s = m + i
        if not any(valid_as(s[k:k + n]) for n in range(11, 20) for k in range(0, len(s) - n + 1)
                   if (k, n) not in ((0, 11), (11, 18))):
            break
    add("positive", "CN_MOBILE/neighbour/glued-mobile-id", ["联系", ("CN_MOBILE", plain(m)), ("CN_RESIDENT_ID", plain(i)), "，请核对"])
    while True:
        i, m = V.resident_id(), V.mobile()
        s = i + m
        if not any(valid_as(s[k:k + n]) for n in range(11, 20) for k in range(0, len(s) - n + 1)
                   if (k, n) not in ((0, 18), (18, 11))):
            break
    add("positive", "CN_RESIDENT_ID/neighbour/glued-id-mobile", ["身份证", ("CN_RESIDENT_ID", plain(i)), ("CN_MOBILE", plain(m)), " 是我的"])
    i, m = V.resident_id(), V.mobile()
    add("positive", "CN_RESIDENT_ID/neighbour/id-then-mobile", ["身份证 ", ("CN_RESIDENT_ID", plain(i)), " ", ("CN_MOBILE", plain(m)), R.choice(POST)])
    c, m = card(16), V.mobile()
    add("positive", "BANK_CARD/neighbour/card-then-mobile", ["卡号 ", ("BANK_CARD", plain(c, [4, 4, 4, 4])), " 电话 ", ("CN_MOBILE", plain(m, [3, 4, 4]))])
    c1, c2 = card(16), card(16)
    add("positive", "BANK_CARD/neighbour/two-side-by-side", ["两张卡 ", ("BANK_CARD", plain(c1)), " ", ("BANK_CARD", plain(c2))])

# ================================================================ combos


def combo_axes(det):
    spec = SPECS[det]
    axes = {}
    if R.random() < 0.7:
        axes["grouping"] = R.choice(list(spec.groupings))
        axes["sep"] = R.choice(list(SEPARATORS))
    r = R.random()
    if r < 0.4:
        axes["form"] = per_digit_mix
    elif r < 0.8:
        axes["form"] = single_form(R.choice(ALL_FORMS))
    if R.random() < 0.6:
        axes["invis"] = R.choice(INVISIBLE_KINDS)
    if R.random() < 0.25:
        axes["markup"] = R.choice(list(MARKUP))
    return axes


for det in ["CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD"]:
    for _ in range(30):
        emit_triplet(SPECS[det], f"{det}/combo", 1, 0, 0, **combo_axes(det))
    for _ in range(30):
        emit_triplet(SPECS[det], f"{det}/combo", 0, 1, 0, **combo_axes(det))
    for _ in range(10):
        emit_triplet(SPECS[det], f"{det}/combo", 0, 0, 1, **combo_axes(det))

# ================================================================ other detectors (with context)


def simple_family(det, good, bad, groupings, seps, forms, invis_kinds, n=POS):
    """group/sep/digits/invisible lines for a detector written with context."""
    spec = Spec(det, lambda g=None: good(), lambda g=None: bad(), groupings,
                [k for k in groupings if groupings[k] is not None][:1])
    for g in groupings:
        emit_triplet(spec, f"{det}/group/{g}", n, NEG, MIX, grouping=g, sep=R.choice(seps))
    for s in seps:
        emit_triplet(spec, f"{det}/sep/{s}", n, NEG, MIX, sep=s)
    for f in forms:
        emit_triplet(spec, f"{det}/digits/{f}", n, NEG, MIX, form=single_form(f))
    for k in invis_kinds:
        emit_triplet(spec, f"{det}/invisible/{k}", n, NEG, MIX, invis=k)


# US_SSN: 3-2-4 and other groupings of 9 digits, after "SSN".
simple_family("US_SSN", ssn_value, bad_ssn,
              {"3-2-4": [3, 2, 4], "3-3-3": [3, 3, 3], "ungrouped": [9]},
              ["hyphen", "space", "dot", "slash", "spaces-irregular", "full-width-hyphen"],
              ["full-width", "math-bold", "arabic-indic", "circled"],
              ["zero-width", "control", "ansi-colour", "default-ignorable"])


def iban_good():
    return V.iban()


def iban_bad():
    while True:
        v = V.iban(valid=False)
        if not iban_ok(v):
            return v


IBAN_GROUPINGS = {"by-4": None, "random": None, "ungrouped": None}


class IbanSpec(Spec):
    def sizes(self, value, name=None):
        name = name or "by-4"
        if name == "by-4":
            return [4] * (len(value) // 4) + ([len(value) % 4] if len(value) % 4 else [])
        if name == "ungrouped":
            return [len(value)]
        return random_grouping(len(value), 2, 6)


ispec = IbanSpec("IBAN", lambda g=None: iban_good(), lambda g=None: iban_bad(), IBAN_GROUPINGS,
                 ["by-4"])
for g in IBAN_GROUPINGS:
    for s in (["space", "hyphen", "dot", "mixed"] if g != "ungrouped" else ["space"]):
        emit_triplet(ispec, f"IBAN/group/{g}/{s}", 2, 1, 1 if s == "space" else 0, grouping=g, sep=s)
for f in ["full-width", "math-bold", "math-monospace"]:
    emit_triplet(ispec, f"IBAN/digits/{f}", POS, NEG, MIX, form=single_form(f), sep="space")
for k in ["zero-width", "control", "ansi-colour", "default-ignorable"]:
    emit_triplet(ispec, f"IBAN/invisible/{k}", POS, NEG, MIX, invis=k, sep="space")
for _ in range(POS):
    v = iban_good().lower()
    add("positive", "IBAN/case/lower", [ctx("IBAN"), ("IBAN", plain(v, ispec.sizes(v))), R.choice(POST)])


simple_family("CN_USCC", lambda: V.uscc(), lambda: V.uscc(valid=False),
              {"2-6-9-1": [2, 6, 9, 1], "6-6-6": [6, 6, 6], "4-4-4-4-2": [4, 4, 4, 4, 2],
               "ungrouped": [18]},
              ["space", "hyphen", "spaces-irregular"], ["full-width", "math-sans"],
              ["zero-width", "control", "ansi-colour"])
for _ in range(POS):
    add("positive", "CN_USCC/neighbour/han-touching", ["信用代码", ("CN_USCC", plain(V.uscc())), "的公司"])


def landline_line(sep, form, invis, paren):
    area, local = landline()
    split = len(local) - 4
    groups = [area, local[:split], local[split:]] if R.random() < 0.6 else [area, local]
    v = "".join(groups)
    sizes = [len(g) for g in groups]
    parts = render_value(v, sizes, separator_fn(sep), form, invisible_fn(invis) if invis else None)
    if paren:  # the area code in parentheses: "(0755) 1234 5678"
        first = next(i for i, (_, isv) in enumerate(parts) if isv)
        parts = parts[:first] + [("(", True)] + parts[first:]
        k = 0
        for i, (t, isv) in enumerate(parts):
            if isv and t != "(":
                k += 1
                if k == len(area):
                    parts.insert(i + 1, (")", True))
                    break
    return parts


for name, kw in [("sep/hyphen", dict(sep="hyphen")), ("sep/space", dict(sep="space")),
                 ("sep/dot", dict(sep="dot")), ("sep/slash", dict(sep="slash")),
                 ("sep/middle-dot", dict(sep="middle-dot")),
                 ("sep/spaces-irregular", dict(sep="spaces-irregular")),
                 ("group/parenthesised-area", dict(sep="space", paren=True)),
                 ("digits/full-width", dict(sep="hyphen", form=single_form("full-width"))),
                 ("digits/math-bold", dict(sep="hyphen", form=single_form("math-bold"))),
                 ("digits/chinese", dict(sep="space", form=single_form("chinese"))),
                 ("digits/circled", dict(sep="hyphen", form=single_form("circled"))),
                 ("invisible/zero-width", dict(sep="hyphen", invis="zero-width")),
                 ("invisible/control", dict(sep="hyphen", invis="control")),
                 ("invisible/ansi-colour", dict(sep="space", invis="ansi-colour"))]:
    args = dict(sep="hyphen", form=lambda i, c: c, invis=None, paren=False)
    args.update(kw)
    for _ in range(POS):
        add("positive", f"CN_LANDLINE/{name}", [ctx("CN_LANDLINE"), ("CN_LANDLINE", landline_line(**args)), R.choice(POST)])

# ================================================================ hard negatives


def hard(kind, text):
    add("negative", f"HARD_NEGATIVE/{kind}", [text])


def luhn_window_at_end(s):
    """A Luhn-valid 13-19-digit window at the start or end of s."""
    return any(luhn_ok(s[:n]) or luhn_ok(s[-n:]) for n in range(13, 20) if n < len(s))


def mobile_window_at_end(s):
    return mobile_shaped(s[:11]) or mobile_shaped(s[-11:])


def window_tag(s):
    luhn, mob = luhn_window_at_end(s), mobile_window_at_end(s)
    return "luhn+mobile-window" if luhn and mob else "luhn-window" if luhn else \
        "mobile-window" if mob else "no-window"


def thousands(n, sep):
    s = str(n)
    head = len(s) % 3 or 3
    return sep.join([s[:head]] + [s[i:i + 3] for i in range(head, len(s), 3)])


AMOUNT_PRE = ["合计 ", "总额：", "营收 ", "total ", "GDP ", "population ", "预算 ", "净利润 "]
AMOUNT_POST = [" 元", "", " CNY", " 人", " 万元", " USD"]
# amounts: with space / NBSP / thin space / dot / apostrophe thousands
for sepname, sep in [("space", " "), ("nbsp", "\u00a0"), ("thin-space", "\u2009"),
                     ("narrow-nbsp", "\u202f"), ("dot", "."), ("apostrophe", "'")]:
    for shape in ["mobile-digits", "luhn-16-digits", "random"]:
        for _ in range(6 if shape == "random" else 4):
            if shape == "mobile-digits":
                n = int(V.mobile())
            elif shape == "luhn-16-digits":
                n = int(V.luhn_complete(str(R.randint(1, 9)), 16))
            else:
                n = R.randint(10**5, 10**12)
            s = thousands(n, sep)
            if sep == "." and R.random() < 0.5:
                s += "," + V.digits(2)
            elif sep != "." and R.random() < 0.3:
                s += "." + V.digits(2)
            hard(f"amount/{sepname}-thousands/{shape}", R.choice(AMOUNT_PRE) + s + R.choice(AMOUNT_POST))

# a wrong card number whose digits and the expiry month make a Luhn-valid
# 18-digit run: the month belongs to the expiry date, not to the card.
made = 0
while made < 4:
    c = bad_card(16)
    month = f"{R.randint(1, 12):02d}"
    if luhn_ok(c + month) and not valid_as(c):
        hard("card-expiry-window/luhn-with-month",
             f"卡号 {' '.join(groups_of(c, [4, 4, 4, 4]))} {month}/{R.randint(26, 33)} 到期")
        made += 1

# epoch timestamps (no "timestamp" word: that is negative context)
EPOCH_LINES = ["{} INFO worker started", "[{}] GET /api/v1/users 200", "created_at={} status=ok",
               "time: {} event=login", "{} 任务完成", "ts={} level=debug"]
for unit, scale in [("s", 1), ("ms", 10**3), ("us", 10**6), ("ns", 10**9)]:
    for _ in range(12):
        t = R.randint(1_500_000_000, 1_800_000_000) * scale + R.randint(0, scale - 1)
        s = str(t)
        tag = "/luhn-valid" if 13 <= len(s) <= 19 and luhn_ok(s) else ""
        hard(f"epoch/{unit}{tag}", R.choice(EPOCH_LINES).format(s))

# 18-28-digit order / transaction numbers, no context word near
TXN_LINES = ["编号 {} 已处理", "ref {}", "单据 {} 审核通过", "id={} ok", "批次{}完成", "{}"]
counts = {}
for _ in range(120):
    s = str(R.randint(1, 9)) + V.digits(R.randint(17, 27))
    if valid_as(s):  # a whole run that validates is not a hard negative
        continue
    tag = window_tag(s)
    counts[tag] = counts.get(tag, 0) + 1
    if counts[tag] > 18:
        continue
    hard(f"txn-number/{tag}", R.choice(TXN_LINES).format(s))
# make sure the rare shapes are present
for tag, start in [("mobile-window", "1"), ("luhn+mobile-window", "1")]:
    made = 0
    while made < 6:
        s = "1" + R.choice("3456789") + V.digits(R.randint(16, 26))
        if valid_as(s) or window_tag(s) != tag:
            continue
        hard(f"txn-number/{tag}", R.choice(TXN_LINES).format(s))
        made += 1

# snowflake ids: (ms since 2010-11-04 epoch) << 22 | worker << 12 | sequence
for _ in range(30):
    ms = R.randint(1_500_000_000_000, 1_780_000_000_000) - 1_288_834_974_657
    sf = (ms << 22) | (R.randrange(1024) << 12) | R.randrange(4096)
    s = str(sf)
    tag = "/luhn-valid" if luhn_ok(s) else ""
    tag += "/mobile-window" if mobile_window_at_end(s) else ""
    hard(f"snowflake{tag}", R.choice(["tweet {} liked", "message_id={}", "https://x.example/status/{}",
                                      "<@{}> joined", "snowflake {}"]).format(s))

# TSV / CSV rows: numbers, and cells whose concatenation is a valid value.
for sepname, sep in [("tab", "\t"), ("comma", ","), ("semicolon", ";"), ("pipe", "|")]:
    family = "tsv" if sep == "\t" else "csv"
    for _ in range(6):
        cells = [str(R.randint(0, 10**R.randint(1, 6))) for _ in range(R.randint(4, 9))]
        hard(f"{family}/{sepname}/numbers", sep.join(cells))
    for what in ["mobile", "resident-id", "card"]:
        for _ in range(3):
            v = {"mobile": V.mobile, "resident-id": id_without_x, "card": lambda: card(16)}[what]()
            sizes = {"mobile": [3, 4, 4], "resident-id": [6, 8, 4], "card": [4, 4, 4, 4]}[what]
            cells = groups_of(v, sizes)
            row = [str(R.randint(1, 999))] + cells + [str(R.randint(1, 99))]
            hard(f"{family}/{sepname}/{what}-across-cells", sep.join(row))

# versions, dates and times, prices
for _ in range(8):
    hard("version/v-prefixed", R.choice(["v", "version ", "Version: ", "升级到 v", "release-"]) +
         ".".join(str(R.randint(0, 20)) for _ in range(R.choice([3, 4, 5]))))
    hard("version/build-numbers", R.choice(["Windows 10.0.", "Chrome/120.0.", "build 6.1."]) +
         f"{R.randint(1000, 26000)}.{R.randint(1, 9999)}")
    hard("version/package", f"libfoo{R.randint(1, 9)}_{R.randint(1, 20)}.{R.randint(0, 20)}."
         f"{R.randint(0, 20)}-{R.randint(1, 9)}+deb{R.randint(9, 12)}u{R.randint(1, 9)}_amd64.deb")
for _ in range(6):
    y, mo, d = R.randint(1990, 2026), R.randint(1, 12), R.randint(1, 28)
    h, mi, se = R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)
    hard("date-time/iso", f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{se:02d} 任务完成")
    hard("date-time/iso-nanos", f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{se:02d}.{V.digits(9)}+08:00 started")
    compact = f"{y}{mo:02d}{d:02d}{h:02d}{mi:02d}{se:02d}"
    hard("date-time/compact" + ("/luhn-valid" if luhn_ok(compact) else ""), f"备份 {compact}.tar.gz")
    hard("date-time/compact-spaced", f"{y}{mo:02d}{d:02d} {h:02d}{mi:02d}{se:02d} 开始")
    hard("date-time/chinese", f"{y}年{mo}月{d}日 {h}点{mi}分")
    hard("date-time/european", f"{d:02d}.{mo:02d}.{y} {h:02d}:{mi:02d}")
    hard("date-time/range", f"{y}/{mo:02d}/{d:02d} - {y}/{mo:02d}/{min(d + 3, 28):02d}")
for _ in range(6):
    hard("price/yuan", R.choice(["价格 ¥", "只要", "总价 "]) + f"{R.randint(1, 99999)}.{R.randint(0, 99):02d}" + R.choice(["元", "", "，包邮"]))
    hard("price/grouped", R.choice(["$", "€ ", "¥"]) + thousands(R.randint(1000, 10**10), ",") + "." + V.digits(2))
    hard("price/multiplication", f"{R.randint(1, 99)}.{R.randint(0, 99):02d} × {R.randint(1, 20)} = {R.randint(100, 999)}.{R.randint(0, 99):02d}")

# letters touching digits: product codes, hex, hashes, UUIDs
for _ in range(6):
    m = V.mobile()
    hard("product-code/letter-prefix", R.choice(["PN", "AB", "KX", "ZT"]) + m + R.choice(["", "-B", " 已入库"]))
    hard("product-code/letters-both-sides", f"{R.choice(['AB', 'X', 'QK'])}-{m}-{R.choice(['C', 'EU', 'V2'])}")
    hard("product-code/letter-suffix", f"part {m}{R.choice(['A', 'LX', 'bk'])}")
    c = card(16)
    hard("product-code/card-digits-with-letters", f"SN{c}{R.choice(['A', 'Z9'])}")
    i = V.resident_id()
    hard("product-code/id-digits-with-letters", f"LOT{i[:17]}Q")
for _ in range(6):
    hard("hex/literal", f"mov rax, 0x{V.mobile()}")
    hard("hex/literal-card", f"addr=0x{card(16)}")
    hard("hex/sha1", "commit " + "".join(R.choice("0123456789abcdef") for _ in range(8)) + V.mobile() + "".join(R.choice("0123456789abcdef") for _ in range(21)))
    hard("uuid/digit-heavy", f"{V.digits(8)}-{V.digits(4)}-4{V.digits(3)}-{R.choice('89')}{V.digits(3)}-{V.digits(8)}{R.choice('abcdef')}{V.digits(3)}")

# ---------------------------------------------------------------- real text

# Each line: a record of real text in which the current engine found a false
# positive ("keep": the false positives; "positives": true findings on the
# same line, labelled as spans, which makes it a mixed line). Reviewed by hand
# from bench/realtext/realtext_report.sh; see bench/realtext/baseline.md.
with open(os.path.join(HERE, "realtext_hard_negatives.jsonl"), encoding="utf-8") as f:
    for line in f:
        rt = json.loads(line)
        form = f"HARD_NEGATIVE/realtext/{rt['kind']}"
        if not rt["positives"]:
            hard(f"realtext/{rt['kind']}", rt["text"])
            continue
        pieces, rest = [], rt["text"]
        for p in rt["positives"]:
            at = rest.index(p["value"])
            pieces += [rest[:at], (p["detector"], [(p["value"], True)])]
            rest = rest[at + len(p["value"]):]
        add("mixed", form, pieces + [rest], keep=rt["keep"])


# ================================================================ other punctuation

# Punctuation written between the groups besides spaces, dashes, dots and
# slashes, and brackets around one group. A seed of its own, so that every
# line above stays as it was when this section was added.
R = random.Random(20261207)
OTHER_SEPARATORS = {
    "underscore": "_", "full-width-underscore": "\uff3f", "colon": ":",
    "full-width-colon": "\uff1a", "backslash": "\\",
    "equals": "=", "hash": "#", "full-width-hash": "\uff03", "exclamation": "!",
    "question": "?", "caret": "^", "dollar": "$",
}
SEPARATORS.update(OTHER_SEPARATORS)
MARKUP.update({"parentheses": ("(", ")"), "square-brackets": ("[", "]"),
               "full-width-parentheses": ("\uff08", "\uff09")})
for det in ["CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD"]:
    spec = SPECS[det]
    for s in OTHER_SEPARATORS:
        emit_triplet(spec, f"{det}/sep/{s}", 2, 1, 1, sep=s)
    for m in ["parentheses", "square-brackets", "full-width-parentheses"]:
        emit_triplet(spec, f"{det}/markup/{m}", 2, 1, 1, markup=m,
                     sep=R.choice(["space", "hyphen", "underscore"]))
# What the new separators must not join into a value.
for text in ["日志 2024-05-06 12:30:45.123 请求完成", "IMG_20240101_123456.jpg 已上传",
             "备份 backup_2024_05_06_12_30_45.tar", "## [1.8.2] - 2022-10-19 修复",
             "## 1.8.2 - 2022-10-19", "端口映射 8080:80 与 8443:443",
             "比例 16:9，时长 01:32:45", "x=13+27=40 done", "2023-11-02T10:15:30Z 12:00:01",
             "第(1)(2)(3)条", "订单 #20231102#0931 已发货", "C:\\logs\\2024\\05\\06\\app.log",
             "ver 10.0.19045 build 2024:11:05:08:30"]:
    hard("other-punctuation", text)


# ================================================================ encodings
# Values inside an encoding (decoded views): the whole value written as
# percent escapes, HTML references, JSON \\u escapes or inside a base64 run.
# The labelled span is the whole encoded run; "/neg" encodes an invalid
# value the same way, which must stay. A seed of its own, so that every
# line above stays as it was when this section was added.

import base64  # noqa: E402

R = random.Random(20261208)


def encode_value(name, value):
    if name == "percent":
        return "".join(f"%{b:02X}" for b in value.encode("utf-8"))
    if name == "html-decimal":
        return "".join(f"&#{ord(c)};" for c in value)
    if name == "html-hex":
        return "".join(f"&#x{ord(c):X};" for c in value)
    if name == "json-unicode":
        return "".join(f"\\u{ord(c):04x}" for c in value)
    return base64.b64encode(("no: " + value).encode("utf-8")).decode("ascii")


ENCODINGS = ["percent", "html-decimal", "html-hex", "json-unicode", "base64"]
for det in ["CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD"]:
    spec = SPECS[det]
    for enc in ENCODINGS:
        for _ in range(POS):
            v = encode_value(enc, value_for(spec, True))
            add("positive", f"{det}/encoding/{enc}", [ctx(det), (det, [(v, True)]), R.choice(POST)])
        for _ in range(NEG):
            v = encode_value(enc, value_for(spec, False))
            add("negative", f"{det}/encoding/{enc}/neg", [ctx(det), (None, [(v, True)]),
                                                          R.choice(POST)])


# ================================================================ main


def stats():
    """How often random digit runs hold a window a weak validator accepts."""
    rng = random.Random(7)
    print("| run length | n | Luhn 13-19 window at an end | mobile-shaped 11 at an end |")
    print("| ---: | ---: | ---: | ---: |")
    for n in [18, 20, 22, 24, 28]:
        luhn = mob = 0
        trials = 20000
        for _ in range(trials):
            s = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
            luhn += luhn_window_at_end(s)
            mob += mobile_window_at_end(s)
        print(f"| {n} | {trials} | {100 * luhn / trials:.1f}% | {100 * mob / trials:.1f}% |")
    trials, mob, luhn = 20000, 0, 0
    for _ in range(trials):
        ms = rng.randint(1_500_000_000_000, 1_780_000_000_000) - 1_288_834_974_657
        s = str((ms << 22) | (rng.randrange(1024) << 12) | rng.randrange(4096))
        mob += mobile_window_at_end(s)
        luhn += luhn_ok(s)
    print(f"\nsnowflake ids (2017-2026): mobile-shaped 11 at an end {100 * mob / trials:.1f}%, "
          f"whole id Luhn-valid {100 * luhn / trials:.1f}%")


if __name__ == "__main__":
    if sys.argv[1:] == ["--stats"]:
        stats()
    else:
        out = sys.stdout.buffer
        for rec in records:
            out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
