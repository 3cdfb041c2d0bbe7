// ISO 7064 check-character systems used by identity and account numbers.
#ifndef SCRUB_INTERNAL_VALIDATORS_ISO7064_H_
#define SCRUB_INTERNAL_VALIDATORS_ISO7064_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// The MOD 11-2 check character ('0'-'9' or 'X') of `digits`, or 0 when
// `digits` is empty or holds anything but ASCII digits.
char Mod11_2CheckChar(absl::string_view digits);

// MOD 11-2 (resident IDs): all characters but the last are digits and the
// last is the check character ('0'-'9' or 'X'/'x'). At least 2 characters.
bool PassesMod11_2(absl::string_view value);

// MOD 97-10 as IBANs use it: the first four characters moved to the end,
// letters A-Z (either case) read as 10-35, and the number mod 97 equal to 1.
// Only ASCII letters and digits; 5 to 34 characters.
bool PassesIbanMod97(absl::string_view value);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_ISO7064_H_
