// The global detectors and secrets through the full Scanner with
// scrub::DefaultPolicy(): exact outputs (and so exact spans) for ordinary
// text, evasions (full-width forms, zero-width characters, Han characters
// touching values) and look-alikes that must survive byte for byte.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

struct RedactionCase {
  std::string text;
  std::string output;  // == text: nothing may change
};

std::ostream& operator<<(std::ostream& os, const RedactionCase& c) {
  return os << '"' << c.text << '"';
}

class DefaultPolicyRedactionTest : public ::testing::TestWithParam<RedactionCase> {};

TEST_P(DefaultPolicyRedactionTest, RedactsExactly) {
  EXPECT_EQ(Redacted(GetParam().text), GetParam().output);
}

TEST_P(DefaultPolicyRedactionTest, RedactedOutputScansClean) {
  const std::string once = Redacted(GetParam().text);
  EXPECT_EQ(Redacted(once), once);
}

INSTANTIATE_TEST_SUITE_P(
    Secrets, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                      "export AWS_ACCESS_KEY_ID=[AWS_ACCESS_KEY]"},
        // Full-width key id (folded in the view, redacted in the original).
        RedactionCase{"密钥ＡＫＩＡＩＯＳＦＯＤＮＮ７ＥＸＡＭＰＬＥ。", "密钥[AWS_ACCESS_KEY]。"},
        RedactionCase{"token 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!",
                      "token [GITHUB_TOKEN]!"},
        // A zero-width space inside a token is dropped in the view.
        RedactionCase{"token ghp_Ky9Pf34qY6Nb3w\u200BWD25RQ4F5ZR3qa7y3gm1IL end",
                      "token [GITHUB_TOKEN] end"},
        RedactionCase{"Authorization: Bearer eyJhbGciOiJub25lIn0."
                      "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0.",
                      "Authorization: Bearer [JWT]"},
        RedactionCase{"{\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAu1SU\\n"
                      "-----END RSA PRIVATE KEY-----\\n\"}",
                      "{\"key\":\"[PRIVATE_KEY]\\n\"}"},
        RedactionCase{"db: postgres://app:Pa55w0rd@db.internal:5432/app",
                      "db: postgres://[URL_CREDENTIALS]@db.internal:5432/app"},
        RedactionCase{"password=hunter2&user=bob", "password=[PASSWORD]&user=bob"},
        RedactionCase{"{\"user\":\"bob\",\"password\":\"correct horse\"}",
                      "{\"user\":\"bob\",\"password\":\"[PASSWORD]\"}"},
        RedactionCase{"我的密码是Qwe!2345，别告诉别人", "我的密码是[PASSWORD]，别告诉别人"},
        // Full-width colon and digits; zero-width joiner inside the value.
        RedactionCase{"密码：１２３\u200D４５６", "密码：[PASSWORD]"}));

INSTANTIATE_TEST_SUITE_P(
    SecretLookAlikesSurvive, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"forgot password? reset it at https://example.com/reset",
                      "forgot password? reset it at https://example.com/reset"},
        RedactionCase{"password: ******", "password: ******"},
        RedactionCase{"ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git"},
        RedactionCase{"-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE-----"},
        RedactionCase{"build eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.abc ok",
                      "build eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.abc ok"}));

INSTANTIATE_TEST_SUITE_P(
    AccountsAndNetwork, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"请汇款到DE89 3704 0044 0532 0130 00，谢谢",
                      "请汇款到[IBAN]，谢谢"},
        RedactionCase{"IBAN ＧＢ８２ＷＥＳＴ１２３４５６９８７６５４３２", "IBAN [IBAN]"},
        RedactionCase{"SSN 536-90-4399, order 123456789",
                      "SSN [US_SSN], order 123456789"},
        // Zero-width characters inside the number are dropped in the view
        // and redacted with it.
        RedactionCase{"ssn 536\u200B-90-\u200C4399", "ssn [US_SSN]"},
        RedactionCase{"设备00:1A:2B:3C:4D:5E上线 at 12:30:45",
                      "设备[MAC_ADDRESS]上线 at 12:30:45"},
        RedactionCase{"from fe80::1%eth0 and 2001:db8::8a2e:370:7334 at 12:30:45",
                      "from [IP_ADDRESS] and [IP_ADDRESS] at 12:30:45"},
        RedactionCase{"请联系zhang@example.com谢谢", "请联系[EMAIL]谢谢"},
        RedactionCase{"邮箱：用户@例子.公司，电邮josé@example.es",
                      "邮箱：[EMAIL]，电邮[EMAIL]"}));

INSTANTIATE_TEST_SUITE_P(
    Locations, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"我在39.9042,116.4074，快来", "我在[GPS_COORDINATE]，快来"},
        RedactionCase{"{\"lat\":39.9042,\"lng\":116.4074}",
                      "{\"lat\":[GPS_COORDINATE],\"lng\":[GPS_COORDINATE]}"},
        RedactionCase{"北纬39度54分15秒，东经116度24分27秒见", "[GPS_COORDINATE]见"},
        RedactionCase{"meet at 39°54′15″N 116°24′27″E.", "meet at [GPS_COORDINATE]."},
        // Full-width digits, comma and a zero-width space inside.
        RedactionCase{"坐标３９．９０\u200B４２，１１６．４０７４", "坐标[GPS_COORDINATE]"},
        // A price beside a location: the price survives byte for byte.
        RedactionCase{"价格¥39.90，位置39.9042,116.4074", "价格¥39.90，位置[GPS_COORDINATE]"}));

INSTANTIATE_TEST_SUITE_P(
    LocationLookAlikesSurvive, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"v2.3.4 发布，评分 98.765, 87.654", "v2.3.4 发布，评分 98.765, 87.654"},
        RedactionCase{"¥39.90 $116.40 共 2 件", "¥39.90 $116.40 共 2 件"},
        RedactionCase{"2024.01.15 12:30:45.123456", "2024.01.15 12:30:45.123456"}));

INSTANTIATE_TEST_SUITE_P(
    PhoneNumbers, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"call me at +44 20 7946 0958 tomorrow", "call me at [PHONE] tomorrow"},
        RedactionCase{"US office (415) 555-0132", "US office [PHONE]"},
        RedactionCase{"请打+81 90-1234-5678谢谢", "请打[PHONE]谢谢"},
        RedactionCase{"+86 138 0013 8000", "[CN_MOBILE]"},
        // Full-width plus and digits, a zero-width space inside.
        RedactionCase{"＋４４ ２０ ７９４６\u200B ０９５８", "[PHONE]"},
        // An order number beside a phone number survives.
        RedactionCase{"order 415-555-2671, phone +1 415-555-2671",
                      "order 415-555-2671, phone [PHONE]"}));

INSTANTIATE_TEST_SUITE_P(
    AccountLookAlikesSurvive, DefaultPolicyRedactionTest,
    ::testing::Values(
        RedactionCase{"订单号536904399已发货", "订单号536904399已发货"},
        RedactionCase{"DE88370400440532013000", "DE88370400440532013000"},
        RedactionCase{"version 1.2.3.4 build 2024.01.15", "version 1.2.3.4 build 2024.01.15"},
        RedactionCase{"std::map<int, int> m; a::b", "std::map<int, int> m; a::b"}));

// A message at the size limit made of the characters every global pattern
// starts, continues or ends with: the candidate automaton (64 MiB default
// budget) must neither run out of memory - which would BLOCK the message,
// fail closed - nor stop finding.
TEST(DefaultPolicyLimits, LargeAdversarialMessageDoesNotExhaustTheEngine) {
  std::mt19937 rng(1);
  const std::string ascii = "0123456789abcdefABCDEF:.-_@/+= ,;'\"()[]{}%#xyzXYZNSEW";
  const char* const other[] = {"的", "是", "电", "话", "°", "′", "密", "码", "，"};
  std::string text;
  while (text.size() < (size_t{1} << 20) - 8) {
    if (rng() % 10 == 0) {
      text += other[rng() % 9];
    } else {
      text += ascii[rng() % ascii.size()];
    }
  }
  const std::vector<Finding> findings = DefaultFindings(text);
  EXPECT_FALSE(findings.empty());
  EXPECT_NE(Redacted(text), "<BLOCKED>");
}

}  // namespace
}  // namespace scrub::testing
