// JWT: JSON Web Tokens (JWS and JWE compact serialisation), including
// unsecured tokens with an empty signature ("header.payload.").
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/jwt_validator.h"

namespace scrub::internal {

DetectorSpec JwtDetector() {
  DetectorSpec d;
  d.id = "JWT";
  d.summary = "JSON Web Token (header decodes to JSON with \"alg\")";
  // The header is base64url JSON: it starts with "ey" ('{"') or, with
  // whitespace after the brace, "ew" ('{\n', '{\r') or "eyA" ('{ ').
  // Segments: 3 (JWS; the signature may be empty) or 5 (JWE; the encrypted
  // key is empty with "alg":"dir"); the validator requires a JWS payload.
  // A '.' right after the token is allowed only before a non-token
  // character (the end of a sentence).
  d.pattern =
      "(?:^|[^A-Za-z0-9_.-])"
      "(e[wy][A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*"
      "(?:\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)?)"
      "(?:[^A-Za-z0-9_.-]|\\.[^A-Za-z0-9_-]|\\.$|$)";
  d.score = [](absl::string_view value, const ValidationContext&) {
    return IsValidJwt(value) ? 0.95 : 0.0;
  };
  d.context.positive = {"jwt", "token", "bearer", "authorization"};
  d.form = ValueForm::kExact;
  d.examples = {
      {"收到。token=", "eyJhbGciOiAibm9uZSIsICJ0eXAiOiAiSldUIn0.eyJzdWIiOiAiOTI5MDM3NTMiLCAiaWF0IjogMTcwMDgxNzQyOX0.", " ", 1.0},
      {"收到。token=", "eyJhbGciOiAibm9uZSIsICJ0eXAiOiAiSldUIn0.eyJzdWIiOiAiMDQ0Mzc1NTkiLCAiaWF0IjogMTcwMDg2NTA1M30.", " ", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
