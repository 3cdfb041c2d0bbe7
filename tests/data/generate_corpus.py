#!/usr/bin/env python3
"""Generates tests/data/pii_corpus.jsonl: Scrub's labelled evaluation corpus.

Each line is a JSON object:
  {"id": "...", "kind": "positive" | "negative" | "mixed",
   "form": "<detector>/<form name>",
   "text": "...",
   "spans": [{"detector": "CN_MOBILE", "start": 6, "end": 19}, ...],
   "keep": ["<substring that must survive byte for byte>", ...]}

Offsets are UTF-8 byte offsets into "text", half-open. Positives carry one or
more labelled spans; negatives carry none (the text must come out unchanged);
mixed lines carry spans AND look-alikes in "keep" that must survive intact.

Deterministic (fixed seed): `tests/data/generate_corpus.py > tests/data/pii_corpus.jsonl`.
Values are synthetic: IDs and cards are generated to pass (or, for hard
negatives, to fail) their checks; no real person's data is used.
"""
import json
import random
import re
import string
import sys

R = random.Random(20261130)

# ---------------------------------------------------------------- values

# Validators and value generators live in pii_values.py (shared with
# generate_evasion_corpus.py); bound here to this corpus' random stream.
from pii_values import (AWS_PREFIXES, B32, CARD_PREFIXES, REGIONS, fullwidth,  # noqa: E402
                        group4, id_check, ValueMaker)

_V = ValueMaker(R)
zero_width, chinese_numerals, digits = _V.zero_width, _V.chinese_numerals, _V.digits
resident_id, bad_resident_id, mobile = _V.resident_id, _V.bad_resident_id, _V.mobile
luhn_complete, luhn_fail = _V.luhn_complete, _V.luhn_fail
uscc, hk_id, tw_id, iban, ssn = _V.uscc, _V.hk_id, _V.tw_id, _V.iban, _V.ssn
jwt, b64std, alnum = _V.jwt, _V.b64std, _V.alnum

# ---------------------------------------------------------------- records

records = []


def utf8_offset(text, char_index):
    return len(text[:char_index].encode("utf-8"))


def add(kind, form, parts, keep=()):
    """parts: list of str (plain text) or (detector, value) tuples."""
    text = ""
    spans = []
    for p in parts:
        if isinstance(p, tuple):
            det, val = p
            start = len(text.encode("utf-8"))
            text += val
            spans.append({"detector": det, "start": start, "end": len(text.encode("utf-8"))})
        else:
            text += p
    records.append({"id": f"{kind[:3]}-{len(records):05d}", "kind": kind, "form": form,
                    "text": text, "spans": spans, "keep": list(keep)})


def pos(form, parts, n=1):
    add("positive", form, parts)


def neg(form, text):
    add("negative", form, [text])


CHAT_PRE = ["", "麻烦帮我登记一下，", "好的，", "收到。", "Hi, ", "请核对：", "我这边是",
            "确认一下信息 ", "OK ", "您好，"]
CHAT_POST = ["", "，谢谢", "。", " 谢谢！", " thanks", "，有问题再联系", "！", " 😀", "，尽快处理"]


def wrap(pre_ctx, value_tuple, post=None):
    return [R.choice(CHAT_PRE) + pre_ctx, value_tuple, post if post is not None else R.choice(CHAT_POST)]


# --- CN_RESIDENT_ID
ID_CTX = ["身份证号", "身份证：", "身份证号码是", "身分證字號", "证件号 ", "ID card: ", "公民身份号码", "身份证"]
for i in range(40):
    v = resident_id()
    pos("CN_RESIDENT_ID/plain", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", v)))
for i in range(10):
    v = resident_id()
    pos("CN_RESIDENT_ID/no-context", wrap("", ("CN_RESIDENT_ID", v)))
for i in range(12):
    v = resident_id()
    v = v[:-1] + v[-1].lower() if v[-1] == "X" else v
    first17 = v[:17]
    while id_check(first17) != "X":
        first17 = first17[:14] + digits(3)
    pos("CN_RESIDENT_ID/lowercase-x", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", first17 + "x")))
for i in range(15):
    v = resident_id()
    pos("CN_RESIDENT_ID/6-8-4", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", f"{v[:6]} {v[6:14]} {v[14:]}")))
for i in range(15):
    v = resident_id()
    sep = R.choice([" ", "-"])
    pos("CN_RESIDENT_ID/6-4-4-4", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", sep.join([v[:6], v[6:10], v[10:14], v[14:]]))))
for i in range(15):
    pos("CN_RESIDENT_ID/full-width", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", fullwidth(resident_id()))))
for i in range(15):
    pos("CN_RESIDENT_ID/zero-width", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", zero_width(resident_id()))))
for i in range(12):
    pos("CN_RESIDENT_ID/touching-han", ["身份证", ("CN_RESIDENT_ID", resident_id()), "号" + R.choice(["码", "，请核对", ""])])
for i in range(8):
    pos("CN_RESIDENT_ID/1800s", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", resident_id(year=R.randint(1880, 1899)))))
for i in range(9):
    pos("CN_RESIDENT_ID/permit-81-83", wrap(R.choice(["居住证号码", "港澳台居民居住证 ", "居留證 "]),
                                            ("CN_RESIDENT_ID", resident_id(region=R.choice(["810000", "820000", "830000"])))))
for i in range(10):
    v = resident_id()
    pos("CN_RESIDENT_ID/chinese-numerals", wrap(R.choice(ID_CTX), ("CN_RESIDENT_ID", chinese_numerals(v[:17]) + (v[17] if v[17] == "X" else chinese_numerals(v[17])))))
for i in range(12):
    region = R.choice(REGIONS[:14])
    legacy = f"{region}{R.randint(40, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{digits(3)}"
    pos("CN_RESIDENT_ID/15-digit-with-context", [R.choice(["老身份证号 ", "身份证：", "身份证号码 "]), ("CN_RESIDENT_ID", legacy), R.choice(CHAT_POST)])

# --- CN_MOBILE
MOB_CTX = ["手机", "电话：", "手機 ", "联系电话 ", "tel: ", "phone ", "打我电话", "call me at ", "微信同号 ", ""]
for i in range(30):
    pos("CN_MOBILE/plain", wrap(R.choice(MOB_CTX), ("CN_MOBILE", mobile())))
for i in range(12):
    m = mobile()
    pos("CN_MOBILE/+86", wrap(R.choice(MOB_CTX), ("CN_MOBILE", R.choice(["+86", "+86 ", "+86-"]) + m)))
for i in range(8):
    pos("CN_MOBILE/0086", wrap(R.choice(MOB_CTX), ("CN_MOBILE", "0086" + R.choice(["", " ", "-"]) + mobile())))
for i in range(8):
    pos("CN_MOBILE/(+86)", wrap(R.choice(MOB_CTX), ("CN_MOBILE", "(+86)" + R.choice(["", " "]) + mobile())))
for i in range(15):
    m = mobile()
    sep = R.choice([" ", "-"])
    pos("CN_MOBILE/3-4-4", wrap(R.choice(MOB_CTX), ("CN_MOBILE", f"{m[:3]}{sep}{m[3:7]}{sep}{m[7:]}")))
for i in range(10):
    m = mobile()
    pos("CN_MOBILE/3-8", wrap(R.choice(MOB_CTX), ("CN_MOBILE", f"{m[:3]}{R.choice([' ', '-'])}{m[3:]}")))
for i in range(12):
    pos("CN_MOBILE/full-width", wrap(R.choice(MOB_CTX), ("CN_MOBILE", fullwidth(mobile()))))
for i in range(8):
    m = mobile()
    pos("CN_MOBILE/ideographic-space", wrap(R.choice(MOB_CTX), ("CN_MOBILE", f"{m[:3]}\u3000{m[3:7]}\u3000{m[7:]}")))
for i in range(8):
    m = mobile()
    pos("CN_MOBILE/full-width-hyphen", wrap(R.choice(MOB_CTX), ("CN_MOBILE", f"{m[:3]}\uff0d{m[3:7]}\uff0d{m[7:]}")))
for i in range(12):
    pos("CN_MOBILE/zero-width", wrap(R.choice(MOB_CTX), ("CN_MOBILE", zero_width(mobile()))))
for i in range(10):
    pos("CN_MOBILE/touching-han", ["手机", ("CN_MOBILE", mobile()), R.choice(["谢谢", "找我", "，随时联系"])])
for i in range(14):
    pos("CN_MOBILE/chinese-numerals", wrap(R.choice(["电话", "手机号 ", "打", "联系"]), ("CN_MOBILE", chinese_numerals(mobile()))))

# --- CN_LANDLINE
for i in range(20):
    area = R.choice(["010", "021", "020", "022", "023", "0755", "0571", "0512", "0731", "0898"])
    local = digits(8 if len(area) == 3 else R.choice([7, 8]))
    local = str(R.randint(2, 8)) + local[1:]
    split = len(local) - 4  # 7 digits group 3-4, 8 digits 4-4
    form = R.choice([f"{area}-{local}", f"({area}) {local[:split]} {local[split:]}", f"{area} {local}", f"{area}{local}"])
    pos("CN_LANDLINE/area-code", wrap(R.choice(["座机 ", "办公电话：", "电话 ", "tel ", "固话"]), ("CN_LANDLINE", form)))

# --- BANK_CARD
CARD_CTX = ["银行卡号 ", "卡号：", "信用卡 ", "card ", "储蓄卡", "Visa ", "银联卡 ", ""]
for prefix, length in CARD_PREFIXES:
    for i in range(4):
        c = luhn_complete(prefix, length)
        pos(f"BANK_CARD/plain-{length}", wrap(R.choice(CARD_CTX), ("BANK_CARD", c)))
for i in range(16):
    c = luhn_complete(R.choice(["62", "4", "55", "6222"]), R.choice([16, 19]))
    pos("BANK_CARD/grouped-4", wrap(R.choice(CARD_CTX), ("BANK_CARD", group4(c, R.choice([" ", "-"])))))
for i in range(8):
    c = luhn_complete(R.choice(["34", "37"]), 15)
    pos("BANK_CARD/amex-4-6-5", wrap(R.choice(CARD_CTX), ("BANK_CARD", f"{c[:4]} {c[4:10]} {c[10:]}")))
for i in range(10):
    pos("BANK_CARD/full-width", wrap(R.choice(CARD_CTX), ("BANK_CARD", fullwidth(luhn_complete("62", 19)))))
for i in range(10):
    pos("BANK_CARD/zero-width", wrap(R.choice(CARD_CTX), ("BANK_CARD", zero_width(luhn_complete("4", 16)))))

# --- CN_PASSPORT
PASS_CTX = ["护照号 ", "護照號碼：", "passport no. ", "护照：", "Passport "]
for fmt in ["E########", "EA#######", "G########", "DE#######", "SE#######", "PE#######", "e########", "EH#######"]:
    for i in range(4):
        v = "".join(digits(1) if c == "#" else c for c in fmt)
        pos(f"CN_PASSPORT/{fmt[:2].strip('#')}", wrap(R.choice(PASS_CTX), ("CN_PASSPORT", v)))

# --- CN_HOME_RETURN_PERMIT
for i in range(16):
    v = R.choice("HM") + digits(R.choice([8, 10]))
    pos("CN_HOME_RETURN_PERMIT/with-context", wrap(R.choice(["回乡证 ", "港澳居民来往内地通行证：", "回鄉證號碼 ", "通行证号 "]), ("CN_HOME_RETURN_PERMIT", v)))

# --- CN_USCC
for i in range(20):
    pos("CN_USCC/plain", wrap(R.choice(["统一社会信用代码：", "信用代码 ", "USCC ", "社会信用代码"]), ("CN_USCC", uscc())))

# --- HK_ID
for style, name in [(0, "parentheses"), (1, "plain"), (2, "brackets")]:
    for i in range(8):
        pos(f"HK_ID/{name}", wrap(R.choice(["香港身份證 ", "HKID ", "香港身份证号码："]), ("HK_ID", hk_id(True, style))))

# --- TW_ID
for kind in ["national", "old", "new"]:
    for i in range(8):
        pos(f"TW_ID/{kind}", wrap(R.choice(["身分證字號 ", "居留證號碼：", "台湾身份证 ", "統一證號 "]), ("TW_ID", tw_id(kind))))

# --- CN_LICENSE_PLATE
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
for i in range(12):
    # Serial: five characters, at most two of them letters (never I or O).
    serial = [R.choice("0123456789") for _ in range(5)]
    for k in R.sample(range(4), R.randint(0, 2)):
        serial[k] = R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    pos("CN_LICENSE_PLATE/ordinary", wrap(R.choice(["车牌 ", "车牌号：", "我的车是", "停车场 "]), ("CN_LICENSE_PLATE", R.choice(PROVINCES) + R.choice("ABCDEFGHJK") + "".join(serial))))
for i in range(8):
    pos("CN_LICENSE_PLATE/new-energy", wrap(R.choice(["车牌 ", "新能源车牌："]), ("CN_LICENSE_PLATE", R.choice(PROVINCES) + R.choice("ABCDE") + R.choice(["", "·"]) + R.choice("DF") + digits(5))))

# --- CN_ADDRESS
ADDRS = [
    "北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室",
    "上海市浦东新区世纪大道100号",
    "广东省深圳市南山区科技园科苑路15号",
    "浙江省杭州市西湖区文三路259号",
    "朝阳区建国路88号",
    "江苏省南京市鼓楼区中山北路30号3栋502室",
    "四川省成都市武侯区人民南路四段27号",
    "湖北省武汉市洪山区珞喻路1037号",
    "天津市和平区南京路189号",
    "重庆市渝中区解放碑民族路166号",
    "陕西省西安市雁塔区小寨东路126号",
    "广州市天河区天河路385号",
    "海淀区中关村大街27号",
    "北京市海淀区学院路37号院5号楼2单元301",
    "上海市徐汇区漕溪北路88号圣爱大厦12楼",
    "福建省厦门市思明区莲前西路2号莲富大厦",
    "山东省济南市历下区泉城路180号",
    "深圳市福田区华强北路1002号赛格广场",
    "南京市玄武区珠江路88号",
    "阳光花园小区3栋2单元501室",
    "幸福里小区12号楼3单元402",
]
for a in ADDRS:
    for pre in ["我家住在", "收货地址：", "地址 ", "寄到"]:
        pos("CN_ADDRESS/postal", [pre, ("CN_ADDRESS", a), R.choice(["，谢谢", "。", ""])])
for cafe in ["杭州市西湖区文三路259号星际网吧", "北京市海淀区成府路28号极速网吧", "广州市越秀区北京路68号网鱼网咖"]:
    for pre in ["昨晚在", "网吧地址：", "我在"]:
        pos("CN_ADDRESS/internet-cafe", [pre, ("CN_ADDRESS", cafe), R.choice(["上网", "通宵", ""])])

# --- QQ / WeChat
for i in range(20):
    qq = str(R.randint(1, 9)) + digits(R.randint(4, 10))
    pos("QQ_NUMBER/with-context", wrap(R.choice(["QQ ", "QQ号：", "扣扣 ", "企鹅号", "qq: ", "加我QQ"]), ("QQ_NUMBER", qq)))
for i in range(20):
    wx = R.choice(string.ascii_letters) + "".join(R.choice(string.ascii_letters + string.digits + "_-") for _ in range(R.randint(5, 15)))
    pos("WECHAT_ID/with-context", wrap(R.choice(["微信 ", "微信号：", "wx: ", "vx ", "WeChat: ", "加微信"]), ("WECHAT_ID", wx)))

# --- PERSON_NAME
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
for i in range(24):
    name = R.choice(SURNAMES) + "".join(R.choice(GIVEN) for _ in range(R.randint(1, 2)))
    pos("PERSON_NAME/labelled-han", [R.choice(["姓名：", "收件人：", "联系人 ", "户名：", "收件人"]), ("PERSON_NAME", name), R.choice(["，电话稍后发", "。", " ", "，"])])
for name in ["John Smith", "Mary Johnson", "Li Wei", "Zhang Xiaoming", "Emily Clark", "David Lee"]:
    pos("PERSON_NAME/labelled-latin", ["name: ", ("PERSON_NAME", name), R.choice([", ", ". ", ""])])

# --- GPS
for i in range(12):
    lat = f"{R.uniform(18, 53):.4f}"
    lng = f"{R.uniform(73, 135):.4f}"
    pos("GPS_COORDINATE/lat-lng", wrap(R.choice(["位置：", "坐标 ", "location ", "我在 "]), ("GPS_COORDINATE", f"{lat}, {lng}")))
for i in range(8):
    lat = f"{R.uniform(18, 53):.5f}"
    lng = f"{R.uniform(73, 135):.5f}"
    pos("GPS_COORDINATE/lng-lat", wrap(R.choice(["坐标：", "定位 "]), ("GPS_COORDINATE", f"{lng},{lat}")))
for i in range(8):
    d1, m1, s1 = R.randint(18, 53), R.randint(0, 59), R.randint(0, 59)
    d2, m2, s2 = R.randint(73, 135), R.randint(0, 59), R.randint(0, 59)
    pos("GPS_COORDINATE/dms", wrap(R.choice(["坐标 ", "位置：", "at "]), ("GPS_COORDINATE", f"{d1}°{m1}'{s1}\"N {d2}°{m2}'{s2}\"E")))
for key in ["lat=", "lng=", "latitude: ", "纬度：", "经度 ", "lon: "]:
    for i in range(2):
        v = f"{R.uniform(18, 53):.4f}" if "lat" in key or "纬" in key else f"{R.uniform(73, 135):.4f}"
        pos("GPS_COORDINATE/keyed", [key, ("GPS_COORDINATE", v), R.choice(["", ", ok", "。"])])

# --- EMAIL
for i in range(20):
    user = R.choice(["zhang.san", "li_si", "wangwu88", "a.b-c", "user+tag", "x"]) + digits(R.randint(0, 3))
    dom = R.choice(["example.com", "mail.example.cn", "qq.com", "163.com", "corp.example.co.uk"])
    pos("EMAIL/ascii", wrap(R.choice(["邮箱 ", "email: ", "mail to ", "发到", ""]), ("EMAIL", f"{user}@{dom}"), R.choice([" 谢谢", ". ", ", thanks", ""])))
for e in ["josé@example.es", "müller@beispiel.de", "用户@例子.公司", "δοκιμή@παράδειγμα.δοκιμή", "почта@пример.рф"]:
    pos("EMAIL/unicode", ["contact ", ("EMAIL", e), " please"])

# --- IP
for i in range(12):
    ip = f"{R.randint(1, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if ip.startswith("127."):
        ip = "10" + ip[3:]
    pos("IP_ADDRESS/ipv4", wrap(R.choice(["登录IP ", "client ", "来自 ", "ip=", ""]), ("IP_ADDRESS", ip)))
for ip in ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::8a2e:370:7334", "fe80::1%eth0",
           "2001:db8::/32", "::ffff:192.0.2.128", "2408:8207:24a6:5651::12", "240e:3b7:1234::1"]:
    for pre in ["ipv6 ", "client "]:
        pos("IP_ADDRESS/ipv6", [pre, ("IP_ADDRESS", ip), " connected"])

# --- MAC
for i in range(10):
    b = [f"{R.randint(0, 255):02X}" for _ in range(6)]
    form = R.choice([":".join(b), "-".join(b), "".join(b[0:2]).lower() + "." + "".join(b[2:4]).lower() + "." + "".join(b[4:6]).lower()])
    pos("MAC_ADDRESS/formats", wrap(R.choice(["MAC ", "设备地址 ", "mac="]), ("MAC_ADDRESS", form)))

# --- PHONE
for v in ["+1 415-555-0132", "+44 20 7946 0958", "+81 90-1234-5678", "+49 30 901820", "+33 1 42 68 53 00",
          "+852 9123 4567", "+886 912 345 678", "+65 9123 4567", "+61 2 9374 4000", "+1 (212) 555-0187"]:
    pos("PHONE/international", wrap(R.choice(["call ", "phone: ", "电话 ", "WhatsApp "]), ("PHONE", v)))
for v in ["(415) 555-0132", "090-1234-5678", "(212) 555-0187", "03-1234-5678"]:
    pos("PHONE/national-with-context", ["phone: ", ("PHONE", v), " (office)"])

# --- IBAN
for i in range(12):
    v = iban()
    if R.random() < 0.5:
        v = group4(v)
    pos("IBAN/plain-or-grouped", wrap(R.choice(["IBAN ", "account: ", "汇款账号 "]), ("IBAN", v)))

# --- US_SSN
for i in range(12):
    a, g, s = ssn()
    sep = R.choice(["-", " ", "."])
    pos("US_SSN/separated", wrap(R.choice(["SSN ", "social security number: ", "ssn: ", ""]), ("US_SSN", f"{a}{sep}{g}{sep}{s}")))
for i in range(4):
    a, g, s = ssn()
    pos("US_SSN/bare-with-context", ["SSN: ", ("US_SSN", f"{a}{g}{s}"), ""])

# --- Secrets
for p in AWS_PREFIXES:
    pos("AWS_ACCESS_KEY/prefixes", wrap(R.choice(["key ", "aws_access_key_id=", "AccessKeyId: "]), ("AWS_ACCESS_KEY", p + "".join(R.choice(B32) for _ in range(16)))))
for kind in ["RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", ""]:
    body = "\\n".join(b64std(64) for _ in range(3))
    key = f"-----BEGIN {kind}PRIVATE KEY-----\\n{body}\\n-----END {kind}PRIVATE KEY-----"
    pos("PRIVATE_KEY/one-line", ['{"key": "', ("PRIVATE_KEY", key), '"}'])
for i in range(8):
    pos("JWT/signed", wrap(R.choice(["Authorization: Bearer ", "token=", "jwt "]), ("JWT", jwt(True))))
for i in range(3):
    pos("JWT/unsigned", wrap("token=", ("JWT", jwt(False)), " "))
for p in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]:
    pos("GITHUB_TOKEN/classic", wrap(R.choice(["token ", "GITHUB_TOKEN="]), ("GITHUB_TOKEN", p + alnum(36))))
pos("GITHUB_TOKEN/fine-grained", ["token ", ("GITHUB_TOKEN", "github_pat_" + alnum(22) + "_" + alnum(59)), ""])
for i in range(8):
    user = R.choice(["admin", "root", "deploy", "app_user"])
    pw = alnum(R.randint(6, 14))
    host = R.choice(["db.example.com", "10.0.0.5:5432", "redis.internal:6379"])
    scheme = R.choice(["https", "postgres", "redis", "mysql"])
    host_parts = [f"@{host}/app"]
    if host[0].isdigit():  # an IP host is an IP_ADDRESS finding too
        ip, port = host.split(":")
        host_parts = ["@", ("IP_ADDRESS", ip), f":{port}/app"]
    add("positive", "URL_CREDENTIALS/userinfo", [f"connect {scheme}://", ("URL_CREDENTIALS", f"{user}:{pw}")] + host_parts)
for i in range(10):
    pw = alnum(R.randint(6, 12)) + R.choice(["!", "#", "", "@1"])
    pre = R.choice(["password=", "passwd: ", "pwd:", "密码：", "口令 ", '"password": "'])
    post = '"' if pre.endswith('"') else R.choice(["", " 请保管好"])
    pos("PASSWORD/labelled", [pre, ("PASSWORD", pw), post])

# ---------------------------------------------------------------- negatives

NEG_CHAT = [
    "今天天气不错，晚上一起吃饭吧？", "明天下午三点开会，记得带电脑。", "这个需求下周再排期吧。",
    "Can we move the sync to Thursday?", "The build is green again.", "哈哈哈太好笑了",
    "我到家了，路上有点堵。", "周末去爬山吗？", "Lunch at noon?", "收到，马上处理。",
    "第一个方案更好一些，第二个成本太高。", "这次考试考了98分，还不错。", "一二三四五六，上山打老虎。",
    "三点半在一楼大厅集合", "Version 2.3 is out, changelog attached.", "他说一会儿就到",
    "我们公司在二十三楼，电梯上来左转。", "Meeting notes are in the shared folder.",
    "这周的周报写完了吗？", "ok, see you at 7", "今年的年终奖什么时候发", "图片收到了，很清楚",
    "快递到了放门口就行", "下单了，等发货", "Please review PR 1234 when you have time.",
    "明天早上九点的航班，别迟到", "他的号码我没有，你问问小王", "第3季度营收增长12.5%",
]
for _rep in range(2):
    for t in NEG_CHAT:
        for i in range(3):
            neg("negative/chat", t if i == 0 else R.choice(CHAT_PRE) + t)
    for i in range(40):
        neg("negative/wrong-check-id", R.choice(["身份证号", "证件号 ", "ID "]) + bad_resident_id())
    for i in range(40):
        prefix, length = R.choice(CARD_PREFIXES)
        c = luhn_fail(prefix, length)
        neg("negative/luhn-fail-card", R.choice(["卡号 ", "card ", ""]) + R.choice([c, group4(c)]))
    for i in range(40):
        neg("negative/order-number", R.choice(["订单号", "订单编号：", "订单号 ", "流水号", "order id ", "order_no="]) + digits(R.choice([18, 19, 20, 16])) + R.choice(CHAT_POST))
    for i in range(30):
        neg("negative/tracking-number", R.choice(["快递单号 ", "运单号：", "tracking ", "单号"]) + R.choice(["SF", "YT", "ZTO", "JD", "", "7"]) + digits(R.choice([12, 13, 15])))
    for i in range(30):
        ts = str(1600000000000 + R.randint(0, 10**11))
        neg("negative/timestamp", R.choice(["timestamp=", "ts: ", "时间戳 ", "\"timestamp\": "]) + ts)
    for i in range(20):
        neg("negative/datetime", f"{R.randint(2000, 2026)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d} {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} 任务完成")
    for i in range(30):
        neg("negative/price", R.choice(["价格 ¥", "总计 $", "单价", "price: ", "只要"]) + f"{R.randint(1, 999)}.{R.randint(0, 99):02d}" + R.choice(["元", "", " USD", "，包邮"]))
    for i in range(25):
        neg("negative/version", R.choice(["v", "version ", "版本 V", "release-", "升级到 v"]) + ".".join(str(R.randint(0, 20)) for _ in range(R.choice([2, 3, 4]))))
    for i in range(25):
        neg("negative/request-id", R.choice(["request_id=", "trace_id: ", "X-Request-Id: ", "txn_id="]) +
            R.choice(["%08x-%04x-%04x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48)), "".join(R.choice("0123456789abcdef") for _ in range(32))]))
    for i in range(25):
        neg("negative/score", R.choice(["得分 ", "score: ", "评分", "综合 "]) + f"{R.randint(0, 100)}.{R.randint(0, 9)}" + R.choice(["分", "", "/100"]))
    for i in range(25):
        n = "12" + digits(9)
        neg("negative/not-a-mobile", R.choice(["编号 ", "工单 ", "ref "]) + n)
    for i in range(20):
        neg("negative/short-numbers", R.choice(["房间号 ", "验证码 ", "第", "工号 "]) + digits(R.choice([4, 5, 6])) + R.choice(["", "号", "。"]))
    for i in range(20):
        neg("negative/long-digit-run", "批次 " + digits(R.choice([21, 22, 25, 30])))
    for i in range(20):
        neg("negative/wrong-check-uscc", "信用代码 " + uscc(valid=False))
    for i in range(15):
        neg("negative/wrong-check-hkid", "HKID " + hk_id(valid=False, style=0))
    for i in range(15):
        neg("negative/wrong-check-twid", "身分證字號 " + tw_id("national", valid=False))
    for i in range(15):
        neg("negative/wrong-check-iban", "IBAN " + iban(valid=False))
    for i in range(15):
        neg("negative/qq-without-context", f"房间 {R.randint(10000, 99999999)} 已预订")
    for i in range(15):
        neg("negative/ipv4-like-version", "v" + ".".join(str(R.randint(0, 9)) for _ in range(4)) + " released")
    for i in range(15):
        neg("negative/time", f"会议 {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d} 开始")
    for i in range(15):
        neg("negative/ssn-invalid", "SSN " + R.choice(["000", "666", "900", "999"]) + f"-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}")
    for i in range(15):
        neg("negative/address-words", R.choice(["我在路上，马上到", "这条路很堵", "去街上逛逛", "小区门口见", "明天去北京出差", "上海今天下雨"]))
    for i in range(15):
        neg("negative/coordinates-like", R.choice(["跌幅 ", "增长 ", "温度 "]) + f"{R.uniform(1, 99):.2f}%" + R.choice(["，", "。", " "]) + f"{R.uniform(1, 99):.2f}")

# ---------------------------------------------------------------- mixed

for i in range(60):
    order = digits(20)
    m = mobile()
    add("mixed", "mixed/order-and-mobile", ["订单号" + order + "，联系电话", ("CN_MOBILE", m)], keep=[order])
for i in range(40):
    price = f"{R.randint(10, 999)}.{R.randint(0, 99):02d}"
    m = mobile()
    add("mixed", "mixed/price-and-mobile", [f"价格 ¥{price}，有意联系", ("CN_MOBILE", m)], keep=[price])
for i in range(40):
    order = digits(18)
    v = resident_id()
    add("mixed", "mixed/order-and-id", [f"订单号 {order}，身份证", ("CN_RESIDENT_ID", v)], keep=[order])
for i in range(30):
    ts = str(1600000000000 + R.randint(0, 10**11))
    add("mixed", "mixed/timestamp-and-email", [f"ts={ts} user=", ("EMAIL", f"user{i}@example.com")], keep=[ts])
for i in range(30):
    ver = f"v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 20)}"
    ip = f"{R.randint(11, 199)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    add("mixed", "mixed/version-and-ip", [f"{ver} deployed from ", ("IP_ADDRESS", ip)], keep=[ver])
for i in range(30):
    bad = bad_resident_id()
    good = resident_id()
    add("mixed", "mixed/bad-id-and-good-id", [f"旧号{bad}作废，新身份证", ("CN_RESIDENT_ID", good)], keep=[bad])

# --- Catalogue v2 (issue 13): national numbers of phone.default_regions,
# spaced HK/TW ids, weak passport context, spaced and HK/Macau addresses;
# ssh remotes and spaced codes without context as negatives. Appended, so
# that the records above keep their ids and values.
for v in ["9123 4567", "6123-4567", "5123 4567", "2345 6789", "3123 4567", "8123 4567"]:
    pos("PHONE/hk-sg-national", [R.choice(["call me at ", "电话 ", "WhatsApp: ", "tel "]), ("PHONE", v), R.choice(CHAT_POST)])
for v in ["02-123-4567", "03-123-4567", "020 7946 0958", "212/555-0147", "(212) 555-0147", "080-2345-6789"]:
    pos("PHONE/national-other-forms", [R.choice(["my number is ", "call ", "text me at ", "phone "]), ("PHONE", v), R.choice(CHAT_POST)])
for i in range(8):
    v = hk_id(True, 0)
    spaced = R.choice([f"{v[0]} {v[1:7]} {v[7:]}", f"{v[0]}{v[1:4]} {v[4:7]}{v[7:]}", f"{v[0]} {v[1:]}"])
    pos("HK_ID/spaced", wrap(R.choice(["香港身份證 ", "HKID: ", "香港身份证号码："]), ("HK_ID", spaced)))
for i in range(8):
    v = hk_id(True, 1)
    pos("HK_ID/spaced-plain-with-context", wrap(R.choice(["HKID ", "香港身份證 "]), ("HK_ID", f"{v[0]}-{v[1:7]}-{v[7]}")))
for i in range(8):
    v = tw_id("national")
    spaced = R.choice([f"{v[0]} {v[1:4]} {v[4:7]} {v[7:]}", f"{v[:4]}-{v[4:7]}-{v[7:]}"])
    pos("TW_ID/spaced-with-context", wrap(R.choice(["身分證 ", "TW ID ", "身分證字號："]), ("TW_ID", spaced)))
for fmt in ["E########", "G########", "EA#######"]:
    for i in range(3):
        v = "".join(digits(1) if c == "#" else c for c in fmt)
        pos("CN_PASSPORT/weak-context", [R.choice(["PP# ", "pp no: ", "PP No. "]), ("CN_PASSPORT", v), R.choice(CHAT_POST)])
for a in ["北京市 朝阳区 建国路 88号", "杭州市 西湖区 文三路 90号 3栋", "广东省 深圳市 南山区 科苑路 15号",
          "上海市 徐汇区 长乐路 123弄 4号"]:
    pos("CN_ADDRESS/spaced-levels", ["地址 ", ("CN_ADDRESS", a), R.choice(CHAT_POST)])
for a in ["澳門氹仔花城大馬路123號", "香港灣仔軒尼詩道250號", "九龙旺角弥敦道580号", "香港九龍旺角彌敦道580號",
          "澳門新口岸友誼大馬路1號"]:
    pos("CN_ADDRESS/hong-kong-macau", ["寄到", ("CN_ADDRESS", a), R.choice(CHAT_POST)])
for t in ["git clone git@github.com:org/repo.git", "remote: git@gitlab.example.com:team/app.git",
          "scp dump.sql deploy@db.example.com:/srv/backups/", "rsync -a notes/ me@box.example.org:~/notes",
          "git push git@bitbucket.org:acme/site.git main"]:
    neg("EMAIL/ssh-remote", t)
for t in ["room 2345 6789", "2019-2020 season", "联系 2019-2020 赛季", "code A 123 456 7",
          "SKU A 123 456 789", "ref 1234 5678", "PP 12345678"]:
    neg("spaced-codes-without-context", t)

for pre, v in [("Tel", "+14155552671"), ("call", "+1 415 555 2671"), ("Phone", "+442079460958"),
               ("WhatsApp", "+6591234567")]:
    pos("PHONE/glued-to-context-word", [pre, ("PHONE", v), R.choice(CHAT_POST)])
for t in ["x+14155552671", "SKU+14155552671", "id+442079460958"]:
    neg("PHONE/glued-without-context", t)

for v in ["07911 123456", "030 12345678", "050-1234567", "0171 1234567", "(02) 2345 6789", "(03) 9123 4567"]:
    pos("PHONE/trunk-0-two-groups-or-brackets", [R.choice(["call ", "Tel: ", "phone ", "my number is "]), ("PHONE", v), R.choice(CHAT_POST)])
for t in ["07911 123456", "ref 0123 456789", "build 0042 1234567", "(015) 555-0132"]:
    neg("PHONE/trunk-0-without-context", t)

for t in ["91234567", "ref 4155550132", "会议 20241201 下午", "订单 0912345678", "code=61234567"]:
    neg("PHONE/one-run-without-context", t)

# "微信同号" (WeChat: same number): the mobile number is the WeChat id too.
for rec in records:
    if "微信同号" in rec["text"]:
        text = rec["text"].encode("utf-8")
        for sp in list(rec["spans"]):
            if sp["detector"] != "CN_MOBILE":
                continue
            # The WeChat id is the number itself: 11 digits (any width) at the
            # end, not continuing a longer digit run (+8613...).
            value = text[sp["start"]:sp["end"]].decode("utf-8")
            m = re.search(r"(?<![0-9\uff10-\uff19-])[0-9\uff10-\uff19]{11}$", value)
            if m:
                start = sp["end"] - len(m.group(0).encode("utf-8"))
                rec["spans"].append({"detector": "WECHAT_ID", "start": start, "end": sp["end"]})

for rec in records:
    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
