// CN_RESIDENT_ID: citizen identity numbers. 18-character numbers (GB 11643,
// MOD 11-2 checked; also the residence permits of Hong Kong, Macau and Taiwan
// residents, prefixes 81/82/83), written plain or grouped 6-8-4 or 6-4-4-4
// with spaces, dashes or dots; and 15-digit first-generation numbers (region
// + YYMMDD + 3, no check digit), only next to a context word.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/region_codes.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

// Base confidences. A known GB/T 2260 county code is extra evidence; an
// unknown one is not a reason to reject (IDs outlive their counties, and the
// table only reaches back to 2002).
constexpr double kValidKnownRegion = 0.95;
constexpr double kValidUnknownRegion = 0.85;
// Legacy numbers have no check digit: found only with a context word.
constexpr double kLegacyKnownRegion = 0.6;
constexpr double kLegacyUnknownRegion = 0.5;
constexpr double kRequiredBelow = 0.7;

bool HasKnownRegion(absl::string_view id) {
  const absl::string_view region = id.substr(0, 6);
  // Residence permits carry the province code of HK, Macau or Taiwan.
  return region == "810000" || region == "820000" || region == "830000" ||
         IsKnownRegionCode(region);
}

double ScoreResidentId(absl::string_view value, const ValidationContext& ctx) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view id = normalized;
  if (id.size() == 18) {
    if (!IsValidResidentId(id, ctx.today)) return 0.0;
    return HasKnownRegion(id) ? kValidKnownRegion : kValidUnknownRegion;
  }
  if (id.size() == 15) {
    if (!IsValidLegacyResidentId(id, ctx.today)) return 0.0;
    return HasKnownRegion(id) ? kLegacyKnownRegion : kLegacyUnknownRegion;
  }
  return 0.0;
}

}  // namespace

double CnResidentIdValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreResidentId(value, ctx);
}

}  // namespace scrub::internal
