// IPv6 addresses (RFC 4291 text forms, RFC 5952 compression), optionally
// with a zone index (RFC 4007: fe80::1%eth0) or a prefix length (CIDR:
// 2001:db8::/32).
#ifndef SCRUB_INTERNAL_VALIDATORS_IPV6_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_IPV6_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// What a valid IPv6 candidate is made of.
struct Ipv6Parts {
  absl::string_view address;  // without zone and prefix
  bool has_zone = false;      // "%eth0"
  bool has_prefix = false;    // "/64"
  bool embedded_ipv4 = false;  // "::ffff:192.0.2.1"
  // Groups spelled out: hex groups and the parts of an IPv4 tail
  // ("2001:db8::1": 3, "::ffff:192.0.2.1": 5).
  int groups_written = 0;
  bool unspecified = false;   // "::"
  bool loopback = false;      // "::1"
};

// Parses `text` = address [ "%" zone ] [ "/" prefix ]. The address must be
// at most 45 characters and accepted by inet_pton(AF_INET6) (at most eight
// groups of 1-4 hex digits, at most one "::", an optional dotted IPv4
// tail); the zone 1-32 characters of [A-Za-z0-9_.~-]; the prefix 0-128
// without leading zeros. Returns false for anything else, leaving `parts`
// unspecified.
bool ParseIpv6(absl::string_view text, Ipv6Parts* parts);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_IPV6_VALIDATOR_H_
