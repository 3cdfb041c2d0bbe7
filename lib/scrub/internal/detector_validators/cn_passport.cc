// CN_PASSPORT: passports of the People's Republic of China, found next to a
// context word only (the shapes are common in product codes): ordinary
// passports E + 8 digits, E + letter + 7 digits, the older G + 8 digits;
// diplomatic, service and public-affairs passports D, S, P + 7-8 digits and
// DE, SE, PE + 7 digits. Upper or lower case.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"

namespace scrub::internal {
namespace {

double ScoreCnPassport(absl::string_view value, const ValidationContext&) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view v = normalized;
  if (v.empty()) return 0.0;  // (a custom detector's pattern may match nothing)
  if (v[0] == 'E' || v[0] == 'G') return 0.8;  // ordinary passports
  return 0.7;
}

}  // namespace

double CnPassportValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreCnPassport(value, ctx);
}

}  // namespace scrub::internal
