// Every built-in detector has examples, and the default policy finds each
// exactly as documented: the self-test and the docs rely on them.
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "scrub/detectors.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

TEST(DetectorExamples, EveryBuiltinDetectorHasTwoDistinctExamples) {
  for (const DetectorInfo& d : BuiltinDetectorInfo()) {
    std::set<std::string> values;
    for (const DetectorExample& e : d.examples) values.emplace(e.value());
    EXPECT_GE(values.size(), 2u) << d.id;
  }
}

TEST(DetectorExamples, TheDefaultPolicyFindsEachExactlyWithItsConfidence) {
  auto scanner = testing::DefaultScanner();
  for (const DetectorInfo& d : BuiltinDetectorInfo()) {
    for (const DetectorExample& e : d.examples) {
      const ScanResult r = scanner->Scan(e.text);
      ASSERT_EQ(r.findings.size(), 1u) << d.id << ": " << e.text;
      EXPECT_EQ(r.findings[0].detector, d.id) << e.text;
      EXPECT_EQ(r.findings[0].start, e.start) << e.text;
      EXPECT_EQ(r.findings[0].end, e.end) << e.text;
      EXPECT_DOUBLE_EQ(r.findings[0].confidence, e.confidence) << e.text;
      EXPECT_EQ(r.verdict, Verdict::kRedacted) << e.text;
      EXPECT_EQ(r.output.find(std::string(e.value())), std::string::npos) << e.text;
    }
  }
}

}  // namespace
}  // namespace scrub
