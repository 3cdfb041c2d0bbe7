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
  if (value.back() == ')' || value.back() == ']') return 0.85;
  // "A 123 456 7": spaced like many other codes; a context word decides.
  return value.find_first_of(" -") == absl::string_view::npos ? 0.55 : 0.45;
}

}  // namespace

double HkIdValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreHkId(value, ctx);
}

}  // namespace scrub::internal
