// EMAIL: RFC 5321/6531 limits (local part, labels, lengths) on what the
// pattern found.
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {

double EmailValidator(absl::string_view value, const ValidationContext&) {
  return IsValidEmail(value) ? 1.0 : 0.0;
}

}  // namespace scrub::internal
