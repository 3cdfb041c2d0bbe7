// Helpers for the detector tests: a built-in detector's score of one value,
// and scans through the default policy with a fixed "today", reported as
// (detector, exact original substring) pairs so tables can assert spans.
#ifndef SCRUB_TESTS_LIB_DETECTORS_DETECTOR_TEST_UTIL_H_
#define SCRUB_TESTS_LIB_DETECTORS_DETECTOR_TEST_UTIL_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::testing {

// The fixed day of every detector test (birth dates after it are future).
inline const absl::CivilDay kToday(2026, 11, 30);

// The score (confidence before context) the built-in detector `id` gives
// `value`; 0 means rejected. Fails the test if `id` is unknown.
double Score(absl::string_view id, absl::string_view value);

// A scanner of scrub::DefaultPolicy() with today = kToday. Shared.
const Scanner& DefaultScanner();

// One finding: its detector and the exact bytes of the original it covers.
struct Span {
  std::string detector;
  std::string text;
  friend bool operator==(const Span& a, const Span& b) {
    return a.detector == b.detector && a.text == b.text;
  }
  friend std::ostream& operator<<(std::ostream& os, const Span& s) {
    return os << s.detector << "{" << s.text << "}";
  }
};

// Every finding of the default scanner in `text`.
std::vector<Span> Spans(absl::string_view text);

// The findings of one detector only.
std::vector<Span> SpansOf(absl::string_view text, absl::string_view detector);

// What the default scanner lets through: the redacted output, or the input
// unchanged when the verdict is ALLOW. Fails the test on BLOCKED.
std::string Redacted(absl::string_view text);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_LIB_DETECTORS_DETECTOR_TEST_UTIL_H_
