#include "scrub/internal/span_overlap.h"

#include <algorithm>
#include <iterator>

namespace scrub::internal {

void SpanOverlap::Assign(absl::Span<const RawFinding> findings) {
  spans_.clear();
  for (const RawFinding& f : findings) spans_.push_back({f.view_start, f.view_end, 0});
  std::sort(spans_.begin(), spans_.end(),
            [](const Entry& a, const Entry& b) { return a.start < b.start; });
  size_t max_end = 0;
  for (Entry& e : spans_) {
    max_end = std::max(max_end, e.end);
    e.max_end = max_end;
  }
}

bool SpanOverlap::Overlaps(size_t start, size_t end) const {
  // The spans starting before `end`; one of them overlaps iff it ends after
  // `start`.
  const auto first_after = std::lower_bound(
      spans_.begin(), spans_.end(), end,
      [](const Entry& e, size_t value) { return e.start < value; });
  if (first_after == spans_.begin()) return false;
  return std::prev(first_after)->max_end > start;
}

}  // namespace scrub::internal
