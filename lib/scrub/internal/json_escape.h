// Writing JSON: string tokens and RFC 6901 pointer segments.
#ifndef SCRUB_INTERNAL_JSON_ESCAPE_H_
#define SCRUB_INTERNAL_JSON_ESCAPE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// Appends `value` (valid UTF-8) as a JSON string token: quoted, with '"',
// '\' and control characters escaped (\b \f \n \r \t, others \u00XX); every
// other character is written as is, in UTF-8.
void AppendJsonString(absl::string_view value, std::string* out);

// Appends "/" and `key` with '~' written as "~0" and '/' as "~1".
void AppendPointerSegment(absl::string_view key, std::string* out);

// Appends "/" and an array index.
void AppendPointerIndex(size_t index, std::string* out);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_JSON_ESCAPE_H_
