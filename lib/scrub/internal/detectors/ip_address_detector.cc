// IP_ADDRESS: IPv4 addresses, and IPv6 addresses in full or compressed
// ("::") form, with an embedded IPv4 tail, a zone index (fe80::1%eth0) or a
// prefix length (2001:db8::/32).
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/ipv4_validator.h"
#include "scrub/internal/validators/ipv6_validator.h"

namespace scrub::internal {
namespace {

constexpr char kHex[] = "[0-9A-Fa-f]{1,4}";
constexpr char kDottedQuad[] = "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}";

// Only shapes that can be IPv6 reach the validator: eight groups (or six and
// an IPv4 tail), or a "::". Times ("12:30:45") and MAC addresses (six
// two-digit groups) never match, so they cost no validation.
std::string Ipv6Shape() {
  const std::string h = kHex;
  const std::string full =
      absl::StrCat("(?:", h, ":){7}", h, "|(?:", h, ":){6}", kDottedQuad);
  const std::string compressed =
      absl::StrCat("(?:", h, "(?::", h, "){0,6})?::(?:(?:", h, ":){0,5}", kDottedQuad,
                   "|", h, "(?::", h, "){0,6})?");
  return absl::StrCat("(?:", full, "|", compressed,
                      ")(?:%[0-9A-Za-z_.~-]+)?(?:/[0-9]+)?");
}

// True when every colon-separated group of `value` has two characters.
bool AllGroupsOfTwo(absl::string_view value) {
  for (absl::string_view group : absl::StrSplit(value, ':')) {
    if (group.size() != 2) return false;
  }
  return true;
}

}  // namespace

DetectorSpec IpAddressDetector() {
  DetectorSpec d;
  d.id = "IP_ADDRESS";
  d.summary = "IP address (IPv4, IPv6 with zone or prefix)";
  // IPv4: not preceded by a letter, digit or dot ("v1.2.3.4" is a version),
  // not followed by a digit, letter, ".digit" (a longer dotted number) or
  // ".letter" (a host name: "32.0.9.128.in-addr.arpa").
  // IPv6: not preceded by a letter, digit, ':' or '.', not followed by a
  // letter, digit, '.' + letter or digit, or ':' + letter, digit or ':'
  // ("2001:db8::1::2" is no address at all, not one plus "::2").
  d.pattern = absl::StrCat(
      "(?:^|[^0-9A-Za-z.])(", kDottedQuad, ")(?:[^0-9A-Za-z.]|\\.[^0-9A-Za-z]|\\.$|$)",
      "|(?:^|[^0-9A-Za-z:.])(", Ipv6Shape(), ")",
      "(?:[^0-9A-Za-z:.%/]|:[^0-9A-Za-z:]|\\.[^0-9A-Za-z]|[:.]$|$)");
  d.score = [](absl::string_view value, const ValidationContext&) {
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
  };
  d.context.positive = {"ip", "ipv6", "地址", "address", "client", "host", "登录"};
  d.context.negative = {"version", "版本", "ver", "v.", "release", "build", "rev",
                        "revision", "发布", "构建"};
  d.form = ValueForm::kCaseFolded;  // "2001:DB8::1" == "2001:db8::1"
  d.examples = {
      {"确认一下信息 client ", "101.53.159.214", "！", 0.95},
      {"您好，client ", "61.166.80.2", "。", 0.95},
  };
  return d;
}

}  // namespace scrub::internal
