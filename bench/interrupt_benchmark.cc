// What a caller's KeepGoing costs and saves inside a long message (issue 12,
// "interruptible scans"): each shape of tests/support/large_messages.h at
// 1,000,000 bytes, scanned
//   - plainly (Scan(record)),
//   - asking a KeepGoing that reads the clock and says go on (what scrubd's
//     deadline check costs: it is asked every 64 KiB of scanning work), and
//   - with a KeepGoing that says stop at its first ask (a caller that has
//     gone: how much work is left before the scan gives up).
// Compare the three rows of a shape; they are measured in the same run.
//
//   bazel run -c opt //bench:interrupt_benchmark
#include <string>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "benchmark/benchmark.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"
#include "tests/support/large_messages.h"

namespace {

using scrub::testing::LargeMessageShape;

constexpr size_t kBytes = 1'000'000;

enum class Mode { kPlain, kAskGoOn, kStopAtFirstAsk };

void BM_Scan(benchmark::State& state, const LargeMessageShape* shape, Mode mode) {
  const std::string message = scrub::testing::RepeatToSize(*shape, kBytes);
  const auto scanner = scrub::testing::LargeMessageScanner();
  scrub::Scratch scratch;
  const absl::Time far = absl::InfiniteFuture();
  const scrub::KeepGoing go_on = [far]() {
    return absl::Now() < far ? absl::OkStatus() : absl::DeadlineExceededError("late");
  };
  const scrub::KeepGoing stop = []() { return absl::CancelledError("gone"); };
  const scrub::Record record{message, scrub::RecordFormat::kText};
  const scrub::Verdict expected =
      mode == Mode::kStopAtFirstAsk ? scrub::Verdict::kBlocked : shape->verdict;
  auto scan = [&]() {
    switch (mode) {
      case Mode::kPlain:
        return scanner->Scan(record, &scratch);
      case Mode::kAskGoOn:
        return scanner->Scan(record, go_on, &scratch);
      case Mode::kStopAtFirstAsk:
        return scanner->Scan(record, stop, &scratch);
    }
    return scrub::ScanResult();
  };
  if (scan().verdict != expected) {
    state.SkipWithError("unexpected verdict");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(scan());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kBytes));
}

}  // namespace

int main(int argc, char** argv) {
  for (const LargeMessageShape& shape : scrub::testing::LargeMessageShapes()) {
    benchmark::RegisterBenchmark(("BM_Plain/" + shape.name).c_str(), BM_Scan, &shape,
                                 Mode::kPlain);
    benchmark::RegisterBenchmark(("BM_AskGoOn/" + shape.name).c_str(), BM_Scan, &shape,
                                 Mode::kAskGoOn);
    benchmark::RegisterBenchmark(("BM_StopAtFirstAsk/" + shape.name).c_str(), BM_Scan,
                                 &shape, Mode::kStopAtFirstAsk);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
