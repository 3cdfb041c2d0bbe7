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

bool IsNonIdentifyingIpv4(absl::string_view text) {
  return text == "0.0.0.0" || text == "255.255.255.255" ||
         (text.size() > 4 && text.substr(0, 4) == "127.");
}

}  // namespace scrub::internal
