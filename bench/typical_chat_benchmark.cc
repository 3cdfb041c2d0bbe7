// Issue 12's measures on typical chat (typical_chat.h: ~61-byte messages, one
// in 20 with personal data, every value random and unique), each beside its
// baselines in the same run: memchr over the same bytes (the ceiling) and an
// RE2::Set-only pass (every built-in detector's candidate pattern in one
// set, flags only: what the engine must beat). Also PII-dense ~42-byte lines,
// and heap allocations per message in steady state (a counting global
// operator new, tests/support/allocation_counter.h). Build with -c opt:
//   bazel run -c opt //bench:typical_chat_benchmark
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/typical_chat.h"
#include "benchmark/benchmark.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "scrub/internal/detector_catalog.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/allocation_counter.h"

namespace {

using scrub::bench::TypicalChatMessage;

struct Corpus {
  std::vector<std::string> texts;
  std::vector<bool> personal;
  size_t bytes = 0;
};

Corpus Build(std::vector<TypicalChatMessage> messages) {
  Corpus c;
  for (TypicalChatMessage& m : messages) {
    c.bytes += m.text.size();
    c.personal.push_back(!m.detector.empty());
    c.texts.push_back(std::move(m.text));
  }
  return c;
}

const Corpus& Typical() {
  static const auto* const c = new Corpus(Build(scrub::bench::TypicalChat(10000)));
  return *c;
}

const Corpus& Dense() {
  static const auto* const c = new Corpus(Build(scrub::bench::DensePersonalLines(2000)));
  return *c;
}

std::shared_ptr<const scrub::Scanner> DefaultScanner() {
  static const auto* const s = new std::shared_ptr<const scrub::Scanner>(
      *scrub::Scanner::Create(scrub::DefaultPolicy()));
  return *s;
}

void Report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.SetItemsProcessed(state.iterations() * c.texts.size());
  state.counters["avg_bytes"] = static_cast<double>(c.bytes) / c.texts.size();
}

void BM_MemchrBaseline(benchmark::State& state) {
  const Corpus& c = Typical();
  for (auto _ : state) {
    for (const std::string& m : c.texts) {
      benchmark::DoNotOptimize(std::memchr(m.data(), '\x01', m.size()));
    }
  }
  Report(state, c);
}
BENCHMARK(BM_MemchrBaseline);

// Every built-in detector's candidate pattern (its prefilter where it has
// one, as the engine's set holds it) in one RE2::Set; which match, per
// message. No positions, no validation, no detection view.
void BM_Re2SetOnly(benchmark::State& state) {
  RE2::Options options;
  options.set_max_mem(int64_t{64} << 20);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const scrub::internal::DetectorSpec& d : scrub::internal::BuiltinDetectors()) {
    const std::string& p = d.prefilter.empty() ? d.pattern : d.prefilter;
    if (set.Add(d.case_insensitive ? "(?i:" + p + ")" : p, nullptr) < 0) std::abort();
  }
  if (!set.Compile()) std::abort();
  const Corpus& c = Typical();
  std::vector<int> flagged;
  for (auto _ : state) {
    for (const std::string& m : c.texts) {
      benchmark::DoNotOptimize(set.Match(m, &flagged));
    }
  }
  Report(state, c);
}
BENCHMARK(BM_Re2SetOnly);

void ScanEach(benchmark::State& state, const Corpus& c) {
  auto scanner = DefaultScanner();
  scrub::Scratch scratch;
  for (const std::string& m : c.texts) scanner->Scan(m, &scratch);  // warm
  const uint64_t before = scrub::testing::AllocationCount();
  for (auto _ : state) {
    for (const std::string& m : c.texts) {
      benchmark::DoNotOptimize(scanner->Scan(m, &scratch));
    }
  }
  Report(state, c);
  state.counters["allocs_per_message"] =
      static_cast<double>(scrub::testing::AllocationCount() - before) /
      (static_cast<double>(state.iterations()) * c.texts.size());
}

void BM_ScanTypicalChat(benchmark::State& state) { ScanEach(state, Typical()); }
BENCHMARK(BM_ScanTypicalChat);

void BM_ScanDensePersonalLines(benchmark::State& state) { ScanEach(state, Dense()); }
BENCHMARK(BM_ScanDensePersonalLines);

void BM_ScanBatch100TypicalChat(benchmark::State& state) {
  auto scanner = DefaultScanner();
  const Corpus& c = Typical();
  std::vector<std::vector<absl::string_view>> batches;
  for (size_t i = 0; i + 100 <= c.texts.size(); i += 100) {
    batches.emplace_back(c.texts.begin() + i, c.texts.begin() + i + 100);
  }
  scrub::Scratch scratch;
  for (auto _ : state) {
    for (const auto& batch : batches) {
      benchmark::DoNotOptimize(scanner->ScanBatch(batch, &scratch));
    }
  }
  Report(state, c);
}
BENCHMARK(BM_ScanBatch100TypicalChat);

// Allocations per clean and per personal message in steady state (the
// scanner and its scratch warmed on the whole corpus first), as counters.
void BM_AllocationsPerMessage(benchmark::State& state) {
  auto scanner = DefaultScanner();
  const Corpus& c = Typical();
  scrub::Scratch scratch;
  for (const std::string& m : c.texts) scanner->Scan(m, &scratch);
  uint64_t clean = 0, clean_allocs = 0, personal = 0, personal_allocs = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.texts.size(); ++i) {
      const uint64_t before = scrub::testing::AllocationCount();
      benchmark::DoNotOptimize(scanner->Scan(c.texts[i], &scratch));
      const uint64_t n = scrub::testing::AllocationCount() - before;
      if (c.personal[i]) {
        ++personal;
        personal_allocs += n;
      } else {
        ++clean;
        clean_allocs += n;
      }
    }
  }
  state.counters["clean"] = static_cast<double>(clean_allocs) / clean;
  state.counters["personal"] = static_cast<double>(personal_allocs) / personal;
}
BENCHMARK(BM_AllocationsPerMessage)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
