// Every code point 0..U+10FFFF against ICU: the property-derived kinds hold
// exactly where ICU says the property holds (with the precedence the
// generator documents), and every value the tables return agrees with
// ICU's numeric values and NFKC. ICU is linked by this test only.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <string>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "scrub/internal/unicode/char_class.h"

namespace scrub::internal::unicode {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

std::string Name(char32_t cp) { return absl::StrFormat("U+%04X", static_cast<uint32_t>(cp)); }

bool Has(char32_t cp, UProperty p) { return u_hasBinaryProperty(cp, p); }

bool IsSurrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// Keeps a failing sweep from printing a million lines.
constexpr int kMaxFailures = 20;

// The single code point NFKC maps `cp` to, or -1 when NFKC gives several.
int32_t NfkcSingle(char32_t cp) {
  static const UNormalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return unorm2_getNFKCInstance(&status);
  }();
  UChar src[2];
  int32_t len = 0;
  U16_APPEND_UNSAFE(src, len, cp);
  UChar dst[32];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = unorm2_normalize(nfkc, src, len, dst, 32, &status);
  if (U_FAILURE(status)) return -1;
  int32_t i = 0;
  UChar32 c;
  U16_NEXT(dst, i, n, c);
  return i == n ? c : -1;
}

TEST(CharClassPropertyTest, TablesComeFromTheLinkedIcusUnicodeVersion) {
  UVersionInfo unicode;
  u_getUnicodeVersion(unicode);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(unicode, text);
  ASSERT_STREQ(text, kUnicodeVersion)
      << "this ICU has another Unicode version than the tables; run "
         "tools/unicode/regenerate.sh";
}

TEST(CharClassPropertyTest, EveryDecimalOrDigitNumericTypeIsADigitWithItsValue) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const int type = u_getIntPropertyValue(cp, UCHAR_NUMERIC_TYPE);
    if (type != U_NT_DECIMAL && type != U_NT_DIGIT) continue;
    const int value = static_cast<int>(u_getNumericValue(cp));
    if (KindOf(cp) != CharKind::kDigit || DigitValue(cp) != value ||
        DigitsText(cp) != std::to_string(value)) {
      ADD_FAILURE() << Name(cp) << " is " << CharKindName(KindOf(cp)) << " value "
                    << DigitValue(cp) << ", ICU says digit " << value;
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, EveryDigitsValueIsIcusNumericValue) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const CharKind kind = KindOf(cp);
    if (kind != CharKind::kDigit && kind != CharKind::kDigits &&
        kind != CharKind::kChineseNumeral) {
      if (DigitValue(cp) != -1 || !DigitsText(cp).empty()) {
        ADD_FAILURE() << Name(cp) << " is " << CharKindName(kind) << " but has a value";
        ++failures;
      }
      continue;
    }
    const double icu = u_getNumericValue(cp);
    if (kind == CharKind::kChineseNumeral) {
      // 两 and a few NFKC variants (⼀) have no ICU value; the rest must agree.
      if ((icu != U_NO_NUMERIC_VALUE && icu != DigitValue(cp)) || DigitValue(cp) < 0 ||
          !DigitsText(cp).empty()) {
        ADD_FAILURE() << Name(cp) << " value " << DigitValue(cp) << ", ICU " << icu;
        ++failures;
      }
      continue;
    }
    const std::string digits(DigitsText(cp));
    const bool one = kind == CharKind::kDigit;
    if (digits.empty() || (one ? digits.size() != 1 : digits.size() < 2) ||
        std::stod(digits) != icu ||
        DigitValue(cp) != (one ? digits[0] - '0' : -1)) {
      ADD_FAILURE() << Name(cp) << " " << CharKindName(kind) << " \"" << digits
                    << "\" value " << DigitValue(cp) << ", ICU " << icu;
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, IgnorableIsExactlyDefaultIgnorableCodePoint) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const bool ignorable = Has(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
    if (ignorable != (KindOf(cp) == CharKind::kIgnorable)) {
      ADD_FAILURE() << Name(cp) << " is " << CharKindName(KindOf(cp))
                    << ", Default_Ignorable_Code_Point=" << ignorable;
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, WhiteSpaceIsSpaceOrRunBreakAndSpaceIsWhiteSpace) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const CharKind kind = KindOf(cp);
    const bool white = Has(cp, UCHAR_WHITE_SPACE);
    const bool ok = white ? (kind == CharKind::kSpace || kind == CharKind::kRunBreak)
                          : kind != CharKind::kSpace;
    // Every Zs is a space (no separator of another kind hides one).
    const bool zs_ok = u_charType(cp) != U_SPACE_SEPARATOR || kind == CharKind::kSpace;
    if (!ok || !zs_ok) {
      ADD_FAILURE() << Name(cp) << " is " << CharKindName(kind) << ", White_Space=" << white;
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, EveryDashOrPdIsDash) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    if (!Has(cp, UCHAR_DASH) && u_charType(cp) != U_DASH_PUNCTUATION) continue;
    if (KindOf(cp) != CharKind::kDash) {
      ADD_FAILURE() << Name(cp) << " is Dash/Pd but " << CharKindName(KindOf(cp));
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, ControlsAreInvisibleOrRunBreaks) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    if (u_charType(cp) != U_CONTROL_CHAR) continue;
    const bool line = cp == 0x09 || cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D ||
                      cp == 0x85;
    const CharKind want = line ? CharKind::kRunBreak : CharKind::kInvisible;
    if (KindOf(cp) != want) {
      ADD_FAILURE() << Name(cp) << " is " << CharKindName(KindOf(cp));
      ++failures;
    }
  }
}

// Emoji never block a run: every non-ASCII emoji code point is invisible or,
// by precedence, a visible separator, an X look-alike or a number.
TEST(CharClassPropertyTest, NonAsciiEmojiAreNeverOther) {
  int failures = 0;
  for (char32_t cp = 0x80; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const bool emoji = Has(cp, UCHAR_EXTENDED_PICTOGRAPHIC) || Has(cp, UCHAR_EMOJI_MODIFIER) ||
                       Has(cp, UCHAR_EMOJI_COMPONENT) || Has(cp, UCHAR_REGIONAL_INDICATOR);
    if (emoji && KindOf(cp) == CharKind::kOther) {
      ADD_FAILURE() << Name(cp) << " is an emoji but kOther";
      ++failures;
    }
    if ((Has(cp, UCHAR_EMOJI_MODIFIER) || Has(cp, UCHAR_REGIONAL_INDICATOR)) &&
        KindOf(cp) != CharKind::kInvisible) {
      ADD_FAILURE() << Name(cp) << " is a modifier or regional indicator but "
                    << CharKindName(KindOf(cp));
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, MarksFormatAndPrivateUseAreInvisibleUnlessIgnorable) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const int8_t type = u_charType(cp);
    if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK && type != U_FORMAT_CHAR &&
        type != U_PRIVATE_USE_CHAR) {
      continue;
    }
    const CharKind want = Has(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ? CharKind::kIgnorable
                                                                      : CharKind::kInvisible;
    if (KindOf(cp) != want) {
      ADD_FAILURE() << Name(cp) << " is " << CharKindName(KindOf(cp));
      ++failures;
    }
  }
}

// Unassigned code points and surrogates carry no property the view uses,
// except where Unicode pre-assigns one (reserved emoji ranges, ignorables).
TEST(CharClassPropertyTest, UnassignedAndSurrogatesAreOther) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    const int8_t type = u_charType(cp);
    if (type != U_UNASSIGNED && !IsSurrogate(cp)) continue;
    const bool preassigned =
        Has(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || Has(cp, UCHAR_EXTENDED_PICTOGRAPHIC);
    if (!preassigned && KindOf(cp) != CharKind::kOther) {
      ADD_FAILURE() << Name(cp) << " is unassigned but " << CharKindName(KindOf(cp));
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, AsciiFoldIsTheSinglePrintableAsciiOfNfkc) {
  int failures = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    if (IsSurrogate(cp)) continue;
    const int32_t single = NfkcSingle(cp);
    const char want = single >= 0x20 && single < 0x7F ? static_cast<char>(single) : 0;
    if (AsciiFold(cp) != want) {
      ADD_FAILURE() << Name(cp) << " folds to " << static_cast<int>(AsciiFold(cp))
                    << ", NFKC gives " << single;
      ++failures;
    }
  }
}

TEST(CharClassPropertyTest, ConfusablesOfXAreXLookalikes) {
  UErrorCode status = U_ZERO_ERROR;
  USpoofChecker* spoof = uspoof_open(&status);
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  int failures = 0;
  for (char32_t cp = 0x80; cp <= kMaxCodePoint && failures < kMaxFailures; ++cp) {
    if (IsSurrogate(cp)) continue;
    UChar src[2];
    int32_t len = 0;
    U16_APPEND_UNSAFE(src, len, cp);
    UChar skeleton[32];
    status = U_ZERO_ERROR;
    const int32_t n = uspoof_getSkeleton(spoof, 0, src, len, skeleton, 32, &status);
    const int32_t single = NfkcSingle(cp);
    const bool x = (U_SUCCESS(status) && n == 1 && (skeleton[0] == u'X' || skeleton[0] == u'x')) ||
                   single == U'X' || single == U'x';
    if (x && KindOf(cp) != CharKind::kXLookalike) {
      ADD_FAILURE() << Name(cp) << " looks like X but is " << CharKindName(KindOf(cp));
      ++failures;
    }
  }
  uspoof_close(spoof);
}

TEST(CharClassPropertyTest, ValuesPastTheLastCodePointAreOther) {
  for (char32_t cp : {char32_t{0x110000}, char32_t{0x7FFFFFFF}, char32_t{0xFFFFFFFF}}) {
    EXPECT_EQ(KindOf(cp), CharKind::kOther);
    EXPECT_EQ(DigitValue(cp), -1);
    EXPECT_EQ(DigitsText(cp), "");
    EXPECT_EQ(AsciiFold(cp), 0);
  }
}

}  // namespace
}  // namespace scrub::internal::unicode
