#include "scrub/internal/validators/ipv4_validator.h"

#include <array>

#include "absl/strings/string_view.h"

namespace scrub::internal {
namespace {

// Reads the dotted quad `text` into `octets`: four decimal numbers of 0-255
// without leading zeros. False for anything else.
bool ParseIpv4(absl::string_view text, std::array<int, 4>* octets) {
  size_t count = 0;
  size_t part_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '.') continue;
    const absl::string_view part = text.substr(part_start, i - part_start);
    part_start = i + 1;
    if (count == 4 || part.empty() || part.size() > 3) return false;
    if (part.size() > 1 && part[0] == '0') return false;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    (*octets)[count++] = value;
  }
  return count == 4;
}

// The four octets of a valid address (zeros for an invalid one).
std::array<int, 4> Octets(absl::string_view text) {
  std::array<int, 4> octets{};
  if (!ParseIpv4(text, &octets)) octets.fill(0);
  return octets;
}

}  // namespace

bool IsValidIpv4(absl::string_view text) {
  std::array<int, 4> octets;
  return ParseIpv4(text, &octets);
}

bool IsNonIdentifyingIpv4(absl::string_view text) {
  if (text == "0.0.0.0" || (text.size() > 4 && text.substr(0, 4) == "127.")) return true;
  return Octets(text)[0] >= 240;  // reserved (RFC 1112), never a host's
}

bool LooksLikeVersionIpv4(absl::string_view text) {
  const std::array<int, 4> octets = Octets(text);
  const bool small = octets[0] < 10 && octets[1] < 100 && octets[2] < 100 && octets[3] < 100;
  const bool repeated = octets[0] == octets[1] && octets[1] == octets[2] && octets[2] == octets[3];
  return small && !repeated;
}

}  // namespace scrub::internal
