// IP_ADDRESS: a valid IPv4 address that identifies a host (not 0.0.0.0,
// loopback, broadcast or the reserved 240.0.0.0/4), or a valid IPv6 address
// (not :: or ::1). A four-part version number ("2.0.3.4"), a short IPv6 that
// reads like code ("ab::cd") and eight two-hex-digit groups (a DUID) need a
// context word (0.45); others 0.8.
#include "absl/strings/str_split.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/ipv4_validator.h"
#include "scrub/internal/validators/ipv6_validator.h"

namespace scrub::internal {
namespace {

// True when every colon-separated group of `value` has two characters.
bool AllGroupsOfTwo(absl::string_view value) {
  for (absl::string_view group : absl::StrSplit(value, ':')) {
    if (group.size() != 2) return false;
  }
  return true;
}

}  // namespace

double IpAddressValidator(absl::string_view value, const ValidationContext&) {
  if (value.find(':') == absl::string_view::npos) {
    if (!IsValidIpv4(value) || IsNonIdentifyingIpv4(value)) return 0.0;
    return LooksLikeVersionIpv4(value) ? 0.45 : 0.8;  // "2.0.3.4": context
  }
  Ipv6Parts v6;
  if (!ParseIpv6(value, &v6) || v6.unspecified || v6.loopback) return 0.0;
  // "ab::cd" is a valid address but reads like code ("a::b"): with fewer
  // than three groups and nothing else IPv6-specific, wait for context.
  if (v6.groups_written < 3 && !v6.has_zone && !v6.has_prefix && !v6.embedded_ipv4) {
    return 0.45;
  }
  // Eight groups of two hex digits each read as bytes ("f9:2a:c2:77:29:f9:
  // 5c:00", a DUID), not as an address.
  if (AllGroupsOfTwo(value)) return 0.45;
  return 0.8;
}

}  // namespace scrub::internal
