// HK_ID: Hong Kong identity card numbers: one or two letters, six digits and
// a check character (0-9 or A), written in parentheses "A123456(3)", in
// brackets "A123456[3]" or plain "A1234563". Check character verified.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/hk_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreHkId(absl::string_view value, const ValidationContext&) {
  std::string id(value);
  for (char& c : id) c = absl::ascii_toupper(static_cast<unsigned char>(c));
  if (!IsValidHkId(id)) return 0.0;
  // Written the way the card prints it: strong; plain letters + 7 characters
  // also match product codes, one in eleven of which passes the check.
  return value.back() == ')' || value.back() == ']' ? 0.85 : 0.55;
}

}  // namespace

double HkIdValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreHkId(value, ctx);
}

}  // namespace scrub::internal
