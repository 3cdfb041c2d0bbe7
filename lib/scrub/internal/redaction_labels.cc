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

size_t RedactionLabels::OccurrenceEndAt(absl::string_view text, size_t pos) const {
  for (const std::string& label : labels_) {
    // Each place the byte at `pos` occurs in the label is one alignment of
    // the label around it.
    for (size_t at = label.find(text[pos]); at != std::string::npos;
         at = label.find(text[pos], at + 1)) {
      if (at > pos || pos - at + label.size() > text.size()) continue;
      if (text.compare(pos - at, label.size(), label) == 0) return pos - at + label.size();
    }
  }
  return 0;
}

bool RedactionLabels::Covers(absl::string_view text, size_t start, size_t end) const {
  if (labels_.empty() || start >= end || end > text.size()) return false;
  for (char c : text.substr(start, end - start)) {
    if (!bytes_.test(static_cast<unsigned char>(c))) return false;
  }
  // Walk from label occurrence to adjacent label occurrence.
  size_t occurrences = 0;
  for (size_t pos = start; pos < end; ++occurrences) {
    pos = OccurrenceEndAt(text, pos);
    if (pos == 0) return false;
  }
  // A span that is exactly one whole label stays a value.
  const absl::string_view span = text.substr(start, end - start);
  return occurrences > 1 || std::find(labels_.begin(), labels_.end(), span) == labels_.end();
}

}  // namespace scrub::internal
