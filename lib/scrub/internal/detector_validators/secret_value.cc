// A secret written after a key (PASSWORD): anything but a placeholder
// ("***", "<password>", "xxx", "changeme").
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {

double SecretValueValidator(absl::string_view value, const ValidationContext&) {
  return IsPlaceholderSecret(value) ? 0.0 : 1.0;
}

}  // namespace scrub::internal
