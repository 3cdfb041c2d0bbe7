// The digit structure of a view: runs of digit groups and the separators
// between them (scrub/internal/digit_runs.h).
#include "scrub/internal/digit_runs.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/internal/detection_view.h"

namespace scrub::internal {
namespace {

using ::testing::ElementsAre;

// A run written back with one character per separator kind: ' ' space,
// '-' dash, '.' dot, '/' slash, '*' markup, '~' soft break (a dropped
// pictograph), '^' change of digit form, '_' ':' '\\' '=' '#' those
// characters, '!' any of ! ? ^ $; a check character X ends its group.
std::string Sep(SeparatorKind kind) {
  switch (kind) {
    case SeparatorKind::kNone:
      return "";
    case SeparatorKind::kSpace:
      return " ";
    case SeparatorKind::kDash:
      return "-";
    case SeparatorKind::kDot:
      return ".";
    case SeparatorKind::kSlash:
      return "/";
    case SeparatorKind::kMarkup:
      return "*";
    case SeparatorKind::kSoft:
      return "~";
    case SeparatorKind::kForm:
      return "^";
    case SeparatorKind::kUnderscore:
      return "_";
    case SeparatorKind::kColon:
      return ":";
    case SeparatorKind::kBackslash:
      return "\\";
    case SeparatorKind::kEquals:
      return "=";
    case SeparatorKind::kHash:
      return "#";
    case SeparatorKind::kOtherPunctuation:
      return "!";
  }
  return "?";
}

std::vector<std::string> Runs(absl::string_view view,
                              std::vector<DetectionView::SoftBreak> soft_breaks = {}) {
  DigitRuns runs;
  runs.Find(view, soft_breaks);
  std::vector<std::string> out;
  for (const DigitRun& run : runs.runs()) {
    std::string s;
    for (size_t i = 0; i < run.group_count; ++i) {
      const DigitGroup& g = runs.group(run, i);
      absl::StrAppend(&s, Sep(g.before), view.substr(g.start, g.end - g.start));
    }
    out.push_back(s);
  }
  return out;
}

TEST(DigitRuns, SplitsEachRunIntoGroupsAndSeparators) {
  EXPECT_THAT(Runs("电话 138 1234 5678 1234，ID 110105-1949-12-31-002X"),
              ElementsAre("138 1234 5678 1234", "110105-1949-12-31-002X"));
}

TEST(DigitRuns, RecordsEachGroupsOffsetsDigitsAndSeparator) {
  DigitRuns runs;
  runs.Find("tel 138-1234 x");
  ASSERT_EQ(runs.runs().size(), 1u);
  const DigitRun& run = runs.runs()[0];
  EXPECT_EQ(run.first_group, 0u);
  ASSERT_EQ(run.group_count, 2u);
  const DigitGroup& a = runs.group(run, 0);
  const DigitGroup& b = runs.group(run, 1);
  EXPECT_EQ(a.start, 4u);
  EXPECT_EQ(a.end, 7u);
  EXPECT_EQ(a.digits, 3);
  EXPECT_EQ(a.before, SeparatorKind::kNone);
  EXPECT_EQ(b.start, 8u);
  EXPECT_EQ(b.end, 12u);
  EXPECT_EQ(b.digits, 4);
  EXPECT_EQ(b.before, SeparatorKind::kDash);
  EXPECT_FALSE(b.ends_with_x);
}

TEST(DigitRuns, SeparatorKindIsItsPunctuationElseMarkupElseSpace) {
  EXPECT_THAT(Runs("138 - 1234"), ElementsAre("138-1234"));
  EXPECT_THAT(Runs("138-'1234'"), ElementsAre("138-1234"));
  EXPECT_THAT(Runs("138 ** 1234"), ElementsAre("138*1234"));
  EXPECT_THAT(Runs("**138**1234"), ElementsAre("138*1234"));
  EXPECT_THAT(Runs("138   1234"), ElementsAre("138 1234"));
  EXPECT_THAT(Runs("138.1234/5678"), ElementsAre("138.1234/5678"));
}

TEST(DigitRuns, OtherPunctuationSeparatesGroupsByItsOwnKind) {
  EXPECT_THAT(Runs("110105_19491231_002X"), ElementsAre("110105_19491231_002X"));
  EXPECT_THAT(Runs("110105:19491231:002X"), ElementsAre("110105:19491231:002X"));
  EXPECT_THAT(Runs("138\\1234=5678#1"), ElementsAre("138\\1234=5678#1"));
  EXPECT_THAT(Runs("1!2?3^4$5"), ElementsAre("1!2!3!4!5"));
  EXPECT_THAT(Runs("138 _ 1234"), ElementsAre("138_1234"));
  // Still at most one punctuation character in a separator.
  EXPECT_THAT(Runs("138_:1234"), ElementsAre("138", "1234"));
}

TEST(DigitRuns, MarkupIncludesQuotesBracketsAndShortHtmlTags) {
  EXPECT_THAT(Runs("(138)1234[5678]"), ElementsAre("138*1234*5678"));
  EXPECT_THAT(Runs("143</u>45395581"), ElementsAre("143*45395581"));
  EXPECT_THAT(Runs("143<span>455"), ElementsAre("143*455"));
  EXPECT_THAT(Runs("138\u201c1234\u201d5678"), ElementsAre("138*1234*5678"));
  EXPECT_THAT(Runs("138\u30101234\u30115678"), ElementsAre("138*1234*5678"));
  // A tag name longer than four letters is not markup.
  EXPECT_THAT(Runs("143<table>455"), ElementsAre("143", "455"));
}

TEST(DigitRuns, OneSeparatorHoldsAtMostOneDashDotOrSlash) {
  EXPECT_THAT(Runs("138--1234"), ElementsAre("138", "1234"));
  EXPECT_THAT(Runs("138-/1234"), ElementsAre("138", "1234"));
  EXPECT_THAT(Runs("138 -. 1234"), ElementsAre("138", "1234"));
}

TEST(DigitRuns, OneSeparatorHoldsAtMostEightSpaces) {
  EXPECT_THAT(Runs("138        1234"), ElementsAre("138 1234"));   // 8
  EXPECT_THAT(Runs("138         1234"), ElementsAre("138", "1234"));  // 9
}

TEST(DigitRuns, OneSeparatorHoldsAtMostFourMarkupUnits) {
  EXPECT_THAT(Runs("138****1234"), ElementsAre("138*1234"));
  EXPECT_THAT(Runs("138*****1234"), ElementsAre("138", "1234"));
}

TEST(DigitRuns, TabsBarsCommasSemicolonsLineBreaksLettersAndHanEndARun) {
  for (const char* sep : {"\t", "|", ",", ";", "\n", "\r\n", "a", "号", "，", "@", "%", "&", "+"}) {
    EXPECT_THAT(Runs(absl::StrCat("138", sep, "1234")), ElementsAre("138", "1234"))
        << "separator " << ::testing::PrintToString(sep);
  }
}

TEST(DigitRuns, SeparatorsAtTheEdgesOfARunBelongToNoGroup) {
  EXPECT_THAT(Runs("- 138 1234 -"), ElementsAre("138 1234"));
  EXPECT_THAT(Runs("138 1234 "), ElementsAre("138 1234"));
}

TEST(DigitRuns, CheckCharacterXEndsAGroupAfterSeventeenDigitsOfItsRun) {
  EXPECT_THAT(Runs("11010519491231002X"), ElementsAre("11010519491231002X"));
  EXPECT_THAT(Runs("110105 19491231 002x"), ElementsAre("110105 19491231 002x"));
  // Sixteen digits: the X is a letter, which ends the run.
  EXPECT_THAT(Runs("1101051949123100X"), ElementsAre("1101051949123100"));
  EXPECT_THAT(Runs("3x4"), ElementsAre("3", "4"));
  // An X that starts a word is no check character.
  EXPECT_THAT(Runs("11010519491231002Xyz"), ElementsAre("11010519491231002"));
}

TEST(DigitRuns, CheckCharacterXEndsItsRun) {
  DigitRuns runs;
  runs.Find("11010519491231002X 13812345678");
  ASSERT_EQ(runs.runs().size(), 2u);
  EXPECT_TRUE(runs.group(runs.runs()[0], 0).ends_with_x);
  EXPECT_EQ(runs.group(runs.runs()[0], 0).digits, 17);
  EXPECT_THAT(Runs("11010519491231002X 13812345678"),
              ElementsAre("11010519491231002X", "13812345678"));
}

TEST(DigitRuns, SoftBreaksSplitAGroupWithoutASeparator) {
  EXPECT_THAT(Runs("2013800138000", {{2, false}}), ElementsAre("20~13800138000"));
  EXPECT_THAT(Runs("13813800138000", {{3, true}}), ElementsAre("138^13800138000"));
  // A break that falls on a separator or outside the digits changes nothing.
  EXPECT_THAT(Runs("ab 138 1234", {{0, false}, {6, false}}), ElementsAre("138 1234"));
}

TEST(DigitRuns, SoftBreaksOfTheDetectionViewSplitGroups) {
  DetectionView view;
  view.Build("20\U0001F60013800138000");
  ASSERT_EQ(view.text(), "2013800138000");
  EXPECT_THAT(Runs(view.text(), view.soft_breaks()), ElementsAre("20~13800138000"));
}

TEST(DigitRuns, CountsEveryDigitOfAVeryLongGroup) {
  const std::string digits(70'000, '7');
  DigitRuns runs;
  runs.Find(digits);
  ASSERT_EQ(runs.groups().size(), 1u);
  EXPECT_EQ(runs.groups()[0].digits, 70'000u);
  EXPECT_EQ(runs.groups()[0].end, 70'000u);
}

TEST(DigitRuns, ATextWithoutDigitsHasNoRuns) {
  EXPECT_THAT(Runs(""), ElementsAre());
  EXPECT_THAT(Runs("no digits here - . /"), ElementsAre());
}

TEST(DigitRuns, FindForgetsThePreviousText) {
  DigitRuns runs;
  runs.Find("1 2 3 4 5");
  runs.Find("67");
  ASSERT_EQ(runs.runs().size(), 1u);
  EXPECT_EQ(runs.runs()[0].first_group, 0u);
  EXPECT_EQ(runs.groups().size(), 1u);
}

}  // namespace
}  // namespace scrub::internal
