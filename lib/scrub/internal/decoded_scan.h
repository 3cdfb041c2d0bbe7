// The find stage over decoded views: where a text's encoded runs are
// decoded (decoded_view.h), level by level, the detectors run on each level,
// and the findings that involve decoded bytes are placed back in the text,
// each covering whole encoded runs.
//
//   text ─► triggers? ─► level 1 view ─► find ─► level 2 view (a view of the
//   view: percent inside base64) ─► find ─► … up to decode.max_depth
//
// Budgets, both failing closed (BLOCKED, reason "decode_budget", whatever
// the failure mode: an input can provoke them): the decoded bytes of all
// levels together may not exceed the text's size, and the last level may
// hold no further encoding that decodes.
#ifndef SCRUB_INTERNAL_DECODED_SCAN_H_
#define SCRUB_INTERNAL_DECODED_SCAN_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "scrub/internal/decoded_view.h"
#include "scrub/internal/placed_finding.h"
#include "scrub/internal/policy_defaults.h"

namespace scrub::internal {

// What the policy's decode options ask for.
struct DecodeSettings {
  uint8_t encodings = 0;  // Encoding bits; 0: no decoded views
  uint32_t max_depth = kDefaultDecodeMaxDepth;
};

// Decoded views built, counted per thread and added to the scanner's
// counters after each record (record_pipeline).
struct DecodeStats {
  uint64_t views = 0;         // decoded views built (every level)
  uint64_t nested_views = 0;  // of which at level 2 or deeper
};

// Buffers reused across calls (part of a thread's scratch).
struct DecodedScratch {
  std::array<DecodedView, kMaxDecodeDepthCeiling + 1> levels;
  std::vector<PlacedFinding> found;
  std::vector<size_t> max_end;  // running maximum end of the text's findings
  DecodeStats stats;
};

// The RESOURCE_EXHAUSTED status of an exceeded decode budget, marked so
// that the decide stage blocks with BlockReason::kDecodeBudget.
absl::Status DecodeBudgetError(absl::string_view message);
bool IsDecodeBudgetError(const absl::Status& status);

// Finds the findings of `text` (valid UTF-8, its own offsets), sorted by
// start (ties: longer first); a non-OK status is an engine failure.
using FindInText =
    absl::FunctionRef<absl::Status(absl::string_view text, std::vector<PlacedFinding>* out)>;

// Appends to `placed` the findings `find` reports in the decoded views of
// `text` that overlap decoded bytes, in `text` offsets widened to whole
// encoded runs; then sorts `placed` by start (ties: longer first) and drops
// exact duplicates. Does nothing (and builds nothing) when `text` holds no
// trigger of `settings.encodings`. Returns a DecodeBudgetError when a
// budget is exceeded, or the status of a failed `find`.
absl::Status AddDecodedFindings(absl::string_view text, const DecodeSettings& settings,
                                FindInText find, DecodedScratch* scratch,
                                std::vector<PlacedFinding>* placed);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DECODED_SCAN_H_
