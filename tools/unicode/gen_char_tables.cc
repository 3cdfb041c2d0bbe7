// gen_char_tables: writes lib/scrub/internal/unicode/char_tables.inc, the
// constant tables behind scrub::internal::unicode::KindOf and friends.
//
//   gen_char_tables [OUTPUT]          the tables (stdout without OUTPUT)
//   gen_char_tables --list=KIND       the code point ranges of one kind
//                                     (e.g. --list=kDash), for review
//   gen_char_tables --sizes           table sizes for other block sizes
//
// Run it through tools/unicode/regenerate.sh. The output depends only on the
// ICU it is linked with (Debian 12: ICU 72.1, Unicode 15.0), never on the
// machine, locale or time, so //tests/lib/unicode:char_tables_fresh_test can
// regenerate the tables and require them byte-identical to the checked-in
// file.
//
// Why a generator: the detection view must see through every Unicode digit,
// space, dash and invisible character, and there are thousands. Membership is
// decided here from Unicode properties queried through ICU; explicit lists
// are used only where Unicode has no property for what the view needs, and
// each says why. The scanner itself never calls ICU.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "scrub/internal/unicode/char_kind.h"

namespace {

using scrub::internal::unicode::CharKind;
using scrub::internal::unicode::CharKindName;
using scrub::internal::unicode::kCharKindCount;

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// The block size of the two-stage table: stage 1 maps cp >> kBlockShift to a
// block, stage 2 holds one byte per code point of each distinct block. With
// Unicode 15.0, 8 gives 39.6 KB in all and one-byte stage-1 entries; 7 would
// save 3 KB, 9 cost 7 KB more (see --sizes).
constexpr int kBlockShift = 8;

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "gen_char_tables: " << message << "\n";
  std::exit(1);
}

std::string Hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// ---------------------------------------------------------------------------
// ICU queries
// ---------------------------------------------------------------------------

class Icu {
 public:
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_ = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) Die(std::string("NFKC: ") + u_errorName(status));
    spoof_ = uspoof_open(&status);
    if (U_FAILURE(status)) Die(std::string("uspoof_open: ") + u_errorName(status));
  }
  ~Icu() { uspoof_close(spoof_); }

  // NFKC of the single code point `cp`, as code points.
  std::u32string Nfkc(char32_t cp) const {
    return OfCodePoint(cp, "NFKC", [this](const UChar* src, int32_t len, UChar* dst,
                                          int32_t capacity, UErrorCode* status) {
      return unorm2_normalize(nfkc_, src, len, dst, capacity, status);
    });
  }

  // The UTS #39 confusable skeleton of `cp`.
  std::u32string Skeleton(char32_t cp) const {
    return OfCodePoint(cp, "skeleton", [this](const UChar* src, int32_t len, UChar* dst,
                                              int32_t capacity, UErrorCode* status) {
      return uspoof_getSkeleton(spoof_, 0, src, len, dst, capacity, status);
    });
  }

 private:
  // Runs `transform` (an ICU call from UTF-16 into a buffer, returning the
  // length written) on the single code point `cp`; dies naming `what` when
  // ICU fails.
  template <typename Transform>
  static std::u32string OfCodePoint(char32_t cp, const char* what, Transform transform) {
    UChar src[2];
    int32_t len = 0;
    U16_APPEND_UNSAFE(src, len, cp);
    UChar dst[64];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = transform(src, len, dst, 64, &status);
    if (U_FAILURE(status)) {
      Die(std::string(what) + " of " + Hex(cp) + ": " + u_errorName(status));
    }
    return ToUtf32(dst, n);
  }

  static std::u32string ToUtf32(const UChar* s, int32_t n) {
    std::u32string out;
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(s, i, n, c);
      out.push_back(static_cast<char32_t>(c));
    }
    return out;
  }

  const UNormalizer2* nfkc_ = nullptr;
  USpoofChecker* spoof_ = nullptr;
};

std::string CharName(char32_t cp) {
  char name[256];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_charName(cp, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_FAILURE(status)) return "";
  return std::string(name, n);
}

bool Has(char32_t cp, UProperty property) { return u_hasBinaryProperty(cp, property); }

// ---------------------------------------------------------------------------
// Explicit lists: only where no Unicode property says what the view needs.
// Every list is closed under NFKC (InClosure below: a code point whose NFKC
// form is exactly one listed code point joins the list: ． for ., ︐ for ,).
// ---------------------------------------------------------------------------

// Chinese numerals that stand for one digit in a digit-by-digit reading of a
// number ("一三八…"). Unicode gives Han ideographs numeric values (Unihan
// kPrimaryNumeric etc.) but no property says "a digit, not a multiplier":
// 十百千万 and 拾佰仟 also have values and must stay out. Values are checked
// against ICU's where ICU has one (两 has none).
//   幺 is "one" when reading phone numbers aloud; 两 兩 are "two".
//   〡–〩 are the Suzhou (Hangzhou) positional numerals.
//   ○ U+25CB WHITE CIRCLE is what people type for 〇, which many input
//   methods lack ("二○二三年"); it has no numeric value in Unicode.
// Left out on purpose: 么 (the common particle, only sometimes written for
// 幺), 参 (the everyday simplified 參, as in 参加; the financial 3 is 叁), 漆
// (lacquer; the financial 7 is 柒), 十 and larger units.
struct Numeral {
  char32_t cp;
  int value;
};
constexpr Numeral kChineseNumerals[] = {
    {U'零', 0}, {U'〇', 0}, {U'一', 1}, {U'幺', 1}, {U'二', 2}, {U'两', 2},
    {U'兩', 2}, {U'三', 3}, {U'四', 4}, {U'五', 5}, {U'六', 6}, {U'七', 7},
    {U'八', 8}, {U'九', 9}, {U'○', 0},
    // Financial (anti-fraud) forms, simplified and traditional.
    {U'壹', 1}, {U'贰', 2}, {U'貳', 2}, {U'叁', 3}, {U'參', 3}, {U'肆', 4},
    {U'伍', 5}, {U'陆', 6}, {U'陸', 6}, {U'柒', 7}, {U'捌', 8}, {U'玖', 9},
    // Suzhou numerals.
    {U'〡', 1}, {U'〢', 2}, {U'〣', 3}, {U'〤', 4}, {U'〥', 5}, {U'〦', 6},
    {U'〧', 7}, {U'〨', 8}, {U'〩', 9},
};

// Full stops and middle dots people put between digit groups. Unicode's
// Terminal_Punctuation also holds ! ? and the like, and no property groups
// the middle dots and bullets, hence a list.
constexpr char32_t kDots[] = {
    U'.',
    0x00B7,  // · MIDDLE DOT
    0x2022,  // • BULLET
    0x2027,  // ‧ HYPHENATION POINT
    0x2219,  // ∙ BULLET OPERATOR
    0x22C5,  // ⋅ DOT OPERATOR
    0x2981,  // ⦁ Z NOTATION SPOT
    0x2E31,  // ⸱ WORD SEPARATOR MIDDLE DOT
    0x2E33,  // ⸳ RAISED DOT
    0x16EB,  // ᛫ RUNIC SINGLE PUNCTUATION
    0xA78F,  // ꞏ LATIN LETTER SINOLOGICAL DOT
    0x30FB,  // ・ KATAKANA MIDDLE DOT (closure adds ･ U+FF65)
    0x3002,  // 。 IDEOGRAPHIC FULL STOP (closure adds ｡ U+FF61, ︒ U+FE12)
    // Closure adds ． U+FF0E, ﹒ U+FE52, ․ U+2024 and · U+0387.
    // Not ● ◦: they mask digits ("138●●●●8000"), they do not separate them.
};

// The solidus and the slashes that look like it. No property: the confusable
// skeleton of '/' also holds letters (ノ 丿 Ⳇ) that must not split numbers.
constexpr char32_t kSlashes[] = {
    U'/',
    0x2044,  // ⁄ FRACTION SLASH
    0x2215,  // ∕ DIVISION SLASH
    0x2571,  // ╱ BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
    0x27CB,  // ⟋ MATHEMATICAL RISING DIAGONAL
    0x29F8,  // ⧸ BIG SOLIDUS
    // Closure adds ／ U+FF0F. Not the backslash: it is an escape character,
    // and JSON and C escapes are decoded elsewhere.
};

// Dashes the Dash property and Pd leave out. The property covers the
// hyphens, dashes and minus signs (U+2010–2015, U+2212, U+FE63, U+FF0D …).
constexpr char32_t kExtraDashes[] = {
    0x02D7,  // ˗ MODIFIER LETTER MINUS SIGN (confusable with -)
    0x2043,  // ⁃ HYPHEN BULLET (confusable with -)
    0x2500,  // ─ BOX DRAWINGS LIGHT HORIZONTAL
    0x2796,  // ➖ HEAVY MINUS SIGN (an emoji, but a visible minus)
    0x30FC,  // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK: what Japanese IMEs
             //   type for '-' ("０９０ー１２３４ー５６７８")
    0xFF70,  // ｰ HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK
};

// Characters that always end a run of digits: line breaks (a number does not
// continue on the next line), list separators, and the colon, which joins
// times ("12:30:45") and MAC addresses, never the groups of one ID or phone
// number. No property: Pattern_Syntax and Po hold the dots and dashes too.
constexpr char32_t kRunBreaks[] = {
    0x0009, 0x000A, 0x000B, 0x000C, 0x000D,  // TAB LF VT FF CR
    0x0085,  // NEXT LINE
    0x2028,  // LINE SEPARATOR
    0x2029,  // PARAGRAPH SEPARATOR
    U'|',
    0x00A6,  // ¦ BROKEN BAR
    0x2223,  // ∣ DIVIDES
    0x2502,  // │ BOX DRAWINGS LIGHT VERTICAL
    0xFFE8,  // ￨ HALFWIDTH FORMS LIGHT VERTICAL
    U',',
    0x060C,  // ، ARABIC COMMA
    0x3001,  // 、 IDEOGRAPHIC COMMA
    U';',
    0x061B,  // ؛ ARABIC SEMICOLON
    U':',
    // Closure adds ｜ ， ﹐ ︐ ､ ﹑ ︑ ； ﹔ ︔ U+037E ： ﹕ ︓.
};

// X look-alikes the confusable data leaves out (the rest come from NFKC and
// the UTS #39 skeleton): crosses and saltires typed for a resident ID's X.
constexpr char32_t kExtraXLookalikes[] = {
    0x2613,   // ☓ SALTIRE
    0x2715,   // ✕ MULTIPLICATION X
    0x2716,   // ✖ HEAVY MULTIPLICATION X
    0x2717,   // ✗ BALLOT X
    0x2718,   // ✘ HEAVY BALLOT X
    0x2A09,   // ⨉ N-ARY TIMES OPERATOR
    0x1F5D9,  // 🗙 CANCELLATION X
};

// Shown as a box or blank, standing for something that is not text.
constexpr char32_t kExtraInvisibles[] = {
    0xFFFD,  // REPLACEMENT CHARACTER (a decoding error, or inserted on purpose)
    0xFFFC,  // OBJECT REPLACEMENT CHARACTER (an inline attachment)
    0x2800,  // BRAILLE PATTERN BLANK (renders as a space but is So, not Zs)
};

// ---------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------

// Everything the rules look at for one code point.
struct Facts {
  char32_t cp = 0;
  int8_t category = 0;  // UCharCategory
  int numeric_type = U_NT_NONE;
  double numeric_value = U_NO_NUMERIC_VALUE;
  std::u32string nfkc;
  std::u32string skeleton;
};

// The digits of an NFKC form that is a number alone or decorated the way the
// enclosed-number blocks decorate it: "12", "(12)", "12." or "12," — or "".
std::string DecoratedDigits(const std::u32string& nfkc) {
  std::u32string s = nfkc;
  if (s.size() >= 3 && s.front() == U'(' && s.back() == U')') {
    s = s.substr(1, s.size() - 2);
  } else if (s.size() >= 2 && (s.back() == U'.' || s.back() == U',')) {
    s.pop_back();
  }
  if (s.empty()) return "";
  std::string digits;
  for (char32_t c : s) {
    if (c < U'0' || c > U'9') return "";
    digits.push_back(static_cast<char>(c));
  }
  return digits;
}

bool IsAscii(char32_t cp) { return cp < 0x80; }

// The digits of a Numeric_Type=Numeric character that is written as a digit
// or a number but has no decomposition saying so, or "". Unicode has no
// property for this: Ⅻ, 十 and ௰ have whole values too but are not written
// digit by digit, so the character's name (itself a property) decides:
//   "... DIGIT ..." with a value 0–9: 🄋 🄌 (DINGBAT CIRCLED SANS-SERIF DIGIT
//     ZERO), Medefaidrin, Mende Kikakui, Coptic epact and archaic Sinhala
//     digits, counting-rod unit digits; not Telugu fraction digits;
//   "... CIRCLED ... NUMBER ..." with a value >= 10: ⓫–⓴, ⓾, ❿, ➉, ➓, ㉈–㉏.
std::string NamedDigits(char32_t cp, double value) {
  if (value < 0 || value != std::floor(value)) return "";
  const std::string name = CharName(cp);
  auto has = [&](const char* word) { return name.find(word) != std::string::npos; };
  if (has("DIGIT") && !has("FRACTION") && value <= 9) {
    return std::to_string(static_cast<int>(value));
  }
  const size_t circled = name.find("CIRCLED ");
  if (value >= 10 && circled != std::string::npos &&
      name.find(" NUMBER ", circled) != std::string::npos) {
    return std::to_string(static_cast<int>(value));
  }
  return "";
}

class Classifier {
 public:
  explicit Classifier(const Icu& icu) : icu_(icu) {
    for (const Numeral& n : kChineseNumerals) {
      double icu_value = u_getNumericValue(n.cp);
      if (icu_value != U_NO_NUMERIC_VALUE && icu_value != n.value) {
        Die("Chinese numeral " + Hex(n.cp) + " has value " + std::to_string(n.value) +
            " here but " + std::to_string(icu_value) + " in ICU");
      }
      numeral_values_[n.cp] = n.value;
    }
    dots_.insert(std::begin(kDots), std::end(kDots));
    slashes_.insert(std::begin(kSlashes), std::end(kSlashes));
    run_breaks_.insert(std::begin(kRunBreaks), std::end(kRunBreaks));
    extra_dashes_.insert(std::begin(kExtraDashes), std::end(kExtraDashes));
    extra_x_.insert(std::begin(kExtraXLookalikes), std::end(kExtraXLookalikes));
    extra_invisibles_.insert(std::begin(kExtraInvisibles), std::end(kExtraInvisibles));
  }

  Facts FactsOf(char32_t cp) const {
    Facts f;
    f.cp = cp;
    f.category = u_charType(cp);
    f.numeric_type = u_getIntPropertyValue(cp, UCHAR_NUMERIC_TYPE);
    f.numeric_value = u_getNumericValue(cp);
    f.nfkc = icu_.Nfkc(cp);
    f.skeleton = icu_.Skeleton(cp);
    return f;
  }

  // The kind of `cp`. The rules are tried in this order and the first that
  // holds decides; the order is the precedence between kinds:
  //
  //   1. kRunBreak       line breaks and separators must end a run even when
  //                      another property holds (U+2028 is White_Space).
  //   2. kIgnorable      Default_Ignorable_Code_Point, before the emoji rules
  //                      (U+200D ZWJ, U+FE0F and the tags are also
  //                      Emoji_Component) and the marks (U+034F, VS1–VS256).
  //   3. kDigit          Numeric_Type Decimal or Digit, or NFKC a single ASCII
  //   4. kDigits         digit, bare or decorated; several digits: kDigits.
  //   5. kChineseNumeral the list above, closed under NFKC (㊀ ⼀ 🈩).
  //   6. kXLookalike     before kInvisible: ✖ 🗙 are also emoji.
  //   7. kAt, 8. kSpace, 9. kDash, 10. kDot, 11. kSlash
  //                      visible separators, before kInvisible: ➖ and 〰 are
  //                      emoji too.
  //   12. kInvisible     the rest of what may sit unseen inside a number.
  //   13. kOther.
  //
  // ASCII follows the same rules except where noted: '#', '*' and the
  // digits are Emoji_Component (keycap bases) but only non-ASCII code points
  // take the emoji rules; ASCII 'X' and 'x' are kOther, not kXLookalike,
  // because a resident ID's check position accepts them as they are.
  CharKind KindOf(const Facts& f) const {
    const char32_t cp = f.cp;
    if (cp >= 0xD800 && cp <= 0xDFFF) return CharKind::kOther;  // never in UTF-8
    if (InClosure(f, run_breaks_)) return CharKind::kRunBreak;
    if (Has(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CharKind::kIgnorable;
    std::string digits = DigitsOf(f);
    if (digits.size() == 1) return CharKind::kDigit;
    if (digits.size() > 1) return CharKind::kDigits;
    if (NumeralValue(f) >= 0) return CharKind::kChineseNumeral;
    if (IsXLookalike(f)) return CharKind::kXLookalike;
    if (InClosure(f, {U'@'})) return CharKind::kAt;
    if (Has(cp, UCHAR_WHITE_SPACE)) return CharKind::kSpace;
    if (IsDash(cp) || (f.nfkc.size() == 1 && IsDash(f.nfkc[0]))) return CharKind::kDash;
    if (InClosure(f, dots_)) return CharKind::kDot;
    if (InClosure(f, slashes_)) return CharKind::kSlash;
    if (IsInvisible(f)) return CharKind::kInvisible;
    return CharKind::kOther;
  }

  // The ASCII digits `cp` stands for when it is a digit or a multi-digit
  // number form, else "".
  //   Numeric_Type=Decimal: the digits of every script (Nd), 𝟏, １.
  //   Numeric_Type=Digit: superscripts, circled and parenthesised digits,
  //     dingbat digits (❶ ➀ ⓵), Ethiopic and Kharoshthi digits.
  //   NFKC "12", "(12)", "12." or "12,": the enclosed numbers ⑫ ⑿ ⒓ ㉑.
  //   Numeric_Type=Numeric, by name (NamedDigits): ⓫ 🄋 and a few scripts.
  std::string DigitsOf(const Facts& f) const {
    std::string decorated = DecoratedDigits(f.nfkc);
    if (f.numeric_type == U_NT_DECIMAL || f.numeric_type == U_NT_DIGIT) {
      const int value = static_cast<int>(f.numeric_value);
      if (value < 0 || value > 9 || value != f.numeric_value) {
        Die(Hex(f.cp) + ": a decimal digit with value " + std::to_string(f.numeric_value));
      }
      if (!decorated.empty() && decorated != std::to_string(value)) {
        Die(Hex(f.cp) + ": numeric value and NFKC disagree");
      }
      return std::to_string(value);
    }
    if (!decorated.empty()) return decorated;
    if (f.numeric_type == U_NT_NUMERIC) return NamedDigits(f.cp, f.numeric_value);
    return "";
  }

  // The value of a Chinese numeral (listed, or NFKC to a listed one), or -1.
  int NumeralValue(const Facts& f) const {
    auto it = numeral_values_.find(f.cp);
    if (it != numeral_values_.end()) return it->second;
    if (f.nfkc.size() == 1) {
      it = numeral_values_.find(f.nfkc[0]);
      if (it != numeral_values_.end()) return it->second;
    }
    return -1;
  }

  // The printable ASCII character (U+0020–U+007E) NFKC maps `cp` to, when
  // it maps it to exactly one: ＡＢ１＠, 𝐀, ①, Ⓐ, U+3000 → ' ', and printable
  // ASCII to itself. ASCII controls have no printable form: 0.
  static char AsciiFold(const Facts& f) {
    if (f.nfkc.size() == 1 && f.nfkc[0] >= 0x20 && f.nfkc[0] < 0x7F) {
      return static_cast<char>(f.nfkc[0]);
    }
    return 0;
  }

 private:
  // `cp` is listed, or its NFKC form is exactly one listed code point.
  static bool InClosure(const Facts& f, const std::set<char32_t>& list) {
    if (list.count(f.cp)) return true;
    return f.nfkc.size() == 1 && list.count(f.nfkc[0]) > 0;
  }

  bool IsDash(char32_t cp) const {
    return Has(cp, UCHAR_DASH) || u_charType(cp) == U_DASH_PUNCTUATION ||
           extra_dashes_.count(cp) > 0;
  }

  // NFKC or the confusable skeleton is X or x (Ⅹ ⅹ Х х Χ × Ｘ 𝐗 Ⓧ), directly
  // or through NFKC (𝚾 → Χ → X); or a listed cross.
  bool IsXLookalike(const Facts& f) const {
    if (IsAscii(f.cp)) return false;
    auto is_x = [](const std::u32string& s) { return s == U"X" || s == U"x"; };
    if (is_x(f.nfkc) || is_x(f.skeleton)) return true;
    if (f.nfkc.size() == 1 && is_x(icu_.Skeleton(f.nfkc[0]))) return true;
    return extra_x_.count(f.cp) > 0;
  }

  // Transparent inside a number:
  //   Cc controls (line breaks and TAB were taken by kRunBreak);
  //   Cf format characters that are not Default_Ignorable (U+0600 ARABIC
  //     NUMBER SIGN, U+FFF9–FFFB annotation marks …);
  //   Mn and Me marks, which decorate the digit before them (1̶3̶8̶, 1⃝);
  //   Co private use: no standard glyph (font icons, custom emoji) and a
  //     ready-made evasion; a view only looks through it between digits;
  //   emoji: Extended_Pictographic, Emoji_Modifier, Emoji_Component (U+20E3
  //     COMBINING ENCLOSING KEYCAP, hair components), Regional_Indicator —
  //     for non-ASCII code points only;
  //   the listed replacement characters and the braille blank.
  // Unassigned code points (Cn) stay kOther: they may be anything later.
  bool IsInvisible(const Facts& f) const {
    switch (f.category) {
      case U_CONTROL_CHAR:
      case U_FORMAT_CHAR:
      case U_NON_SPACING_MARK:
      case U_ENCLOSING_MARK:
      case U_PRIVATE_USE_CHAR:
        return true;
      default:
        break;
    }
    if (!IsAscii(f.cp) &&
        (Has(f.cp, UCHAR_EXTENDED_PICTOGRAPHIC) || Has(f.cp, UCHAR_EMOJI_MODIFIER) ||
         Has(f.cp, UCHAR_EMOJI_COMPONENT) || Has(f.cp, UCHAR_REGIONAL_INDICATOR))) {
      return true;
    }
    return extra_invisibles_.count(f.cp) > 0;
  }

  const Icu& icu_;
  std::map<char32_t, int> numeral_values_;
  std::set<char32_t> dots_, slashes_, run_breaks_, extra_dashes_, extra_x_,
      extra_invisibles_;
};

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

// What the library returns for one code point. Many code points share one
// record; stage 2 of the table holds a record index per code point.
struct Record {
  CharKind kind = CharKind::kOther;
  int digit_value = -1;  // kDigit, kChineseNumeral
  char ascii = 0;        // AsciiFold
  std::string digits;    // DigitsText

  auto Key() const { return std::make_tuple(kind, digit_value, ascii, digits); }
  bool operator<(const Record& o) const { return Key() < o.Key(); }
};

// The most digits a record may hold (char digits[kMaxDigits + 1] in
// char_class.cc).
constexpr size_t kMaxDigits = 3;

Record RecordOf(const Classifier& classifier, const Facts& f) {
  Record r;
  r.kind = classifier.KindOf(f);
  r.ascii = Classifier::AsciiFold(f);
  if (r.kind == CharKind::kDigit || r.kind == CharKind::kDigits) {
    r.digits = classifier.DigitsOf(f);
    if (r.kind == CharKind::kDigit) r.digit_value = r.digits[0] - '0';
    if (r.digits.size() > kMaxDigits) Die(Hex(f.cp) + ": too many digits " + r.digits);
  } else if (r.kind == CharKind::kChineseNumeral) {
    r.digit_value = classifier.NumeralValue(f);
  }
  return r;
}

struct Tables {
  std::vector<Record> records;          // record 0 is plain kOther
  std::vector<uint8_t> ascii_kinds;     // 128 kinds
  std::vector<uint32_t> stage1;         // block index per cp >> shift
  std::vector<uint8_t> stage2;          // record index per code point
  std::vector<uint32_t> count_by_kind;  // code points per kind
  int shift = kBlockShift;
};

// Record index of every code point, 0..U+10FFFF.
std::vector<uint8_t> RecordIndexes(const Classifier& classifier, Tables* t) {
  std::map<Record, int> index;
  t->records.push_back(Record());
  index[Record()] = 0;
  t->count_by_kind.assign(kCharKindCount, 0);
  std::vector<uint8_t> per_cp(kMaxCodePoint + 1);
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    const Facts f = classifier.FactsOf(cp);
    const Record r = RecordOf(classifier, f);
    auto it = index.find(r);
    if (it == index.end()) {
      if (t->records.size() == 256) Die("more than 256 distinct records");
      it = index.emplace(r, static_cast<int>(t->records.size())).first;
      t->records.push_back(r);
    }
    per_cp[cp] = static_cast<uint8_t>(it->second);
    ++t->count_by_kind[static_cast<int>(r.kind)];
    if (cp < 0x80) t->ascii_kinds.push_back(static_cast<uint8_t>(r.kind));
  }
  return per_cp;
}

void BuildStages(const std::vector<uint8_t>& per_cp, int shift, Tables* t) {
  const size_t block_size = size_t{1} << shift;
  std::map<std::vector<uint8_t>, uint32_t> blocks;
  t->shift = shift;
  t->stage1.clear();
  t->stage2.clear();
  for (size_t start = 0; start < per_cp.size(); start += block_size) {
    std::vector<uint8_t> block(per_cp.begin() + start, per_cp.begin() + start + block_size);
    auto it = blocks.find(block);
    if (it == blocks.end()) {
      it = blocks.emplace(block, static_cast<uint32_t>(blocks.size())).first;
      t->stage2.insert(t->stage2.end(), block.begin(), block.end());
    }
    t->stage1.push_back(it->second);
  }
}

size_t Stage1EntryBytes(const Tables& t) {
  const size_t blocks = t.stage2.size() >> t.shift;
  return blocks <= 256 ? 1 : 2;
}

// Bytes of every table KindOf and friends read.
size_t TotalBytes(const Tables& t) {
  const size_t record_bytes = 8;  // sizeof(CharRecord) in char_class.cc
  return t.ascii_kinds.size() + t.records.size() * record_bytes +
         t.stage1.size() * Stage1EntryBytes(t) + t.stage2.size();
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

std::string CharLiteral(char c) {
  if (c == 0) return "0";
  if (c == '\'') return "'\\''";
  if (c == '\\') return "'\\\\'";
  return std::string("'") + c + "'";
}

void WriteNumbers(std::ostream& out, const std::vector<uint32_t>& values, size_t per_line) {
  for (size_t i = 0; i < values.size(); ++i) {
    out << (i % per_line == 0 ? "    " : " ") << values[i] << ",";
    if (i % per_line == per_line - 1 || i + 1 == values.size()) out << "\n";
  }
}

std::string VersionString(const UVersionInfo v) {
  char buf[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, buf);
  return buf;
}

void WriteTables(std::ostream& out, const Tables& t, const std::string& unicode_version,
                 const std::string& icu_version) {
  const size_t blocks = t.stage2.size() >> t.shift;
  out << "// Generated by tools/unicode/gen_char_tables.cc from ICU " << icu_version
      << " (Unicode " << unicode_version << ").\n"
      << "// Do not edit: run tools/unicode/regenerate.sh. Included by char_class.cc,\n"
      << "// which defines CharRecord; //tests/lib/unicode:char_tables_fresh_test\n"
      << "// fails when this file differs from what the generator writes.\n"
      << "//\n"
      << "// Code points per kind (of 0x110000):\n";
  for (int k = 0; k < kCharKindCount; ++k) {
    out << "//   " << CharKindName(static_cast<CharKind>(k)) << ": " << t.count_by_kind[k] << "\n";
  }
  out << "// Table bytes: " << TotalBytes(t) << " (" << t.records.size() << " records, "
      << t.stage1.size() << " stage-1 entries, " << blocks << " distinct blocks of "
      << (1 << t.shift) << ").\n\n";
  out << "inline constexpr char kGeneratedUnicodeVersion[] = \"" << unicode_version << "\";\n";
  out << "inline constexpr char kGeneratedTablesSource[] = \"ICU " << icu_version << "\";\n\n";
  out << "inline constexpr int kBlockShift = " << t.shift << ";\n";
  out << "using BlockIndex = " << (Stage1EntryBytes(t) == 1 ? "uint8_t" : "uint16_t") << ";\n\n";

  out << "// The kind of each ASCII character.\n";
  out << "inline constexpr CharKind kAsciiKinds[128] = {\n";
  for (size_t i = 0; i < t.ascii_kinds.size(); ++i) {
    out << "    CharKind::" << CharKindName(static_cast<CharKind>(t.ascii_kinds[i])) << ",  // "
        << Hex(static_cast<char32_t>(i));
    if (i >= 0x20 && i < 0x7F) out << " '" << static_cast<char>(i) << "'";
    out << "\n";
  }
  out << "};\n\n";

  out << "// {kind, digit value, ASCII fold, digits length, digits}\n";
  out << "inline constexpr CharRecord kRecords[" << t.records.size() << "] = {\n";
  for (size_t i = 0; i < t.records.size(); ++i) {
    const Record& r = t.records[i];
    out << "    {CharKind::" << CharKindName(r.kind) << ", " << r.digit_value << ", "
        << CharLiteral(r.ascii) << ", " << r.digits.size() << ", \"" << r.digits
        << "\"},  // " << i << "\n";
  }
  out << "};\n\n";

  out << "// Stage 1: the block of code points [n << kBlockShift, (n + 1) << kBlockShift).\n";
  out << "inline constexpr BlockIndex kBlockOf[" << t.stage1.size() << "] = {\n";
  WriteNumbers(out, t.stage1, 16);
  out << "};\n\n";

  out << "// Stage 2: the record of each code point, one block after another.\n";
  out << "inline constexpr uint8_t kRecordOf[" << t.stage2.size() << "] = {\n";
  const size_t block_size = size_t{1} << t.shift;
  for (size_t b = 0; b < blocks; ++b) {
    // The first code point that uses the block, to find one's way.
    size_t first = 0;
    while (t.stage1[first] != b) ++first;
    out << "    // block " << b << ": " << Hex(static_cast<char32_t>(first << t.shift)) << "\n";
    std::vector<uint32_t> values(t.stage2.begin() + b * block_size,
                                 t.stage2.begin() + (b + 1) * block_size);
    WriteNumbers(out, values, 16);
  }
  out << "};\n";
}

// Prints the ranges of code points of one kind, with names, for review.
void ListKind(const Classifier& classifier, const std::string& name) {
  int wanted = -1;
  for (int k = 0; k < kCharKindCount; ++k) {
    if (name == CharKindName(static_cast<CharKind>(k))) wanted = k;
  }
  if (wanted < 0) Die("unknown kind " + name);
  char32_t start = 0;
  bool in_range = false;
  for (char32_t cp = 0; cp <= kMaxCodePoint + 1; ++cp) {
    bool member = cp <= kMaxCodePoint &&
                  static_cast<int>(classifier.KindOf(classifier.FactsOf(cp))) == wanted;
    if (member && !in_range) {
      start = cp;
      in_range = true;
    } else if (!member && in_range) {
      in_range = false;
      std::cout << Hex(start);
      if (cp - 1 != start) std::cout << ".." << Hex(cp - 1);
      std::cout << "  " << CharName(start);
      if (cp - 1 != start) std::cout << " .. " << CharName(cp - 1);
      const Record r = RecordOf(classifier, classifier.FactsOf(start));
      if (!r.digits.empty()) std::cout << "  [" << r.digits << "]";
      if (r.kind == CharKind::kChineseNumeral) std::cout << "  [" << r.digit_value << "]";
      std::cout << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Icu icu;
  Classifier classifier(icu);
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--list=", 0) == 0) {
      ListKind(classifier, arg.substr(7));
      return 0;
    }
    if (arg == "--sizes") {
      Tables t;
      std::vector<uint8_t> per_cp = RecordIndexes(classifier, &t);
      for (int shift = 4; shift <= 10; ++shift) {
        BuildStages(per_cp, shift, &t);
        std::cout << "shift " << shift << ": " << TotalBytes(t) << " bytes ("
                  << (t.stage2.size() >> shift) << " blocks, " << t.records.size()
                  << " records)\n";
      }
      return 0;
    }
    if (!arg.empty() && arg[0] == '-') Die("unknown flag " + arg);
    output = arg;
  }

  UVersionInfo unicode, icu_version;
  u_getUnicodeVersion(unicode);
  u_getVersion(icu_version);

  Tables t;
  std::vector<uint8_t> per_cp = RecordIndexes(classifier, &t);
  BuildStages(per_cp, kBlockShift, &t);

  std::ostringstream text;
  WriteTables(text, t, VersionString(unicode), VersionString(icu_version));
  if (output.empty()) {
    std::cout << text.str();
  } else {
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << text.str();
    file.close();
    if (!file) Die("cannot write " + output);
  }
  return 0;
}
