#include "scrub/internal/redaction_labels.h"

#include <algorithm>

#include "scrub/internal/detection_view.h"

namespace scrub::internal {

RedactionLabels::RedactionLabels(const std::vector<std::string>& labels, bool v1_view) {
  DetectionView view;
  for (const std::string& label : labels) {
    if (v1_view) {
      view.BuildV1(label);
    } else {
      view.Build(label);
    }
    const absl::string_view folded = view.text();
    if (folded.empty() ||
        std::find(labels_.begin(), labels_.end(), folded) != labels_.end()) {
      continue;
    }
    labels_.emplace_back(folded);
    for (char c : folded) bytes_.set(static_cast<unsigned char>(c));
  }
}

bool RedactionLabels::Covers(absl::string_view text, size_t start, size_t end) const {
  if (labels_.empty() || start >= end || end > text.size()) return false;
  const absl::string_view value = text.substr(start, end - start);
  for (char c : value) {
    if (!bytes_.test(static_cast<unsigned char>(c))) return false;
  }
  for (const std::string& label : labels_) {
    // A value that is a whole label stays a value: a template that spells
    // one (a policy error the sidecar's self-test reports) must not hide it.
    if (label.size() <= value.size()) continue;
    // Each place the value occurs in the label is one alignment of the
    // label around the value in the text.
    for (size_t at = label.find(value.data(), 0, value.size()); at != std::string::npos;
         at = label.find(value.data(), at + 1, value.size())) {
      if (at > start || start - at + label.size() > text.size()) continue;
      if (text.compare(start - at, label.size(), label) == 0) return true;
    }
  }
  return false;
}

}  // namespace scrub::internal
