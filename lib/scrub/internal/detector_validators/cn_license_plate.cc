// CN_LICENSE_PLATE: mainland vehicle registration plates: a province
// character, a letter, then 5 characters (ordinary plates, the last may be
// 学/警/挂/港/澳/领/试/超) or 6 (new-energy plates: D/F-series small cars,
// "…D"/"…F" large ones), with an optional "·" or space after the letter.
// Moderate confidence: plates identify a car more than a person.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"

namespace scrub::internal {
namespace {

double ScoreLicensePlate(absl::string_view value, const ValidationContext&) {
  // The serial after the province character and the letter.
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view code = normalized;
  // code = issuing letter + serial (the province character is not ASCII).
  if (code.empty()) return 0.0;  // (a custom detector's pattern may match nothing)
  const absl::string_view serial = code.substr(1);
  int letters = 0;
  for (char c : serial) letters += (c >= 'A' && c <= 'Z');
  if (serial.size() == 6) return 0.65;  // new-energy
  // Ordinary serials carry at most three letters; a special-use suffix
  // character leaves four ASCII characters.
  if (letters > 3) return 0.0;
  return 0.6;
}

}  // namespace

double CnLicensePlateValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreLicensePlate(value, ctx);
}

}  // namespace scrub::internal
