#include "scrub/internal/validators/ipv4_validator.h"

#include <vector>

#include "absl/strings/str_split.h"

namespace scrub::internal {

bool IsValidIpv4(absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  if (parts.size() != 4) return false;
  for (absl::string_view part : parts) {
    if (part.empty() || part.size() > 3) return false;
    if (part.size() > 1 && part[0] == '0') return false;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
  }
  return true;
}

namespace {

// The four octets of a valid address.
std::vector<int> Octets(absl::string_view text) {
  std::vector<int> octets;
  for (absl::string_view part : absl::StrSplit(text, '.')) {
    int value = 0;
    for (char c : part) value = value * 10 + (c - '0');
    octets.push_back(value);
  }
  return octets;
}

}  // namespace

bool IsNonIdentifyingIpv4(absl::string_view text) {
  if (text == "0.0.0.0" || (text.size() > 4 && text.substr(0, 4) == "127.")) return true;
  return Octets(text)[0] >= 240;  // reserved (RFC 1112), never a host's
}

bool LooksLikeVersionIpv4(absl::string_view text) {
  const std::vector<int> octets = Octets(text);
  const bool small = octets[0] < 10 && octets[1] < 100 && octets[2] < 100 && octets[3] < 100;
  const bool repeated = octets[0] == octets[1] && octets[1] == octets[2] && octets[2] == octets[3];
  return small && !repeated;
}

}  // namespace scrub::internal
