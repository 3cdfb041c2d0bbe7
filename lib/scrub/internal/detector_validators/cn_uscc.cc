// CN_USCC: unified social credit codes of companies and organisations
// (统一社会信用代码, GB 32100): 18 characters of 0-9 A-H J-N P Q R T U W X Y
// with a mod-31 check character and an embedded organisation code (GB 11714)
// with its own mod-11 check. The registering region (positions 3-8) found in
// GB/T 2260 raises confidence.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/resident_id_validator.h"
#include "scrub/internal/region_codes.h"
#include "scrub/internal/validators/uscc_validator.h"

namespace scrub::internal {
namespace {

double ScoreCnUscc(absl::string_view value, const ValidationContext& ctx) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view code = normalized;
  if (!IsValidUscc(code)) return 0.0;
  // One valid resident ID in 341 passes both USCC checks too: it is an ID
  // (found by CN_RESIDENT_ID); a credit-code word still finds it here.
  if (IsValidResidentId(code, ctx.today)) return 0.4;
  // Codes are printed in upper case; lower-case letters are more often a
  // random hexadecimal id that happens to pass both checks (1 in 341).
  for (char c : value) {
    if (c >= 'a' && c <= 'z') return 0.55;
  }
  const absl::string_view region = absl::string_view(code).substr(2, 6);
  const bool known_region = IsKnownRegionCode(region) || region == "100000";
  // Split by separators, a code of an unknown region needs a context word:
  // short words in a row can spell 18 characters that pass both checks.
  if (code.size() != value.size()) return known_region ? 0.8 : 0.45;
  return known_region ? 0.9 : 0.75;
}

}  // namespace

double CnUsccValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreCnUscc(value, ctx);
}

}  // namespace scrub::internal
