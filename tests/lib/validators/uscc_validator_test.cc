// IsValidUscc: GB 32100 mod-31 check and the embedded GB 11714 check.
#include "scrub/internal/validators/uscc_validator.h"

#include <string>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

constexpr char kCharset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const char* const kValid[] = {
    "91230184MA1BUFLT44", "92371000MA3MXH0E3W", "91110000600037341L",
    "91350100M000100Y43", "914403001922038216", "91110108551385082Q",
};

TEST(UsccValidator, AcceptsValidCodes) {
  for (const char* code : kValid) EXPECT_TRUE(IsValidUscc(code)) << code;
}

TEST(UsccValidator, CheckCharacters) {
  EXPECT_EQ(UsccCheckChar("91230184MA1BUFLT4"), '4');
  EXPECT_EQ(UsccCheckChar("92371000MA3MXH0E3"), 'W');
  EXPECT_EQ(UsccCheckChar("9123018IMA1BUFLT4"), 0);  // I is not in the charset
  EXPECT_EQ(UsccCheckChar("91230184MA1BUFLT"), 0);
  EXPECT_EQ(OrganizationCodeCheckChar("MA1BUFLT"), '4');
  EXPECT_EQ(OrganizationCodeCheckChar("60003734"), '1');
  EXPECT_EQ(OrganizationCodeCheckChar("M000100Y"), '4');
  EXPECT_EQ(OrganizationCodeCheckChar("M000100"), 0);
}

TEST(UsccValidator, RejectsEveryOtherMod31CheckCharacter) {
  for (const std::string code : kValid) {
    for (const char* c = kCharset; *c; ++c) {
      std::string flipped = code;
      flipped[17] = *c;
      EXPECT_EQ(IsValidUscc(flipped), *c == code[17]) << flipped;
    }
  }
}

TEST(UsccValidator, RejectsAWrongOrganizationCheckEvenWithAFixedMod31) {
  for (const std::string code : kValid) {
    for (const char* c = kCharset; *c; ++c) {
      if (*c == code[16]) continue;
      std::string flipped = code;
      flipped[16] = *c;
      flipped[17] = UsccCheckChar(flipped.substr(0, 17));
      EXPECT_FALSE(IsValidUscc(flipped)) << flipped;
    }
  }
}

TEST(UsccValidator, RejectsMalformedCodes) {
  EXPECT_FALSE(IsValidUscc("91230184MA1BUFLT4"));     // 17
  EXPECT_FALSE(IsValidUscc("91230184MA1BUFLT444"));   // 19
  EXPECT_FALSE(IsValidUscc("91230184ma1buflt44"));    // lower case
  EXPECT_FALSE(IsValidUscc("912301A4MA1BUFLT44"));    // letter in the region
}

}  // namespace
}  // namespace scrub::internal
