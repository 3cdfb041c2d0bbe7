#include "scrub/internal/validators/email_validator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace scrub::internal {

bool IsValidEmail(absl::string_view address) {
  const size_t at = address.rfind('@');
  if (at == absl::string_view::npos) return false;
  const absl::string_view local = address.substr(0, at);
  const absl::string_view domain = address.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  if (absl::StrContains(local, "..")) return false;
  if (domain.empty() || domain.size() > 253) return false;
  size_t labels = 0;
  absl::string_view tld;
  for (absl::string_view label : absl::StrSplit(domain, '.')) {
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    ++labels;
    tld = label;
  }
  if (labels < 2) return false;
  if (tld.size() < 2) return false;
  bool all_digits = true;
  for (char c : tld) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) all_digits = false;
  }
  return !all_digits;
}

}  // namespace scrub::internal
