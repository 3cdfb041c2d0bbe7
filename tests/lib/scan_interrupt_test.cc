// A caller that stops a scan inside a long record (Scanner::Scan with a
// KeepGoing, ScanBatch): the record is BLOCKED with kInterrupted — never
// passed — and the scan stops within a bounded amount of work.
#include "scrub/internal/scan_interrupt.h"

#include <time.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "scrub/scanner.h"
#include "tests/support/large_messages.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

using internal::ScanInterrupt;
using testing::LargeMessageScanner;
using testing::LargeMessageShape;
using testing::LargeMessageShapes;
using testing::RepeatToSize;

constexpr size_t kLongMessageBytes = 1'000'000;

// A KeepGoing that answers OK `ok_answers` times, then `stop`; counts asks.
struct CountingKeepGoing {
  int ok_answers = 0;
  absl::Status stop = absl::CancelledError("caller went away");
  int asks = 0;
  KeepGoing Fn() {
    return [this]() {
      ++asks;
      return asks <= ok_answers ? absl::OkStatus() : stop;
    };
  }
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

const LargeMessageShape& DenseResidentIds() {
  for (const LargeMessageShape& shape : LargeMessageShapes()) {
    if (shape.verdict == Verdict::kRedacted) return shape;  // dense data first
  }
  ADD_FAILURE() << "no dense personal-data shape";
  return LargeMessageShapes().front();
}

TEST(ScanInterrupt, UnarmedNeverAsksNorStops) {
  ScanInterrupt interrupt;
  EXPECT_TRUE(interrupt.Advance(uint64_t{1} << 40));
  EXPECT_FALSE(interrupt.stopped());
  EXPECT_EQ(interrupt.asks(), 0u);
}

TEST(ScanInterrupt, AsksOncePerIntervalOfWorkAndKeepsTheFirstStop) {
  int asks = 0;
  const ScanInterrupt::Ask ask = [&asks]() {
    ++asks;
    return asks < 3 ? absl::OkStatus() : absl::DeadlineExceededError("late");
  };
  ScanInterrupt interrupt;
  interrupt.Arm(&ask, 100);
  EXPECT_TRUE(interrupt.Advance(99));
  EXPECT_EQ(asks, 0);
  EXPECT_TRUE(interrupt.Advance(1));  // 100: first ask, OK
  EXPECT_EQ(asks, 1);
  EXPECT_TRUE(interrupt.Advance(250));  // 350: second ask, OK; next at 450
  EXPECT_EQ(asks, 2);
  EXPECT_TRUE(interrupt.Advance(99));  // 449
  EXPECT_FALSE(interrupt.Advance(1));  // 450: third ask says stop
  EXPECT_EQ(asks, 3);
  EXPECT_FALSE(interrupt.Advance(1000));  // sticky, not asked again
  EXPECT_EQ(asks, 3);
  EXPECT_EQ(interrupt.status().code(), absl::StatusCode::kDeadlineExceeded);

  interrupt.Arm(&ask, 100);  // re-arming clears the stop
  EXPECT_FALSE(interrupt.stopped());
  EXPECT_EQ(interrupt.asks(), 0u);
}

TEST(ScanInterrupt, AnEmptyAskIsNeverCalled) {
  const ScanInterrupt::Ask empty;
  ScanInterrupt interrupt;
  interrupt.Arm(&empty, 1);
  EXPECT_TRUE(interrupt.Advance(1000));
  EXPECT_EQ(interrupt.asks(), 0u);
}

TEST(ScannerInterrupt, AShortMessageNeverAsks) {
  CountingKeepGoing keep_going;
  ScanResult r = testing::DefaultScanner()->Scan(
      Record{"电话138-1234-5678", RecordFormat::kText}, keep_going.Fn());
  EXPECT_EQ(keep_going.asks, 0);
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
}

TEST(ScannerInterrupt, ALongMessageThatIsNotStoppedGetsItsFullResult) {
  const std::string message = RepeatToSize(DenseResidentIds(), kLongMessageBytes);
  Scratch scratch;
  const ScanResult plain = LargeMessageScanner()->Scan(message, &scratch);
  CountingKeepGoing keep_going;
  keep_going.ok_answers = 1 << 30;
  const ScanResult asked = LargeMessageScanner()->Scan(
      Record{message, RecordFormat::kText}, keep_going.Fn(), &scratch);
  // Asked inside the message, at least once per 64 KiB of its bytes.
  EXPECT_GE(keep_going.asks, static_cast<int>(kLongMessageBytes / (64 * 1024)));
  EXPECT_EQ(asked.verdict, Verdict::kRedacted);
  EXPECT_EQ(asked.findings, plain.findings);
  EXPECT_EQ(asked.output, plain.output);
}

TEST(ScannerInterrupt, AStoppedLongMessageIsBlockedPromptlyAndCounted) {
  const std::string message = RepeatToSize(DenseResidentIds(), kLongMessageBytes);
  Scratch scratch;
  const auto scanner = LargeMessageScanner();
  const uint64_t before = scanner->counters().interrupted_scans;

  double start = ThreadCpuSeconds();
  const ScanResult full = scanner->Scan(message, &scratch);
  const double full_seconds = ThreadCpuSeconds() - start;
  ASSERT_EQ(full.verdict, Verdict::kRedacted);

  CountingKeepGoing keep_going;  // stops at the first ask
  start = ThreadCpuSeconds();
  const ScanResult r =
      scanner->Scan(Record{message, RecordFormat::kText}, keep_going.Fn(), &scratch);
  const double stopped_seconds = ThreadCpuSeconds() - start;

  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kInterrupted);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(r.error.message(), "caller went away");
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.output.empty());
  EXPECT_EQ(keep_going.asks, 1);  // not asked again once it said stop
  EXPECT_EQ(scanner->counters().interrupted_scans, before + 1);
  // Thread CPU time, so another process's load does not count: the stopped
  // scan did a small part of the work (building the view of 1 MB, then up to
  // 64 KiB of work), not the whole scan.
  EXPECT_LT(stopped_seconds, full_seconds / 4)
      << "stopped " << stopped_seconds << " s, full " << full_seconds << " s";

  // The scratch holds nothing of the stopped scan: the next scan is whole.
  const ScanResult again = scanner->Scan(message, &scratch);
  EXPECT_EQ(again.findings, full.findings);
}

TEST(ScannerInterrupt, AStoppedScanIsBlockedUnderFailOpenToo) {
  v1::Policy policy = testing::LargeMessagePolicy();
  policy.set_failure_mode(v1::FAIL_OPEN);
  const auto scanner = testing::ScannerFor(policy);
  ASSERT_NE(scanner, nullptr);
  const std::string message = RepeatToSize(DenseResidentIds(), kLongMessageBytes);
  CountingKeepGoing keep_going;
  keep_going.stop = absl::DeadlineExceededError("deadline");
  const ScanResult r = scanner->Scan(Record{message, RecordFormat::kText}, keep_going.Fn());
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_FALSE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kInterrupted);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(scanner->counters().fail_open_passes, 0u);
}

TEST(ScannerInterrupt, ALongJsonRecordIsStoppedToo) {
  // One JSON record of many values holding personal data.
  std::string record = "{\"m\":[";
  while (record.size() < kLongMessageBytes - 64) record += "\"电话13812345678\",";
  record += "\"x\"]}";
  CountingKeepGoing keep_going;
  const ScanResult r = LargeMessageScanner()->Scan(Record{record, RecordFormat::kJson},
                                                   keep_going.Fn());
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kInterrupted);
  EXPECT_EQ(r.format, RecordFormat::kJson);
  EXPECT_EQ(keep_going.asks, 1);
}

TEST(ScannerInterrupt, ABatchStopsInsideItsLongRecordWithTheCallersStatus) {
  const std::string message = RepeatToSize(DenseResidentIds(), kLongMessageBytes);
  const std::vector<Record> records = {{"hello", RecordFormat::kText},
                                       {message, RecordFormat::kText},
                                       {"电话138-1234-5678", RecordFormat::kText}};
  CountingKeepGoing keep_going;
  keep_going.ok_answers = 2;  // before the first record; one ask inside the long one
  keep_going.stop = absl::DeadlineExceededError("caller's deadline passed");
  auto results = LargeMessageScanner()->ScanBatch(records, keep_going.Fn());
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(results.status().message(), "caller's deadline passed");
  EXPECT_EQ(keep_going.asks, 3);
}

}  // namespace
}  // namespace scrub
