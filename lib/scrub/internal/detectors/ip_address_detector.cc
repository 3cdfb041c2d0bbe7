// IP_ADDRESS: IPv4 addresses.
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/ipv4_validator.h"

namespace scrub::internal {

DetectorSpec IpAddressDetector() {
  DetectorSpec d;
  d.id = "IP_ADDRESS";
  d.summary = "IP address (IPv4)";
  // Not preceded by a letter, digit or dot ("v1.2.3.4" is a version), not
  // followed by a digit, letter or ".digit" (a longer dotted number).
  d.pattern =
      "(?:^|[^0-9A-Za-z.])"
      "((?:[0-9]{1,3}\\.){3}[0-9]{1,3})"
      "(?:[^0-9A-Za-z.]|\\.[^0-9]|\\.$|$)";
  d.score = [](absl::string_view value, const ValidationContext&) {
    if (!IsValidIpv4(value) || IsNonIdentifyingIpv4(value)) return 0.0;
    return 0.8;
  };
  d.context.positive = {"ip", "地址", "address", "client", "host", "登录"};
  d.context.negative = {"version", "版本", "ver", "v."};
  d.form = ValueForm::kExact;
  return d;
}

}  // namespace scrub::internal
