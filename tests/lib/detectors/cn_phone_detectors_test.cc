// CN_MOBILE and CN_LANDLINE: groupings, country codes, allocation-table
// confidence, area codes, boundaries and evasions through the full Scanner.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kMobile[] = "CN_MOBILE";
constexpr char kLandline[] = "CN_LANDLINE";

TEST(CnMobileScore, AllocationTableOnlyAdjustsConfidence) {
  EXPECT_DOUBLE_EQ(Score(kMobile, "13800138000"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kMobile, "19912345678"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kMobile, "14012345678"), 0.6);   // 13-digit IoT segment
  EXPECT_DOUBLE_EQ(Score(kMobile, "15412345678"), 0.6);   // unallocated
  EXPECT_DOUBLE_EQ(Score(kMobile, "+86 138 0013 8000"), 0.95);
  EXPECT_DOUBLE_EQ(Score(kMobile, "008616812345678"), 0.8);  // unallocated, +86
  EXPECT_EQ(Score(kMobile, "12800138000"), 0);
}

TEST(CnLandlineScore, KnownAreaCodesRaiseConfidence) {
  EXPECT_DOUBLE_EQ(Score(kLandline, "0755-28001234"), 0.8);   // 深圳
  EXPECT_DOUBLE_EQ(Score(kLandline, "(0755) 2800 1234"), 0.8);
  EXPECT_DOUBLE_EQ(Score(kLandline, "010-12345678"), 0.7);    // local starts with 1
  EXPECT_DOUBLE_EQ(Score(kLandline, "0399-2345678"), 0.6);    // unlisted area code
  EXPECT_DOUBLE_EQ(Score(kLandline, "+86 21 6123 4567"), 0.8);
  EXPECT_DOUBLE_EQ(Score(kLandline, "075528001234"), 0.45);   // ungrouped
  EXPECT_EQ(Score(kLandline, "010-0234567"), 0);              // local starts with 0
}

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class CnPhoneScan : public ::testing::TestWithParam<Case> {};

TEST_P(CnPhoneScan, FindsExactSpans) {
  std::vector<Span> phones;
  for (const Span& s : Spans(GetParam().text)) {
    if (s.detector == kMobile || s.detector == kLandline) phones.push_back(s);
  }
  EXPECT_EQ(phones, GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Mobile, CnPhoneScan,
    ::testing::Values(
        Case{"13800138000", {{kMobile, "13800138000"}}},
        Case{"电话138-0013-8000", {{kMobile, "138-0013-8000"}}},
        Case{"call 138 0013 8000.", {{kMobile, "138 0013 8000"}}},
        Case{"138.0013.8000", {{kMobile, "138.0013.8000"}}},
        Case{"138 00138000", {{kMobile, "138 00138000"}}},  // 3-8
        Case{"+8613800138000", {{kMobile, "+8613800138000"}}},
        Case{"+86 138 0013 8000", {{kMobile, "+86 138 0013 8000"}}},
        Case{"+86-138-0013-8000", {{kMobile, "+86-138-0013-8000"}}},
        Case{"0086 13800138000", {{kMobile, "0086 13800138000"}}},
        Case{"(+86)13800138000", {{kMobile, "(+86)13800138000"}}},
        Case{"(86) 138 0013 8000", {{kMobile, "(86) 138 0013 8000"}}},
        Case{"手机号13800138000谢谢", {{kMobile, "13800138000"}}},
        Case{"15412345678", {{kMobile, "15412345678"}}},  // unallocated: found
        // Evasions.
        Case{"１３８００１３８０００", {{kMobile, "１３８００１３８０００"}}},
        Case{"138\u200b0013\u200c8000", {{kMobile, "138\u200b0013\u200c8000"}}},
        Case{"138\u30000013\u30008000", {{kMobile, "138\u30000013\u30008000"}}},
        Case{"138－0013－8000", {{kMobile, "138－0013－8000"}}},
        Case{"一三八零零一三八零零零", {{kMobile, "一三八零零一三八零零零"}}},
        Case{"幺三八〇〇幺三八〇〇〇", {{kMobile, "幺三八〇〇幺三八〇〇〇"}}},
        // Boundaries.
        Case{"213800138000", {}},
        Case{"138001380001", {}},
        Case{"12800138000", {}},
        Case{"订单号13800138000", {}}));

INSTANTIATE_TEST_SUITE_P(
    Landline, CnPhoneScan,
    ::testing::Values(
        Case{"010-12345678", {{kLandline, "010-12345678"}}},
        Case{"(0755) 1234 5678", {{kLandline, "(0755) 1234 5678"}}},
        Case{"021 6123 4567", {{kLandline, "021 6123 4567"}}},
        Case{"0755-2800 1234", {{kLandline, "0755-2800 1234"}}},
        Case{"0571-8765432", {{kLandline, "0571-8765432"}}},  // 7-digit local
        Case{"010.6234.5678", {{kLandline, "010.6234.5678"}}},
        Case{"电话 023/7483/9140。", {{kLandline, "023/7483/9140"}}},
        Case{"电话 023  36274619", {{kLandline, "023  36274619"}}},
        Case{"座机 025   3126 0614！", {{kLandline, "025   3126 0614"}}},
        Case{"(010)62345678", {{kLandline, "(010)62345678"}}},
        Case{"+86 10 6234 5678", {{kLandline, "+86 10 6234 5678"}}},
        Case{"0086-755-28001234", {{kLandline, "0086-755-28001234"}}},
        Case{"+86 (0)21 6123 4567", {{kLandline, "+86 (0)21 6123 4567"}}},
        Case{"010-62345678-8001", {{kLandline, "010-62345678-8001"}}},
        Case{"电话：0755-28001234转8001", {{kLandline, "0755-28001234转8001"}}},
        Case{"座机０７５５－２８００１２３４", {{kLandline, "０７５５－２８００１２３４"}}},
        // Ungrouped: only with a context word.
        Case{"电话075528001234", {{kLandline, "075528001234"}}},
        Case{"075528001234", {}},
        // Boundaries and look-alikes.
        Case{"10010-12345678", {}},
        Case{"0755-28001234567", {}},
        Case{"订单号 0755-28001234", {}},
        Case{"2023-12345678", {}},
        Case{"版本 0.755.1234", {}}));

TEST(CnPhoneScan, RedactsThroughTheDefaultPolicy) {
  EXPECT_EQ(Redacted("有事打我手机+86 138 0013 8000或座机(0755) 2800 1234"),
            "有事打我手机[CN_MOBILE]或座机[CN_LANDLINE]");
  EXPECT_EQ(Redacted("订单号13800138000已发货"), "订单号13800138000已发货");
  EXPECT_EQ(Redacted("价格138元，电话13800138000"), "价格138元，电话[CN_MOBILE]");
}

}  // namespace
}  // namespace scrub::testing
