#include "scrub/internal/validators/secret_value_validator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace scrub::internal {
namespace {

bool IsMaskByte(char c) { return c == '*' || c == 'x' || c == 'X' || c == '#'; }

// Three mask characters in a row ("•" is U+2022, E2 80 A2 in UTF-8).
bool HasMaskRun(absl::string_view v) {
  int run = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.substr(i, 3) == "\xE2\x80\xA2") {
      i += 2;
      ++run;
    } else if (v[i] == '*' || v[i] == '#') {
      ++run;
    } else if ((v[i] == 'x' || v[i] == 'X') && run > 0) {
      ++run;  // "x" counts only after another mask char or in "xxx"
    } else {
      run = 0;
    }
    if (run >= 3) return true;
  }
  return false;
}

// True when `word` reads as a placeholder's word: letters (any non-ASCII
// byte counts as one: "[密码已隐藏]"), '_', '-', '.' and spaces, no digit
// and no other symbol ("PASSWORD", "your-password", "hidden"), with at
// least one letter. "hunter2" and "19099999ENk4-----BEGIN" are no such
// word: a real secret written in brackets stays a secret.
bool IsPlaceholderWord(absl::string_view word) {
  bool letter = false;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || absl::ascii_isalpha(u)) {
      letter = true;
    } else if (c != '_' && c != '-' && c != '.' && c != ' ') {
      return false;
    }
  }
  return letter;
}

// "<password>", "[REDACTED]", "(hidden)", "{secret}", and the empty "[]".
bool Enclosed(absl::string_view v, char open, char close) {
  return v.size() >= 2 && v.front() == open && v.back() == close &&
         (v.size() == 2 || IsPlaceholderWord(v.substr(1, v.size() - 2)));
}

}  // namespace

bool IsPlaceholderSecret(absl::string_view value) {
  if (value.empty()) return true;
  if (HasMaskRun(value)) return true;
  bool only_mask = true;
  for (char c : value) {
    if (!IsMaskByte(c)) only_mask = false;
  }
  if (only_mask && value.size() >= 3) return true;
  if (absl::StartsWith(value, "${") || absl::StartsWith(value, "{{") ||
      absl::StartsWith(value, "%(") || value == "%s") {
    return true;
  }
  if (value.size() >= 2 && value[0] == '$' &&
      (absl::ascii_isupper(static_cast<unsigned char>(value[1])) || value[1] == '_')) {
    bool env = true;  // $DB_PASS
    for (char c : value.substr(1)) {
      const auto u = static_cast<unsigned char>(c);
      if (!absl::ascii_isupper(u) && !absl::ascii_isdigit(u) && c != '_') env = false;
    }
    if (env) return true;
  }
  if (Enclosed(value, '<', '>') || Enclosed(value, '[', ']') ||
      Enclosed(value, '(', ')') || Enclosed(value, '{', '}')) {
    return true;
  }
  // "[PASSWORD]" and "<password>" whose closing bracket the detector left
  // outside the value.
  if (value.size() >= 2 && (value[0] == '[' || value[0] == '<') &&
      IsPlaceholderWord(value.substr(1))) {
    return true;
  }
  if (absl::StartsWith(value, "tok_")) return true;
  static constexpr absl::string_view kAbsent[] = {
      "null",     "none",     "nil",      "undefined", "empty",  "true",  "false",
      "required", "optional", "redacted", "hidden",    "masked",
  };
  for (absl::string_view word : kAbsent) {
    if (absl::EqualsIgnoreCase(value, word)) return true;
  }
  return false;
}

}  // namespace scrub::internal
