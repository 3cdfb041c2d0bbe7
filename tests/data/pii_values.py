"""Synthetic personal-data values and their check-digit rules, shared by the
corpus generators (generate_corpus.py, generate_evasion_corpus.py).

Two kinds of things live here:
  * validators: pure functions stating each identifier's rule once
    (resident ID MOD 11-2 with region and birth date, Luhn, USCC MOD 31,
    IBAN MOD 97, Taiwan ID, US SSN ranges);
  * ValueMaker: seeded generators of values that pass (or, for hard
    negatives, fail) those rules. Every random draw goes through the
    ValueMaker's own random.Random, so a generator that draws in the same
    order writes the same bytes.

No real person's data: every value is generated.
"""
import base64
import datetime
import json
import string

# ---------------------------------------------------------------- constants

ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]

CN_NUM = {"0": ["零", "〇"], "1": ["一", "幺"], "2": ["二"], "3": ["三"], "4": ["四"],
          "5": ["五"], "6": ["六"], "7": ["七"], "8": ["八"], "9": ["九"]}

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
REGIONS = ["110105", "110108", "310104", "310115", "440106", "440305", "330106",
           "510107", "420106", "320106", "370102", "610113", "500103", "120101",
           "810000", "820000", "830000", "440524", "210102", "650102"]
# First two digits of a resident ID: provinces (GB/T 2260) and the 81-83
# residence permits of Hong Kong, Macao and Taiwan residents.
ID_PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
                "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
                "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"}

CARD_PREFIXES = [("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("62", 19),
                 ("62", 16), ("6222", 19), ("34", 15), ("37", 15), ("3528", 16),
                 ("6011", 16), ("36", 14), ("81", 16)]

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

TW_LETTERS = {"A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17,
              "I": 34, "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23,
              "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30,
              "Y": 31, "Z": 33}

IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "CH": 21, "BE": 16}

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
AWS_PREFIXES = ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA",
                "ANVA", "APKA"]

# ---------------------------------------------------------------- validators


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else
                   ("\u3000" if c == " " else c) for c in s)


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def id_check(first17):
    """ISO 7064 MOD 11-2 check character of a resident ID's first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def resident_id_ok(s, today=datetime.date(2026, 11, 30)):
    """18 characters: a province prefix, a real birth date from 1800 on and not
    after `today`, three digits, the MOD 11-2 check character (X or x)."""
    if len(s) != 18 or not s[:17].isdigit() or not s[:17].isascii():
        return False
    if s[:2] not in ID_PROVINCES:
        return False
    try:
        born = datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if born.year < 1800 or born > today:
        return False
    return s[17].upper() == id_check(s[:17])


def luhn_ok(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mobile_shaped(s):
    """A mainland mobile number's shape: 1[3-9] and nine more digits."""
    return len(s) == 11 and s.isdigit() and s.isascii() and s[0] == "1" and s[1] in "3456789"


def org_check(body8):
    s = sum(ORG_CHARS.index(c) * w for c, w in zip(body8, ORG_WEIGHTS))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc_check(code17):
    """GB 32100-2015 MOD 31 check character of a USCC's first 17 characters."""
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(code17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - s % 31) % 31]


def uscc_ok(s):
    """18 characters of the USCC alphabet whose last is the MOD 31 check."""
    s = s.upper()
    return len(s) == 18 and all(c in USCC_CHARS for c in s) and s[17] == uscc_check(s[:17])


def tw_checksum(letter, second_value, rest8):
    n = TW_LETTERS[letter]
    total = n // 10 + (n % 10) * 9 + second_value * 8
    for i, d in enumerate(rest8[:7]):
        total += int(d) * (7 - i)
    total += int(rest8[7])
    return total % 10 == 0


def iban_check(country, bban):
    """ISO 13616 MOD 97-10 check digits (as an int, 2..98)."""
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    return 98 - num % 97


def iban_ok(s):
    s = s.upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    num = int("".join(str(int(c, 36)) for c in s[4:] + s[:4]))
    return num % 97 == 1


# ---------------------------------------------------------------- generators


class ValueMaker:
    """Seeded generators of synthetic values; every draw comes from `rng`."""

    def __init__(self, rng):
        self.R = rng

    def zero_width(self, s):
        out = []
        for i, c in enumerate(s):
            out.append(c)
            if i < len(s) - 1 and self.R.random() < 0.35:
                out.append(self.R.choice(ZW))
        return "".join(out)

    def chinese_numerals(self, digits):
        return "".join(self.R.choice(CN_NUM[d]) for d in digits)

    def digits(self, n):
        return "".join(self.R.choice(string.digits) for _ in range(n))

    def resident_id(self, year=None, region=None):
        R = self.R
        region = region or R.choice(REGIONS)
        year = year or R.randint(1940, 2008)
        month = R.randint(1, 12)
        day = R.randint(1, 28)
        first17 = f"{region}{year:04d}{month:02d}{day:02d}{self.digits(3)}"
        return first17 + id_check(first17)

    def bad_resident_id(self):
        good = self.resident_id()
        wrong = self.R.choice([c for c in "0123456789X" if c != good[-1]])
        return good[:-1] + wrong

    def luhn_complete(self, prefix, length):
        body = prefix + self.digits(length - len(prefix) - 1)
        for c in "0123456789":
            if luhn_ok(body + c):
                return body + c

    def luhn_fail(self, prefix, length):
        good = self.luhn_complete(prefix, length)
        return good[:-1] + str((int(good[-1]) + self.R.randint(1, 9)) % 10)

    def mobile(self):
        return "1" + self.R.choice("3456789") + self.digits(9)

    def org_code(self):
        body = "".join(self.R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        return body + org_check(body)

    def uscc(self, valid=True):
        R = self.R
        while True:
            code = R.choice("159") + R.choice("123") + R.choice(REGIONS) + self.org_code()
            if all(c in USCC_CHARS for c in code):
                break
        check = uscc_check(code)
        if not valid:
            check = R.choice([c for c in USCC_CHARS if c != check])
        return code + check

    def hk_id(self, valid=True, style=0):
        R = self.R
        letter = R.choice(string.ascii_uppercase)
        body = self.digits(6)
        s = 9 * 36 + 8 * (ord(letter) - 55) + sum((7 - i) * int(d) for i, d in enumerate(body))
        c = (11 - s % 11) % 11
        check = "A" if c == 10 else str(c)
        if not valid:
            check = R.choice([x for x in "0123456789A" if x != check])
        return [f"{letter}{body}({check})", f"{letter}{body}{check}", f"{letter}{body}[{check}]"][style]

    def tw_id(self, kind="national", valid=True):
        R = self.R
        letter = R.choice(list(TW_LETTERS))
        while True:
            if kind == "national":
                second = R.choice("12")
                sv = int(second)
            elif kind == "old":
                second = R.choice("ABCD")
                sv = TW_LETTERS[second] % 10
            else:
                second = R.choice("89")
                sv = int(second)
            rest = self.digits(8)
            if tw_checksum(letter, sv, rest) == valid:
                return letter + second + rest

    def iban(self, valid=True, country=None):
        R = self.R
        country = country or R.choice(list(IBAN_LEN))
        n = IBAN_LEN[country]
        if country == "GB":
            bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + self.digits(14)
        elif country == "NL":
            bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + self.digits(10)
        else:
            bban = self.digits(n - 4)
        good = iban_check(country, bban)
        check = good
        if not valid:
            check = (check + R.randint(1, 50)) % 97 + 2
            if check == good:
                check = (check % 96) + 2
        return f"{country}{check:02d}{bban}"

    def ssn(self):
        R = self.R
        area = R.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"

    def b64url(self, n):
        return "".join(self.R.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))

    def jwt(self, signed=True):
        R = self.R
        header = base64.urlsafe_b64encode(json.dumps(
            {"alg": "HS256" if signed else "none", "typ": "JWT"}).encode()).decode().rstrip("=")
        payload = base64.urlsafe_b64encode(json.dumps(
            {"sub": self.digits(8), "iat": 1700000000 + R.randint(0, 10**6)}).encode()).decode().rstrip("=")
        return f"{header}.{payload}.{self.b64url(43) if signed else ''}"

    def b64std(self, n):
        return "".join(self.R.choice(string.ascii_letters + string.digits + "+/") for _ in range(n))

    def alnum(self, n):
        return "".join(self.R.choice(string.ascii_letters + string.digits) for _ in range(n))
