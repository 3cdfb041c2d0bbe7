// PASSWORD: values after password keys in English and Chinese, quoted and
// unquoted; the finding is the value only.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class PasswordTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(PasswordTest, FindsExactlyTheValues) {
  EXPECT_EQ(FindValues("PASSWORD", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    EnglishKeys, PasswordTest,
    ::testing::Values(
        DetectorCase{"password=hunter2", {"hunter2"}},
        DetectorCase{"Password: hunter2", {"hunter2"}},
        DetectorCase{"PASSWORD = hunter2 user=bob", {"hunter2"}},
        DetectorCase{"passwd:s3cr3t!", {"s3cr3t!"}},
        DetectorCase{"pwd: 123456", {"123456"}},
        DetectorCase{"passphrase=correct-horse", {"correct-horse"}},
        DetectorCase{"DB_PASSWORD=Xk9$mq2#", {"Xk9$mq2#"}},
        DetectorCase{"MYSQL_ROOT_PASSWORD: example1", {"example1"}},
        DetectorCase{"{\"password\": \"correct horse battery staple\"}",
                     {"correct horse battery staple"}},
        DetectorCase{"{\"password\":\"a\\\"b\"}", {"a\\\"b"}},  // JSON escape inside
        DetectorCase{"password='it is me'", {"it is me"}},
        DetectorCase{"login?user=bob&password=hunter2&next=/", {"hunter2"}},
        DetectorCase{":password => \"s3cret\"", {"s3cret"}},
        DetectorCase{"password=pa,ss;word next", {"pa,ss;word"}},
        DetectorCase{"{pwd=secret1}", {"secret1"}},
        DetectorCase{"password=abc123, then log in", {"abc123"}},
        DetectorCase{"password=\"unterminated", {"unterminated"}},
        // A secret is judged by its visible characters; the value keeps them all.
        DetectorCase{"{\"password\":\"s3\u200Bcret\"}", {"s3\u200Bcret"}},
        // Keys secret scanners know.
        DetectorCase{"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                     {"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},
        DetectorCase{"client_secret=Zx8_kd93Hs", {"Zx8_kd93Hs"}},
        DetectorCase{"{\"CLIENT_SECRET\": \"s3cr3tvalue\"}", {"s3cr3tvalue"}},
        // mysql's -pSECRET, anywhere among its options.
        DetectorCase{"mysql -u root -pS3cret db", {"S3cret"}},
        DetectorCase{"run: mysqldump -h db -u app -pXk9mq2 app > dump.sql", {"Xk9mq2"}}));

INSTANTIATE_TEST_SUITE_P(
    Prose, PasswordTest,
    ::testing::Values(
        DetectorCase{"the password is hunter2", {"hunter2"}},
        DetectorCase{"My password is: Tr0ub4dor&3.", {"Tr0ub4dor&3"}},
        DetectorCase{"wifi password was 'abc!defg' yesterday", {"abc!defg"}},
        DetectorCase{"Passcode is 482916", {"482916"}},
        // A word without a digit or a symbol is no password.
        DetectorCase{"the password is incorrect", {}},
        DetectorCase{"your password is too short", {}},
        DetectorCase{"the password is 8 characters long", {}},
        DetectorCase{"password was reset at 10:00", {}}));

INSTANTIATE_TEST_SUITE_P(
    ChineseKeys, PasswordTest,
    ::testing::Values(
        DetectorCase{"密码：abc123", {"abc123"}},
        DetectorCase{"密码:abc123", {"abc123"}},
        DetectorCase{"我的密码是Qwe!2345，别告诉别人", {"Qwe!2345"}},
        DetectorCase{"初始密码为888888。", {"888888"}},
        DetectorCase{"密碼：P@ssw0rd", {"P@ssw0rd"}},
        DetectorCase{"口令 abcd1234", {"abcd1234"}},
        DetectorCase{"密码abc12345请查收", {"abc12345"}},
        DetectorCase{"wifi密码 12345678", {"12345678"}},
        // Full-width colon and digits fold in the detection view.
        DetectorCase{"密码：１２３４５６", {"１２３４５６"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, PasswordTest,
    ::testing::Values(
        DetectorCase{"password reset link sent", {}},
        DetectorCase{"forgot password? click here", {}},
        DetectorCase{"passwords: 3 failed attempts", {}},
        DetectorCase{"password_hint=blue", {}},
        DetectorCase{"password: ******", {}},
        DetectorCase{"password=${DB_PASSWORD}", {}},
        DetectorCase{"password: null", {}},
        DetectorCase{"\"password\": \"\"", {}},
        DetectorCase{"password=[PASSWORD]", {}},  // Scrub's own redaction
        // Invisible characters make no placeholder a secret: a control byte
        // or U+FFFD after an earlier redaction, a zero-width space in a mask.
        DetectorCase{std::string("{\"password\":\"[PASSWORD]\x01\x00\xEF\xBF\xBD\"}", 30), {}},
        DetectorCase{"password: \"***\u200B***\"", {}},
        // Nor a combining mark the view dropped with a control before it
        // (found by json_record_scan: pwd:"x\x0e\u0367"0 redacted as "x").
        DetectorCase{"pwd:\"[PASSWORD]\x0e\u0367\"0", {}},
        DetectorCase{"密码错误，请重试", {}},
        DetectorCase{"密码8位以上", {}},          // too short without a separator
        DetectorCase{"修改密码后重新登录", {}}));

}  // namespace
}  // namespace scrub::testing
