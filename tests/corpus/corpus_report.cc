#include "tests/corpus/corpus_report.h"

#include <map>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/file_reader.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::cli {
namespace {

constexpr size_t kMaxCorpusBytes = size_t{64} << 20;

EvalReport Evaluate(const std::string& path) {
  absl::StatusOr<std::string> corpus = ReadRegularFile(path, kMaxCorpusBytes);
  if (!corpus.ok()) {
    ADD_FAILURE() << path << ": " << corpus.status();
    return {};
  }
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 11, 30);
  auto scanner = Scanner::Create(DefaultPolicy(), options);
  if (!scanner.ok()) {
    ADD_FAILURE() << scanner.status();
    return {};
  }
  auto report = EvaluateCorpus(**scanner, *corpus);
  if (!report.ok()) {
    ADD_FAILURE() << path << ": " << report.status();
    return {};
  }
  return *std::move(report);
}

}  // namespace

const EvalReport& DefaultPolicyReport(const std::string& path) {
  static auto* const reports = new std::map<std::string, EvalReport>;
  auto it = reports->find(path);
  if (it == reports->end()) it = reports->emplace(path, Evaluate(path)).first;
  return it->second;
}

}  // namespace scrub::cli
