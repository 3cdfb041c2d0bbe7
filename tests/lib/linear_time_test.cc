// Scan time grows linearly with message size (issue 11, "Linear time,
// always"), with a generous bound: for every shape of
// tests/support/large_messages.h — dense personal data and inputs built to
// pile up candidates — scanning 1,000,000 bytes takes at most 25x as long as
// scanning 100,000 (a linear engine takes ~10x; the first engine took 140x
// on dense mobile numbers). Each size is timed in CPU time of the scanning
// thread (a busy machine preempts a long scan more often than a short one,
// which wall time would count), as the fastest of a few scans. The benchmark
// with the same shapes and the 12x target: bench/linear_time_benchmark.cc.
//
// Every scan's verdict is checked too: the shape's own (REDACTED, or ALLOW
// when nothing is personal), never BLOCKED for size, findings or an engine
// budget.
#include <time.h>

#include <algorithm>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"
#include "tests/support/large_messages.h"

namespace scrub::testing {
namespace {

constexpr size_t kSmall = 100'000;
constexpr size_t kLarge = 1'000'000;
constexpr double kMaxRatio = 25.0;

// Sanitizers slow every scan alike, so the ratio still means something
// there; they only make each scan longer, so fewer are timed.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kTimedScans = 2;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kTimedScans = 2;
#else
constexpr int kTimedScans = 3;
#endif
#else
constexpr int kTimedScans = 3;
#endif

// CPU time of the calling thread, in seconds.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timed {
  double seconds = std::numeric_limits<double>::infinity();  // the fastest scan
  size_t findings = 0;
};

// Scans `message` kTimedScans times, checking each verdict.
Timed TimeScans(const LargeMessageShape& shape, const std::string& message) {
  const auto scanner = LargeMessageScanner();
  Scratch scratch;
  Timed timed;
  for (int i = 0; i < kTimedScans; ++i) {
    const double start = ThreadSeconds();
    const ScanResult r = scanner->Scan(message, &scratch);
    timed.seconds = std::min(timed.seconds, ThreadSeconds() - start);
    EXPECT_EQ(r.verdict, shape.verdict)
        << shape.name << " at " << message.size() << " bytes: " << VerdictName(r.verdict)
        << " " << r.error << " " << r.block_detail;
    EXPECT_EQ(r.block_reason, BlockReason::kNone) << shape.name;
    timed.findings = r.findings.size();
  }
  return timed;
}

class LinearTime : public ::testing::TestWithParam<LargeMessageShape> {};

TEST_P(LinearTime, TenTimesTheBytesCostAtMost25TimesTheTime) {
  const LargeMessageShape& shape = GetParam();
  const std::string small = RepeatToSize(shape, kSmall);
  const std::string large = RepeatToSize(shape, kLarge);
  ASSERT_EQ(small.size(), kSmall);
  ASSERT_EQ(large.size(), kLarge);

  TimeScans(shape, small);  // warm up: the scanner, lazily loaded tables, caches
  const Timed s = TimeScans(shape, small);
  const Timed l = TimeScans(shape, large);

  // The large message is really scanned to its end: ten times the values.
  if (shape.verdict == Verdict::kRedacted) {
    EXPECT_GT(s.findings, 0u) << shape.name;
    EXPECT_GE(l.findings, 9 * s.findings) << shape.name;
  } else {
    EXPECT_EQ(l.findings, 0u) << shape.name;
  }
  const double ratio = l.seconds / std::max(s.seconds, 1e-6);
  EXPECT_LE(ratio, kMaxRatio) << shape.name << ": " << s.seconds * 1e3 << " ms for "
                              << kSmall << " bytes, " << l.seconds * 1e3 << " ms for "
                              << kLarge;
}

INSTANTIATE_TEST_SUITE_P(Shapes, LinearTime, ::testing::ValuesIn(LargeMessageShapes()),
                         [](const ::testing::TestParamInfo<LargeMessageShape>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace scrub::testing
