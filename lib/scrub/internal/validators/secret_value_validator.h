// Values written where a secret goes (after "password=", in a URL's
// user:password) that are not secrets: placeholders, masks, templates and
// Scrub's own redactions.
#ifndef SCRUB_INTERNAL_VALIDATORS_SECRET_VALUE_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_SECRET_VALUE_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `value` is not a secret but stands in for one:
//   - a mask: three or more of '*', 'x'/'X', '#' or '•' in a row
//     ("******", "hun****2", "xxxx"), or only mask characters;
//   - a template or variable: "${DB_PASS}", "$DB_PASS", "{{ pass }}", "%s",
//     "<password>", "[PASSWORD]" (also Scrub's own redactions, and
//     "[PASSWORD" or "<password" cut before the bracket), "(hidden)":
//     brackets around a word of letters, '_', '-', '.' and spaces, no
//     digit ("[hunter2]" is a secret), or around nothing;
//   - a Scrub token ("tok_...");
//   - a word that says the value is absent (case-insensitive): null, none,
//     nil, undefined, empty, true, false, required, optional, redacted,
//     hidden, masked.
// Re-scanning Scrub's redacted output therefore finds nothing.
bool IsPlaceholderSecret(absl::string_view value);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_SECRET_VALUE_VALIDATOR_H_
