// Whether a national significant number is a valid number of a region, as
// libphonenumber's IsValidNumberForRegion decides it, from libphonenumber's
// own metadata compiled into RE2s: no ICU matcher and no allocation per
// call (libphonenumber builds ICU matchers on every check).
//
// The rule is libphonenumber's (PhoneNumberUtil::GetNumberTypeHelper): the
// number has one of the region's general possible lengths and matches its
// general pattern, and has the possible length and matches the pattern of
// at least one number type (fixed line, mobile, toll free, premium rate,
// shared cost, VoIP, personal, pager, UAN, voicemail). A region's patterns
// are compiled on its first check. tests/lib/validators/phone_region_validity_test
// compares the answer with IsValidNumberForRegion on every example number
// and near misses of each.
#ifndef SCRUB_INTERNAL_VALIDATORS_PHONE_REGION_VALIDITY_H_
#define SCRUB_INTERNAL_VALIDATORS_PHONE_REGION_VALIDITY_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True or false as IsValidNumberForRegion answers for the number of `region`
// (a two-letter region code) whose national significant number is `nsn`
// (its digits, leading zeros included). nullopt when the answer cannot be
// given here: an unknown region, or a pattern RE2 does not compile (the
// caller then asks libphonenumber). Thread-safe.
std::optional<bool> IsValidNationalNumberForRegion(absl::string_view region,
                                                   absl::string_view nsn);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_PHONE_REGION_VALIDITY_H_
