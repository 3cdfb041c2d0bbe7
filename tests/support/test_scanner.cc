#include "tests/support/test_scanner.h"

#include <cstdlib>
#include <map>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/policy.h"

namespace scrub::testing {

Scanner::Options TestOptions() {
  Scanner::Options options;
  options.today = kToday;
  return options;
}

std::shared_ptr<const Scanner> DefaultScanner() {
  static const auto* const kScanner = [] {
    auto scanner = Scanner::Create(DefaultPolicy(), TestOptions());
    if (!scanner.ok()) {
      ADD_FAILURE() << scanner.status();
      std::abort();
    }
    return new std::shared_ptr<const Scanner>(*std::move(scanner));
  }();
  return *kScanner;
}

std::shared_ptr<const Scanner> ScannerFor(const v1::Policy& policy) {
  auto scanner = Scanner::Create(policy, TestOptions());
  if (!scanner.ok()) {
    ADD_FAILURE() << scanner.status();
    return nullptr;
  }
  return *std::move(scanner);
}

std::shared_ptr<const Scanner> SingleDetectorScanner(absl::string_view detector) {
  static absl::Mutex mu;
  static auto* scanners = new std::map<std::string, std::shared_ptr<const Scanner>>();
  absl::MutexLock lock(&mu);
  auto it = scanners->find(std::string(detector));
  if (it != scanners->end()) return it->second;
  v1::Policy policy = DefaultPolicy();
  policy.set_only_listed_detectors(true);
  policy.clear_rules();
  policy.add_rules()->set_detector(std::string(detector));
  std::shared_ptr<const Scanner> scanner = ScannerFor(policy);
  if (scanner != nullptr) (*scanners)[std::string(detector)] = scanner;
  return scanner;
}

double Score(absl::string_view id, absl::string_view value) {
  for (const internal::DetectorSpec& spec : internal::BuiltinDetectors()) {
    if (spec.id == id) {
      internal::ValidationContext ctx;
      ctx.today = kToday;
      return spec.score(value, ctx);
    }
  }
  ADD_FAILURE() << "no built-in detector " << id;
  return -1;
}

std::vector<Span> Spans(absl::string_view text) {
  const ScanResult r = DefaultScanner()->Scan(text);
  EXPECT_TRUE(r.error.ok()) << r.error;
  std::vector<Span> out;
  for (const Finding& f : r.findings) {
    out.push_back({f.detector, std::string(text.substr(f.start, f.end - f.start))});
  }
  return out;
}

std::vector<Span> SpansOf(absl::string_view text, absl::string_view detector) {
  std::vector<Span> out;
  for (Span& s : Spans(text)) {
    if (s.detector == detector) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> FindValues(absl::string_view detector, absl::string_view text) {
  std::shared_ptr<const Scanner> scanner = SingleDetectorScanner(detector);
  if (scanner == nullptr) return {"<no scanner>"};
  const ScanResult r = scanner->Scan(text);
  if (!r.error.ok()) return {"<error: " + std::string(r.error.message()) + ">"};
  std::vector<std::string> values;
  for (const Finding& f : r.findings) values.emplace_back(text.substr(f.start, f.end - f.start));
  return values;
}

std::vector<Finding> DefaultFindings(absl::string_view text) {
  return DefaultScanner()->Scan(text).findings;
}

std::string Redacted(absl::string_view text) {
  const ScanResult r = DefaultScanner()->Scan(text);
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
