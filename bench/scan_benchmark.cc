// Scanner::Scan throughput on ~200-byte chat messages, beside memchr over
// the same bytes (the ceiling) in the same run. Build with -c opt:
//   bazel run -c opt //bench:scan_benchmark
#include <cstring>
#include <utility>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
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

// Scans every message once per iteration with a scanner of `options`.
void ScanMessages(benchmark::State& state, scrub::Scanner::Options options) {
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy(), std::move(options));
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

void BM_ScanDefaultPolicy(benchmark::State& state) { ScanMessages(state, {}); }
BENCHMARK(BM_ScanDefaultPolicy);

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
