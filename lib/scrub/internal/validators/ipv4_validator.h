// IPv4 addresses in dotted-quad form.
#ifndef SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `text` is four decimal octets 0-255 separated by dots, each
// without a leading zero (so "01.2.3.4" is not an address).
bool IsValidIpv4(absl::string_view text);

// True for addresses that identify no one: 0.0.0.0, 255.255.255.255 and the
// loopback network 127.0.0.0/8. `text` must be a valid address.
bool IsNonIdentifyingIpv4(absl::string_view text);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_
