#include "tests/lib/detectors/global_detector_testing.h"

#include <map>
#include <memory>

#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::testing {
namespace {

scrub::Scanner::Options TestOptions() {
  scrub::Scanner::Options options;
  options.today = absl::CivilDay(2026, 11, 30);
  return options;
}

// Scanners are compiled once per detector and shared by the tests.
std::shared_ptr<const Scanner> SingleDetectorScanner(absl::string_view detector) {
  static absl::Mutex mu;
  static auto* scanners = new std::map<std::string, std::shared_ptr<const Scanner>>();
  absl::MutexLock lock(&mu);
  auto it = scanners->find(std::string(detector));
  if (it != scanners->end()) return it->second;
  v1::Policy policy = DefaultPolicy();
  policy.set_only_listed_detectors(true);
  policy.clear_rules();
  v1::DetectorRule* rule = policy.add_rules();
  rule->set_detector(std::string(detector));
  auto scanner = Scanner::Create(policy, TestOptions());
  if (!scanner.ok()) {
    ADD_FAILURE() << scanner.status();
    return nullptr;
  }
  (*scanners)[std::string(detector)] = *scanner;
  return *scanner;
}

const Scanner& DefaultScanner() {
  static const auto* const scanner = [] {
    auto s = Scanner::Create(DefaultPolicy(), TestOptions());
    if (!s.ok()) {
      ADD_FAILURE() << s.status();
      std::abort();
    }
    return new std::shared_ptr<const Scanner>(*s);
  }();
  return **scanner;
}

}  // namespace

std::vector<std::string> FindValues(absl::string_view detector, absl::string_view text) {
  std::vector<std::string> values;
  std::shared_ptr<const Scanner> scanner = SingleDetectorScanner(detector);
  if (scanner == nullptr) return {"<no scanner>"};
  const ScanResult r = scanner->Scan(text);
  if (!r.error.ok()) return {"<error: " + std::string(r.error.message()) + ">"};
  for (const Finding& f : r.findings) {
    values.emplace_back(text.substr(f.start, f.end - f.start));
  }
  return values;
}

std::vector<Finding> DefaultFindings(absl::string_view text) {
  return DefaultScanner().Scan(text).findings;
}

std::string RedactWithDefaultPolicy(absl::string_view text) {
  const ScanResult r = DefaultScanner().Scan(text);
  switch (r.verdict) {
    case Verdict::kAllow:
      return std::string(text);
    case Verdict::kRedacted:
      return r.output;
    case Verdict::kBlocked:
      return "<BLOCKED>";
  }
  return "<?>";
}

}  // namespace scrub::testing
