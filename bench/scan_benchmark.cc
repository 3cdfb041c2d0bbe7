// Scanner::Scan throughput on ~200-byte chat messages, beside memchr over
// the same bytes (the ceiling) and the first engine (the test-only reference
// of engine_differential_test: the 0.2 detection view and every detector by
// its pattern) in the same run. Build with -c opt:
//   bazel run -c opt //bench:scan_benchmark
#include <cstring>
#include <memory>
#include <utility>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
#include "scrub/internal/reference_engine_for_testing.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace {

const std::vector<std::string>& Messages() {
  static const auto* const m = new std::vector<std::string>(scrub::bench::ChatMessages(4096));
  return *m;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const auto& m : Messages()) n += m.size();
  return n;
}

// Baseline: one memchr per message for a byte that never occurs.
void BM_MemchrBaseline(benchmark::State& state) {
  const auto& messages = Messages();
  for (auto _ : state) {
    for (const std::string& m : messages) {
      benchmark::DoNotOptimize(std::memchr(m.data(), '\x01', m.size()));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.SetItemsProcessed(state.iterations() * messages.size());
}
BENCHMARK(BM_MemchrBaseline);

// Scans every message once per iteration with `scanner`.
void ScanWith(benchmark::State& state,
              const absl::StatusOr<std::shared_ptr<const scrub::Scanner>>& scanner) {
  if (!scanner.ok()) {
    state.SkipWithError(std::string(scanner.status().message()).c_str());
    return;
  }
  const auto& messages = Messages();
  scrub::Scratch scratch;
  for (auto _ : state) {
    for (const std::string& m : messages) {
      benchmark::DoNotOptimize((*scanner)->Scan(m, &scratch));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.SetItemsProcessed(state.iterations() * messages.size());
}

void ScanMessages(benchmark::State& state, scrub::Scanner::Options options) {
  ScanWith(state, scrub::Scanner::Create(scrub::DefaultPolicy(), std::move(options)));
}

void BM_ScanDefaultPolicy(benchmark::State& state) { ScanMessages(state, {}); }
BENCHMARK(BM_ScanDefaultPolicy);

// The first engine on the same messages: what engine 2 must not be slower
// than (issue 11).
void BM_ScanDefaultPolicyEngine1(benchmark::State& state) {
  ScanWith(state, scrub::internal::CreateReferenceScanner(scrub::DefaultPolicy(), {}));
}
BENCHMARK(BM_ScanDefaultPolicyEngine1);

// The same with the automaton's budget at RE2's default 8 MiB, to show why
// Scrub sets 64 MiB.
void BM_ScanDefaultPolicySmallDfaBudget(benchmark::State& state) {
  scrub::Scanner::Options options;
  options.engine_max_mem = 8 << 20;
  ScanMessages(state, options);
}
BENCHMARK(BM_ScanDefaultPolicySmallDfaBudget);

void BM_ScanBatch100(benchmark::State& state) {
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  if (!scanner.ok()) {
    state.SkipWithError(std::string(scanner.status().message()).c_str());
    return;
  }
  const auto& messages = Messages();
  std::vector<absl::string_view> views(messages.begin(), messages.begin() + 100);
  size_t bytes = 0;
  for (auto v : views) bytes += v.size();
  scrub::Scratch scratch;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*scanner)->ScanBatch(views, &scratch));
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * views.size());
}
BENCHMARK(BM_ScanBatch100);

}  // namespace

BENCHMARK_MAIN();
