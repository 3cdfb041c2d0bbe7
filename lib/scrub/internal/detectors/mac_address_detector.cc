// MAC_ADDRESS: IEEE 802 MAC-48 addresses (00:1A:2B:3C:4D:5E,
// 00-1A-2B-3C-4D-5E, 001A.2B3C.4D5E).
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/mac_address_validator.h"

namespace scrub::internal {

DetectorSpec MacAddressDetector() {
  DetectorSpec d;
  d.id = "MAC_ADDRESS";
  d.summary = "MAC address (colon, dash or Cisco dotted form)";
  // Not part of a longer hex run or separated sequence (an IPv6 address, a
  // hex dump): no hex digit, letter or separator right before; after, no
  // letter or digit, and no separator followed by a hex digit.
  d.pattern =
      "(?:^|[^0-9A-Za-z:.-])"
      "((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}"
      "|(?:[0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}"
      "|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})"
      "(?:[^0-9A-Za-z:.-]|[:.-][^0-9A-Fa-f]|[:.-]$|$)";
  d.score = [](absl::string_view value, const ValidationContext&) {
    if (!IsValidMacAddress(value) || IsNonIdentifyingMacAddress(value)) return 0.0;
    return 0.8;
  };
  d.context.positive = {"mac", "wifi", "wlan", "ether", "bssid", "device", "设备",
                        "網卡", "网卡", "物理地址"};
  d.form = ValueForm::kAlphanumeric;
  d.examples = {
      {"OK MAC ", "0535.1ade.1d7d", " thanks", 0.95},
      {"请核对：MAC ", "ED:E9:46:21:D9:7B", "，有问题再联系", 0.95},
  };
  return d;
}

}  // namespace scrub::internal
