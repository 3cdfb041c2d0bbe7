// ValidateTwId: national IDs and both resident certificate styles.
#include "scrub/internal/validators/tw_id_validator.h"

#include <string>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

TEST(TwIdValidator, AcceptsEachKind) {
  EXPECT_EQ(ValidateTwId("A123456789"), TwIdKind::kNationalId);
  EXPECT_EQ(ValidateTwId("B287654326"), TwIdKind::kNationalId);
  EXPECT_EQ(ValidateTwId("Y234567892"), TwIdKind::kNationalId);
  EXPECT_EQ(ValidateTwId("AC12345679"), TwIdKind::kResidentCertificate);  // old style
  EXPECT_EQ(ValidateTwId("FA12345670"), TwIdKind::kResidentCertificate);
  EXPECT_EQ(ValidateTwId("A812345671"), TwIdKind::kResidentCertificate);  // new style
  EXPECT_EQ(ValidateTwId("Z912345674"), TwIdKind::kResidentCertificate);
}

TEST(TwIdValidator, RejectsEveryOtherCheckDigit) {
  for (const std::string id : {"A123456789", "B287654326", "AC12345679", "FA12345670",
                               "A812345671", "Z912345674"}) {
    for (char c = '0'; c <= '9'; ++c) {
      std::string flipped = id;
      flipped[9] = c;
      EXPECT_EQ(ValidateTwId(flipped) != TwIdKind::kInvalid, c == id[9]) << flipped;
    }
  }
}

TEST(TwIdValidator, RejectsMalformedIds) {
  EXPECT_EQ(ValidateTwId("A323456789"), TwIdKind::kInvalid);  // second digit 3
  EXPECT_EQ(ValidateTwId("AE12345679"), TwIdKind::kInvalid);  // second letter E
  EXPECT_EQ(ValidateTwId("a123456789"), TwIdKind::kInvalid);  // lower case
  EXPECT_EQ(ValidateTwId("A12345678"), TwIdKind::kInvalid);
  EXPECT_EQ(ValidateTwId("A1234567890"), TwIdKind::kInvalid);
  EXPECT_EQ(ValidateTwId("A12345678X"), TwIdKind::kInvalid);
}

}  // namespace
}  // namespace scrub::internal
