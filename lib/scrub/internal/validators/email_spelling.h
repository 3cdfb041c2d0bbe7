// E-mail addresses spelled to get past filters: "name at example dot com",
// "name(at)example.com", "name [at] example [dot] com", "name @ example.com"
// (full-width ＠ and ． are folded by the detection view before this).
#ifndef SCRUB_INTERNAL_VALIDATORS_EMAIL_SPELLING_H_
#define SCRUB_INTERNAL_VALIDATORS_EMAIL_SPELLING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// How the '@' and the dots of a spelled address are written, from the
// weakest evidence to the strongest.
enum class EmailSpelling {
  kInvalid,    // not a spelled address
  kWords,      // a bare " at " (and maybe " dot "): "name at example dot com"
  kSpaced,     // '@' with spaces around: "name @ example.com"
  kBracketed,  // "(at)", "[at]", "{at}", "<at>", and "[dot]" forms
};

// Rewrites `text` as a plain address in `*address` and says how it was
// spelled. kInvalid unless the result is a valid address (IsValidEmail) and
// something was actually spelled out. A bare " at " needs a local part that
// is not an everyday English word ("meet at 5 dot com office", "look at
// google dot com") and a top-level domain from a short list of common ones.
EmailSpelling SpelledEmail(absl::string_view text, std::string* address);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_EMAIL_SPELLING_H_
