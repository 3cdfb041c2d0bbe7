// Every built-in detector has examples, as the public API shows them
// (BuiltinDetectorInfo()): the self-test and the docs rely on them. That the
// default policy finds each exactly as documented is checked with the table
// (detector_table_test).
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "scrub/detectors.h"

namespace scrub {
namespace {

TEST(DetectorExamples, EveryBuiltinDetectorHasTwoDistinctExamples) {
  for (const DetectorInfo& d : BuiltinDetectorInfo()) {
    std::set<std::string> values;
    for (const DetectorExample& e : d.examples) values.emplace(e.value());
    EXPECT_GE(values.size(), 2u) << d.id;
  }
}

}  // namespace
}  // namespace scrub
