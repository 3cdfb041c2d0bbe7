// E-mail addresses (RFC 5321 shape).
#ifndef SCRUB_INTERNAL_VALIDATORS_EMAIL_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_EMAIL_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `address` is local@domain with a local part of 1-64 bytes not
// starting or ending with '.' and without "..", and a domain of at most 253
// bytes made of dot-separated labels (1-63 bytes, not starting or ending with
// '-') whose last label (the TLD) has at least two characters and is not all
// digits. Non-ASCII (internationalised) labels are accepted.
bool IsValidEmail(absl::string_view address);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_EMAIL_VALIDATOR_H_
