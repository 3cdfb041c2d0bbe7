// Mainland China mobile numbers (11 digits, 1[3-9]...).
#ifndef SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `digits` is 11 ASCII digits starting with 13-19 (the national
// number, without +86/0086).
bool IsValidCnMobile(absl::string_view digits);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_
