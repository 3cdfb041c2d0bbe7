// The built-in detector table: it loads (a mistake in it fails here, not in
// production), every entry behaves as it declares (its examples are found
// exactly, its negative examples are not), and the loader rejects a broken
// table with an error that names the field.
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "scrub/detectors.h"
#include "scrub/internal/candidate_engine.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/detector_table.h"
#include "scrub/internal/validator_registry.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

using internal::BuiltinDetectorTable;
using internal::BuiltinDetectorTableText;
using internal::LoadDetectorTable;
using ::testing::HasSubstr;

TEST(BuiltinDetectorTable, Loads) {
  const auto& table = BuiltinDetectorTable();
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->specs.size(), 27u);
  EXPECT_EQ(table->specs.front().id, "CN_RESIDENT_ID");
  EXPECT_EQ(table->specs.back().id, "PHONE");
}

// The candidate engine compiles built-in patterns on first use
// (CandidateEngine::Pattern::compile_on_first_use), trusting that they
// compile within the smallest budget a single pattern gets: here is where
// that is checked, for each pattern with the engine's options.
TEST(BuiltinDetectorTable, EveryPatternCompilesWithinTheSmallestSinglePatternBudget) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(internal::CandidateEngine::kMinSingleMaxMem);
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    EXPECT_TRUE(d.builtin) << d.id;
    const std::string regex =
        d.case_insensitive ? "(?i:" + d.pattern + ")" : d.pattern;
    RE2 re(regex, options);
    EXPECT_TRUE(re.ok()) << d.id << ": " << re.error();
  }
}

TEST(BuiltinDetectorTable, EveryDetectorHasExamplesAndNegativeExamples) {
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    std::set<std::string> values;
    for (const auto& e : d.examples) values.insert(e.value);
    EXPECT_GE(values.size(), 2u) << d.id;
    EXPECT_GE(d.negative_examples.size(), 1u) << d.id;
  }
}

// The positive examples (through the public BuiltinDetectorInfo(), which the
// self-test and the docs read): found by the default policy exactly as
// `value`, by their own detector, with their confidence, and redacted.
TEST(BuiltinDetectorTable, EveryExampleIsFoundByItsDetectorExactly) {
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

// The negative examples: the default policy finds nothing of the detector
// (another detector may find something else in the text).
TEST(BuiltinDetectorTable, NoNegativeExampleIsFoundByItsDetector) {
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    for (const auto& e : d.negative_examples) {
      EXPECT_THAT(testing::SpansOf(e.text, d.id), ::testing::IsEmpty())
          << d.id << ": " << e.text << " (" << e.why << ")";
    }
  }
}

// Each built-in names a validator of the registry or none (then it sets its
// confidence: the loader checks it).
TEST(BuiltinDetectorTable, ValidatorsAreRegistered) {
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    if (d.validator.empty()) continue;
    EXPECT_NE(internal::FindValidator(d.validator), nullptr) << d.id;
  }
}

TEST(BuiltinDetectorTable, JsonKeysAreNormalised) {
  for (const internal::DetectorSpec& d : internal::BuiltinDetectors()) {
    for (const std::string& key : d.json_keys) {
      for (char c : key) {
        EXPECT_FALSE(c == '_' || c == '-' || c == '.' || c == ' ' || (c >= 'A' && c <= 'Z'))
            << d.id << ": " << key;
      }
    }
  }
}

// A table that is not valid text format fails with the line of the error.
TEST(LoadDetectorTable, ParseErrorNamesTheLine) {
  const auto t = LoadDetectorTable("detector { id: \"X\"\n  summry: \"y\" }");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(t.status().message()), HasSubstr("line 2"));
}

TEST(LoadDetectorTable, UnknownValidatorNamesTheField) {
  const auto t = LoadDetectorTable(
      R"pb(detector { id: "X" summary: "x" pattern: "(\\d+)" validator: "lunh" })pb");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(std::string(t.status().message()),
              HasSubstr("detector[0] (X).validator: unknown validator \"lunh\" (known: "
                        "bank_card, "));
}

TEST(LoadDetectorTable, DetectorWithoutValidatorNeedsAConfidence) {
  const auto t = LoadDetectorTable(R"pb(detector { id: "X" summary: "x" pattern: "(\\d+)" })pb");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(std::string(t.status().message()),
              HasSubstr("detector[0] (X).confidence: required for a detector without a "
                        "validator"));
}

TEST(LoadDetectorTable, UnknownWordListNamesTheField) {
  const auto t = LoadDetectorTable(
      R"pb(detector { id: "X" summary: "x" pattern: "a" confidence: 0.5
                    context { negative_list: "nope" } })pb");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(std::string(t.status().message()),
              HasSubstr("detector[0] (X).context.negative_list[0]: no word_list \"nope\""));
}

TEST(LoadDetectorTable, DuplicateIdIsAnError) {
  const auto t = LoadDetectorTable(
      R"pb(detector { id: "X" summary: "x" pattern: "a" confidence: 0.5 }
         detector { id: "X" summary: "x" pattern: "b" confidence: 0.5 })pb");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(std::string(t.status().message()), HasSubstr("detector[1] (X).id: duplicate"));
}

TEST(LoadDetectorTable, DefaultsOfUnsetFields) {
  const auto t = LoadDetectorTable(
      R"pb(detector { id: "X" summary: "x" pattern: "(a)" validator: "luhn" confidence: 0.7
                    digits { length: 16 } })pb");
  ASSERT_TRUE(t.ok()) << t.status();
  const internal::DetectorSpec& d = t->specs.at(0);
  EXPECT_DOUBLE_EQ(d.context.boost, 0.15);
  EXPECT_DOUBLE_EQ(d.context.penalty, 0.6);
  EXPECT_EQ(d.context.window_before, 36u);
  EXPECT_EQ(d.context.window_after, 12u);
  ASSERT_TRUE(d.digits.has_value());
  EXPECT_EQ(d.digits->min_last_group, 1);
  EXPECT_EQ(d.digits->max_groups, 8);
  EXPECT_TRUE(d.digits->letter_before);
  // A validator with a set confidence: that confidence for a passing value.
  const internal::ValidationContext ctx{testing::kToday};
  EXPECT_DOUBLE_EQ(d.score("4111111111111111", ctx), 0.7);
  EXPECT_DOUBLE_EQ(d.score("4111111111111112", ctx), 0.0);
}

TEST(BuiltinDetectorTableText, IsEmbedded) {
  EXPECT_TRUE(absl::StrContains(BuiltinDetectorTableText(), "id: \"CN_RESIDENT_ID\""));
}

}  // namespace
}  // namespace scrub
