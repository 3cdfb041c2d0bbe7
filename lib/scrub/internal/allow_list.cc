#include "scrub/internal/allow_list.h"

#include "absl/strings/str_cat.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {

absl::StatusOr<AllowList> AllowList::Compile(const v1::AllowList& list,
                                             absl::string_view field) {
  AllowList out;
  for (int i = 0; i < list.values_size(); ++i) {
    const std::string& value = list.values(i);
    if (value.empty() || !IsValidUtf8(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ".values[", i, "]: must be non-empty valid UTF-8"));
    }
    const std::string folded = FoldForDetection(value);
    for (ValueForm form : {ValueForm::kAlphanumeric, ValueForm::kCaseFolded,
                           ValueForm::kExact}) {
      out.exact_[static_cast<int>(form)].insert(NormalizeValue(folded, form));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  for (int i = 0; i < list.patterns_size(); ++i) {
    auto re = std::make_unique<RE2>(list.patterns(i), options);
    if (!re->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".patterns[", i, "]: ", re->error()));
    }
    out.patterns_.push_back(std::move(re));
  }
  return out;
}

bool AllowList::Allows(absl::string_view normalized, ValueForm form) const {
  if (exact_[static_cast<int>(form)].contains(normalized)) return true;
  const re2::StringPiece piece(normalized.data(), normalized.size());
  for (const auto& re : patterns_) {
    if (RE2::FullMatch(piece, *re)) return true;
  }
  return false;
}

}  // namespace scrub::internal
