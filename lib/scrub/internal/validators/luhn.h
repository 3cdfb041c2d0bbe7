// The Luhn (mod 10) check used by payment cards.
#ifndef SCRUB_INTERNAL_VALIDATORS_LUHN_H_
#define SCRUB_INTERNAL_VALIDATORS_LUHN_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `digits` is non-empty, all ASCII digits, and its Luhn sum is a
// multiple of 10.
bool PassesLuhn(absl::string_view digits);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_LUHN_H_
