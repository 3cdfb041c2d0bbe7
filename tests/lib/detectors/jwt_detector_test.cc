// JWT: signed, unsigned (empty signature) and encrypted tokens; boundaries;
// base64 look-alikes that are not JOSE.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

// {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"Zhang San",...}
const std::string kSigned =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0."
    "oopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXz";
// {"alg":"none"} . same payload . (empty signature)
const std::string kUnsigned =
    "eyJhbGciOiJub25lIn0."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0.";
// {"alg":"RSA-OAEP","enc":"A256GCM"}, five segments.
const std::string kEncrypted =
    "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZ."
    "48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs.XFBoMYUZodetZdvTiFvSkQ";
// {"alg":"dir","enc":"A128GCM"}: direct encryption, empty encrypted key.
const std::string kEncryptedDirect =
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..48V1_ALb6US04U3b."
    "5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs.XFBoMYUZodetZdvTiFvSkQ";
// Two segments: an unsecured token without its final '.', and a token cut
// short inside its payload (a truncated log line).
const std::string kTwoSegments =
    "eyJhbGciOiJub25lIn0."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0";
const std::string kTruncated = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3OD";
// {"alg": "HS256", "typ": "JWT"} with spaces, and {\n "alg": ...}.
const std::string kSpacedHeader =
    "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0."
    "oopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXz";
const std::string kNewlineHeader = "ewogICJhbGciOiAibm9uZSIKfQ.eyJzdWIiOiIxIn0.";
// {"typ":"JWT"}: no "alg".
const std::string kNoAlg =
    "eyJ0eXAiOiJKV1QifQ."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0.abc";

class JwtTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(JwtTest, FindsExactlyTheTokens) {
  EXPECT_EQ(FindValues("JWT", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, JwtTest,
    ::testing::Values(
        DetectorCase{kSigned, {kSigned}},
        DetectorCase{"Authorization: Bearer " + kSigned, {kSigned}},
        DetectorCase{"{\"token\":\"" + kSigned + "\"}", {kSigned}},
        DetectorCase{"https://x.example/cb?id_token=" + kSigned + "&state=1", {kSigned}},
        DetectorCase{"登录令牌" + kSigned + "已过期", {kSigned}},
        DetectorCase{"unsigned: " + kUnsigned, {kUnsigned}},
        DetectorCase{"unsigned " + kUnsigned + " end", {kUnsigned}},
        DetectorCase{"token " + kSigned + ". Next sentence", {kSigned}},
        DetectorCase{kEncrypted, {kEncrypted}},
        DetectorCase{"jwe=" + kEncryptedDirect, {kEncryptedDirect}},
        DetectorCase{kSigned + " " + kUnsigned, {kSigned, kUnsigned}},
        DetectorCase{"token " + kTwoSegments + " end", {kTwoSegments}},
        DetectorCase{"log: Authorization: Bearer " + kTruncated, {kTruncated}},
        DetectorCase{"t=" + kSpacedHeader, {kSpacedHeader}},
        DetectorCase{"t=" + kNewlineHeader, {kNewlineHeader}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, JwtTest,
    ::testing::Values(
        DetectorCase{kNoAlg, {}},
        DetectorCase{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", {}},  // header only
        DetectorCase{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..sig", {}},
        DetectorCase{"everything.is.fine", {}},
        DetectorCase{"eyes.on.me", {}},
        DetectorCase{"eyes.. really", {}},
        DetectorCase{"x" + kSigned, {}},              // inside a longer token
        DetectorCase{kSigned + ".extra", {}},         // four segments
        // Two segments whose second does not start like a JSON object.
        DetectorCase{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.abcdefgh", {}},
        DetectorCase{"eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0", {}}));  // no "alg"

}  // namespace
}  // namespace scrub::testing
