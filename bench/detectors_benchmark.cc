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
// BM_PhoneValidation/...    one validation of a phone-shaped candidate (what
//                           PHONE pays per candidate): intl:1 international
//                           ("+44 20 7946 0958"), intl:0 national in its region
//                           ("020 7946 0958", GB); parse:1 by libphonenumber's
//                           parse alone (the baseline), parse:0 as PHONE
//                           validates (a number valid as written skips the
//                           parse); valid:0 near misses (a digit short, or
//                           a German area code that does not exist),
//                           which take the parse either way
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
  struct Number {
    const char* international;
    const char* national;
    const char* region;
  };
  static constexpr Number kValid[] = {{"+44 20 7946 0958", "020 7946 0958", "GB"},
                                      {"+1 (415) 555-0132", "(415) 555-0132", "US"},
                                      {"+81 90-1234-5678", "090-1234-5678", "JP"},
                                      {"+49 30 12345678", "030 12345678", "DE"}};
  static constexpr Number kNearMiss[] = {{"+44 20 7946 095", "020 7946 095", "GB"},
                                         {"+1 (415) 555-013", "(415) 555-013", "US"},
                                         {"+81 90-1234-567", "090-1234-567", "JP"},
                                         {"+49 10 1234567", "010 1234567", "DE"}};
  const bool international = state.range(0) == 1;
  const bool by_parse = state.range(1) == 1;
  const bool valid = state.range(2) == 1;
  const Number* numbers = valid ? kValid : kNearMiss;
  internal::InitPhoneNumberMetadata();
  size_t accepted = 0;
  size_t i = 0;
  for (auto _ : state) {
    const Number& n = numbers[i++ % 4];
    if (international) {
      accepted += by_parse ? internal::IsValidInternationalPhoneByParse(n.international, nullptr)
                           : internal::IsValidInternationalPhone(n.international, nullptr);
    } else {
      accepted += by_parse ? internal::IsValidNationalPhoneByParse(n.national, n.region, nullptr)
                           : internal::IsValidNationalPhone(n.national, n.region, nullptr);
    }
  }
  if (accepted != (valid ? state.iterations() : 0)) {
    state.SkipWithError(valid ? "a number did not validate" : "a near miss validated");
  }
}
BENCHMARK(BM_PhoneValidation)
    ->ArgNames({"intl", "parse", "valid"})
    ->ArgsProduct({{1, 0}, {1, 0}, {1, 0}});

}  // namespace
}  // namespace scrub::bench

BENCHMARK_MAIN();
