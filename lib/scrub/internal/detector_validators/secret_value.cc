// A secret written after a key (PASSWORD): anything but a placeholder
// ("***", "<password>", "xxx", "changeme"). Invisible characters — controls,
// U+FFFD, zero-width and other ignorable code points, combining marks — do
// not count: the detection view drops them next to a value, so
// "[PASSWORD]\x01" or "[PASSWORD]\x0e\u0367" (an earlier redaction with
// the stray bytes the view dropped after the value still after it) is the
// placeholder "[PASSWORD]", and a secret holding them is judged by its
// visible part.
#include <string>

#include "scrub/internal/detector_validators.h"
#include "scrub/internal/unicode/char_class.h"
#include "scrub/internal/utf8.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {
namespace {

bool IsInvisible(char32_t cp) {
  const unicode::CharKind kind = unicode::KindOf(cp);
  return kind == unicode::CharKind::kIgnorable || unicode::IsCombiningMark(cp) ||
         (kind == unicode::CharKind::kInvisible && (cp < 0x20 || cp == 0x7F ||
                                                   (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD));
}

}  // namespace

double SecretValueValidator(absl::string_view value, const ValidationContext&) {
  std::string visible;
  for (size_t i = 0; i < value.size();) {
    size_t len = 1;
    const char32_t cp = static_cast<unsigned char>(value[i]) < 0x80
                            ? static_cast<unsigned char>(value[i])
                            : DecodeUtf8(value, i, &len);
    if (len == 0) len = 1;
    if (!IsInvisible(cp)) visible.append(value.data() + i, len);
    i += len;
  }
  return IsPlaceholderSecret(visible) ? 0.0 : 1.0;
}

}  // namespace scrub::internal
