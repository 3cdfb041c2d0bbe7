// IPv4 addresses in dotted-quad form.
#ifndef SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `text` is four decimal octets 0-255 separated by dots, each
// without a leading zero (so "01.2.3.4" is not an address).
bool IsValidIpv4(absl::string_view text);

// True for addresses that identify no one: 0.0.0.0, the loopback network
// 127.0.0.0/8 and the reserved 240.0.0.0/4, which holds the broadcast
// address and every netmask written in text (255.255.255.0, 255.255.240.0,
// 240.0.0.0). `text` must be a valid address.
bool IsNonIdentifyingIpv4(absl::string_view text);

// True when a valid address reads like a four-part version number: a first
// part below 10 and the rest below 100 ("2.0.3.4", "1.3.0.2", "3.16.2.1"),
// but not one number four times ("8.8.8.8", "1.1.1.1": resolvers people
// write as addresses). Such an address counts only with context.
bool LooksLikeVersionIpv4(absl::string_view text);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_IPV4_VALIDATOR_H_
