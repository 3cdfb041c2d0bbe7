// CN_RESIDENT_ID: 18-character IDs (plain, grouped, evasions), permits,
// region-code confidence, 15-digit legacy IDs with context only.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/internal/validators/resident_id_validator.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kId[] = "CN_RESIDENT_ID";

TEST(CnResidentIdScore, KnownRegionCodeRaisesConfidence) {
  EXPECT_DOUBLE_EQ(Score(kId, "11010519491231002X"), 0.95);  // 北京市朝阳区
  EXPECT_DOUBLE_EQ(Score(kId, "110103198001010013"), 0.95);  // 崇文区 (historic)
  EXPECT_DOUBLE_EQ(Score(kId, "440306199003071232"), 0.95);  // 深圳市宝安区
}

TEST(CnResidentIdScore, UnknownRegionCodeDoesNotReject) {
  EXPECT_DOUBLE_EQ(Score(kId, "119999198001010018"), 0.85);
}

TEST(CnResidentIdScore, ResidencePermitsAndOldBirthYears) {
  EXPECT_DOUBLE_EQ(Score(kId, "810000199408230021"), 0.95);  // Hong Kong
  EXPECT_DOUBLE_EQ(Score(kId, "820000199001010029"), 0.95);  // Macau
  EXPECT_DOUBLE_EQ(Score(kId, "830000199001010020"), 0.95);  // Taiwan
  // Born 1880, in a county (440524) abolished before the table's 2002 start:
  // unknown, and still accepted.
  EXPECT_DOUBLE_EQ(Score(kId, "440524188001010014"), 0.85);
}

TEST(CnResidentIdScore, EveryWrongCheckCharacterIsRejected) {
  for (const std::string first17 :
       {"11010519491231002", "11999919800101001", "83000019900101002",
        "32010219850615332"}) {
    const char right = internal::ResidentIdCheckChar(first17);
    for (char c : std::string("0123456789X")) {
      const std::string id = first17 + c;
      EXPECT_EQ(Score(kId, id) > 0, c == right) << id;
    }
  }
}

TEST(CnResidentIdScore, FutureOrImpossibleBirthDatesAreRejected) {
  const std::string future = "11010520270101001";  // after kToday
  EXPECT_EQ(Score(kId, future + internal::ResidentIdCheckChar(future)), 0);
  const std::string feb30 = "11010519800230001";
  EXPECT_EQ(Score(kId, feb30 + internal::ResidentIdCheckChar(feb30)), 0);
  const std::string y1799 = "11010517990101001";
  EXPECT_EQ(Score(kId, y1799 + internal::ResidentIdCheckChar(y1799)), 0);
}

TEST(CnResidentIdScore, LegacyFifteenDigitIdsScoreBelowTheContextFloor) {
  EXPECT_DOUBLE_EQ(Score(kId, "110105491231002"), 0.6);   // known county
  EXPECT_DOUBLE_EQ(Score(kId, "119999491231002"), 0.5);   // unknown county
  EXPECT_EQ(Score(kId, "110105491331002"), 0);            // month 13
  EXPECT_EQ(Score(kId, "160105491231002"), 0);            // no province 16
  EXPECT_EQ(Score(kId, "810000941231002"), 0);            // permits are 18 long
}

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class CnResidentIdScan : public ::testing::TestWithParam<Case> {};

TEST_P(CnResidentIdScan, FindsExactSpans) {
  EXPECT_EQ(SpansOf(GetParam().text, kId), GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CnResidentIdScan,
    ::testing::Values(
        // Plain, lower-case x, touching Han characters.
        Case{"11010519491231002X", {{kId, "11010519491231002X"}}},
        Case{"身份证11010519491231002x号", {{kId, "11010519491231002x"}}},
        Case{"id:440524188001010014.", {{kId, "440524188001010014"}}},
        // Groupings 6-8-4 and 6-4-4-4 with spaces, dashes, dots.
        Case{"110105 19491231 002X", {{kId, "110105 19491231 002X"}}},
        Case{"110105-1949-1231-002X", {{kId, "110105-1949-1231-002X"}}},
        Case{"110105.1949.1231.002X", {{kId, "110105.1949.1231.002X"}}},
        Case{"110105 1949 1231 002X", {{kId, "110105 1949 1231 002X"}}},
        // Evasions: full-width digits, zero-width characters, ideographic
        // space, full-width hyphen, Chinese numerals.
        Case{"１１０１０５１９４９１２３１００２Ｘ",
             {{kId, "１１０１０５１９４９１２３１００２Ｘ"}}},
        Case{"1101\u200b0519491231\u200d002X", {{kId, "1101\u200b0519491231\u200d002X"}}},
        Case{"110105\u300019491231\u3000002X", {{kId, "110105\u300019491231\u3000002X"}}},
        Case{"110105－19491231－002X", {{kId, "110105－19491231－002X"}}},
        Case{"身份证一一〇一〇五一九四九一二三一〇〇二X",
             {{kId, "一一〇一〇五一九四九一二三一〇〇二X"}}},
        // Permits and unknown counties are found.
        Case{"830000199001010020", {{kId, "830000199001010020"}}},
        Case{"119999198001010018", {{kId, "119999198001010018"}}},
        // Two IDs side by side, separated by a comma.
        Case{"11010519491231002X,440524188001010014",
             {{kId, "11010519491231002X"}, {kId, "440524188001010014"}}},
        // Boundaries: glued to another digit, a strong validator still finds
        // it; inside a letter run it is no ID.
        Case{"911010519491231002X", {{kId, "11010519491231002X"}}},
        Case{"11010519491231002XY", {}},
        // A check character X ends the digit run: digits after it are a new
        // number (otherwise redacting that number would expose the ID).
        Case{"11010519491231002X5", {{kId, "11010519491231002X"}}},
        Case{"11010519491231002X13800138000", {{kId, "11010519491231002X"}}},
        Case{"A11010519491231002X", {{kId, "11010519491231002X"}}},
        // Wrong check character.
        Case{"110105194912310021", {}},
        Case{"订单号110105194912310021已发货", {}},
        // Legacy 15 digits: only next to a context word.
        Case{"身份证号：110105491231002", {{kId, "110105491231002"}}},
        Case{"身分證 110105 491231 002", {{kId, "110105 491231 002"}}},
        Case{"ID card no 110105491231002", {{kId, "110105491231002"}}},
        Case{"110105491231002", {}},
        Case{"订单号110105491231002", {}},
        Case{"身份证号：110105491331002", {}}));  // month 13

TEST(CnResidentIdScan, NegativeContextKeepsAValidIdButLowersIt) {
  const ScanResult r = DefaultScanner()->Scan("订单号11010519491231002X");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_DOUBLE_EQ(r.findings[0].confidence, 0.65);
}

TEST(CnResidentIdScan, RedactsThroughTheDefaultPolicy) {
  EXPECT_EQ(Redacted("我的身份证号是11010519491231002X，谢谢"),
            "我的身份证号是[CN_RESIDENT_ID]，谢谢");
  EXPECT_EQ(Redacted("证件：１１０１０５　１９４９１２３１　００２ｘ"),
            "证件：[CN_RESIDENT_ID]");
  EXPECT_EQ(Redacted("订单号110105194912310021已发货"), "订单号110105194912310021已发货");
}

}  // namespace
}  // namespace scrub::testing
