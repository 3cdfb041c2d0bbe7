// File: service/self_test.h
// -----------------------------------------------------------------------------
//
// A built-in self-test run on every scanner before scrubd reports SERVING:
// the examples of every enabled built-in detector (fake but valid values in
// a sentence; scrub::BuiltinDetectorInfo) must be detected, and must not
// survive into the text scrubd would tell a caller to persist. It catches a
// broken engine (an automaton that cannot run, a detector that silently
// stopped matching, phone metadata that cannot load) before any caller
// relies on it, and warms what loads on first use.
//
//   SelfTestReport report = RunSelfTest(*scanner);
//   // report.status: OK, or FAILED_PRECONDITION
//   //   "self-test failed: CN_MOBILE example not detected"
//   // report.skipped: detectors the policy gives nothing to check
//
// The rule, for each enabled built-in detector:
//   * Its examples that the policy exempts (allow lists) or that score below
//     the rule's min_confidence are not used: a legitimate policy is never
//     refused. A detector left with no example is skipped and listed in
//     `skipped` (scrubd logs it).
//   * Detection: a finding of the detector must cover exactly the example's
//     value.
//   * Protection: unless the detector's action is REPORT (record only: a
//     REPORT-only policy is a legitimate shadow deployment), the verdict must
//     be BLOCKED, or REDACTED with the value gone from the output.
// A sentence without personal data must scan without error. Examples longer
// than the policy's limits.max_message_bytes are not used. Custom detectors
// and dictionaries have no examples and are not checked. Errors name
// detectors, never values.
#ifndef SCRUB_SERVICE_SELF_TEST_H_
#define SCRUB_SERVICE_SELF_TEST_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "scrub/scanner.h"

namespace scrub::service {

struct SelfTestReport {
  absl::Status status;
  // "CN_MOBILE (every example is exempt or below the rule's threshold)".
  std::vector<std::string> skipped;
};

SelfTestReport RunSelfTest(const scrub::Scanner& scanner);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SELF_TEST_H_
