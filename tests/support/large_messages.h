// Large messages for the linear-time gate (issue 11, "Linear time, always"):
// one short unit repeated to a given size, in the shapes that made the first
// engine quadratic — dense personal data, and inputs built to make candidate
// windows, separators and patterns pile up. The benchmark
// (bench/linear_time_benchmark.cc) and the test (tests/lib/linear_time_test.cc)
// scan the same messages.
//
//   for (const LargeMessageShape& shape : LargeMessageShapes()) {
//     std::string m = RepeatToSize(shape, 1'000'000);  // exactly 1,000,000 bytes
//     ScanResult r = LargeMessageScanner()->Scan(m, &scratch);
//     // r.verdict == shape.verdict
//   }
#ifndef SCRUB_TESTS_SUPPORT_LARGE_MESSAGES_H_
#define SCRUB_TESTS_SUPPORT_LARGE_MESSAGES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::testing {

struct LargeMessageShape {
  std::string name;  // e.g. "dense_mobile_after_word"
  std::string unit;  // repeated
  // What the default policy decides for the message: kRedacted when the
  // unit holds personal data, kAllow when it holds none. Never kBlocked: a
  // message of this size within the limits must be scanned, not refused.
  Verdict verdict = Verdict::kAllow;
};

// Every shape, dense personal data first, then the adversarial ones.
const std::vector<LargeMessageShape>& LargeMessageShapes();

// `shape.unit` repeated as often as it fits in `bytes`, padded with spaces
// to exactly `bytes` bytes (valid UTF-8: whole units only).
std::string RepeatToSize(const LargeMessageShape& shape, size_t bytes);

// The default policy with limits that admit these messages: 1,000,000-byte
// messages (exactly, the benchmark's largest) and up to 1,000,000 findings
// per message (a megabyte of dense mobile numbers holds ~55,000).
v1::Policy LargeMessagePolicy();

// A scanner of LargeMessagePolicy() on the tests' fixed day, compiled once.
std::shared_ptr<const Scanner> LargeMessageScanner();

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SUPPORT_LARGE_MESSAGES_H_
