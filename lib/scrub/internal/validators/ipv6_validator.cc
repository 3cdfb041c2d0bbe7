#include "scrub/internal/validators/ipv6_validator.h"

#include <arpa/inet.h>

#include <cstring>

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

constexpr size_t kMaxAddressChars = 45;  // INET6_ADDRSTRLEN - 1
constexpr size_t kMaxZoneChars = 32;

bool IsZoneChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
         c == '~' || c == '-';
}

}  // namespace

bool ParseIpv6(absl::string_view text, Ipv6Parts* parts) {
  *parts = Ipv6Parts();
  size_t end = text.size();
  const size_t slash = text.find('/');
  if (slash != absl::string_view::npos) {
    const absl::string_view prefix = text.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3) return false;
    if (prefix.size() > 1 && prefix[0] == '0') return false;
    int bits = 0;
    for (char c : prefix) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
      bits = bits * 10 + (c - '0');
    }
    if (bits > 128) return false;
    parts->has_prefix = true;
    end = slash;
  }
  const size_t percent = text.substr(0, end).find('%');
  if (percent != absl::string_view::npos) {
    const absl::string_view zone = text.substr(percent + 1, end - percent - 1);
    if (zone.empty() || zone.size() > kMaxZoneChars) return false;
    for (char c : zone) {
      if (!IsZoneChar(c)) return false;
    }
    parts->has_zone = true;
    end = percent;
  }
  const absl::string_view address = text.substr(0, end);
  if (address.size() < 2 || address.size() > kMaxAddressChars) return false;

  // inet_pton on a bounded, NUL-terminated copy.
  char buffer[kMaxAddressChars + 1];
  std::memcpy(buffer, address.data(), address.size());
  buffer[address.size()] = '\0';
  struct in6_addr parsed;
  if (inet_pton(AF_INET6, buffer, &parsed) != 1) return false;

  parts->address = address;
  parts->embedded_ipv4 = address.find('.') != absl::string_view::npos;
  int groups = 0;
  bool in_group = false;
  for (char c : address) {
    if (c == ':' || c == '.') {
      in_group = false;
    } else if (!in_group) {
      in_group = true;
      ++groups;
    }
  }
  parts->groups_written = groups;
  static const unsigned char kZero[16] = {};
  unsigned char loopback[16] = {};
  loopback[15] = 1;
  parts->unspecified = std::memcmp(parsed.s6_addr, kZero, 16) == 0;
  parts->loopback = std::memcmp(parsed.s6_addr, loopback, 16) == 0;
  return true;
}

}  // namespace scrub::internal
