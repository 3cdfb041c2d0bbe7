// PASSWORD: the value written after a password key - "password=...",
// "passwd: ...", "pwd=...", "\"password\": \"...\"", "密码：...", "口令 ...".
// The finding is the value only; the key stays readable.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {
namespace {

// A character of an unquoted value: printable ASCII except whitespace,
// quotes, '&' (the next query parameter), ',' ';' and closing brackets.
constexpr char kValueChar[] = "[^\\x00-\\x20\"'&,;)\\]}\\x7F-\\x{10FFFF}]";
// ',' ';' and closing brackets belong to an unquoted value only when more of
// it follows ("pa,ss" is one value; "pass, then" and "{pwd=pass}" end before
// them).
constexpr char kInnerChar[] = "[,;)\\]}]";

}  // namespace

DetectorSpec PasswordDetector() {
  DetectorSpec d;
  d.id = "PASSWORD";
  d.summary = "Password after a key (password=, pwd:, \"password\":, 密码：)";
  const std::string unquoted =
      absl::StrCat(kValueChar, "(?:", kValueChar, "|", kInnerChar, kValueChar, ")*");
  // A value is quoted (JSON escapes allowed inside) or unquoted; an opening
  // quote that is never closed (a truncated line) still starts a value.
  // English keys need a separator (':' '=' or '=>'): "password reset" is no
  // assignment. Chinese keys also take 是/为 ("密码是..."), and with no
  // separator at all ("密码abc123") a value of at least 4 characters.
  d.pattern = absl::StrCat(
      "(?:(?i:password|passwd|passphrase|pwd)[\"']?\\s*(?:[:=]>?)\\s*"
      "|(?:密码|密碼|口令)[\"']?\\s*(?:[:=]|是|为|為)\\s*)",
      "(?:\"((?:[^\"\\\\\\n]|\\\\.)+)\"|'([^'\\n]+)'|[\"']?(", unquoted, "))"
      "|(?:密码|密碼|口令)\\s?(", kValueChar, "{4,})");
  d.score = [](absl::string_view value, const ValidationContext&) {
    return IsPlaceholderSecret(value) ? 0.0 : 0.8;
  };
  d.form = ValueForm::kExact;
  d.examples = {
      {"passwd: ", "CPECRr!", "", 0.8},
      {"口令 ", "gWaz4Vc!", " 请保管好", 0.8},
  };
  return d;
}

}  // namespace scrub::internal
