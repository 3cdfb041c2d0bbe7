#include "scrub/internal/validators/github_token_validator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace scrub::internal {
namespace {

constexpr char kBase62[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr size_t kClassicPrefix = 4;     // "ghp_"
constexpr size_t kClassicBody = 36;      // 30 random + 6 checksum
constexpr size_t kChecksumChars = 6;

bool AllAlnum(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

uint32_t Crc32(absl::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
  }
  return ~crc;
}

std::string Base62(uint32_t value, size_t width) {
  std::string digits;
  do {
    digits.insert(digits.begin(), kBase62[value % 62]);
    value /= 62;
  } while (value != 0);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

bool IsGithubClassicTokenShape(absl::string_view token) {
  if (token.size() != kClassicPrefix + kClassicBody) return false;
  if (token[0] != 'g' || token[1] != 'h' || token[3] != '_') return false;
  switch (token[2]) {
    case 'p':  // personal access token
    case 'o':  // OAuth access token
    case 'u':  // GitHub App user-to-server token
    case 's':  // GitHub App server-to-server token
    case 'r':  // refresh token
      break;
    default:
      return false;
  }
  return AllAlnum(token.substr(kClassicPrefix));
}

bool IsGithubFineGrainedTokenShape(absl::string_view token) {
  constexpr absl::string_view kPrefix = "github_pat_";
  if (!absl::StartsWith(token, kPrefix)) return false;
  const absl::string_view rest = token.substr(kPrefix.size());
  return rest.size() == 22 + 1 + 59 && rest[22] == '_' &&
         AllAlnum(rest.substr(0, 22)) && AllAlnum(rest.substr(23));
}

bool HasValidGithubTokenChecksum(absl::string_view token) {
  if (!IsGithubClassicTokenShape(token)) return false;
  const absl::string_view body = token.substr(kClassicPrefix);
  const absl::string_view random = body.substr(0, kClassicBody - kChecksumChars);
  const absl::string_view checksum = body.substr(kClassicBody - kChecksumChars);
  return Base62(Crc32(random), kChecksumChars) == checksum;
}

}  // namespace scrub::internal
