// The policy's redaction texts as the detection view shows them
// (redaction_labels.h): which candidate spans lie inside one.
#include "scrub/internal/redaction_labels.h"

#include <string>

#include "gtest/gtest.h"

namespace scrub {
namespace {

using internal::RedactionLabels;

// The span of the first occurrence of `part` in `text`.
bool CoversPart(const RedactionLabels& labels, const std::string& text,
                const std::string& part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return labels.Covers(text, at, at + part.size());
}

TEST(RedactionLabels, CoversASpanInsideAnOccurrenceOfALabel) {
  const RedactionLabels labels({"[WECHAT_ID]", "[QQ_NUMBER]"}, false);
  const std::string text = "vx [WECHAT_ID] qq [QQ_NUMBER]";
  EXPECT_TRUE(CoversPart(labels, text, "WECHAT_ID"));
  EXPECT_TRUE(CoversPart(labels, text, "CHAT"));
  EXPECT_TRUE(CoversPart(labels, text, "NUMBER"));
}

// A template that spells a value must not hide the value (the sidecar's
// self-test reports such a policy).
TEST(RedactionLabels, AWholeLabelIsNotCovered) {
  const RedactionLabels labels({"[WECHAT_ID]", "13800138000"}, false);
  EXPECT_FALSE(CoversPart(labels, "vx [WECHAT_ID]", "[WECHAT_ID]"));
  EXPECT_FALSE(CoversPart(labels, "tel 13800138000", "13800138000"));
  EXPECT_TRUE(CoversPart(labels, "tel 13800138000", "3800138000"));
}

TEST(RedactionLabels, RefusesASpanThatLeavesTheLabel) {
  const RedactionLabels labels({"[WECHAT_ID]"}, false);
  EXPECT_FALSE(CoversPart(labels, "vx [WECHAT_ID] x", "[WECHAT_ID] x"));
  EXPECT_FALSE(CoversPart(labels, "vx [WECHAT_ID] x", "vx [WECHAT"));
  // The label's words without the whole label around them.
  EXPECT_FALSE(CoversPart(labels, "vx WECHAT_ID", "WECHAT_ID"));
  EXPECT_FALSE(CoversPart(labels, "vx [WECHAT_ID", "WECHAT_ID"));
  EXPECT_FALSE(CoversPart(labels, "vx WECHAT_ID]", "WECHAT_ID"));
}

// Two findings side by side leave two labels side by side: a span across
// them is Scrub's output too (json_record_scan fuzzer find: a rescan read
// "[PASSWORD][CN_LICENSE_PLATE" after "pwd:" as a password).
TEST(RedactionLabels, CoversASpanAcrossAdjacentLabels) {
  const RedactionLabels labels({"[PASSWORD]", "[CN_LICENSE_PLATE]"}, false);
  const std::string text = "pwd:[PASSWORD][CN_LICENSE_PLATE]";
  EXPECT_TRUE(CoversPart(labels, text, "[PASSWORD][CN_LICENSE_PLATE"));
  EXPECT_TRUE(CoversPart(labels, text, "[PASSWORD][CN_LICENSE_PLATE]"));
  EXPECT_TRUE(CoversPart(labels, text, "WORD][CN"));
  // Not across a gap, nor past the labels.
  EXPECT_FALSE(CoversPart(labels, "[PASSWORD] [CN_LICENSE_PLATE]", "[PASSWORD] [CN"));
  EXPECT_FALSE(CoversPart(labels, "[PASSWORD][CN_LICENSE_PLATE]X", "[CN_LICENSE_PLATE]X"));
  EXPECT_FALSE(CoversPart(labels, "[PASSWORD]ABC", "[PASSWORD]A"));
}

TEST(RedactionLabels, FindsTheAlignmentWhenTheSpanOccursTwiceInTheLabel) {
  const RedactionLabels labels({"<ab-ab-x>"}, false);
  const std::string text = "<ab-ab-x>";
  EXPECT_TRUE(labels.Covers(text, 1, 3));  // the first "ab"
  EXPECT_TRUE(labels.Covers(text, 4, 6));  // the second
  EXPECT_FALSE(labels.Covers("ab-ab-x>", 0, 2));
}

TEST(RedactionLabels, ReadsLabelsAsTheViewFoldsThem) {
  // Full-width forms fold to ASCII in the view.
  const RedactionLabels labels({"［ＱＱ］"}, false);
  EXPECT_TRUE(labels.Covers("x [QQ] y", 3, 5));
}

TEST(RedactionLabels, EmptyAndOutOfRangeSpansAreNotCovered) {
  const RedactionLabels none({}, false);
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(none.Covers("[A]", 1, 2));
  const RedactionLabels labels({"", "[A]", "[A]"}, false);
  EXPECT_FALSE(labels.empty());
  EXPECT_FALSE(labels.Covers("[A]", 1, 1));
  EXPECT_FALSE(labels.Covers("[A]", 2, 9));
  EXPECT_TRUE(labels.Covers("[A]", 1, 2));
  EXPECT_FALSE(labels.Covers("[A]", 0, 3));
}

}  // namespace
}  // namespace scrub
