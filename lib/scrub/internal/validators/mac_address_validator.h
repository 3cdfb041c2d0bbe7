// IEEE 802 MAC-48 addresses: six octets in hexadecimal, written as
// 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E or 001A.2B3C.4D5E.
#ifndef SCRUB_INTERNAL_VALIDATORS_MAC_ADDRESS_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_MAC_ADDRESS_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `text` is six hex octets separated by one kind of separator
// throughout (':' or '-'), or three groups of four hex digits separated by
// '.' (Cisco). Either case.
bool IsValidMacAddress(absl::string_view text);

// True for addresses that name no device: all zeros and the broadcast
// address ff:ff:ff:ff:ff:ff. `text` must be valid.
bool IsNonIdentifyingMacAddress(absl::string_view text);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_MAC_ADDRESS_VALIDATOR_H_
