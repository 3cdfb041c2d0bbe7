#include "scrub/internal/validators/mac_address_validator.h"

#include <string>

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

bool IsHex(char c) { return absl::ascii_isxdigit(static_cast<unsigned char>(c)); }

// The 12 hex digits of a valid address.
std::string HexDigits(absl::string_view text) {
  std::string hex;
  for (char c : text) {
    if (IsHex(c)) hex.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return hex;
}

}  // namespace

bool IsValidMacAddress(absl::string_view text) {
  if (text.size() == 17) {  // xx:xx:xx:xx:xx:xx
    const char sep = text[2];
    if (sep != ':' && sep != '-') return false;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % 3 == 2 ? text[i] != sep : !IsHex(text[i])) return false;
    }
    return true;
  }
  if (text.size() == 14) {  // xxxx.xxxx.xxxx
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % 5 == 4 ? text[i] != '.' : !IsHex(text[i])) return false;
    }
    return true;
  }
  return false;
}

bool IsNonIdentifyingMacAddress(absl::string_view text) {
  const std::string hex = HexDigits(text);
  return hex == "000000000000" || hex == "ffffffffffff";
}

}  // namespace scrub::internal
