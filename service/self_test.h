// File: service/self_test.h
// -----------------------------------------------------------------------------
//
// A built-in self-test run on every scanner before scrubd reports SERVING:
// known personal-data samples (fake but valid values: a resident ID with a
// correct check character, a mobile number, an e-mail address, a Luhn-valid
// card number, an IPv4 address, an international phone number) must be
// detected and must not survive into the text scrubd would tell a caller to
// persist. It catches a broken engine (an automaton that cannot run, a
// detector that silently stopped matching, phone metadata that cannot load)
// before any caller relies on it, and warms what loads on first use.
//
//   absl::Status st = RunSelfTest(*scanner);
//   // OK, or FAILED_PRECONDITION "self-test: CN_MOBILE sample not detected"
//
// Only samples of detectors the policy enables are checked; a sample passes
// when a finding of its detector covers exactly the value, and the verdict is
// BLOCKED, or REDACTED with the value gone from the output, or the policy's
// action for it is REPORT (an explicit "record only"). A sample text without
// personal data must scan without error. Samples longer than the policy's
// limits.max_message_bytes are skipped. Errors name detectors, never values.
#ifndef SCRUB_SERVICE_SELF_TEST_H_
#define SCRUB_SERVICE_SELF_TEST_H_

#include "absl/status/status.h"
#include "scrub/scanner.h"

namespace scrub::service {

absl::Status RunSelfTest(const scrub::Scanner& scanner);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SELF_TEST_H_
