// File: scrub/internal/unicode/char_class.h
//
// What every Unicode code point is to the detection view, by table lookup.
//
// Attackers write a phone number as １３８, 𝟏𝟑𝟖, ①③⑧, ١٣٨ or 一三八, and put
// zero-width characters, emoji, U+3164 or U+2212 between its digits. A
// hand-written list of such characters is always one character short, so
// these answers come from Unicode properties (Numeric_Type,
// Default_Ignorable_Code_Point, White_Space, Dash, Extended_Pictographic,
// NFKC, confusables) evaluated once by tools/unicode/gen_char_tables.cc with
// ICU and checked in as char_tables.inc. Scanning never calls ICU: every
// function here is a lookup in constant tables (two stages: the block of
// cp >> 8, then one byte per code point; ASCII through its own 128 entries),
// with no allocation and no locking.
//
// Example: reading the digits of "１３８\u200B0013・8000"
//
//   for (char32_t cp : code_points) {
//     switch (KindOf(cp)) {
//       case CharKind::kDigit:      digits += DigitsText(cp); break;
//       case CharKind::kDigits:     digits += DigitsText(cp); break;  // ⑫
//       case CharKind::kIgnorable:
//       case CharKind::kInvisible:  break;           // look through
//       case CharKind::kSpace: case CharKind::kDash:
//       case CharKind::kDot:   case CharKind::kSlash: break;  // a separator
//       default:                    EndRun();
//     }
//   }
//
// The kinds (membership as decided by the generator, which documents each
// rule and list; the first rule that holds wins, in this order):
//   kRunBreak        TAB LF VT FF CR, U+0085, U+2028, U+2029, | ¦ ∣ │ ｜,
//                    , ， 、 ، ; ； ؛ and : ：. Ends a run of digits; the
//                    colon does because it joins times and MAC addresses.
//   kIgnorable       Default_Ignorable_Code_Point: U+200B–U+200F, U+00AD,
//                    U+034F, U+3164, U+FE00–U+FE0F, U+2060–U+206F, tags …
//   kDigit           Numeric_Type Decimal or Digit (every script's digits,
//                    full-width １, 𝟏, ¹, ₁, ①, ⑴, ⒈, ⓵, ❶, 🄁), NFKC to one
//                    ASCII digit, and a few named digits (🄋).
//   kDigits          one character for a number >= 10: ⑩–⑳, ⑽–⒇, ⒑–⒛,
//                    ⓫–⓴, ㉑–㊿, ㉈–㉏.
//   kChineseNumeral  零〇一二三四五六七八九 幺 两 兩, financial 壹贰貳叁參肆伍
//                    陆陸柒捌玖, Suzhou 〡–〩, ○ typed for 〇, and their NFKC
//                    variants (㊀ ⼀).
//                    Digit positions only: 十百千万拾佰仟 are kOther.
//   kXLookalike      non-ASCII characters whose NFKC form or UTS #39
//                    confusable skeleton is X or x (Ⅹ ⅹ Х х Χ × Ｘ 𝐗 Ⓧ),
//                    and ✕ ✖ ✗ ✘ ☓. ASCII X and x are kOther: a resident
//                    ID's check position takes them as they are.
//   kAt              @ ＠ ﹫
//   kSpace           White_Space other than the run breaks (U+0020, U+00A0,
//                    U+1680, U+2000–U+200A, U+202F, U+205F, U+3000).
//   kDash            Dash or Pd (‐ – — − ﹣ － …), ˗ ⁃ ─ ➖, ー ｰ.
//   kDot             . · • ‧ ∙ ⋅ ・ 。 and NFKC variants (． ｡ ･ ․).
//   kSlash           / ⁄ ∕ ⧸ ╱ ⟋ ／ (not the backslash).
//   kInvisible       what may sit unseen inside a number: Cc controls (NUL,
//                    BS, ESC, DEL …), Cf format characters, Mn/Me marks
//                    (1̶3̶8̶), Co private use, emoji (Extended_Pictographic,
//                    Emoji_Modifier, Emoji_Component, Regional_Indicator;
//                    non-ASCII only), U+FFFD, U+FFFC, U+2800.
//   kOther           everything else, including unassigned code points,
//                    surrogates and values above U+10FFFF.
#ifndef SCRUB_INTERNAL_UNICODE_CHAR_CLASS_H_
#define SCRUB_INTERNAL_UNICODE_CHAR_CLASS_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "scrub/internal/unicode/char_kind.h"

namespace scrub::internal::unicode {

// The Unicode version and data source of the tables (the generator writes
// them; char_class.cc fails to compile when they disagree with these).
inline constexpr char kUnicodeVersion[] = "15.0";
inline constexpr char kTablesSource[] = "ICU 72.1";

// Marks that combine with the character before them: variation selectors,
// the combining diacritical marks (with their extended and supplement
// blocks), the combining marks for symbols (the keycap U+20E3) and the
// combining half marks. They are kInvisible; unlike a control they belong
// to the character they follow ("1\u0336" strikes the 1 through).
constexpr bool IsCombiningMark(char32_t cp) {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x0300 && cp <= 0x036F) ||
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// The kind of `cp`, in constant time.
//   KindOf(U'７') == CharKind::kDigit; KindOf(0x200B) == CharKind::kIgnorable
CharKind KindOf(char32_t cp);

// The digit value 0–9 of a kDigit or kChineseNumeral code point, else -1.
//   DigitValue(U'𝟏') == 1; DigitValue(U'٣') == 3; DigitValue(U'两') == 2;
//   DigitValue(U'⑫') == -1 (kDigits: use DigitsText)
int DigitValue(char32_t cp);

// The ASCII digits a kDigit or kDigits code point stands for, else "".
// Points into static storage.
//   DigitsText(U'७') == "7"; DigitsText(U'⑫') == "12"; DigitsText(U'二') == ""
absl::string_view DigitsText(char32_t cp);

// The printable ASCII character (' ' to '~') that NFKC maps `cp` to when
// NFKC(cp) is exactly that one character, else 0. Printable ASCII maps to
// itself; ASCII controls give 0.
//   AsciiFold(U'Ａ') == 'A'; AsciiFold(U'𝐀') == 'A'; AsciiFold(U'Ⓐ') == 'A';
//   AsciiFold(U'①') == '1'; AsciiFold(0x3000) == ' '; AsciiFold(U'⑴') == 0
//   ("(1)"); AsciiFold(U'٣') == 0 (NFKC keeps it; see DigitValue)
char AsciiFold(char32_t cp);

// Total size in bytes of the tables behind these functions.
size_t TablesSizeBytes();

}  // namespace scrub::internal::unicode

#endif  // SCRUB_INTERNAL_UNICODE_CHAR_CLASS_H_
