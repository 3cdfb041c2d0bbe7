// Reads one JSON text with RapidJSON's SAX parser (strict RFC 8259: no
// comments, no NaN, no trailing commas, one value per text) and reports each
// token with the byte span of its raw text in the input, so that a caller
// can rewrite some values and copy every other byte unchanged.
//
// Strings are reported unescaped; numbers by their literal text (never
// converted); true, false and null by their literal. Containers report their
// start and end. Nesting deeper than `max_depth` stops the read at the
// opening bracket that is too deep.
//
// RapidJSON 1.1.0 facts this relies on: a high surrogate escape not followed
// by a low one is an error (kLoneSurrogate here); a lone low surrogate
// escape is decoded to the 3 bytes ED B0..BF xx (invalid UTF-8) — callers
// must check unescaped strings; numbers beyond double range are errors.
#ifndef SCRUB_INTERNAL_JSON_TOKEN_READER_H_
#define SCRUB_INTERNAL_JSON_TOKEN_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

enum class JsonTokenKind { kString, kNumber, kTrue, kFalse, kNull };

struct JsonToken {
  JsonTokenKind kind = JsonTokenKind::kNull;
  size_t start = 0;  // raw token span in the input; a string's includes quotes
  size_t end = 0;
  // A string: its unescaped value; otherwise the literal text. Valid only
  // during the callback.
  absl::string_view text;
};

// Receives tokens in document order. Returning false stops the read.
class JsonTokenVisitor {
 public:
  virtual ~JsonTokenVisitor() = default;
  // An object member's name; the member's value follows.
  virtual bool Key(const JsonToken& key) = 0;
  // A string, number, true, false or null.
  virtual bool Scalar(const JsonToken& value) = 0;
  // `offset` is that of the '{' or '['.
  virtual bool StartContainer(bool is_array, size_t offset) = 0;
  // `end` is one past the '}' or ']'.
  virtual bool EndContainer(bool is_array, size_t end) = 0;
};

struct JsonReadStatus {
  enum class Kind {
    kOk,
    kMalformed,      // not valid JSON; `message` says why
    kTooDeep,        // nesting deeper than max_depth
    kLoneSurrogate,  // a \uD800-\uDBFF escape without a low surrogate after it
    kStopped,        // the visitor returned false
  };
  Kind kind = Kind::kOk;
  size_t offset = 0;  // byte offset of the problem in the input
  // For kMalformed: RapidJSON's description, e.g. "Missing a colon after a
  // name of object member." Never quotes the input.
  std::string message;
};

// Reads `json` (any bytes; a NUL byte is malformed). Never throws.
JsonReadStatus ReadJsonTokens(absl::string_view json, uint32_t max_depth,
                              JsonTokenVisitor* visitor);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_JSON_TOKEN_READER_H_
