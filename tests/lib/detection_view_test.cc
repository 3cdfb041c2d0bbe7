// The detection view folds evasions and maps every span back to the
// original bytes.
#include "scrub/internal/detection_view.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

// `original` and its view, built once, for mapping view spans back.
class ViewedText {
 public:
  explicit ViewedText(std::string original) : original_(std::move(original)) {
    view_.Build(original_);
  }

  const std::string& original() const { return original_; }
  const DetectionView& view() const { return view_; }

  // The original bytes behind view bytes [view_start, view_end).
  std::string OriginalOf(size_t view_start, size_t view_end) const {
    const auto [s, e] = view_.OriginalSpan(view_start, view_end);
    return original_.substr(s, e - s);
  }

 private:
  std::string original_;  // outlives view_, which points into it
  DetectionView view_;
};

// The text of a fresh view of `text`.
std::string ViewOf(absl::string_view text) {
  return std::string(ViewedText(std::string(text)).view().text());
}

TEST(DetectionView, AsciiTextIsItsOwnView) {
  const ViewedText t("call 13800138000 now");
  EXPECT_TRUE(t.view().identity());
  EXPECT_EQ(t.view().text(), t.original());
  EXPECT_EQ(t.view().OriginalSpan(5, 16), (std::pair<size_t, size_t>{5, 16}));
}

TEST(DetectionView, FoldsFullWidthDigitsLettersAndPunctuation) {
  EXPECT_EQ(ViewOf("１３８００１３８０００ ＡｂＸ ＋８６ （０１０）－"), "13800138000 AbX +86 (010)-");
}

TEST(DetectionView, FoldsIdeographicSpaceAndDashes) {
  EXPECT_EQ(ViewOf("138\u30000013\u20138000\u2014x"), "138 0013-8000-x");
}

TEST(DetectionView, DropsZeroWidthAndFormatCharacters) {
  EXPECT_EQ(ViewOf("1\u200b3\u200c8\u200d0\u20600\uFEFF1\u00AD3\u200e8000"),
            "13800138000");
}

TEST(DetectionView, MapsSpansAcrossDroppedCharactersToOriginalBytes) {
  const ViewedText t("号1\u200b38x");
  ASSERT_EQ(t.view().text(), "号138x");
  // View "138" is bytes [3, 6); in the original it spans the zero-width space.
  EXPECT_EQ(t.OriginalOf(3, 6), "1\u200b38");
  // A dropped character at the edge of a span is not part of it.
  EXPECT_EQ(t.OriginalOf(3, 4), "1");
}

TEST(DetectionView, MapsFullWidthSpansToTheirThreeByteCharacters) {
  const ViewedText t("电话１３８");
  ASSERT_EQ(t.view().text(), "电话138");
  EXPECT_EQ(t.OriginalOf(6, 9), "１３８");
  EXPECT_EQ(t.view().OriginalSpan(6, 9), (std::pair<size_t, size_t>{6, 15}));
  EXPECT_EQ(t.OriginalOf(0, 3), "电");
}

TEST(DetectionView, FoldsLongRunsOfChineseNumeralsOnly) {
  DetectionView view;
  view.Build("电话一三八零零一三八零零零，一个人");
  EXPECT_EQ(view.text(), "电话13800138000,一个人");  // full-width comma folds too
  view.Build("幺三八〇〇幺三八〇〇〇");
  EXPECT_EQ(view.text(), "13800138000");
  view.Build("一二三四五六");  // six numerals: ordinary text
  EXPECT_EQ(view.text(), "一二三四五六");
}

TEST(DetectionView, KeepsHanAndOtherCharactersUnchanged) {
  // U+FF1A (full-width colon) is full-width ASCII; "。" and the emoji are not.
  EXPECT_EQ(ViewOf("身份证号：ＩＤ😀。"), "身份证号:ID😀。");
}

TEST(FoldForDetection, MatchesTheViewOfTheSameText) {
  EXPECT_EQ(FoldForDetection("４００－８１０\u200b－８８８８"), "400-810-8888");
  EXPECT_EQ(FoldForDetection("plain"), "plain");
}

TEST(DetectionView, FoldsAMiddleDotBetweenDigitsThroughMarkupOnEitherSide) {
  DetectionView view;
  view.Build("\u201c5187\u201d\u00b77093 6890");
  EXPECT_EQ(view.text(), "\u201c5187\u201d.7093 6890");
  view.Build("5187\u00b7\u201c7093\u201d");
  EXPECT_EQ(view.text(), "5187.\u201c7093\u201d");
  // Not after a word or at the end of a sentence.
  view.Build("\u201c\u597d\u201d\u00b77093");
  EXPECT_EQ(view.text(), "\u201c\u597d\u201d\u00b77093");
}

TEST(DetectionView, ShortHtmlTagsDoNotEndANumberForItsChineseNumerals) {
  DetectionView view;
  // 𝟛4贰6 between tags: the numerals belong to the number "7163…241".
  view.Build("7163<u>\U0001D7DB4\u8d306</u>\u8d3041");
  EXPECT_EQ(view.text(), "7163<u>3426</u>241");
  // A word between the digits still ends the number.
  view.Build("7163<table>\u8d30\u8d30</table>");
  EXPECT_EQ(view.text(), "7163<table>\u8d30\u8d30</table>");
}

TEST(DetectionView, OtherNumberPunctuationDoesNotEndANumber) {
  using namespace std::string_literals;
  // Controls between the groups are dropped as they are around a dash.
  EXPECT_EQ(ViewOf("110105_\x00" "19491231_\x01" "002X"s), "110105_19491231_002X");
  EXPECT_EQ(ViewOf("138#\x7f" "1234:\x00" "5678"s), "138#1234:5678");
  // Full-width forms fold to the ASCII punctuation.
  EXPECT_EQ(ViewOf("138\uff3f" "1234\uff03" "1234\uff1a" "5"), "138_1234#1234:5");
  // Chinese numerals between them are digits of the number.
  EXPECT_EQ(ViewOf("138_\u4e00\u4e8c\u4e09\u56db_5678"), "138_1234_5678");
  // Outside a number a control stays.
  EXPECT_EQ(ViewOf("a_\x01" "b"s), "a_\x01" "b"s);
}

// A combining mark after an ASCII letter or digit is part of that
// character: the view shows the character alone, and a span ending in it
// takes the mark along (found by json_record_scan: "pwd:\"x\u0367\"0" was
// redacted as "x", and the mark left after "[PASSWORD]" read as a password).
TEST(DetectionView, ACombiningMarkJoinsTheLetterOrDigitBeforeIt) {
  const ViewedText t("pwd:\"x\u0367\"0 1\u0336" "3");
  ASSERT_EQ(t.view().text(), "pwd:\"x\"0 13");
  EXPECT_EQ(t.OriginalOf(5, 6), "x\u0367");
  EXPECT_EQ(t.OriginalOf(9, 10), "1\u0336");
  // After a Han character or a symbol the mark stays in the view.
  EXPECT_EQ(ViewOf("\u4e2d\u0301 ]\u0367"), "\u4e2d\u0301 ]\u0367");
}

// An invisible between a separator and a digit is dropped whatever stands
// before the separator: a digit ("a0.") or a redaction label ("[EMAIL].")
// must not change how the number after it reads (found by json_record_scan:
// a rescan of "[EMAIL].\uFFFD1.1.1.1" found an IP the first scan did not).
TEST(DetectionView, DropsAnInvisibleBetweenASeparatorAndADigitWhateverPrecedesIt) {
  using namespace std::string_literals;
  EXPECT_EQ(ViewOf("a0.\uFFFD1.1.1.1"), "a0.1.1.1.1");
  EXPECT_EQ(ViewOf("[EMAIL].\uFFFD1.1.1.1"), "[EMAIL].1.1.1.1");
  EXPECT_EQ(ViewOf("ip:\x01\x02" "10.0.0.7"s), "ip:10.0.0.7");
  EXPECT_EQ(ViewOf("tel \U0001F600" "138"), "tel 138");
  // Before a letter it stays, and so does a pictograph after a letter.
  EXPECT_EQ(ViewOf("a.\x01" "b"s), "a.\x01" "b"s);
  EXPECT_EQ(ViewOf("x\U0001F600" "1"), "x\U0001F600" "1");
}

// A numeral with digits touching it on both sides folds when the block no
// separator splits is no longer than a value, whatever groups stand before
// the block: they may be a value, which redaction replaces (found by
// json_record_scan: "13912345757 1327206一613" kept its numeral, and a rescan
// of "[CN_MOBILE] 1327206一613" found a mobile).
TEST(DetectionView, ANumeralTouchingDigitsFoldsByItsOwnBlock) {
  EXPECT_EQ(ViewOf("13912345757 1327206一613"), "13912345757 13272061613");
  EXPECT_EQ(ViewOf("[CN_MOBILE] 1327206一613"), "[CN_MOBILE] 13272061613");
  EXPECT_EQ(ViewOf("138一2345678"), "13812345678");
  // A block longer than any value: two values and a word.
  EXPECT_EQ(ViewOf("1 13800138000三11010519491231002X"), "1 13800138000三11010519491231002X");
  EXPECT_EQ(ViewOf("13800138000三11010519491231002X"), "13800138000三11010519491231002X");
  // A separator after the numeral: the numeral may be a word.
  EXPECT_EQ(ViewOf("1111三 13800138000"), "1111三 13800138000");
}

// Soft breaks: boundaries inside a number that the view no longer shows.

std::vector<std::pair<uint32_t, bool>> SoftBreaks(const DetectionView& view) {
  std::vector<std::pair<uint32_t, bool>> out;
  for (const DetectionView::SoftBreak& b : view.soft_breaks()) {
    out.push_back({b.at, b.form_change});
  }
  return out;
}

using Breaks = std::vector<std::pair<uint32_t, bool>>;

TEST(DetectionViewSoftBreaks, APictographDroppedBetweenDigitsLeavesASoftBreak) {
  DetectionView view;
  view.Build("20\U0001F60013800138000");
  EXPECT_EQ(view.text(), "2013800138000");
  EXPECT_EQ(SoftBreaks(view), (Breaks{{2, false}}));
}

TEST(DetectionViewSoftBreaks, ThreeDigitsOfOneFormMeetingThreeOfAnotherLeaveAFormBreak) {
  DetectionView view;
  view.Build("\U0001D7CF\U0001D7D1\U0001D7D613800138000");  // 𝟏𝟑𝟖 then ASCII
  EXPECT_EQ(view.text(), "13813800138000");
  EXPECT_EQ(SoftBreaks(view), (Breaks{{3, true}}));
}

TEST(DetectionViewSoftBreaks, ChineseNumeralsMeetingAsciiDigitsLeaveAFormBreak) {
  DetectionView view;
  view.Build("一三八13800138000");
  EXPECT_EQ(view.text(), "13813800138000");
  EXPECT_EQ(SoftBreaks(view), (Breaks{{3, true}}));
}

TEST(DetectionViewSoftBreaks, FewerThanThreeDigitsOfAFormMakeNoBreak) {
  DetectionView view;
  view.Build("\U0001D7CF\U0001D7D113800138000");  // 𝟏𝟑 then ASCII
  EXPECT_EQ(view.text(), "1313800138000");
  EXPECT_EQ(SoftBreaks(view), Breaks{});
}

TEST(DetectionViewSoftBreaks, DigitsMixedOneByOneMakeNoBreak) {
  DetectionView view;
  view.Build("1\uFF113\uFF138\uFF18");  // 1１3３8８
  EXPECT_EQ(view.text(), "113388");
  EXPECT_EQ(SoftBreaks(view), Breaks{});
}

TEST(DetectionViewSoftBreaks, InvisibleCharactersBetweenDigitsMakeNoBreak) {
  DetectionView view;
  view.Build("138\u200b1234\u20605678");
  EXPECT_EQ(view.text(), "13812345678");
  EXPECT_EQ(SoftBreaks(view), Breaks{});
}

TEST(DetectionViewSoftBreaks, APictographOutsideANumberIsKeptAndMakesNoBreak) {
  DetectionView view;
  const std::string text = "ok \U0001F600 138";
  view.Build(text);
  EXPECT_EQ(view.text(), text);
  EXPECT_EQ(SoftBreaks(view), Breaks{});
}

TEST(DetectionViewSoftBreaks, AreSortedAndForgottenByTheNextBuild) {
  DetectionView view;
  view.Build("1\U0001F6002\U0001F6003");
  EXPECT_EQ(view.text(), "123");
  EXPECT_EQ(SoftBreaks(view), (Breaks{{1, false}, {2, false}}));
  view.Build("123");
  EXPECT_EQ(SoftBreaks(view), Breaks{});
}

}  // namespace
}  // namespace scrub::internal
