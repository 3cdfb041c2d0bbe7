// Mainland China mobile numbers (11 digits, 1[3-9]...).
#ifndef SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `digits` is 11 ASCII digits starting with 13-19 (the national
// number, without +86/0086).
bool IsValidCnMobile(absl::string_view digits);

// `digits` without a leading country code: the last 11 of 13 digits starting
// "86", or of 15 starting "0086"; otherwise `digits` unchanged.
absl::string_view WithoutCnCountryCode(absl::string_view digits);

// True when the first three digits of a valid mobile number are a segment
// the MIIT has allocated to a carrier for 11-digit public mobile numbers
// (China Mobile, Unicom, Telecom, Broadnet and the virtual operators):
// 130-139, 145-153, 155-159, 162, 165-167, 170-178, 180-199 except 194.
// Unallocated segments (140-144 are 13-digit IoT numbers; 154, 160, 161,
// 163, 164, 168, 169, 179, 194) only lower a detector's confidence: the
// allocation changes every year.
bool IsAllocatedCnMobileSegment(absl::string_view digits);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_CN_MOBILE_VALIDATOR_H_
