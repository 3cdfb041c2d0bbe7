// IBAN: the country's length and MOD 97-10 over the rearranged code.
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/iban_validator.h"

namespace scrub::internal {

double IbanValidator(absl::string_view value, const ValidationContext&) {
  return IsValidIban(NormalizedValue(value, ValueForm::kAlphanumeric).view()) ? 1.0 : 0.0;
}

}  // namespace scrub::internal
