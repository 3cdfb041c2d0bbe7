// Should the secret detectors' patterns (literal-bearing: AKIA..., ghp_,
// eyJ, -----BEGIN, ://, password) run in Hyperscan instead of the RE2::Set?
// Measured in one binary, one run, on the same ~200-byte messages:
//
//   bazel run -c opt //bench:hyperscan_secrets_benchmark
//
// BM_Memchr                      the ceiling
// BM_Re2Set/secrets              RE2::Set of the 6 secret patterns alone
// BM_Hyperscan/secrets           Hyperscan block mode, same 6 patterns
//                                (HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8, scratch
//                                allocated once)
// BM_Re2Set/all                  the deployed design: one RE2::Set of every
//                                built-in pattern
// BM_Re2SetPlusHyperscan         the alternative: RE2::Set of the other
//                                patterns + Hyperscan for the secrets
//
// Both engines answer "which patterns match this message"; the benchmark
// aborts if they ever disagree on the secret patterns.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "bench/global_chat_corpus.h"
#include "bench/memchr_baseline.h"
#include "hs.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub::bench {
namespace {

const ChatCorpus& Corpus() {
  static const auto* const corpus = new ChatCorpus(MakeChatCorpus());
  return *corpus;
}

bool IsSecret(const std::string& id) {
  static const auto* const ids =
      new std::set<std::string>{"AWS_ACCESS_KEY", "GITHUB_TOKEN", "JWT",
                                "PRIVATE_KEY",    "URL_CREDENTIALS", "PASSWORD"};
  return ids->count(id) > 0;
}

// The built-in patterns, as the candidate engine compiles them into its set:
// a detector's prefilter (CN_ADDRESS's) in place of its full pattern.
std::vector<std::string> Patterns(bool secrets) {
  std::vector<std::string> out;
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    if (IsSecret(d.id) != secrets) continue;
    const std::string& p = d.prefilter.empty() ? d.pattern : d.prefilter;
    out.push_back(d.case_insensitive ? absl::StrCat("(?i:", p, ")") : p);
  }
  return out;
}

std::vector<std::string> AllPatterns() {
  std::vector<std::string> all = Patterns(false);
  for (std::string& p : Patterns(true)) all.push_back(std::move(p));
  return all;
}

std::unique_ptr<RE2::Set> MakeSet(const std::vector<std::string>& patterns) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(int64_t{64} << 20);  // as the scanner's default
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& p : patterns) {
    if (set->Add(p, nullptr) < 0) std::abort();
  }
  if (!set->Compile()) std::abort();
  return set;
}

struct Hyperscan {
  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;
  ~Hyperscan() {
    hs_free_scratch(scratch);
    hs_free_database(db);
  }
};

std::unique_ptr<Hyperscan> MakeHyperscan(const std::vector<std::string>& patterns) {
  auto hs = std::make_unique<Hyperscan>();
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].c_str());
    flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                       &hs->db, &error) != HS_SUCCESS) {
    fprintf(stderr, "hyperscan: pattern %d: %s\n", error->expression, error->message);
    hs_free_compile_error(error);
    std::abort();
  }
  if (hs_alloc_scratch(hs->db, &hs->scratch) != HS_SUCCESS) std::abort();
  return hs;
}

int OnMatch(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

void HyperscanMatch(const Hyperscan& hs, const std::string& m, std::vector<int>* ids) {
  ids->clear();
  if (hs_scan(hs.db, m.data(), static_cast<unsigned>(m.size()), 0, hs.scratch, OnMatch,
              ids) != HS_SUCCESS) {
    std::abort();
  }
}

void Re2SetMatch(const RE2::Set& set, const std::string& m, std::vector<int>* ids) {
  ids->clear();
  RE2::Set::ErrorInfo info{};
  if (!set.Match(m, ids, &info) && info.kind != RE2::Set::kNoError) std::abort();
}

// Both engines flag the same secret patterns on every message.
void CheckAgreement() {
  static const bool checked = [] {
    const auto set = MakeSet(Patterns(true));
    const auto hs = MakeHyperscan(Patterns(true));
    std::vector<int> a, b;
    for (const std::string& m : Corpus().messages) {
      Re2SetMatch(*set, m, &a);
      HyperscanMatch(*hs, m, &b);
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) {
        fprintf(stderr, "engines disagree on a message of %zu bytes\n", m.size());
        std::abort();
      }
    }
    return true;
  }();
  (void)checked;
}

void BM_Memchr(benchmark::State& state) { MemchrBaseline(state, Corpus()); }
BENCHMARK(BM_Memchr);

void BM_Re2Set(benchmark::State& state) {
  const ChatCorpus& corpus = Corpus();
  const auto patterns = state.range(0) == 0 ? Patterns(true) : AllPatterns();
  const auto set = MakeSet(patterns);
  std::vector<int> ids;
  size_t flagged = 0;
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      Re2SetMatch(*set, m, &ids);
      flagged += ids.size();
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
  state.counters["flags_per_pass"] = static_cast<double>(flagged) / state.iterations();
  state.SetLabel(absl::StrCat(patterns.size(), state.range(0) == 0 ? " secret" : " (all)",
                              " patterns"));
}
BENCHMARK(BM_Re2Set)->ArgName("all")->Arg(0)->Arg(1);

void BM_Hyperscan(benchmark::State& state) {
  CheckAgreement();
  const ChatCorpus& corpus = Corpus();
  const auto hs = MakeHyperscan(Patterns(true));
  std::vector<int> ids;
  size_t flagged = 0;
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      HyperscanMatch(*hs, m, &ids);
      flagged += ids.size();
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
  state.counters["flags_per_pass"] = static_cast<double>(flagged) / state.iterations();
  state.SetLabel("6 secret patterns");
}
BENCHMARK(BM_Hyperscan);

void BM_Re2SetPlusHyperscan(benchmark::State& state) {
  CheckAgreement();  // also when this benchmark is run alone
  const ChatCorpus& corpus = Corpus();
  const auto set = MakeSet(Patterns(false));
  const auto hs = MakeHyperscan(Patterns(true));
  std::vector<int> a, b;
  size_t flagged = 0;
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      Re2SetMatch(*set, m, &a);
      HyperscanMatch(*hs, m, &b);
      flagged += a.size() + b.size();
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
  state.counters["flags_per_pass"] = static_cast<double>(flagged) / state.iterations();
}
BENCHMARK(BM_Re2SetPlusHyperscan);

}  // namespace
}  // namespace scrub::bench

BENCHMARK_MAIN();
