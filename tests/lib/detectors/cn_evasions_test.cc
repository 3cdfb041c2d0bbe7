// Evasions and mixed lines through the full Scanner with the default policy:
// the exact output, so look-alikes next to personal data must survive
// byte for byte.
#include <string>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

struct Case {
  const char* input;
  const char* output;
};

class CnEvasion : public ::testing::TestWithParam<Case> {};

TEST_P(CnEvasion, RedactsExactly) {
  EXPECT_EQ(Redacted(GetParam().input), GetParam().output) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Evasions, CnEvasion,
    ::testing::Values(
        // Full-width digits and letters.
        Case{"身份证：１１０１０５１９４９１２３１００２Ｘ。", "身份证：[CN_RESIDENT_ID]。"},
        Case{"护照Ｅ１２３４５６７８", "护照[CN_PASSPORT]"},
        Case{"Ａ１２３４５６（３）", "[HK_ID]"},
        Case{"统一社会信用代码９１３５０１００Ｍ０００１００Ｙ４３",
             "统一社会信用代码[CN_USCC]"},
        // Zero-width and format characters inside the value.
        Case{"卡号6222\u200b0212\u200c3456\u200d7890\u2060128", "卡号[BANK_CARD]"},
        Case{"A123\ufeff456789", "[TW_ID]"},
        Case{"QQ 1234\u00ad5678", "QQ [QQ_NUMBER]"},
        // Ideographic space and full-width hyphen as separators.
        Case{"电话０２１\u3000６１２３\u3000４５６７", "电话[CN_LANDLINE]"},
        Case{"手机138－0013－8000", "手机[CN_MOBILE]"},
        Case{"110105\u300019491231\u3000002X", "[CN_RESIDENT_ID]"},
        // Chinese numerals (with 〇 and 幺).
        Case{"电话幺三八〇〇幺三八〇〇〇", "电话[CN_MOBILE]"},
        Case{"身份证号一一〇一〇五一九四九一二三一〇〇二X", "身份证号[CN_RESIDENT_ID]"},
        // Digits touching Han characters on both sides.
        Case{"号码13800138000号", "号码[CN_MOBILE]号"},
        Case{"证件号11010519491231002X号码", "证件号[CN_RESIDENT_ID]号码"},
        Case{"座机010-62345678转", "座机[CN_LANDLINE]转"}));

INSTANTIATE_TEST_SUITE_P(
    MixedLines, CnEvasion,
    ::testing::Values(
        // An order number beside an ID: only the ID goes.
        Case{"订单号202311150001234567，身份证11010519491231002X",
             "订单号202311150001234567，身份证[CN_RESIDENT_ID]"},
        // A price beside a phone number.
        Case{"价格1380元，电话13800138000", "价格1380元，电话[CN_MOBILE]"},
        // A tracking number beside a card number.
        Case{"快递单号SF1234567890123，卡号4111 1111 1111 1111",
             "快递单号SF1234567890123，卡号[BANK_CARD]"},
        // A timestamp and a version beside a QQ number.
        Case{"1700000000004 v2.3.1 QQ 12345678", "1700000000004 v2.3.1 QQ [QQ_NUMBER]"},
        // A wrong check character stays.
        Case{"身份证110105194912310021，护照号E12345678",
             "身份证110105194912310021，护照号[CN_PASSPORT]"},
        // An address and a name on one line; the date and the meeting room stay.
        Case{"3号下午到三楼开会。收件人：李四，地址：上海市徐汇区长乐路123弄4号",
             "3号下午到三楼开会。收件人：[PERSON_NAME]，地址：[CN_ADDRESS]"},
        // Ordinary chat is untouched.
        Case{"今天天气不错，晚上一起吃饭吧？", "今天天气不错，晚上一起吃饭吧？"},
        Case{"我在路上，建国路很堵，大概二十分钟到", "我在路上，建国路很堵，大概二十分钟到"}));

}  // namespace
}  // namespace scrub::testing
