#include "scrub/internal/detector_spec.h"

#include "absl/strings/ascii.h"

namespace scrub::internal {

namespace {

// Appends the normalised form of `value` to `out` (a std::string or an
// absl::InlinedVector<char, N>).
template <typename Chars>
void AppendNormalized(absl::string_view value, ValueForm form, Chars* out) {
  switch (form) {
    case ValueForm::kAlphanumeric:
      for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (absl::ascii_isalnum(u)) out->push_back(absl::ascii_toupper(u));
      }
      break;
    case ValueForm::kCaseFolded:
      for (char c : value) {
        out->push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
      break;
    case ValueForm::kExact:
      out->insert(out->end(), value.begin(), value.end());
      break;
  }
}

}  // namespace

std::string NormalizeValue(absl::string_view value, ValueForm form) {
  std::string out;
  out.reserve(value.size());
  AppendNormalized(value, form, &out);
  return out;
}

NormalizedValue::NormalizedValue(absl::string_view value, ValueForm form) {
  chars_.reserve(value.size());
  AppendNormalized(value, form, &chars_);
}

bool IsDetectorIdSyntax(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (!absl::ascii_isupper(u) && !absl::ascii_isdigit(u) && c != '_') return false;
  }
  return true;
}

}  // namespace scrub::internal
