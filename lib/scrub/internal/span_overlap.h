// Whether a span overlaps any of a set of spans (the findings of an earlier
// round, which later candidates must not overlap), in O(log n) per question
// instead of a pass over every span: a message dense with personal data has
// tens of thousands of findings, and as many candidates.
#ifndef SCRUB_INTERNAL_SPAN_OVERLAP_H_
#define SCRUB_INTERNAL_SPAN_OVERLAP_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "scrub/internal/raw_finding.h"

namespace scrub::internal {

class SpanOverlap {
 public:
  // Indexes the view spans of `findings` (any order, overlapping or not).
  // Reuses the buffers of a previous call.
  void Assign(absl::Span<const RawFinding> findings);
  void Clear() { spans_.clear(); }

  bool empty() const { return spans_.empty(); }

  // True when [start, end) overlaps one of the spans (shares a byte with it).
  bool Overlaps(size_t start, size_t end) const;

 private:
  struct Entry {
    size_t start = 0;
    size_t end = 0;
    size_t max_end = 0;  // the largest end among this entry and those before it
  };
  std::vector<Entry> spans_;  // sorted by start
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_SPAN_OVERLAP_H_
