// The plain checks a custom detector may ask for (and the 0.x policy enum
// Validator names): Luhn, ISO 7064 MOD 11-2 and MOD 97-10, and GB 11643
// over the ASCII letters and digits of the value.
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/iso7064.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {

double LuhnValidator(absl::string_view value, const ValidationContext&) {
  return PassesLuhn(NormalizedValue(value, ValueForm::kAlphanumeric).view()) ? 1.0 : 0.0;
}

double Mod11_2Validator(absl::string_view value, const ValidationContext&) {
  return PassesMod11_2(NormalizedValue(value, ValueForm::kAlphanumeric).view()) ? 1.0 : 0.0;
}

double Mod97Validator(absl::string_view value, const ValidationContext&) {
  return PassesIbanMod97(NormalizedValue(value, ValueForm::kAlphanumeric).view()) ? 1.0 : 0.0;
}

double Gb11643Validator(absl::string_view value, const ValidationContext& ctx) {
  return IsValidResidentId(NormalizedValue(value, ValueForm::kAlphanumeric).view(), ctx.today)
             ? 1.0
             : 0.0;
}

}  // namespace scrub::internal
