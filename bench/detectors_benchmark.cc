// Scan throughput with and without the global detectors and secrets, on
// ~200-byte chat messages, against a memchr baseline over the same bytes in
// the same run.
//
//   bazel run -c opt //bench:detectors_benchmark
//
// BM_Memchr                 memchr for an absent byte: the ceiling
// BM_Scan/all:0/pii:P       Scanner::Scan, the five detectors that predate
//                           the global catalogue (CN_RESIDENT_ID, CN_MOBILE,
//                           BANK_CARD, EMAIL, IP_ADDRESS)
// BM_Scan/all:1/pii:P       Scanner::Scan, scrub::DefaultPolicy() (every
//                           built-in detector)
//   pii:1: 15% of the messages carry personal data or secrets;
//   pii:0: the same corpus without them (the common case: nothing to find)
// BM_CandidateSet/...       only the candidate engine (RE2::Set pass, then the
//                           flagged patterns' RE2 for positions) over the same
//                           patterns, without validation, context, redaction
// BM_PhoneValidation        one libphonenumber validation of a phone-shaped
//                           candidate (what PHONE pays per candidate)
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "bench/global_chat_corpus.h"
#include "bench/memchr_baseline.h"
#include "scrub/internal/candidate_engine.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/phone_number_validator.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::bench {
namespace {

const ChatCorpus& Corpus() {
  static const auto* const corpus = new ChatCorpus(MakeChatCorpus());
  return *corpus;
}

// The same messages without the personal data: the common case.
const ChatCorpus& CleanCorpus() {
  static const auto* const corpus = new ChatCorpus(MakeChatCorpus(1000, false));
  return *corpus;
}

const std::set<std::string>& PredatingDetectors() {
  static const auto* const ids = new std::set<std::string>{
      "CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD", "EMAIL", "IP_ADDRESS"};
  return *ids;
}

std::shared_ptr<const Scanner> MakeScanner(bool all) {
  v1::Policy policy = DefaultPolicy();
  if (!all) {
    policy.set_only_listed_detectors(true);
    policy.clear_rules();
    for (const std::string& id : PredatingDetectors()) {
      policy.add_rules()->set_detector(id);
    }
  }
  auto scanner = Scanner::Create(policy);
  if (!scanner.ok()) std::abort();
  return *scanner;
}

void BM_Memchr(benchmark::State& state) { MemchrBaseline(state, Corpus()); }
BENCHMARK(BM_Memchr);

void BM_Scan(benchmark::State& state) {
  const ChatCorpus& corpus = state.range(1) == 1 ? Corpus() : CleanCorpus();
  const auto scanner = MakeScanner(state.range(0) == 1);
  Scratch scratch;
  size_t redacted = 0;
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      const ScanResult r = scanner->Scan(m, &scratch);
      redacted += r.verdict == Verdict::kRedacted;
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
  state.SetItemsProcessed(state.iterations() * corpus.messages.size());
  state.counters["redacted_per_pass"] =
      static_cast<double>(redacted) / state.iterations();
  state.SetLabel(absl::StrCat(
      state.range(0) == 1 ? "all built-in detectors" : "5 predating detectors",
      state.range(1) == 1 ? ", 15% of messages with personal data"
                          : ", no personal data"));
}
BENCHMARK(BM_Scan)->ArgNames({"all", "pii"})->ArgsProduct({{0, 1}, {0, 1}});

void BM_CandidateSet(benchmark::State& state) {
  const ChatCorpus& corpus = state.range(1) == 1 ? Corpus() : CleanCorpus();
  std::vector<internal::CandidateEngine::Pattern> patterns;
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    if (state.range(0) == 0 && !PredatingDetectors().count(d.id)) continue;
    // As CompiledPolicy builds them: the set holds a detector's prefilter
    // (CN_ADDRESS's) instead of its full pattern.
    patterns.push_back({d.pattern, d.case_insensitive, d.prefilter});
  }
  auto engine = internal::CandidateEngine::Create(patterns, {});
  if (!engine.ok()) std::abort();
  std::vector<int> flagged;
  size_t candidates = 0;
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      absl::Status s = (*engine)->FindCandidates(
          absl::string_view(m), &flagged, [&](int, size_t, size_t) {
            ++candidates;
            return scrub::internal::CandidateEngine::Decision::kAccept;
          });
      if (!s.ok()) std::abort();
    }
  }
  benchmark::DoNotOptimize(candidates);
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
  state.SetLabel(absl::StrCat(patterns.size(), " patterns"));
}
BENCHMARK(BM_CandidateSet)->ArgNames({"all", "pii"})->ArgsProduct({{0, 1}, {0, 1}});

void BM_PhoneValidation(benchmark::State& state) {
  static const char* const kNumbers[] = {"+44 20 7946 0958", "+1 (415) 555-0132",
                                         "+81 90-1234-5678", "+49 30 12345678"};
  internal::InitPhoneNumberMetadata();
  size_t valid = 0;
  size_t i = 0;
  for (auto _ : state) {
    valid += internal::IsValidInternationalPhone(kNumbers[i++ % 4], nullptr);
  }
  if (valid != state.iterations()) state.SkipWithError("a number did not validate");
}
BENCHMARK(BM_PhoneValidation);

}  // namespace
}  // namespace scrub::bench

BENCHMARK_MAIN();
