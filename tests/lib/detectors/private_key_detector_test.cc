// PRIVATE_KEY: PEM blocks of every common label, across lines, on one line
// with "\n" escapes, old-style encrypted headers, truncated blocks.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

// Not a real key: base64 of filler bytes, shaped like one.
constexpr char kBody[] =
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
    "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
    "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo\n";

std::string Pem(const std::string& label, const std::string& nl = "\n") {
  std::string body = kBody;
  if (nl != "\n") {
    std::string replaced;
    for (char c : body) {
      if (c == '\n') {
        replaced += nl;
      } else {
        replaced += c;
      }
    }
    body = replaced;
  }
  return "-----BEGIN " + label + "-----" + nl + body + "-----END " + label + "-----";
}

class PrivateKeyTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(PrivateKeyTest, FindsExactlyTheBlocks) {
  EXPECT_EQ(FindValues("PRIVATE_KEY", GetParam().text), GetParam().values);
}

std::vector<DetectorCase> EveryLabel() {
  std::vector<DetectorCase> cases;
  for (const char* label :
       {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY",
        "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"}) {
    const std::string pem = Pem(label);
    cases.push_back({"key:\n" + pem + "\nthanks", {pem}});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EveryLabel, PrivateKeyTest, ::testing::ValuesIn(EveryLabel()));

const std::string kEncryptedPem =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "Proc-Type: 4,ENCRYPTED\n"
    "DEK-Info: AES-128-CBC,3F17F5316E2BAC89E4E7C2C1F8B2B4AF\n\n" +
    std::string(kBody) + "-----END RSA PRIVATE KEY-----";

INSTANTIATE_TEST_SUITE_P(
    Forms, PrivateKeyTest,
    ::testing::Values(
        // One line with literal \n escapes, in JSON and in an env file.
        DetectorCase{"{\"key\":\"" + Pem("RSA PRIVATE KEY", "\\n") + "\\n\"}",
                     {Pem("RSA PRIVATE KEY", "\\n")}},
        DetectorCase{"SSH_KEY=\"" + Pem("OPENSSH PRIVATE KEY", "\\n") + "\"",
                     {Pem("OPENSSH PRIVATE KEY", "\\n")}},
        DetectorCase{"crlf " + Pem("EC PRIVATE KEY", "\r\n"), {Pem("EC PRIVATE KEY", "\r\n")}},
        DetectorCase{kEncryptedPem, {kEncryptedPem}},
        DetectorCase{"私钥" + Pem("PRIVATE KEY") + "请删除", {Pem("PRIVATE KEY")}},
        // Truncated: no END line. Redacted up to the end of the body.
        DetectorCase{"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
                     "[message truncated]",
                     {"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"}},
        DetectorCase{"x -----BEGIN RSA PRIVATE KEY-----", {"-----BEGIN RSA PRIVATE KEY-----"}},
        DetectorCase{Pem("PRIVATE KEY") + "\n" + Pem("EC PRIVATE KEY"),
                     {Pem("PRIVATE KEY"), Pem("EC PRIVATE KEY")}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, PrivateKeyTest,
    ::testing::Values(
        DetectorCase{"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----", {}},
        DetectorCase{"-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+g\n-----END CERTIFICATE-----",
                     {}},
        DetectorCase{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host", {}},
        DetectorCase{"the private key is in the vault", {}},
        DetectorCase{"-----BEGIN private key-----", {}}));

}  // namespace
}  // namespace scrub::testing
