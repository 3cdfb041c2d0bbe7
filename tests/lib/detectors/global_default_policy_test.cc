// The global detectors and secrets through the full Scanner with
// scrub::DefaultPolicy(): exact outputs (and so exact spans) for ordinary
// text, evasions (full-width forms, zero-width characters, Han characters
// touching values) and look-alikes that must survive byte for byte.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/lib/detectors/global_detector_testing.h"

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
  EXPECT_EQ(RedactWithDefaultPolicy(GetParam().text), GetParam().output);
}

TEST_P(DefaultPolicyRedactionTest, RedactedOutputScansClean) {
  const std::string once = RedactWithDefaultPolicy(GetParam().text);
  EXPECT_EQ(RedactWithDefaultPolicy(once), once);
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
        RedactionCase{"-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE-----"},
        RedactionCase{"build eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.abc ok",
                      "build eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.abc ok"}));

}  // namespace
}  // namespace scrub::testing
