// What the engine decided about each candidate of a scan, for
// scrub::Explain (scrub/explain.h). Recorded only when a trace is attached
// to the scratch (CollectorScratch::trace); a scan without one pays a null
// check per candidate.
#ifndef SCRUB_INTERNAL_SCAN_TRACE_H_
#define SCRUB_INTERNAL_SCAN_TRACE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scrub/internal/raw_finding.h"

namespace scrub::internal {

// Why a candidate ended where it did, in the order the engine decides.
enum class CandidateFate : uint8_t {
  kValidatorRefused,       // its validator returned 0
  kInsideLongerNumber,     // the digits continue a longer grouped number
  kRedactionLabel,         // it lies inside the policy's own redaction text
  kNoRequiredContext,      // the detector needs a context word; none near
  kBelowThreshold,         // confidence after context < the rule's threshold
  kOtherReading,           // a better reading of the same digits won
  kAllowListed,            // an allow list exempts its value
  kFinding,                // accepted
};

// A word or key near a candidate that moved its confidence.
struct TracedContext {
  bool found = false;
  bool from_key = false;  // a JSON key, a "key=" field or a caller's hint
  size_t start = 0;       // the word's view span (when !from_key)
  size_t end = 0;
  size_t distance = 0;    // view bytes between the word and the value
};

// What ApplyContext decided for one finding: the nearest positive and
// negative word or key, and whether it dropped the finding for want of a
// positive word its detector needs.
struct ContextDecision {
  TracedContext positive;
  TracedContext negative;
  bool lacked_required_word = false;
};

struct TracedCandidate {
  int rule = 0;
  Evidence evidence = Evidence::kPattern;
  CandidateFate fate = CandidateFate::kFinding;
  size_t view_start = 0;
  size_t view_end = 0;
  double validator_score = 0;  // before context
  double confidence = 0;       // after context (0 when refused before it)
  TracedContext positive;      // the nearest positive word (if it counted)
  TracedContext negative;      // the nearest negative word
  // Filled in by the text pass: the span in the scanned text's bytes.
  size_t start = 0;
  size_t end = 0;
};

struct ScanTrace {
  std::vector<TracedCandidate> candidates;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_SCAN_TRACE_H_
