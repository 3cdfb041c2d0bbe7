// QQ_NUMBER, WECHAT_ID (context required) and PERSON_NAME (label required).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kQq[] = "QQ_NUMBER";
constexpr char kWechat[] = "WECHAT_ID";
constexpr char kName[] = "PERSON_NAME";
constexpr char kMobile[] = "CN_MOBILE";

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class ContactScan : public ::testing::TestWithParam<Case> {};

TEST_P(ContactScan, FindsExactSpans) {
  EXPECT_EQ(Spans(GetParam().text), GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Qq, ContactScan,
    ::testing::Values(
        Case{"QQ 12345678", {{kQq, "12345678"}}},
        Case{"我的qq号码是：1234567890", {{kQq, "1234567890"}}},
        Case{"扣扣10001", {{kQq, "10001"}}},
        Case{"QQ群12345678", {{kQq, "12345678"}}},
        Case{"加QQ好友12345678", {{kQq, "12345678"}}},
        // QQ followed by another Han word names a product, not a number.
        Case{"QQ音乐 12345678 首发", {}},
        Case{"QQ空间 1234567 访问", {}},
        Case{"企鹅号：987654321", {{kQq, "987654321"}}},
        Case{"ＱＱ：１２３４５６７８", {{kQq, "１２３４５６７８"}}},
        // Without context, too short, too long, leading zero.
        Case{"12345678", {}},
        Case{"QQ 1234", {}},
        Case{"QQ 012345678", {}},
        Case{"QQ 123456789012", {}},
        Case{"价格12345元，QQ群见", {}}));  // the word is after, too far

INSTANTIATE_TEST_SUITE_P(
    Wechat, ContactScan,
    ::testing::Values(
        Case{"微信号：wxid_abc123", {{kWechat, "wxid_abc123"}}},
        Case{"加我微信 zhang-san_88", {{kWechat, "zhang-san_88"}}},
        Case{"WeChat ID: Alice2024", {{kWechat, "Alice2024"}}},
        Case{"vx：lucky_cat", {{kWechat, "lucky_cat"}}},
        Case{"wx zhangsan", {{kWechat, "zhangsan"}}},
        Case{"微信13800138000", {{kMobile, "13800138000"}, {kWechat, "13800138000"}}},
        // Without context, too short or long, not starting with a letter.
        Case{"zhangsan2024", {}},
        Case{"微信 abc12", {}},
        Case{"微信 _abc123", {}},
        Case{"微信 a12345678901234567890", {}},
        Case{"WeChat: please add me", {}},
        Case{"wxid_abc123", {}}));

INSTANTIATE_TEST_SUITE_P(
    Name, ContactScan,
    ::testing::Values(
        Case{"姓名：王小明", {{kName, "王小明"}}},
        Case{"收件人张三，电话13800138000",
             {{kName, "张三"}, {kMobile, "13800138000"}}},
        Case{"联系人：李四 手机", {{kName, "李四"}}},
        Case{"姓名欧阳娜娜", {{kName, "欧阳娜娜"}}},
        Case{"户名：陳大文", {{kName, "陳大文"}}},
        Case{"收货人：赵六电话", {{kName, "赵六"}}},
        Case{"姓名：张三男", {{kName, "张三"}}},
        Case{"Name: John Smith, phone", {{kName, "John Smith"}}},
        Case{"recipient=Mary Ann O'Neil", {{kName, "Mary Ann O'Neil"}}},
        Case{"姓名: Zhang Wei", {{kName, "Zhang Wei"}}},
        // A space between surname and given name; travel, booking and
        // delivery labels.
        Case{"姓名：王 芳", {{kName, "王 芳"}}},
        Case{"姓名：王 芳 电话", {{kName, "王 芳"}}},
        Case{"旅客：李娜 登机口", {{kName, "李娜"}}},
        Case{"入住人 张伟", {{kName, "张伟"}}},
        Case{"取件人：陈静，", {{kName, "陈静"}}},
        Case{"Passenger: Mary Jones", {{kName, "Mary Jones"}}},
        // A title or an identifier after an English label is no name.
        Case{"name: Deploy to Production", {}},
        Case{"name: API_Gateway", {}},
        Case{"name: build-and-test", {}},
        // No label, a username, no common surname, lower-case Latin.
        Case{"王小明来了", {}},
        Case{"用户名：admin", {}},
        Case{"用户名：王小明", {}},
        Case{"联系人列表为空", {}},
        Case{"file name report", {}},
        Case{"name: admin", {}},
        Case{"姓名：", {}}));

TEST(ContactScan, RedactsThroughTheDefaultPolicy) {
  EXPECT_EQ(Redacted("收件人：王小明，微信 wxid_abc123，QQ 12345678"),
            "收件人：[PERSON_NAME]，微信 [WECHAT_ID]，QQ [QQ_NUMBER]");
}

}  // namespace
}  // namespace scrub::testing
