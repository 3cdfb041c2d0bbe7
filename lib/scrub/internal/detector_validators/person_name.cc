// PERSON_NAME: a person's name, only where a label introduces it (姓名,
// 收件人, 联系人, 户名, name: ...): 2-4 Han characters or a capitalised Latin
// name. No free-text name guessing. The span is the name, not the label:
//
//   收件人：王小明，电话…   -> 王小明
//   Name: John Smith       -> John Smith
//
// Han names starting with a common surname are found at the default
// threshold; others score below it (reported with a lower min_confidence).
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/utf8.h"
#include "scrub/internal/validators/chinese_surname.h"

namespace scrub::internal {
namespace {

// True when `value` holds an ASCII letter or a Han ideograph. `value` is
// valid UTF-8 (a view of the text).
bool HoldsALetter(absl::string_view value) {
  for (size_t i = 0; i < value.size();) {
    const auto u = static_cast<unsigned char>(value[i]);
    if (u < 0x80) {
      if (absl::ascii_isalpha(u)) return true;
      ++i;
      continue;
    }
    size_t len = 1;
    const char32_t cp = DecodeUtf8(value, i, &len);
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F)) {
      return true;
    }
    i += len;
  }
  return false;
}

double ScorePersonName(absl::string_view value, const ValidationContext&) {
  if (!HoldsALetter(value)) return 0.0;
  if (absl::ascii_isupper(static_cast<unsigned char>(value[0]))) return 0.7;  // Latin
  const size_t surname = ChineseSurnameLength(value);
  if (surname == 0) return 0.4;
  // A compound surname needs a given name after it.
  if (surname == value.size()) return 0.0;
  return 0.8;
}

}  // namespace

double PersonNameValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScorePersonName(value, ctx);
}

}  // namespace scrub::internal
