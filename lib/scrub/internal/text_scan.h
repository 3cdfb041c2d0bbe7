// The find stage for plain text: detection view, candidates, validation,
// context, thresholds and allow lists, then the findings placed in the
// original text and the policy's actions applied. Scanner records in text
// format come here whole; JSON records call FindPlacedFindings once per
// string value, number or key.
#ifndef SCRUB_INTERNAL_TEXT_SCAN_H_
#define SCRUB_INTERNAL_TEXT_SCAN_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "scrub/internal/clean_key_cache.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/decoded_scan.h"
#include "scrub/internal/decide.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/finding_collector.h"
#include "scrub/internal/redactor.h"
#include "scrub/internal/scan_interrupt.h"

namespace scrub::internal {

// Per-thread buffers reused across scans (the state behind scrub::Scratch).
struct ScratchState {
  DetectionView view;
  CollectorScratch collector;
  std::vector<RawFinding> raw;
  std::vector<PlacedFinding> placed;
  Redaction redaction;  // its output is moved out with each result
  CleanKeyCache clean_json_keys;  // JSON records only
  DecodedScratch decoded;         // decoded views (decoded_scan.h)
  // Armed by ScanRecord for one record: the caller's KeepGoing, asked inside
  // long records (scan_interrupt.h).
  ScanInterrupt interrupt;
};

// Finds the findings of `text`, which must be valid UTF-8, and of its
// decoded views (decoded_scan.h) when the policy's decode options and a
// trigger in `text` call for them. On success `s->placed` holds them in
// `text` offsets, sorted by start (ties: longer first), with their
// normalised values. A non-OK status is an engine failure, an exceeded
// decode budget (IsDecodeBudgetError) or the caller's answer that stopped
// the scan (s->interrupt.stopped()); then `s->placed` must be discarded.
absl::Status FindPlacedFindings(const CompiledPolicy& policy, absl::string_view text,
                                const ContextHints& hints, ScratchState* s);

// The findings of the message `text` (valid UTF-8) with the policy's actions
// applied: what Decide() needs. Stops with kEngineError on an engine failure,
// with kDecodeBudget past a decode budget, with kInterrupted when the
// caller said stop (s->interrupt), and with kTooManyFindings past
// limits.max_findings_per_message.
ScanOutcome ScanText(const CompiledPolicy& policy, absl::string_view text,
                     ScratchState* s);

// The outcome of a find stage that failed with `status`: kInterrupted when
// the caller stopped it (s->interrupt), kDecodeBudget for an exceeded decode
// budget, kEngineError ("engine error: ...") otherwise.
ScanOutcome FindFailed(const ScratchState& s, absl::Status status);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_TEXT_SCAN_H_
