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
#include "scrub/internal/validators/chinese_surname.h"

namespace scrub::internal {
namespace {

double ScorePersonName(absl::string_view value, const ValidationContext&) {
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
