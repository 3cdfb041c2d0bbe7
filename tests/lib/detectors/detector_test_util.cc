#include "tests/lib/detectors/detector_test_util.h"

#include <memory>

#include "gtest/gtest.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/policy.h"

namespace scrub::testing {

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

const Scanner& DefaultScanner() {
  static const auto* const kScanner = [] {
    Scanner::Options options;
    options.today = kToday;
    auto scanner = Scanner::Create(DefaultPolicy(), options);
    if (!scanner.ok()) {
      ADD_FAILURE() << scanner.status();
      std::abort();
    }
    return new std::shared_ptr<const Scanner>(*std::move(scanner));
  }();
  return **kScanner;
}

std::vector<Span> Spans(absl::string_view text) {
  const ScanResult r = DefaultScanner().Scan(text);
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

std::string Redacted(absl::string_view text) {
  const ScanResult r = DefaultScanner().Scan(text);
  EXPECT_NE(r.verdict, Verdict::kBlocked) << r.block_detail;
  return r.verdict == Verdict::kRedacted ? r.output : std::string(text);
}

}  // namespace scrub::testing
