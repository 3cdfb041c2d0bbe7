// Hong Kong identity card numbers (香港身份證號碼): one or two letters, six
// digits and a check character.
#ifndef SCRUB_INTERNAL_VALIDATORS_HK_ID_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_HK_ID_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// The check character ('0'-'9' or 'A') of `body`: one or two upper-case
// letters and six digits. Letters count A = 10 .. Z = 35, a missing second
// letter counts 36 (a space); weights 9 8 7 6 5 4 3 2 from the left;
// check = (11 - sum mod 11) mod 11, with 10 written 'A'. Returns 0 for a
// malformed body.
char HkIdCheckChar(absl::string_view body);

// True when `id` is a body followed by its check character, written plain
// ("A1234563"), in parentheses ("A123456(3)") or in brackets ("A123456[3]").
// Upper case only (normalise first).
bool IsValidHkId(absl::string_view id);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_HK_ID_VALIDATOR_H_
