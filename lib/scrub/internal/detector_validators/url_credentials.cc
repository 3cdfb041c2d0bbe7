// URL_CREDENTIALS: "user:password" whose password is not a placeholder
// ("***", "<password>", "xxx").
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {

double UrlCredentialsValidator(absl::string_view value, const ValidationContext&) {
  const size_t colon = value.find(':');
  if (colon == absl::string_view::npos) return 0.0;
  const absl::string_view password = value.substr(colon + 1);
  return IsPlaceholderSecret(password) ? 0.0 : 1.0;
}

}  // namespace scrub::internal
