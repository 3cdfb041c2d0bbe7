// US_SSN: area, group and serial rules; the spelling sets the confidence.
// 3-2-4 with dashes is the SSN's own spelling (0.8); 3-2-4 with single
// spaces or dots is seen too (0.6); any other spelling (nine bare digits,
// 3-3-3 like an amount, slashes, runs of spaces) is everywhere (ids,
// amounts) and passes the default threshold only with a context word (0.3).
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/us_ssn_validator.h"

namespace scrub::internal {

double UsSsnValidator(absl::string_view value, const ValidationContext&) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view digits = normalized;
  if (digits.size() != 9 || !IsValidUsSsn(digits)) return 0.0;
  if (value.size() == 11 && value[3] == value[6] &&
      (value[3] == '-' || value[3] == ' ' || value[3] == '.')) {
    return value[3] == '-' ? 0.8 : 0.6;
  }
  return 0.3;
}

}  // namespace scrub::internal
