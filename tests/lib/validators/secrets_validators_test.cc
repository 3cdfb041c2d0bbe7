// Validators of the secret detectors: GitHub token checksums, JOSE headers
// and JWT structure, placeholder secret values.
#include <string>

#include "gtest/gtest.h"
#include "scrub/internal/validators/github_token_validator.h"
#include "scrub/internal/validators/jwt_validator.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {
namespace {

constexpr char kPat[] = "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";

TEST(Crc32, MatchesZlibCheckValue) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);  // the standard check value
  EXPECT_EQ(Crc32(""), 0u);
}

TEST(Base62, PadsToWidth) {
  EXPECT_EQ(Base62(0, 6), "000000");
  EXPECT_EQ(Base62(61, 6), "00000z");
  EXPECT_EQ(Base62(62, 1), "10");
  EXPECT_EQ(Base62(0xFFFFFFFFu, 6), "4gfFC3");
}

TEST(GithubTokenValidator, AcceptsValidChecksumsOfEveryClassicPrefix) {
  for (const char* token : {kPat, "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",
                            "ghu_CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy",
                            "ghs_JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWT",
                            "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"}) {
    EXPECT_TRUE(IsGithubClassicTokenShape(token)) << token;
    EXPECT_TRUE(HasValidGithubTokenChecksum(token)) << token;
  }
}

TEST(GithubTokenValidator, RejectsEveryFlippedChecksumCharacter) {
  const std::string token = kPat;
  for (size_t i = token.size() - 6; i < token.size(); ++i) {
    std::string flipped = token;
    flipped[i] = flipped[i] == 'A' ? 'B' : 'A';
    EXPECT_TRUE(IsGithubClassicTokenShape(flipped));
    EXPECT_FALSE(HasValidGithubTokenChecksum(flipped)) << i;
  }
}

TEST(GithubTokenValidator, RejectsAFlippedRandomCharacter) {
  std::string token = kPat;
  token[4] = 'L';  // 'K' -> 'L'
  EXPECT_FALSE(HasValidGithubTokenChecksum(token));
}

TEST(GithubTokenValidator, RejectsWrongShapes) {
  EXPECT_FALSE(IsGithubClassicTokenShape("ghx_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"));
  EXPECT_FALSE(IsGithubClassicTokenShape("ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1I"));
  EXPECT_FALSE(IsGithubClassicTokenShape("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x"));
  EXPECT_FALSE(IsGithubClassicTokenShape("ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1-L"));
  EXPECT_FALSE(HasValidGithubTokenChecksum("ghp_short"));
}

TEST(GithubTokenValidator, FineGrainedTokenShape) {
  const std::string pat =
      "github_pat_ugM1yTMAd7V3DnI8lFPPwt_"
      "V5ASPZHu8qRtZHjQMhuOzE95B9EgE0VrbBGI09QYNdaKy8isWydfhl3Tvtn";
  EXPECT_TRUE(IsGithubFineGrainedTokenShape(pat));
  EXPECT_FALSE(IsGithubFineGrainedTokenShape(pat.substr(0, pat.size() - 1)));
  std::string moved = pat;
  std::swap(moved[33], moved[34]);  // the inner '_' one place later
  EXPECT_FALSE(IsGithubFineGrainedTokenShape(moved));
  EXPECT_FALSE(IsGithubFineGrainedTokenShape("github_pat_"));
}

// {"alg":"HS256","typ":"JWT"} and {"sub":"1234567890","name":"Zhang San",...}
constexpr char kHeader[] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
constexpr char kPayload[] =
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlpoYW5nIFNhbiIsImlhdCI6MTUxNjIzOTAyMn0";

TEST(JwtValidator, AcceptsJoseHeaders) {
  EXPECT_TRUE(IsJoseHeader(kHeader));
  EXPECT_TRUE(IsJoseHeader("eyJhbGciOiJub25lIn0"));        // {"alg":"none"}
  EXPECT_TRUE(IsJoseHeader("eyAiYWxnIjogIlJTMjU2IiB9"));   // { "alg": "RS256" }
  EXPECT_TRUE(IsJoseHeader("ewogImFsZyI6ICJSUzI1NiIKfQ"));  // with newlines
}

TEST(JwtValidator, RejectsHeadersWithoutAlgOrNotJson) {
  EXPECT_FALSE(IsJoseHeader("eyJ0eXAiOiJKV1QifQ"));  // {"typ":"JWT"}
  EXPECT_FALSE(IsJoseHeader("WzEsMl0"));             // [1,2]
  EXPECT_FALSE(IsJoseHeader("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ"));  // cut short
  EXPECT_FALSE(IsJoseHeader("eyJhbGc+OiJub25lIn0"));  // not base64url
  EXPECT_FALSE(IsJoseHeader(""));
  EXPECT_FALSE(IsJoseHeader(std::string(5000, 'e')));  // over the size bound
}

TEST(JwtValidator, AcceptsSignedUnsignedAndEncryptedTokens) {
  const std::string base = std::string(kHeader) + "." + kPayload;
  EXPECT_TRUE(IsValidJwt(base + ".oopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXz"));
  EXPECT_TRUE(IsValidJwt(base + "."));  // empty signature
  EXPECT_TRUE(IsValidJwt(base));        // no signature segment (issue 13)
  EXPECT_TRUE(IsValidJwt(std::string(kHeader) + ".eyJzdWIiOiIxMjM0NTY3OD"));  // cut short
  EXPECT_TRUE(IsValidJwt(
      "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZ."
      "48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs.XFBoMYUZodetZdvTiFvSkQ"));
}

TEST(JwtValidator, RejectsWrongStructure) {
  const std::string base = std::string(kHeader) + "." + kPayload;
  // Two segments whose payload does not start like a JSON object, or is
  // too short to hold one.
  EXPECT_FALSE(IsValidJwt(std::string(kHeader) + ".abcdefgh"));
  EXPECT_FALSE(IsValidJwt(std::string(kHeader) + ".eyJ"));
  EXPECT_FALSE(IsValidJwt(std::string(kHeader) + ".eyJz+dW"));  // not base64url
  EXPECT_FALSE(IsValidJwt(base + ".sig.extra"));        // four segments
  EXPECT_FALSE(IsValidJwt(std::string(kHeader) + "..sig"));  // empty payload
  EXPECT_FALSE(IsValidJwt("eyJ0eXAiOiJKV1QifQ." + std::string(kPayload) + ".sig"));
  EXPECT_FALSE(IsValidJwt(base + ".si+g"));
  EXPECT_TRUE(IsValidJwt("eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..iv.ct.tag"));  // JWE "dir"
}

TEST(SecretValueValidator, RecognisesPlaceholders) {
  for (const char* v : {"******", "hun****2", "xxxx", "XXXXXX", "###", "•••",
                        "${DB_PASSWORD}", "$DB_PASSWORD", "{{ .Values.pw }}", "%s",
                        "<password>", "[PASSWORD]", "[PASSWORD", "<pass_word", "[REDACTED]", "(hidden)",
                        "<your password>", "[密码已隐藏]", "{secret}", "[]", "<>",
                        "tok_password_k1_0123abcd", "null", "None", "undefined",
                        "TRUE", "required", "redacted", ""}) {
    EXPECT_TRUE(IsPlaceholderSecret(v)) << v;
  }
}

TEST(SecretValueValidator, KeepsRealLookingSecrets) {
  for (const char* v : {"hunter2", "s3cr3t!", "P@ssw0rd", "123456", "xX9$kq",
                        "$ecret-lower", "correct horse battery staple", "ab*cd",
                        "x", "nullify",
                        // In brackets, a value with digits or symbols is a
                        // secret, not a placeholder word.
                        "[hunter2]", "<s3cr3t!>", "(pa55word)", "[19099999ENk4-----BEGIN"}) {
    EXPECT_FALSE(IsPlaceholderSecret(v)) << v;
  }
}

}  // namespace
}  // namespace scrub::internal
