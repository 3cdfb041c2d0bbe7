// GitHub access tokens (ghp_, gho_, ghu_, ghs_, ghr_ and github_pat_).
//
// Classic tokens are a prefix, 30 random base62 characters and a 6-character
// checksum: the CRC-32 (the zlib/PNG polynomial) of the 30 random characters,
// written in base62 (0-9, A-Z, a-z) and left-padded with '0'.
#ifndef SCRUB_INTERNAL_VALIDATORS_GITHUB_TOKEN_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_GITHUB_TOKEN_VALIDATOR_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True for a classic token: "gh" + one of p, o, u, s, r + "_" + exactly 36
// ASCII letters and digits (the checksum is not checked).
bool IsGithubClassicTokenShape(absl::string_view token);

// True for a fine-grained personal access token: "github_pat_" + 22 letters
// or digits + "_" + 59 letters or digits.
bool IsGithubFineGrainedTokenShape(absl::string_view token);

// True when a classic token's last 6 characters are the base62 CRC-32 of
// the 30 characters before them. False for anything that is not a classic
// token shape.
bool HasValidGithubTokenChecksum(absl::string_view token);

// The CRC-32 (reflected polynomial 0xEDB88320, as zlib's crc32()) of `data`.
uint32_t Crc32(absl::string_view data);

// `value` in base62 (0-9, A-Z, a-z), left-padded with '0' to `width`.
std::string Base62(uint32_t value, size_t width);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_GITHUB_TOKEN_VALIDATOR_H_
