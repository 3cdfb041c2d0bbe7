// CN_MOBILE: mainland China mobile numbers, 1[3-9] + 9 digits, optionally
// with +86 / 0086 / (+86) / (86), grouped 3-4-4 or 3-8 with spaces, dashes or
// dots. The carrier allocation table only adjusts confidence: a number in an
// unallocated segment is still found.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {
namespace {

double ScoreCnMobile(absl::string_view value, const ValidationContext&) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view all_digits = normalized;
  const bool country_code = all_digits.size() > 11;
  const absl::string_view digits = WithoutCnCountryCode(all_digits);
  if (!IsValidCnMobile(digits)) return 0.0;
  const bool allocated = IsAllocatedCnMobileSegment(digits);
  if (country_code) return allocated ? 0.95 : 0.8;
  return allocated ? 0.85 : 0.6;
}

}  // namespace

double CnMobileValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreCnMobile(value, ctx);
}

}  // namespace scrub::internal
