// Candidate windows of the numeric detectors over the digit structure
// (scrub/internal/digit_windows.h), before context and the best cover: which
// windows of whole groups, and which windows inside long groups, each
// detector proposes, and which of them wait for a context word.
#include "scrub/internal/digit_windows.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/digit_runs.h"
#include "scrub/internal/span_overlap.h"
#include "scrub/policy.h"

namespace scrub::internal {
namespace {

using ::testing::UnorderedElementsAreArray;

const CompiledPolicy& Policy() {
  static const CompiledPolicy* const kPolicy = [] {
    CompileOptions options;
    options.today = absl::CivilDay(2026, 11, 30);
    auto compiled = CompiledPolicy::Compile(DefaultPolicy(), options);
    if (!compiled.ok()) {
      ADD_FAILURE() << compiled.status();
      std::abort();
    }
    return compiled->release();
  }();
  return *kPolicy;
}

// Each candidate as DETECTOR{view text}, with "?" when it needs a context
// word near, "~" when it lies inside a longer group.
std::vector<std::string> Windows(absl::string_view text, const SpanOverlap& exclude = {}) {
  DetectionView view;
  view.Build(text);
  DigitRuns runs;
  runs.Find(view.text(), view.soft_breaks());
  std::vector<RawFinding> found;
  // One scratch for every test: what a search leaves in it must not change
  // the next one's candidates.
  static DigitWindowsScratch* const scratch = new DigitWindowsScratch();
  FindDigitCandidates(Policy(), view.text(), runs, exclude, scratch, &found);
  std::vector<std::string> out;
  for (const RawFinding& f : found) {
    EXPECT_GT(f.confidence, 0) << text;
    EXPECT_NE(f.evidence, Evidence::kPattern) << text;
    out.push_back(absl::StrCat(Policy().rules()[f.rule].spec.id, "{",
                               view.text().substr(f.view_start, f.view_end - f.view_start),
                               "}", f.partial ? "~" : "", f.needs_context ? "?" : ""));
  }
  return out;
}

struct Case {
  const char* behaviour;
  const char* text;
  std::vector<std::string> windows;
};

class DigitWindowsTable : public ::testing::TestWithParam<Case> {};

TEST_P(DigitWindowsTable, ProposesExactlyTheseWindows) {
  const Case& c = GetParam();
  EXPECT_THAT(Windows(c.text), UnorderedElementsAreArray(c.windows)) << c.text;
}

const Case kCases[] = {
    {"a mobile in its usual grouping is its whole run", "电话 138 1234 5678",
     {"CN_MOBILE{138 1234 5678}"}},
    {"a mobile with a neighbour as long as its edge group needs context",
     "电话 138 1234 5678 1234", {"CN_MOBILE{138 1234 5678}?"}},
    {"a card followed by a shorter expiry stands on its own",
     "4111 1111 1111 1111 12/29", {"BANK_CARD{4111 1111 1111 1111}"}},
    {"a resident ID takes any grouping", "110105 19491231 002X",
     {"CN_RESIDENT_ID{110105 19491231 002X}"}},
    {"a country code glued to a mobile belongs to it, as a group and inside it",
     "8613800138000", {"CN_MOBILE{8613800138000}", "CN_MOBILE{8613800138000}~"}},
    {"a written country code belongs to the mobile", "+86 138 0013 8000",
     {"CN_MOBILE{+86 138 0013 8000}"}},
    {"a letter before a mobile makes it a code unless context is near", "PN18612345678",
     {"CN_MOBILE{18612345678}?"}},
    {"a letter after a value makes it a code", "13812345678a", {}},
    {"a resident ID slides out of a longer group", "2011010519491231002X",
     {"CN_RESIDENT_ID{11010519491231002X}~"}},
    {"values side by side are each other's evidence", "138 1234 5678 110105 19491231 002X",
     {"CN_MOBILE{138 1234 5678}", "CN_RESIDENT_ID{110105 19491231 002X}"}},
    {"an amount in thousands holds no value", "13 456 789 012", {}},
    {"a decimal is no usual pair of groups", "16.995673190", {}},
    {"a dropped pictograph splits a neighbour off", "20\U0001F60013800138000",
     {"CN_MOBILE{13800138000}"}},
    {"a mobile at the start of a longer number needs context", "13812345678900",
     {"CN_MOBILE{13812345678}~?"}},
    {"a grouped number that fails its check holds no weak value inside it",
     "6265 8397 9747 2134 913", {}},
    {"underscores separate the groups of a resident ID", "110105_19491231_002X",
     {"CN_RESIDENT_ID{110105_19491231_002X}"}},
    {"colons separate the groups of a resident ID", "110105:19491231:002X",
     {"CN_RESIDENT_ID{110105:19491231:002X}"}},
    {"a mobile with colons in its usual grouping is its whole run", "138:1234:5678",
     {"CN_MOBILE{138:1234:5678}"}},
    {"hashes, equals signs and backslashes separate a card's groups",
     "4111#1111#1111#1111 4111=1111=1111=1111 4111\\1111\\1111\\1111",
     {"BANK_CARD{4111#1111#1111#1111}", "BANK_CARD{4111=1111=1111=1111}",
      "BANK_CARD{4111\\1111\\1111\\1111}"}},
    {"brackets around a group are markup", "(138)1234-5678 [138] 1234 5678",
     {"CN_MOBILE{138)1234-5678}", "CN_MOBILE{138] 1234 5678}"}},
    {"a country code in brackets belongs to the mobile", "(+86)138-0013-8000",
     {"CN_MOBILE{(+86)138-0013-8000}"}},
    {"a date and a time joined by colons hold no weak value", "2024-05-06 12:30:45.123", {}},
    {"a run of times in any grouping holds no weak value", "13:81:23:45:67:8", {}},
    {"a version followed by a date holds no value", "1.8.2 - 2022-10-19", {}},
};

INSTANTIATE_TEST_SUITE_P(Cases, DigitWindowsTable, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name;
                           for (char c : std::string(info.param.behaviour)) {
                             if (c == ' ') {
                               name += '_';
                             } else if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
                               name += c;
                             }
                           }
                           return name;
                         });

TEST(DigitWindows, SkipsWindowsOverlappingAFindingOfAnEarlierRound) {
  const std::string text = "138 1234 5678 110105 19491231 002X";
  RawFinding mobile;
  mobile.view_start = 0;
  mobile.view_end = 13;
  SpanOverlap exclude;
  exclude.Assign({&mobile, 1});
  EXPECT_THAT(Windows(text, exclude),
              UnorderedElementsAreArray({"CN_RESIDENT_ID{110105 19491231 002X}"}));
}

TEST(DigitWindows, AResidentIdEndsAGroupLongerThan65535Digits) {
  const std::string text = std::string(70'000, '0') + "11010519491231002X";
  EXPECT_THAT(Windows(text),
              UnorderedElementsAreArray({"CN_RESIDENT_ID{11010519491231002X}~"}));
}

}  // namespace
}  // namespace scrub::internal
