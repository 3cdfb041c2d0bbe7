// GB 11643-1999 citizen identity numbers (居民身份证号码): validation.
#ifndef SCRUB_INTERNAL_VALIDATORS_RESIDENT_ID_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_RESIDENT_ID_VALIDATOR_H_

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace scrub::internal {

// The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the 17 digits
// `first17`, or 0 if `first17` is not 17 ASCII digits.
char ResidentIdCheckChar(absl::string_view first17);

// True when the two leading digits name a province-level division of
// GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71), or the Hong Kong,
// Macau and Taiwan residence-permit prefixes 81, 82 and 83.
bool IsResidentIdRegionPrefix(absl::string_view id);

// True when `yyyymmdd` is a real calendar date from 1800-01-01 to `today`.
bool IsPlausibleBirthDate(absl::string_view yyyymmdd, absl::CivilDay today);

// True when `id` is a valid 18-character resident ID: 17 digits and a check
// character (digit, 'X' or 'x'); a valid region prefix; a real birth date
// (positions 7-14) not after `today`; and a matching MOD 11-2 check character.
bool IsValidResidentId(absl::string_view id, absl::CivilDay today);

// True when `id` is a valid 15-digit resident ID of the first generation
// (issued until 2004, no check digit): 15 ASCII digits, a mainland region
// prefix (not the 81/82/83 permit prefixes, which are 18 characters only)
// and a real birth date 19YYMMDD (positions 7-12) not after `today`.
bool IsValidLegacyResidentId(absl::string_view id, absl::CivilDay today);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_RESIDENT_ID_VALIDATOR_H_
