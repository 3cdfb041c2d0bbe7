// Scanners for tests: every test scans on one fixed day (so that birth dates
// and expiry checks do not drift with the calendar), compiles the default
// policy once per process, and reports findings as the exact substrings they
// cover, so that tables can assert spans.
#ifndef SCRUB_TESTS_SUPPORT_TEST_SCANNER_H_
#define SCRUB_TESTS_SUPPORT_TEST_SCANNER_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::testing {

// The fixed day of every test (birth dates after it are in the future).
inline const absl::CivilDay kToday(2026, 11, 30);

// Scanner options with today = kToday.
Scanner::Options TestOptions();

// A scanner of scrub::DefaultPolicy() with today = kToday, compiled once and
// shared by every test of the process.
std::shared_ptr<const Scanner> DefaultScanner();

// A scanner of `policy` with today = kToday. Fails the calling test (and
// returns null) when the policy does not compile.
std::shared_ptr<const Scanner> ScannerFor(const v1::Policy& policy);

// A scanner that runs the built-in `detector` alone (default threshold),
// compiled once per detector.
std::shared_ptr<const Scanner> SingleDetectorScanner(absl::string_view detector);

// The score (confidence before context) the built-in detector `id` gives
// `value`; 0 means rejected. Fails the test if `id` is unknown.
double Score(absl::string_view id, absl::string_view value);

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

// The original substrings that `detector`, enabled alone, finds in `text`,
// in order.
std::vector<std::string> FindValues(absl::string_view detector, absl::string_view text);

// The findings of the default policy.
std::vector<Finding> DefaultFindings(absl::string_view text);

// What the default policy persists for `text`: the redacted output, the
// input itself when ALLOWed, or "<BLOCKED>".
std::string Redacted(absl::string_view text);

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

#endif  // SCRUB_TESTS_SUPPORT_TEST_SCANNER_H_
