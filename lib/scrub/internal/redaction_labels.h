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

  // True when text[start, end) lies inside an occurrence of one label in
  // `text` (a view) and is shorter than that label: a span that is a whole
  // label stays a value (a template that spells a value must not hide it).
  // O(labels × label length) for a candidate whose bytes all occur in some
  // label, O(end - start) otherwise.
  bool Covers(absl::string_view text, size_t start, size_t end) const;

  bool empty() const { return labels_.empty(); }

 private:
  std::vector<std::string> labels_;  // view forms, distinct, non-empty
  std::bitset<256> bytes_;            // every byte some label holds
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REDACTION_LABELS_H_
