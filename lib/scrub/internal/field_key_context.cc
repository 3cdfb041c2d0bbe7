#include "scrub/internal/field_key_context.h"

namespace scrub::internal {
namespace {

constexpr size_t kMaxKeyBytes = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsQuote(char c) { return c == '"' || c == '\''; }
bool IsAsciiKeyByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == '.';
}
bool IsBoundary(char c) {
  switch (c) {
    case ' ': case '\t': case '"': case '\'': case '?': case '&': case ';': case ',':
    case '|': case '{': case '[': case '(':
      return true;
    default:
      return false;
  }
}

}  // namespace

const ContextHints* FieldKeyContext(const JsonRules& rules, absl::string_view text,
                                    size_t start) {
  size_t i = start;
  auto skip_spaces = [&] {
    while (i > 0 && IsSpace(text[i - 1])) --i;
  };
  auto skip_quote = [&] {
    if (i > 0 && IsQuote(text[i - 1])) --i;
  };
  skip_quote();
  skip_spaces();
  if (i >= 3 && text.substr(i - 3, 3) == "\xEF\xBC\x9A") {  // '：'
    i -= 3;
  } else if (i > 0 && (text[i - 1] == '=' || text[i - 1] == ':')) {
    --i;
  } else {
    return nullptr;
  }
  skip_spaces();
  skip_quote();
  const size_t end = i;
  if (end == 0) return nullptr;
  const bool ascii = static_cast<unsigned char>(text[end - 1]) < 0x80;
  while (i > 0 && end - i < kMaxKeyBytes) {
    const char c = text[i - 1];
    if (ascii ? !IsAsciiKeyByte(c) : static_cast<unsigned char>(c) < 0x80) break;
    --i;
  }
  if (i == end || (i > 0 && !IsBoundary(text[i - 1]))) return nullptr;
  // A non-ASCII run must start on a character boundary.
  if (!ascii && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) return nullptr;
  return rules.ContextOf(text.substr(i, end - i));
}

}  // namespace scrub::internal
