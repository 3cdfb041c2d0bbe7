// United States Social Security Numbers: area (3 digits), group (2) and
// serial (4), by the SSA's allocation rules.
#ifndef SCRUB_INTERNAL_VALIDATORS_US_SSN_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_US_SSN_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `digits` is 9 ASCII digits whose area is not 000, 666 or
// 900-999, group is not 00 and serial is not 0000, and which is not one of
// the numbers the SSA voided after they were published (078-05-1120,
// 219-09-9999).
bool IsValidUsSsn(absl::string_view digits);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_US_SSN_VALIDATOR_H_
