// MAC_ADDRESS: a MAC-48 address that identifies a device (not broadcast,
// all-zero or another non-identifying address).
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/mac_address_validator.h"

namespace scrub::internal {

double MacAddressValidator(absl::string_view value, const ValidationContext&) {
  return IsValidMacAddress(value) && !IsNonIdentifyingMacAddress(value) ? 1.0 : 0.0;
}

}  // namespace scrub::internal
