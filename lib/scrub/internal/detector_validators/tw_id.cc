// TW_ID: Taiwan national ID numbers (A123456789: region letter, 1 or 2, eight
// digits) and resident certificate numbers, old style (letter + A-D + 8
// digits) and new style (letter + 8 or 9 + 8 digits); checksum verified.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/tw_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreTwId(absl::string_view value, const ValidationContext&) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view id = normalized;
  const TwIdKind kind = ValidateTwId(id);
  if (kind == TwIdKind::kInvalid) return 0.0;
  // "A 123 456 789": spaced like many other codes; a context word decides.
  if (value.find_first_of(" -") != absl::string_view::npos) return 0.45;
  return kind == TwIdKind::kNationalId ? 0.85 : 0.8;
}

}  // namespace

double TwIdValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreTwId(value, ctx);
}

}  // namespace scrub::internal
