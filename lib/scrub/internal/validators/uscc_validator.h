// Unified social credit codes (统一社会信用代码, GB 32100-2015) and the
// organisation codes (组织机构代码, GB 11714-1997) embedded in them.
#ifndef SCRUB_INTERNAL_VALIDATORS_USCC_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_USCC_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// The GB 32100 check character of the 17 characters `first17` (each from
// the charset 0-9 A-H J-N P Q R T U W X Y, upper case): weights 3^i mod 31,
// check = (31 - sum mod 31) mod 31 read back in the charset. Returns 0 if a
// character is outside the charset or the length is not 17.
char UsccCheckChar(absl::string_view first17);

// The GB 11714 check character of an 8-character organisation code body
// (digits and upper-case letters, A = 10 .. Z = 35): weights 3 7 9 10 5 8 4 2,
// check = 11 - sum mod 11, with 10 written 'X' and 11 written '0'. Returns 0
// if a character is not a digit or upper-case letter or the length is not 8.
char OrganizationCodeCheckChar(absl::string_view body8);

// True when `code` is 18 upper-case characters of the charset with a valid
// mod-31 check character (position 18) and a valid embedded organisation
// code (positions 9-17, check at 17).
bool IsValidUscc(absl::string_view code);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_USCC_VALIDATOR_H_
