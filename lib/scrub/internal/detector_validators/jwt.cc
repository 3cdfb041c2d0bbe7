// JWT: the header decodes to a JSON object with "alg"; a JWS payload.
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/jwt_validator.h"

namespace scrub::internal {

double JwtValidator(absl::string_view value, const ValidationContext&) {
  return IsValidJwt(value) ? 1.0 : 0.0;
}

}  // namespace scrub::internal
