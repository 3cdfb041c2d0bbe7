// Scan time against message size (issue 11, "Linear time, always"): each
// shape of tests/support/large_messages.h — dense personal data and inputs
// built to pile up candidates — scanned through the public Scanner API with
// the default policy (limits raised to admit 1,000,000-byte messages), at
// 100,000 and 1,000,000 bytes. A linear engine costs ~10x for 10x the bytes;
// the gate is 12x. After the runs a table gives the ratio per shape (from the
// fastest run of each, CPU time):
//
//   bazel run -c opt //bench:linear_time_benchmark
//   bazel run -c opt //bench:linear_time_benchmark -- --benchmark_repetitions=3
//
// Before timing, each message is scanned once and its verdict checked: the
// shape's own (REDACTED, or ALLOW when nothing in it is personal), never
// BLOCKED for size, findings or an engine budget. A wrong verdict fails the
// run (exit status 1).
#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"
#include "tests/support/large_messages.h"

namespace {

using scrub::testing::LargeMessageShape;

constexpr size_t kSmall = 100'000;
constexpr size_t kLarge = 1'000'000;
constexpr double kGate = 12.0;

bool g_wrong_verdict = false;

void BM_Scan(benchmark::State& state, const LargeMessageShape* shape, size_t bytes) {
  const std::string message = scrub::testing::RepeatToSize(*shape, bytes);
  const auto scanner = scrub::testing::LargeMessageScanner();
  scrub::Scratch scratch;
  const scrub::ScanResult first = scanner->Scan(message, &scratch);
  if (first.verdict != shape->verdict) {
    g_wrong_verdict = true;
    const std::string error = absl::StrCat(
        "verdict ", scrub::VerdictName(first.verdict), " (", first.error.ToString(), " ",
        first.block_detail, "), expected ", scrub::VerdictName(shape->verdict));
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(scanner->Scan(message, &scratch));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["findings"] = static_cast<double>(first.findings.size());
}

// The console output, plus the fastest CPU time of each benchmark (over
// repetitions) for the ratio table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration) continue;
      const double seconds = run.GetAdjustedCPUTime() /
                             benchmark::GetTimeUnitMultiplier(run.time_unit);
      auto [it, inserted] = fastest_.emplace(run.run_name.function_name, seconds);
      if (!inserted) it->second = std::min(it->second, seconds);
    }
  }

  // Prints the table; returns false when a shape exceeds the gate.
  bool PrintRatios(const std::vector<LargeMessageShape>& shapes) const {
    bool ok = true;
    std::printf("\n%-30s %14s %14s %8s\n", "shape", "100,000 B (ms)", "1,000,000 B (ms)",
                "ratio");
    for (const LargeMessageShape& shape : shapes) {
      auto small = fastest_.find(Name(shape, kSmall));
      auto large = fastest_.find(Name(shape, kLarge));
      if (small == fastest_.end() || large == fastest_.end()) continue;
      const double ratio = large->second / small->second;
      std::printf("%-30s %14.2f %16.2f %7.1fx%s\n", shape.name.c_str(),
                  small->second * 1e3, large->second * 1e3, ratio,
                  ratio > kGate ? "  over the 12x gate" : "");
      ok = ok && ratio <= kGate;
    }
    return ok;
  }

  static std::string Name(const LargeMessageShape& shape, size_t bytes) {
    return absl::StrCat("BM_Scan/", shape.name, "/", bytes);
  }

 private:
  std::map<std::string, double> fastest_;
};

}  // namespace

int main(int argc, char** argv) {
  const auto& shapes = scrub::testing::LargeMessageShapes();
  for (const LargeMessageShape& shape : shapes) {
    for (size_t bytes : {kSmall, kLarge}) {
      benchmark::RegisterBenchmark(RatioReporter::Name(shape, bytes).c_str(), BM_Scan,
                                   &shape, bytes)
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const bool linear = reporter.PrintRatios(shapes);
  benchmark::Shutdown();
  if (g_wrong_verdict) {
    std::fprintf(stderr, "a message got the wrong verdict (see the errors above)\n");
    return 1;
  }
  return linear ? 0 : 2;
}
