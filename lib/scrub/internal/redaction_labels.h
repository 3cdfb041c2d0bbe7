// The texts a policy's REDACT rules write in place of a finding ("[CN_MOBILE]",
// or a custom template), as the detection view shows them. A candidate that
// lies inside one of them in a text is no value: it is Scrub's own output
// ("vx [WECHAT_ID]" would otherwise read as a WeChat id after the word "vx"
// on a rescan of a redacted message).
#ifndef SCRUB_INTERNAL_REDACTION_LABELS_H_
#define SCRUB_INTERNAL_REDACTION_LABELS_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace scrub::internal {

class RedactionLabels {
 public:
  RedactionLabels() = default;

  // `labels`: the replacement texts as written (duplicates and empty texts
  // are dropped). `v1_view`: fold them with the first engine's view
  // (DetectionView::BuildV1) rather than the current one.
  RedactionLabels(const std::vector<std::string>& labels, bool v1_view);

  // True when text[start, end) (`text`: a view) lies inside one occurrence
  // of a label, or inside adjacent occurrences ("[PASSWORD][CN_LICENSE_PLATE"
  // in "pwd:[PASSWORD][CN_LICENSE_PLATE]": two findings side by side that a
  // rescan must not read as one password), unless the span is exactly one
  // whole label: a template that spells a value must not hide it. Cheap for
  // a candidate holding a byte no label has.
  bool Covers(absl::string_view text, size_t start, size_t end) const;

  bool empty() const { return labels_.empty(); }

 private:
  // The end of a label occurrence in `text` holding the byte at `pos`, or 0.
  size_t OccurrenceEndAt(absl::string_view text, size_t pos) const;

  std::vector<std::string> labels_;  // view forms, distinct, non-empty
  std::bitset<256> bytes_;            // every byte some label holds
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REDACTION_LABELS_H_
