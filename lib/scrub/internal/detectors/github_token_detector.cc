// GITHUB_TOKEN: GitHub access tokens - classic (ghp_, gho_, ghu_, ghs_,
// ghr_ + 36 characters, the last 6 a CRC-32 checksum) and fine-grained
// personal access tokens (github_pat_ + 82 characters).
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/github_token_validator.h"

namespace scrub::internal {

DetectorSpec GithubTokenDetector() {
  DetectorSpec d;
  d.id = "GITHUB_TOKEN";
  d.summary = "GitHub access token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)";
  // The token's characters are matched as a run and its length checked by
  // the validator (cheaper for the automaton than exact repeat counts).
  d.pattern =
      "(?:^|[^A-Za-z0-9_])"
      "(gh[pousr]_[A-Za-z0-9]+|github_pat_[A-Za-z0-9_]+)"
      "(?:[^A-Za-z0-9_]|$)";
  d.score = [](absl::string_view value, const ValidationContext&) {
    if (IsGithubFineGrainedTokenShape(value)) return 0.95;
    if (!IsGithubClassicTokenShape(value)) return 0.0;
    // A wrong checksum means GitHub never issued it, but a token-shaped
    // string in a message is still most likely a credential (or one with a
    // typo): report it, with less confidence.
    return HasValidGithubTokenChecksum(value) ? 0.99 : 0.75;
  };
  d.context.positive = {"github", "token", "pat", "gh_token"};
  d.form = ValueForm::kExact;
  d.examples = {
      {"token ", "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", "", 1.0},
      {"确认一下信息 GITHUB_TOKEN=", "ghp_dZD6H3zKFAqkwlpvvnApg5vb2JcEfbfFTBnZ", "", 0.9},
  };
  return d;
}

}  // namespace scrub::internal
