// EMAIL: RFC 5321/6531 limits (local part, labels, lengths) on what the
// pattern found; an address spelled to get past filters ("name(at)example.com",
// "name [at] example [dot] com", "name @ example.com", "name at example dot
// com") is read back and checked the same way, with less confidence the
// further its spelling is from an address (email_spelling.h).
#include <string>

#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/email_spelling.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {

double EmailValidator(absl::string_view value, const ValidationContext&) {
  if (IsValidEmail(value)) return 0.9;
  std::string address;
  switch (SpelledEmail(value, &address)) {
    case EmailSpelling::kBracketed: return 0.85;
    case EmailSpelling::kSpaced: return 0.8;
    case EmailSpelling::kWords: return 0.6;
    case EmailSpelling::kInvalid: return 0.0;
  }
  return 0.0;
}

}  // namespace scrub::internal
