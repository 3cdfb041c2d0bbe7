// UTF-8 validation and repair at the scanner's entry.
#ifndef SCRUB_INTERNAL_UTF8_H_
#define SCRUB_INTERNAL_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// Returns the byte offset of the first byte that does not start a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// invalid), or text.size() when the whole text is valid.
size_t FindInvalidUtf8(absl::string_view text);

// True when all of `text` is valid UTF-8.
inline bool IsValidUtf8(absl::string_view text) {
  return FindInvalidUtf8(text) == text.size();
}

// Returns `text` with every maximal invalid subsequence replaced by U+FFFD.
std::string ReplaceInvalidUtf8(absl::string_view text);

// Decodes the code point starting at text[pos], which must be valid UTF-8.
// Sets *len to its length in bytes.
char32_t DecodeUtf8(absl::string_view text, size_t pos, size_t* len);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_UTF8_H_
