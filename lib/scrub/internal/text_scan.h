// The middle of the scan pipeline for one text: detection view, candidates,
// validation, context, thresholds and allow lists, then the findings placed
// in the original text. Shared by Scanner::Scan (one message) and JSON
// records (one call per string value, number or key).
#ifndef SCRUB_INTERNAL_TEXT_SCAN_H_
#define SCRUB_INTERNAL_TEXT_SCAN_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "scrub/internal/clean_key_cache.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/finding_collector.h"
#include "scrub/internal/redactor.h"

namespace scrub::internal {

// Per-thread buffers reused across scans (the state behind scrub::Scratch).
struct ScratchState {
  DetectionView view;
  std::vector<int> flagged;
  std::vector<KeywordHit> hits;
  std::vector<RawFinding> raw;
  std::vector<PlacedFinding> placed;
  CleanKeyCache clean_json_keys;  // JSON records only
};

// Finds the findings of `text`, which must be valid UTF-8. On success
// `s->placed` holds them in `text` offsets, sorted by start (ties: longer
// first), with their normalised values. A non-OK status is an engine failure
// (then `s->placed` must be discarded).
absl::Status FindPlacedFindings(const CompiledPolicy& policy, absl::string_view text,
                                const ContextHints& hints, ScratchState* s);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_TEXT_SCAN_H_
