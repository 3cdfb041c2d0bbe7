// Candidates of the numeric detectors (those with a DigitShape), from the
// digit structure of a view (digit_runs.h) instead of from patterns: every
// window of whole groups whose length fits a detector, and windows inside a
// long unseparated group, each checked by the detector's validator.
//
// The rules, for a run of groups g0 … gk:
//   * A window of whole groups gi … gj whose length (digits, plus a final X
//     for a resident ID) fits the detector is a candidate.
//   * Strong validators (resident ID: region, birth date, MOD 11-2) take any
//     grouping and any mix of separators, and windows sliding through a
//     group too long for any value ("…2811010519491231002X…").
//   * Weak validators (Luhn, mobile prefixes — one random number in ten
//     passes Luhn) take one separator kind, the detector's usual groupings
//     (3-4-4, 4-4-4-4, 8-8, 6-13 … never the 2-3-3-3 of an amount), and
//     need evidence when the window is not its whole run: the neighbouring
//     group on each side is shorter than the window's edge group or joined
//     by another separator ("4111 1111 1111 1111 12/29", "tel 138 1234 5678
//     20 min"), else a positive context word must be near (the candidate
//     `needs_context`). Windows at the start or end of a group too long for
//     any value need context too, unless the rest is a country code
//     ("8613812345678"); when the rest is itself a validated finding, the
//     collector's masked round finds the window (the finding's bytes are
//     masked, so the window becomes its whole run).
//   * Letters touching the digits keep their meaning: a letter right after
//     a value, or right before one whose detector does not allow it
//     ("PN18612345678"), makes it part of a code, not a value.
// Overlapping candidates are resolved later (the collector keeps the best
// cover: strong before weak, then confidence, then length).
#ifndef SCRUB_INTERNAL_DIGIT_WINDOWS_H_
#define SCRUB_INTERNAL_DIGIT_WINDOWS_H_

#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/digit_runs.h"
#include "scrub/internal/raw_finding.h"
#include "scrub/internal/scan_interrupt.h"
#include "scrub/internal/scan_trace.h"
#include "scrub/internal/span_overlap.h"

namespace scrub::internal {

// Buffers FindDigitCandidates reuses across calls (part of a thread's
// scratch): in steady state the search allocates nothing of its own.
class DigitWindowsScratch {
 public:
  DigitWindowsScratch();
  ~DigitWindowsScratch();
  DigitWindowsScratch(DigitWindowsScratch&&) noexcept;
  DigitWindowsScratch& operator=(DigitWindowsScratch&&) noexcept;

  struct Buffers;  // (digit_windows.cc)

 private:
  friend void FindDigitCandidates(const CompiledPolicy&, absl::string_view, const DigitRuns&,
                                  const SpanOverlap&, DigitWindowsScratch*,
                                  std::vector<RawFinding>*, ScanInterrupt*, ScanTrace*);
  std::unique_ptr<Buffers> buffers_;
};

// Appends to `out` the scored candidates (score > 0) of the policy's numeric
// detectors in `view`, whose digit structure is `runs`; none overlaps a span
// of `exclude` (findings of an earlier round). Each run long enough to hold
// a value counts as work for `interrupt` (optional); once it says stop, the
// search ends (the caller sees interrupt->stopped()). `trace` (optional)
// hears of each run that a validator refused read whole, in its groups.
void FindDigitCandidates(const CompiledPolicy& policy, absl::string_view view,
                         const DigitRuns& runs, const SpanOverlap& exclude,
                         DigitWindowsScratch* scratch, std::vector<RawFinding>* out,
                         ScanInterrupt* interrupt = nullptr, ScanTrace* trace = nullptr);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DIGIT_WINDOWS_H_
