// BANK_CARD: every Luhn-valid 13-19 digit run, issuer confidence, groupings,
// negative context, and resident IDs that also pass Luhn.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kCard[] = "BANK_CARD";

TEST(BankCardScore, KnownIssuersRaiseConfidence) {
  for (const char* number :
       {"6222021234567890128",  // UnionPay, 19 digits
        "8100123456789017",     // UnionPay 81
        "4111111111111111", "4222222222222",  // Visa 16 and 13
        "5555555555554444", "2223000048400011",  // Mastercard 55 and 2-series
        "378282246310005", "371449635398431",    // Amex
        "3530111333300000", "3566002020360505",  // JCB
        "6011111111111117", "6011000990139424",  // Discover
        "30569309025904", "38520000023237",      // Diners
        "6759649826438453",                      // Maestro
        "2200000000000004"}) {                   // Mir
    EXPECT_DOUBLE_EQ(Score(kCard, number), 0.85) << number;
  }
}

TEST(BankCardScore, UnknownIssuersAndUnissuedLengthsNeedCardContext) {
  // Below the default threshold alone; a card word (+0.15) lifts them over.
  EXPECT_DOUBLE_EQ(Score(kCard, "88881234567897"), 0.45);
  EXPECT_DOUBLE_EQ(Score(kCard, "541234567890125"), 0.45);  // Mastercard is 16 long
  EXPECT_DOUBLE_EQ(Score(kCard, "1700000000004"), 0.45);   // looks like a ms timestamp
}

TEST(BankCardScore, EveryWrongCheckDigitIsRejected) {
  for (const std::string number :
       {"6222021234567890128", "4111111111111111", "378282246310005",
        "30569309025904"}) {
    const std::string body = number.substr(0, number.size() - 1);
    for (char c = '0'; c <= '9'; ++c) {
      EXPECT_EQ(Score(kCard, body + c) > 0, c == number.back()) << body + c;
    }
  }
}

TEST(BankCardScore, RejectsWrongLengthsAndRepeatedDigits) {
  EXPECT_EQ(Score(kCard, "424242424242"), 0);           // 12 digits
  EXPECT_EQ(Score(kCard, "62220212345678901280"), 0);   // 20 digits
  EXPECT_EQ(Score(kCard, "0000000000000000"), 0);
}

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class BankCardScan : public ::testing::TestWithParam<Case> {};

TEST_P(BankCardScan, FindsExactSpans) {
  EXPECT_EQ(Spans(GetParam().text), GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, BankCardScan,
    ::testing::Values(
        Case{"6222021234567890128", {{kCard, "6222021234567890128"}}},
        Case{"卡号6222 0212 3456 7890 128", {{kCard, "6222 0212 3456 7890 128"}}},
        Case{"card 4111-1111-1111-1111.", {{kCard, "4111-1111-1111-1111"}}},
        Case{"3782 822463 10005", {{kCard, "3782 822463 10005"}}},
        Case{"6222.0212.3456.7890.128", {{kCard, "6222.0212.3456.7890.128"}}},
        Case{"3056 930902 5904", {{kCard, "3056 930902 5904"}}},
        Case{"银行卡６２２２０２１２３４５６７８９０１２８",
             {{kCard, "６２２２０２１２３４５６７８９０１２８"}}},
        Case{"4111\u200b1111\u200b1111\u200b1111",
             {{kCard, "4111\u200b1111\u200b1111\u200b1111"}}},
        // An unknown issuer: found with a card word only.
        Case{"88881234567897", {}},
        Case{"card 88881234567897", {{kCard, "88881234567897"}}},
        // Boundaries: a run inside a longer digit run.
        Case{"96222021234567890128", {}},
        Case{"41111111111111119", {}},
        // Wrong check digit.
        Case{"6222021234567890127", {}},
        // Negative context suppresses.
        Case{"订单号6222021234567890128", {}},
        Case{"快递单号 4111111111111111", {}},
        Case{"order_no=4111111111111111", {}},
        Case{"tracking 4111111111111111", {}},
        Case{"timestamp 1700000000004", {}},
        // A ms timestamp without context; with a card word it is found.
        Case{"1700000000004", {}},
        Case{"卡号1700000000004", {{kCard, "1700000000004"}}}));

TEST(BankCardScan, ResidentIdThatPassesLuhnIsReportedAsResidentId) {
  // 110105198001010753 is a valid resident ID and Luhn-valid: it is an ID.
  const ScanResult r = DefaultScanner()->Scan("号码110105198001010753");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].detector, "CN_RESIDENT_ID");
  EXPECT_EQ(r.output, "号码[CN_RESIDENT_ID]");
  // Next to a card word too: the same digits read as an ID (a strong
  // validator) beat the card reading (Luhn, a weak one).
  const ScanResult card = DefaultScanner()->Scan("卡号110105198001010753");
  ASSERT_EQ(card.findings.size(), 1u);
  EXPECT_EQ(card.findings[0].detector, "CN_RESIDENT_ID");
  EXPECT_EQ(card.output, "卡号[CN_RESIDENT_ID]");
  // Next to an ID word it is not a card at all.
  const ScanResult id = DefaultScanner()->Scan("身份证110105198001010753");
  ASSERT_EQ(id.findings.size(), 1u);
  EXPECT_EQ(id.findings[0].detector, "CN_RESIDENT_ID");
  EXPECT_EQ(Redacted("110105198001010753"), "[CN_RESIDENT_ID]");
  EXPECT_EQ(Redacted("620102198001010754"), "[CN_RESIDENT_ID]");  // 62: UnionPay too
}

TEST(BankCardScan, DigitsInsideALetterAndDigitCodeAreNotACard) {
  EXPECT_EQ(Redacted("account GB42NWUH86886225901023x"), "account GB42NWUH86886225901023x");
  EXPECT_EQ(Redacted("卡号6222021234567890128号"), "卡号[BANK_CARD]号");
}

TEST(BankCardScan, IdShapedNumberWithAWrongCheckNeedsACardWord) {
  // Region 320106, born 1964-08-21, Luhn-valid, but not a valid ID.
  EXPECT_EQ(Redacted("编号 320106196408214915"), "编号 320106196408214915");
  EXPECT_EQ(Redacted("卡号 320106196408214915"), "卡号 [BANK_CARD]");
}

TEST(BankCardScan, LookAlikesNextToACardSurvive) {
  EXPECT_EQ(Redacted("订单号202311150001234 卡号 6222021234567890128"),
            "订单号202311150001234 卡号 [BANK_CARD]");
}

}  // namespace
}  // namespace scrub::testing
