#include "scrub/internal/unicode/char_class.h"

#include <cstddef>
#include <cstdint>

namespace scrub::internal::unicode {
namespace {

// What the tables hold for a group of code points. The generator writes
// these as {kind, digit_value, ascii_fold, digits_len, digits} in this order.
struct CharRecord {
  CharKind kind;
  int8_t digit_value;  // 0-9 for kDigit and kChineseNumeral, else -1
  char ascii_fold;     // AsciiFold, or 0
  uint8_t digits_len;  // DigitsText's length
  char digits[4];      // DigitsText, at most 3 digits ("50") plus NUL
};
static_assert(sizeof(CharRecord) == 8, "the generator counts 8 bytes a record");

// kGeneratedUnicodeVersion, kGeneratedTablesSource, kBlockShift, BlockIndex,
// kAsciiKinds, kRecords, kBlockOf (stage 1), kRecordOf (stage 2).
#include "lib/scrub/internal/unicode/char_tables.inc"  // private, generated

constexpr bool SameText(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}
static_assert(SameText(kGeneratedUnicodeVersion, kUnicodeVersion),
              "char_tables.inc was generated from another Unicode version: "
              "update kUnicodeVersion in char_class.h");
static_assert(SameText(kGeneratedTablesSource, kTablesSource),
              "char_tables.inc was generated with another ICU: update "
              "kTablesSource in char_class.h");

constexpr char32_t kMaxCodePoint = 0x10FFFF;
static_assert(sizeof(kBlockOf) / sizeof(kBlockOf[0]) == (kMaxCodePoint >> kBlockShift) + 1,
              "stage 1 covers every code point");

// The record of any code point (kRecords[0], plain kOther, past U+10FFFF).
const CharRecord& RecordOf(char32_t cp) {
  if (cp > kMaxCodePoint) return kRecords[0];
  const size_t block = kBlockOf[cp >> kBlockShift];
  const size_t mask = (size_t{1} << kBlockShift) - 1;
  return kRecords[kRecordOf[(block << kBlockShift) | (cp & mask)]];
}

}  // namespace

CharKind KindOf(char32_t cp) {
  if (cp < 0x80) return kAsciiKinds[cp];
  return RecordOf(cp).kind;
}

int DigitValue(char32_t cp) { return RecordOf(cp).digit_value; }

absl::string_view DigitsText(char32_t cp) {
  const CharRecord& r = RecordOf(cp);
  return absl::string_view(r.digits, r.digits_len);
}

char AsciiFold(char32_t cp) { return RecordOf(cp).ascii_fold; }

size_t TablesSizeBytes() {
  return sizeof(kAsciiKinds) + sizeof(kRecords) + sizeof(kBlockOf) + sizeof(kRecordOf);
}

}  // namespace scrub::internal::unicode
