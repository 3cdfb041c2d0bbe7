// Keys as context outside JSON: in a URL query ("?phone=13812345678&..."),
// a log field ("mobile=13812345678", "idcard: 11010519491231002X",
// "order_id=13812345678") or a quoted pair ('"tel": "138..."' in a line of
// text), the key right before a value gives it the same context as the
// JSON key of that name (json_rules.h: the built-in lists plus the policy's
// json.key_context and json.negative_keys).
#ifndef SCRUB_INTERNAL_FIELD_KEY_CONTEXT_H_
#define SCRUB_INTERNAL_FIELD_KEY_CONTEXT_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "scrub/internal/context_hints.h"
#include "scrub/internal/json_rules.h"

namespace scrub::internal {

// The context of the key written right before text[start]: the key, then
// '=' or ':' (or '：'), with optional spaces and one quote on either side of
// the sign; the key is a run of ASCII letters, digits, '_', '-', '.' (at
// most 64 bytes) or of non-ASCII characters, starting the text or after a
// space, quote or one of ?&;,|{[( . Null when there is no key or the key
// gives no context. Looks at most ~80 bytes back; allocates nothing.
//
//   "x?phone=13812345678", start 8      -> the context of "phone"
//   "order_id=13812345678", start 9     -> negative context
//   "call 13812345678", start 5         -> null
const ContextHints* FieldKeyContext(const JsonRules& rules, absl::string_view text,
                                    size_t start);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_FIELD_KEY_CONTEXT_H_
