// ID documents: CN_PASSPORT, CN_HOME_RETURN_PERMIT, CN_USCC, HK_ID, TW_ID and
// CN_LICENSE_PLATE through the full Scanner, with exact spans.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kPassport[] = "CN_PASSPORT";
constexpr char kPermit[] = "CN_HOME_RETURN_PERMIT";
constexpr char kUscc[] = "CN_USCC";
constexpr char kHk[] = "HK_ID";
constexpr char kTw[] = "TW_ID";
constexpr char kPlate[] = "CN_LICENSE_PLATE";

TEST(CnUsccScore, RegionCodeAndCaseSetConfidence) {
  EXPECT_DOUBLE_EQ(Score(kUscc, "91350100M000100Y43"), 0.9);   // 福州市
  EXPECT_DOUBLE_EQ(Score(kUscc, "91119999MA1BUFLT4M"), 0.75);  // unknown region
  EXPECT_DOUBLE_EQ(Score(kUscc, "91350100m000100y43"), 0.55);  // lower case
  EXPECT_EQ(Score(kUscc, "91350100M000100Y44"), 0);
}

TEST(HkIdScore, WritingSetsConfidence) {
  EXPECT_DOUBLE_EQ(Score(kHk, "A123456(3)"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kHk, "A123456[3]"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kHk, "A1234563"), 0.55);
  EXPECT_DOUBLE_EQ(Score(kHk, "A 123456 (3)"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kHk, "A 123 456 3"), 0.45);  // spaced: needs context
  EXPECT_DOUBLE_EQ(Score(kHk, "A-123456-3"), 0.45);
  EXPECT_EQ(Score(kHk, "A123456(4)"), 0);
}

TEST(TwIdScore, KindsSetConfidence) {
  EXPECT_DOUBLE_EQ(Score(kTw, "A123456789"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kTw, "AC12345679"), 0.8);
  EXPECT_DOUBLE_EQ(Score(kTw, "a812345671"), 0.8);
  EXPECT_DOUBLE_EQ(Score(kTw, "A 123 456 789"), 0.45);  // spaced: needs context
  EXPECT_EQ(Score(kTw, "A 123 456 788"), 0);
  EXPECT_EQ(Score(kTw, "A123456788"), 0);
}

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class IdDocumentScan : public ::testing::TestWithParam<Case> {};

TEST_P(IdDocumentScan, FindsExactSpans) {
  EXPECT_EQ(Spans(GetParam().text), GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Passport, IdDocumentScan,
    ::testing::Values(
        Case{"护照号E12345678", {{kPassport, "E12345678"}}},
        Case{"護照：EA1234567", {{kPassport, "EA1234567"}}},
        Case{"passport no. g12345678", {{kPassport, "g12345678"}}},
        Case{"外交护照 DE1234567", {{kPassport, "DE1234567"}}},
        Case{"公务护照SE1234567", {{kPassport, "SE1234567"}}},
        Case{"护照 PE1234567", {{kPassport, "PE1234567"}}},
        Case{"护照 D12345678", {{kPassport, "D12345678"}}},
        Case{"护照号码：Ｅ１２３４５６７８", {{kPassport, "Ｅ１２３４５６７８"}}},
        Case{"PP# G12345678", {{kPassport, "G12345678"}}},
        Case{"pp no: E12345678", {{kPassport, "E12345678"}}},
        // Without context, or in a longer code, nothing.
        Case{"E12345678", {}},
        Case{"型号E12345678", {}},
        Case{"护照号E123456789", {}},
        Case{"护照号XE12345678", {}},
        Case{"护照号EI1234567", {}}));  // I is not used

INSTANTIATE_TEST_SUITE_P(
    HomeReturnPermit, IdDocumentScan,
    ::testing::Values(
        Case{"回乡证H12345678", {{kPermit, "H12345678"}}},
        Case{"港澳通行证 M1234567890", {{kPermit, "M1234567890"}}},
        Case{"Home Return Permit: h12345678", {{kPermit, "h12345678"}}},
        Case{"H12345678", {}},
        Case{"通行证H123456789", {}}));  // 9 digits

INSTANTIATE_TEST_SUITE_P(
    Uscc, IdDocumentScan,
    ::testing::Values(
        Case{"统一社会信用代码：91350100M000100Y43", {{kUscc, "91350100M000100Y43"}}},
        Case{"91230184MA1BUFLT44", {{kUscc, "91230184MA1BUFLT44"}}},
        Case{"税号91110108551385082q。", {{kUscc, "91110108551385082q"}}},
        Case{"91350100M000100Y44", {}},          // wrong mod-31 check
        Case{"X91350100M000100Y43", {}},         // inside a longer code
        Case{"91350100M000100Y43B", {}}));

// Any grouping and separator a writer or a form puts into a credit code.
INSTANTIATE_TEST_SUITE_P(
    UsccGroupings, IdDocumentScan,
    ::testing::Values(
        Case{"913501 00M000 100Y43", {{kUscc, "913501 00M000 100Y43"}}},
        Case{"代码 91-350100-M000100Y4-3。", {{kUscc, "91-350100-M000100Y4-3"}}},
        Case{"9135-0100-M000-100Y-43", {{kUscc, "9135-0100-M000-100Y-43"}}},
        Case{"91 350100  M000100Y4 3", {{kUscc, "91 350100  M000100Y4 3"}}},
        Case{"9135.0100.M000.100Y.43", {{kUscc, "9135.0100.M000.100Y.43"}}},
        Case{"**913501**00M000100Y43", {{kUscc, "913501**00M000100Y43"}}},
        Case{"9135\x01" "0100M000\x7f" "100Y43", {{kUscc, "9135\x01" "0100M000\x7f" "100Y43"}}},
        // A grouped code of an unknown region needs a context word.
        Case{"911199 99MA1B UFLT4M", {}},
        Case{"信用代码 911199 99MA1B UFLT4M", {{kUscc, "911199 99MA1B UFLT4M"}}},
        Case{"913501 00M000 100Y44", {}}));  // wrong check

INSTANTIATE_TEST_SUITE_P(
    HongKongId, IdDocumentScan,
    ::testing::Values(
        Case{"A123456(3)", {{kHk, "A123456(3)"}}},
        Case{"香港身份證 C668668(9)", {{kHk, "C668668(9)"}}},
        Case{"AB987654[3]", {{kHk, "AB987654[3]"}}},
        Case{"HKID G123456(A).", {{kHk, "G123456(A)"}}},
        Case{"A1234563", {{kHk, "A1234563"}}},
        Case{"Ａ１２３４５６（３）", {{kHk, "Ａ１２３４５６（３）"}}},
        // Separators after the letters, inside the digits, before the check.
        Case{"HKID: A 123456 (3)", {{kHk, "A 123456 (3)"}}},
        Case{"香港身份证 A123 456(3)", {{kHk, "A123 456(3)"}}},
        Case{"HKID A-123456-3", {{kHk, "A-123456-3"}}},
        Case{"A 123 456 3", {}},          // spaced, no context word
        Case{"HKID A 123456 (4)", {}},    // wrong check character
        Case{"A123456(4)", {}},
        Case{"A1234564", {}},
        Case{"订单号A1234563", {}}));

INSTANTIATE_TEST_SUITE_P(
    TaiwanId, IdDocumentScan,
    ::testing::Values(
        Case{"A123456789", {{kTw, "A123456789"}}},
        Case{"身分證字號：B287654326", {{kTw, "B287654326"}}},
        Case{"居留證 AC12345679", {{kTw, "AC12345679"}}},
        Case{"統一證號A812345671", {{kTw, "A812345671"}}},
        Case{"TW ID A 123 456 789", {{kTw, "A 123 456 789"}}},
        Case{"身分證 A123-456-789", {{kTw, "A123-456-789"}}},
        Case{"A 123 456 789", {}},        // spaced, no context word
        Case{"身分證 A 123 456 788", {}}, // wrong check digit
        Case{"A123456788", {}},
        Case{"A1234567890", {}},
        Case{"XA123456789", {}}));

INSTANTIATE_TEST_SUITE_P(
    LicensePlate, IdDocumentScan,
    ::testing::Values(
        Case{"京A12345", {{kPlate, "京A12345"}}},
        Case{"车牌粤B·D12345", {{kPlate, "粤B·D12345"}}},
        Case{"沪A 8K123", {{kPlate, "沪A 8K123"}}},
        Case{"粤B12345D", {{kPlate, "粤B12345D"}}},
        Case{"粤B1234学", {{kPlate, "粤B1234学"}}},
        Case{"川AF1234挪车", {{kPlate, "川AF1234"}}},
        Case{"京ABCDEF", {}},       // too many letters
        Case{"京A1234", {}},        // too short
        Case{"京A1234567", {}},     // too long
        Case{"京I12345", {}}));     // I is not used

TEST(IdDocumentScan, RedactsThroughTheDefaultPolicy) {
  EXPECT_EQ(Redacted("护照E12345678，回乡证H12345678"),
            "护照[CN_PASSPORT]，回乡证[CN_HOME_RETURN_PERMIT]");
  EXPECT_EQ(Redacted("车牌京A12345停在门口"), "车牌[CN_LICENSE_PLATE]停在门口");
}

}  // namespace
}  // namespace scrub::testing
