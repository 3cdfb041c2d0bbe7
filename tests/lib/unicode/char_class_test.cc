// Exact kinds, digit values, digit texts and ASCII folds of representative
// code points of every kind (the whole range is checked against ICU by
// char_class_property_test).
#include "scrub/internal/unicode/char_class.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace scrub::internal::unicode {

// For readable failures.
void PrintTo(CharKind kind, std::ostream* os) { *os << CharKindName(kind); }

namespace {

struct Case {
  char32_t cp;
  CharKind kind;
  int digit_value = -1;
  const char* digits = "";
  char ascii = 0;
};

std::string Name(char32_t cp) { return absl::StrFormat("U+%04X", static_cast<uint32_t>(cp)); }

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(Name(c.cp));
    EXPECT_EQ(KindOf(c.cp), c.kind);
    EXPECT_EQ(DigitValue(c.cp), c.digit_value);
    EXPECT_EQ(DigitsText(c.cp), c.digits);
    EXPECT_EQ(AsciiFold(c.cp), c.ascii);
  }
}

using K = CharKind;

TEST(CharClassTest, DigitsOfEveryScriptAndCompatibilityFormAreOneDigit) {
  ExpectCases({
      {U'0', K::kDigit, 0, "0", '0'},
      {U'7', K::kDigit, 7, "7", '7'},
      {U'１', K::kDigit, 1, "1", '1'},        // full-width
      {U'𝟏', K::kDigit, 1, "1", '1'},        // math bold
      {U'𝟿', K::kDigit, 9, "9", '9'},        // math monospace
      {U'٣', K::kDigit, 3, "3", 0},          // Arabic-Indic: NFKC keeps it
      {U'۷', K::kDigit, 7, "7", 0},          // extended Arabic-Indic
      {U'०', K::kDigit, 0, "0", 0},          // Devanagari
      {U'৫', K::kDigit, 5, "5", 0},          // Bengali
      {U'๘', K::kDigit, 8, "8", 0},          // Thai
      {U'①', K::kDigit, 1, "1", '1'},        // circled
      {U'⓪', K::kDigit, 0, "0", '0'},
      {U'⑴', K::kDigit, 1, "1", 0},          // parenthesised: NFKC "(1)"
      {U'⒈', K::kDigit, 1, "1", 0},          // full stop: NFKC "1."
      {U'¹', K::kDigit, 1, "1", '1'},        // superscript
      {U'₁', K::kDigit, 1, "1", '1'},        // subscript
      {U'⓵', K::kDigit, 1, "1", 0},          // double circled
      {U'❶', K::kDigit, 1, "1", 0},          // dingbat negative circled
      {U'➀', K::kDigit, 1, "1", 0},          // dingbat sans-serif
      {0x1F101, K::kDigit, 0, "0", 0},       // 🄁 DIGIT ZERO COMMA: NFKC "0,"
      {0x1F10B, K::kDigit, 0, "0", 0},       // 🄋 named digit, no decomposition
      {0x1FBF5, K::kDigit, 5, "5", '5'},     // 🯵 segmented digit
  });
}

TEST(CharClassTest, MultiDigitNumberFormsCarryTheirDigits) {
  ExpectCases({
      {U'⑩', K::kDigits, -1, "10", 0},
      {U'⑫', K::kDigits, -1, "12", 0},
      {U'⑳', K::kDigits, -1, "20", 0},
      {U'⑽', K::kDigits, -1, "10", 0},
      {U'⒇', K::kDigits, -1, "20", 0},
      {U'⒑', K::kDigits, -1, "10", 0},
      {U'⒛', K::kDigits, -1, "20", 0},
      {U'㉑', K::kDigits, -1, "21", 0},
      {U'㊿', K::kDigits, -1, "50", 0},
      {U'⓫', K::kDigits, -1, "11", 0},   // no decomposition: by name
      {U'⓴', K::kDigits, -1, "20", 0},
      {U'❿', K::kDigits, -1, "10", 0},
      {U'㉏', K::kDigits, -1, "80", 0},
  });
}

TEST(CharClassTest, ChineseNumeralsInDigitPositionHaveValues) {
  // Each value and the numerals that write it: kind kChineseNumeral, no
  // digits text, no ASCII fold.
  const std::pair<int, std::u32string> kNumeralsByValue[] = {
      {0, U"零〇"},
      {0, U"○"},       // WHITE CIRCLE, typed for 〇
      {0, U"\uF9B2"},  // compatibility ideograph (NFKC 零)
      {1, U"一幺壹"},
      {1, U"〡"},  // Suzhou numerals
      {1, U"㊀"},  // circled ideograph (NFKC 一)
      {2, U"二两兩贰貳"},
      {2, U"⼆"},  // Kangxi radical (NFKC 二)
      {3, U"三叁參"},
      {4, U"四肆"},
      {5, U"五伍"},
      {6, U"六陆陸"},
      {7, U"七柒"},
      {8, U"八捌"},
      {9, U"九玖"},
      {9, U"〩"},  // Suzhou numerals
  };
  std::vector<Case> cases;
  for (const auto& [value, numerals] : kNumeralsByValue) {
    for (char32_t cp : numerals) cases.push_back({cp, K::kChineseNumeral, value});
  }
  ExpectCases(cases);
}

TEST(CharClassTest, MultipliersAndOtherHanAreOther) {
  ExpectCases({
      {U'十', K::kOther}, {U'百', K::kOther}, {U'千', K::kOther},
      {U'万', K::kOther}, {U'拾', K::kOther}, {U'佰', K::kOther},
      {U'仟', K::kOther}, {U'么', K::kOther}, {U'参', K::kOther},
      {U'中', K::kOther}, {U'号', K::kOther}, {U'㊉', K::kOther},
  });
}

TEST(CharClassTest, DefaultIgnorablesAreIgnorable) {
  ExpectCases({
      {0x200B, K::kIgnorable},  // ZERO WIDTH SPACE
      {0x200C, K::kIgnorable},  // ZWNJ
      {0x200D, K::kIgnorable},  // ZWJ (also Emoji_Component)
      {0x00AD, K::kIgnorable},  // SOFT HYPHEN
      {0x034F, K::kIgnorable},  // COMBINING GRAPHEME JOINER (also Mn)
      {0x3164, K::kIgnorable},  // HANGUL FILLER
      {0xFFA0, K::kIgnorable},  // HALFWIDTH HANGUL FILLER
      {0x115F, K::kIgnorable},  // HANGUL CHOSEONG FILLER
      {0xFE0F, K::kIgnorable},  // VARIATION SELECTOR-16 (also Emoji_Component)
      {0xFE00, K::kIgnorable},
      {0xE0100, K::kIgnorable},  // VARIATION SELECTOR-17
      {0x2060, K::kIgnorable},   // WORD JOINER
      {0x2062, K::kIgnorable},   // INVISIBLE TIMES
      {0x202E, K::kIgnorable},   // RIGHT-TO-LEFT OVERRIDE
      {0xFEFF, K::kIgnorable},   // BYTE ORDER MARK
      {0x180E, K::kIgnorable},   // MONGOLIAN VOWEL SEPARATOR
      {0xE0041, K::kIgnorable},  // TAG LATIN CAPITAL LETTER A
  });
}

TEST(CharClassTest, ControlsEmojiAndReplacementCharactersAreInvisible) {
  ExpectCases({
      {0x0000, K::kInvisible},   // NUL
      {0x0008, K::kInvisible},   // BACKSPACE
      {0x001B, K::kInvisible},   // ESCAPE
      {0x001F, K::kInvisible},   // UNIT SEPARATOR
      {0x007F, K::kInvisible},   // DELETE
      {0x0080, K::kInvisible},   // C1 controls
      {0x009B, K::kInvisible},   // CSI
      {0xFFFD, K::kInvisible},   // REPLACEMENT CHARACTER
      {0xFFFC, K::kInvisible},   // OBJECT REPLACEMENT CHARACTER
      {0x2800, K::kInvisible},   // BRAILLE PATTERN BLANK
      {0x1F600, K::kInvisible},  // 😀
      {0x2764, K::kInvisible},   // ❤
      {0x00A9, K::kInvisible},   // © (Extended_Pictographic)
      {0x1F3FB, K::kInvisible},  // skin tone modifier
      {0x1F1E8, K::kInvisible},  // regional indicator C
      {0x20E3, K::kInvisible},   // COMBINING ENCLOSING KEYCAP
      {0x0336, K::kInvisible},   // COMBINING LONG STROKE OVERLAY (1̶)
      {0x20DD, K::kInvisible},   // COMBINING ENCLOSING CIRCLE
      {0x0600, K::kInvisible},   // ARABIC NUMBER SIGN (Cf)
      {0xE000, K::kInvisible},   // private use
      {0x10FFFD, K::kInvisible},  // plane 16 private use
  });
}

TEST(CharClassTest, KeycapBasesStayPlainAscii) {
  // '#', '*' and the digits are Emoji_Component, but the emoji rules apply
  // to non-ASCII code points only.
  ExpectCases({
      {U'#', K::kOther, -1, "", '#'},
      {U'*', K::kOther, -1, "", '*'},
      {U'5', K::kDigit, 5, "5", '5'},
  });
}

TEST(CharClassTest, SpacesOtherThanLineBreaksAreSpace) {
  ExpectCases({
      {U' ', K::kSpace, -1, "", ' '},
      {0x00A0, K::kSpace, -1, "", ' '},  // NO-BREAK SPACE
      {0x3000, K::kSpace, -1, "", ' '},  // IDEOGRAPHIC SPACE
      {0x2002, K::kSpace, -1, "", ' '},  // EN SPACE
      {0x2009, K::kSpace, -1, "", ' '},  // THIN SPACE
      {0x200A, K::kSpace, -1, "", ' '},  // HAIR SPACE
      {0x202F, K::kSpace, -1, "", ' '},  // NARROW NO-BREAK SPACE
      {0x205F, K::kSpace, -1, "", ' '},  // MEDIUM MATHEMATICAL SPACE
      {0x1680, K::kSpace},               // OGHAM SPACE MARK
  });
}

TEST(CharClassTest, DashesAndMinusSignsAreDash) {
  ExpectCases({
      {U'-', K::kDash, -1, "", '-'},
      {0x2010, K::kDash},                // HYPHEN
      {0x2011, K::kDash},                // NON-BREAKING HYPHEN
      {0x2013, K::kDash},                // EN DASH
      {0x2014, K::kDash},                // EM DASH
      {0x2015, K::kDash},                // HORIZONTAL BAR
      {0x2212, K::kDash},                // MINUS SIGN
      {0xFE63, K::kDash, -1, "", '-'},   // SMALL HYPHEN-MINUS
      {0xFF0D, K::kDash, -1, "", '-'},   // FULLWIDTH HYPHEN-MINUS
      {0x2043, K::kDash},                // HYPHEN BULLET
      {0x02D7, K::kDash},                // MODIFIER LETTER MINUS SIGN
      {0x2796, K::kDash},                // ➖ (an emoji too)
      {0x30FC, K::kDash},                // ー
      {0x301C, K::kDash},                // 〜 WAVE DASH
  });
}

TEST(CharClassTest, DotsAndSlashesAreSeparators) {
  ExpectCases({
      {U'.', K::kDot, -1, "", '.'},
      {0x00B7, K::kDot},               // · MIDDLE DOT
      {0x2022, K::kDot},               // • BULLET
      {0x30FB, K::kDot},               // ・ KATAKANA MIDDLE DOT
      {0xFF0E, K::kDot, -1, "", '.'},  // ．
      {0x3002, K::kDot},               // 。
      {0xFF61, K::kDot},               // ｡
      {0x2027, K::kDot},               // ‧
      {0x2219, K::kDot},               // ∙
      {0x22C5, K::kDot},               // ⋅
      {0x0387, K::kDot},               // GREEK ANO TELEIA (NFKC ·)
      {0x25CF, K::kOther},             // ● masks digits, does not separate
      {U'/', K::kSlash, -1, "", '/'},
      {0xFF0F, K::kSlash, -1, "", '/'},  // ／
      {0x2044, K::kSlash},               // ⁄ FRACTION SLASH
      {0x2215, K::kSlash},               // ∕ DIVISION SLASH
      {0x29F8, K::kSlash},               // ⧸ BIG SOLIDUS
      {U'\\', K::kOther, -1, "", '\\'},
  });
}

TEST(CharClassTest, LineBreaksAndListSeparatorsBreakRuns) {
  ExpectCases({
      {U'\t', K::kRunBreak}, {U'\n', K::kRunBreak}, {0x000B, K::kRunBreak},
      {0x000C, K::kRunBreak}, {U'\r', K::kRunBreak}, {0x0085, K::kRunBreak},
      {0x2028, K::kRunBreak}, {0x2029, K::kRunBreak},
      {U'|', K::kRunBreak, -1, "", '|'},
      {0xFF5C, K::kRunBreak, -1, "", '|'},  // ｜
      {U',', K::kRunBreak, -1, "", ','},
      {0xFF0C, K::kRunBreak, -1, "", ','},  // ，
      {0x3001, K::kRunBreak},               // 、
      {U';', K::kRunBreak, -1, "", ';'},
      {0xFF1B, K::kRunBreak, -1, "", ';'},  // ；
      {0x037E, K::kRunBreak, -1, "", ';'},  // GREEK QUESTION MARK (NFKC ;)
      {U':', K::kRunBreak, -1, "", ':'},
      {0xFF1A, K::kRunBreak, -1, "", ':'},  // ：
  });
}

TEST(CharClassTest, XLookalikesAreMarkedButAsciiXIsOther) {
  ExpectCases({
      {U'X', K::kOther, -1, "", 'X'},
      {U'x', K::kOther, -1, "", 'x'},
      {0x2169, K::kXLookalike, -1, "", 'X'},   // Ⅹ ROMAN NUMERAL TEN
      {0x2179, K::kXLookalike, -1, "", 'x'},   // ⅹ
      {0x0425, K::kXLookalike},                // Х CYRILLIC
      {0x0445, K::kXLookalike},                // х
      {0x03A7, K::kXLookalike},                // Χ GREEK CHI
      {0x00D7, K::kXLookalike},                // × MULTIPLICATION SIGN
      {0x2715, K::kXLookalike},                // ✕
      {0x2716, K::kXLookalike},                // ✖ (an emoji too)
      {0x2717, K::kXLookalike},                // ✗
      {0x2718, K::kXLookalike},                // ✘
      {0xFF38, K::kXLookalike, -1, "", 'X'},   // Ｘ
      {0xFF58, K::kXLookalike, -1, "", 'x'},   // ｘ
      {0x1D417, K::kXLookalike, -1, "", 'X'},  // 𝐗
      {0x24CD, K::kXLookalike, -1, "", 'X'},   // Ⓧ
  });
}

TEST(CharClassTest, AtSignsAreAt) {
  ExpectCases({
      {U'@', K::kAt, -1, "", '@'},
      {0xFF20, K::kAt, -1, "", '@'},  // ＠
      {0xFE6B, K::kAt, -1, "", '@'},  // ﹫
  });
}

TEST(CharClassTest, AsciiFoldFollowsNfkc) {
  ExpectCases({
      {U'A', K::kOther, -1, "", 'A'},
      {U'~', K::kOther, -1, "", '~'},
      {0xFF21, K::kOther, -1, "", 'A'},   // Ａ
      {0xFF42, K::kOther, -1, "", 'b'},   // ｂ
      {0x1D400, K::kOther, -1, "", 'A'},  // 𝐀
      {0x24B6, K::kOther, -1, "", 'A'},   // Ⓐ
      {0x212A, K::kOther, -1, "", 'K'},   // KELVIN SIGN
      {0xFF0B, K::kOther, -1, "", '+'},   // ＋
      {0xFF08, K::kOther, -1, "", '('},   // （
      {0x00E9, K::kOther},                // é: NFKC keeps it
      {0xFB00, K::kOther},                // ﬀ: NFKC "ff", two characters
      {0x00BD, K::kOther},                // ½: NFKC "1⁄2"
  });
}

TEST(CharClassTest, AsciiHasTheDocumentedKinds) {
  for (char32_t c = 0; c < 0x80; ++c) {
    SCOPED_TRACE(Name(c));
    CharKind want = K::kOther;
    if (c >= U'0' && c <= U'9') {
      want = K::kDigit;
    } else if (c == U'\t' || c == U'\n' || c == 0x0B || c == 0x0C || c == U'\r' ||
               c == U'|' || c == U',' || c == U';' || c == U':') {
      want = K::kRunBreak;
    } else if (c < 0x20 || c == 0x7F) {
      want = K::kInvisible;
    } else if (c == U' ') {
      want = K::kSpace;
    } else if (c == U'-') {
      want = K::kDash;
    } else if (c == U'.') {
      want = K::kDot;
    } else if (c == U'/') {
      want = K::kSlash;
    } else if (c == U'@') {
      want = K::kAt;
    }
    EXPECT_EQ(KindOf(c), want);
    EXPECT_EQ(AsciiFold(c), c >= 0x20 && c < 0x7F ? static_cast<char>(c) : 0);
  }
}

TEST(CharClassTest, OutOfRangeSurrogatesAndUnassignedAreOther) {
  ExpectCases({
      {0xD800, K::kOther},
      {0xDFFF, K::kOther},
      {0x0378, K::kOther},     // unassigned
      {0x30000, K::kOther},    // CJK Extension G
      {0x110000, K::kOther},
      {0xFFFFFFFF, K::kOther},
  });
}

TEST(CharClassTest, VersionAndSizeAreRecorded) {
  EXPECT_STREQ(kUnicodeVersion, "15.0");
  EXPECT_STREQ(kTablesSource, "ICU 72.1");
  EXPECT_GT(TablesSizeBytes(), 0u);
  EXPECT_LT(TablesSizeBytes(), 64u * 1024u);
}

}  // namespace
}  // namespace scrub::internal::unicode
