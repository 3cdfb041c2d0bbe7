// File: scrub/internal/unicode/char_kind.h
//
// What a character is to the detection view: the one classification the view
// folds text by. Kept apart from the tables (char_class.h) so that the table
// generator can name the kinds without linking the tables it is rewriting.
// The exact membership of each kind is decided in
// tools/unicode/gen_char_tables.cc, from Unicode properties.
#ifndef SCRUB_INTERNAL_UNICODE_CHAR_KIND_H_
#define SCRUB_INTERNAL_UNICODE_CHAR_KIND_H_

#include <cstdint>

namespace scrub::internal::unicode {

// The numeric values are written into the generated tables: append new kinds,
// never renumber (the regenerate-and-compare test catches a mismatch).
enum class CharKind : uint8_t {
  kOther = 0,           // everything else (letters, Han, most symbols)
  kDigit = 1,           // one decimal digit of any script or compatibility form
  kDigits = 2,          // one character standing for a multi-digit number (⑫)
  kChineseNumeral = 3,  // 零〇一…九 幺 两 and financial forms 壹贰叁…
  kIgnorable = 4,       // Default_Ignorable_Code_Point (ZWSP, U+3164, VS16 …)
  kInvisible = 5,       // transparent inside a number: controls, emoji, U+FFFD …
  kSpace = 6,           // White_Space other than tab and line breaks
  kDash = 7,            // hyphens, dashes, minus signs
  kDot = 8,             // full stops, middle dots, bullets
  kSlash = 9,           // solidus and its look-alikes
  kRunBreak = 10,       // always ends a run of digits: line breaks , ; : |
  kXLookalike = 11,     // looks like X (Ⅹ Х Χ ×); an ID's check character only
  kAt = 12,             // @ ＠ ﹫
};

inline constexpr int kCharKindCount = 13;

// "kDigit" etc., for messages and generated code; "?" for an unknown value.
constexpr const char* CharKindName(CharKind kind) {
  switch (kind) {
    case CharKind::kOther: return "kOther";
    case CharKind::kDigit: return "kDigit";
    case CharKind::kDigits: return "kDigits";
    case CharKind::kChineseNumeral: return "kChineseNumeral";
    case CharKind::kIgnorable: return "kIgnorable";
    case CharKind::kInvisible: return "kInvisible";
    case CharKind::kSpace: return "kSpace";
    case CharKind::kDash: return "kDash";
    case CharKind::kDot: return "kDot";
    case CharKind::kSlash: return "kSlash";
    case CharKind::kRunBreak: return "kRunBreak";
    case CharKind::kXLookalike: return "kXLookalike";
    case CharKind::kAt: return "kAt";
  }
  return "?";
}

}  // namespace scrub::internal::unicode

#endif  // SCRUB_INTERNAL_UNICODE_CHAR_KIND_H_
