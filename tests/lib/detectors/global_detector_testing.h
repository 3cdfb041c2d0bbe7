// Helpers for the global detector tests: scan through the real Scanner
// (detection view, candidate engine, validators, context, thresholds), with
// either one detector alone or the default policy.
#ifndef SCRUB_TESTS_LIB_DETECTORS_GLOBAL_DETECTOR_TESTING_H_
#define SCRUB_TESTS_LIB_DETECTORS_GLOBAL_DETECTOR_TESTING_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "scrub/scan_result.h"

namespace scrub::testing {

// The original substrings that `detector`, enabled alone (every other
// detector off, default threshold), finds in `text`, in order.
std::vector<std::string> FindValues(absl::string_view detector, absl::string_view text);

// The findings of the default policy (scrub::DefaultPolicy()).
std::vector<Finding> DefaultFindings(absl::string_view text);

// What the default policy persists for `text`: the redacted output, the
// input itself when ALLOWed, or "<BLOCKED>".
std::string RedactWithDefaultPolicy(absl::string_view text);

// One row of a data-driven detector table: a text and the exact values the
// detector must find in it (empty: nothing).
struct DetectorCase {
  std::string text;
  std::vector<std::string> values;
};

inline std::ostream& operator<<(std::ostream& os, const DetectorCase& c) {
  return os << '"' << c.text << '"';
}

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_LIB_DETECTORS_GLOBAL_DETECTOR_TESTING_H_
