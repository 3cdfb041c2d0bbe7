// GITHUB_TOKEN: a fine-grained token's shape (0.95), or a classic token's
// shape with its CRC-32 checksum (0.99) or without it (0.75: a token-shaped
// string in a message is still most likely a credential, or one with a
// typo).
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/github_token_validator.h"

namespace scrub::internal {

double GithubTokenValidator(absl::string_view value, const ValidationContext&) {
  if (IsGithubFineGrainedTokenShape(value)) return 0.95;
  if (!IsGithubClassicTokenShape(value)) return 0.0;
  return HasValidGithubTokenChecksum(value) ? 0.99 : 0.75;
}

}  // namespace scrub::internal
