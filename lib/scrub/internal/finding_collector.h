// Finds, validates and scores candidates in a detection view: the candidate
// engine, keyword dictionaries, context words, thresholds and allow lists.
// Produces findings in view offsets; the scanner maps them to the original.
#ifndef SCRUB_INTERNAL_FINDING_COLLECTOR_H_
#define SCRUB_INTERNAL_FINDING_COLLECTOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/context_hints.h"
#include "scrub/internal/digit_runs.h"
#include "scrub/internal/digit_windows.h"
#include "scrub/internal/raw_finding.h"
#include "scrub/internal/values_across_findings.h"
#include "scrub/internal/scan_trace.h"
#include "scrub/internal/scan_interrupt.h"
#include "scrub/internal/span_overlap.h"

namespace scrub::internal {


struct KeywordHit {
  int keyword = 0;
  size_t start = 0;
  size_t end = 0;
};

// Buffers CollectFindings reuses across calls (part of a thread's scratch).
struct CollectorScratch {
  // A digit-window candidate as the best cover ranks it, beside its index:
  // sorting these needs no look into the candidates themselves (a dense
  // message has as many as it has digit groups).
  struct CoverRank {
    Evidence evidence;
    bool partial;
    double confidence;
    size_t length;
    size_t start;
    size_t index;  // into the candidates
  };
  DigitRuns runs;
  DigitWindowsScratch digit_windows;
  std::vector<CoverRank> order;
  bool deferred = false;  // a digit window waits for evidence (a masked round)
  std::vector<int> flagged;
  std::vector<KeywordHit> hits;  // sorted by end
  std::vector<RawFinding> found;
  std::vector<std::pair<size_t, size_t>> windows;
  std::string masked;
  SpanOverlap accepted;  // the findings of the rounds before
  std::vector<uint32_t> hit_from;  // an index of `hits` by position
  std::vector<char> kept;          // the bytes of the digit windows kept
  std::vector<RawFinding> continued;  // candidates short groups continue
  std::vector<char> taken;            // the bytes of the candidates so far
  // The pattern candidates a validator refused, in every pass of a
  // CollectFindings; those of the last pass from `last_pass_refusals` on.
  std::vector<RawFinding> refusals;
  size_t last_pass_refusals = 0;
  std::vector<char> context_present;  // rules with possible context (a gate)
  AcrossFindingsScratch across;       // values_across_findings.h
  // When set (scrub::Explain), every candidate's fate is recorded here, in
  // view offsets; null in a normal scan.
  ScanTrace* trace = nullptr;
};

// Appends to `out` the findings in `view` that pass validation, context,
// thresholds and allow lists, sorted by start (ties: longer first). Returns
// a non-OK status on an engine failure, or the status `interrupt` stopped
// with (then `out` must be discarded). `soft_breaks` are the view's
// (DetectionView::soft_breaks). Every pass over the view and every candidate
// counts as work for `interrupt` (scan_interrupt.h).
absl::Status CollectFindings(const CompiledPolicy& policy, absl::string_view view,
                             absl::Span<const DetectionView::SoftBreak> soft_breaks,
                             const ContextHints& hints, ScanInterrupt* interrupt,
                             CollectorScratch* scratch, std::vector<RawFinding>* out);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_FINDING_COLLECTOR_H_
