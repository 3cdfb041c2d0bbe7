// HkIdCheckChar / IsValidHkId.
#include "scrub/internal/validators/hk_id_validator.h"

#include <string>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

TEST(HkIdValidator, CheckCharacters) {
  EXPECT_EQ(HkIdCheckChar("A123456"), '3');
  EXPECT_EQ(HkIdCheckChar("C668668"), '9');
  EXPECT_EQ(HkIdCheckChar("AB987654"), '3');
  EXPECT_EQ(HkIdCheckChar("G123456"), 'A');  // 10 is written A
  EXPECT_EQ(HkIdCheckChar("K000006"), 'A');
  EXPECT_EQ(HkIdCheckChar("XA000001"), '6');
  EXPECT_EQ(HkIdCheckChar("a123456"), 0);
  EXPECT_EQ(HkIdCheckChar("A12345"), 0);
  EXPECT_EQ(HkIdCheckChar("ABC123456"), 0);
}

TEST(HkIdValidator, AcceptsEveryWriting) {
  for (const char* id : {"A123456(3)", "A123456[3]", "A1234563", "A123456 (3)",
                         "C668668(9)", "AB987654(3)", "G123456(A)", "G123456A"}) {
    EXPECT_TRUE(IsValidHkId(id)) << id;
  }
}

TEST(HkIdValidator, RejectsEveryOtherCheckCharacter) {
  for (const std::string body : {"A123456", "C668668", "AB987654", "G123456"}) {
    const char right = HkIdCheckChar(body);
    for (char c : std::string("0123456789A")) {
      EXPECT_EQ(IsValidHkId(body + "(" + c + ")"), c == right) << body << c;
    }
  }
}

}  // namespace
}  // namespace scrub::internal
