// ChineseSurnameLength: single and compound surnames.
#include "scrub/internal/validators/chinese_surname.h"

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

TEST(ChineseSurname, SingleCharacterSurnames) {
  EXPECT_EQ(ChineseSurnameLength("王小明"), 3u);
  EXPECT_EQ(ChineseSurnameLength("陳大文"), 3u);  // Traditional
  EXPECT_EQ(ChineseSurnameLength("张"), 3u);
}

TEST(ChineseSurname, CompoundSurnamesWin) {
  EXPECT_EQ(ChineseSurnameLength("欧阳娜娜"), 6u);
  EXPECT_EQ(ChineseSurnameLength("諸葛亮"), 6u);
  EXPECT_EQ(ChineseSurnameLength("司马光"), 6u);
}

TEST(ChineseSurname, OtherTextIsNoSurname) {
  EXPECT_EQ(ChineseSurnameLength("列表为空"), 0u);
  EXPECT_EQ(ChineseSurnameLength("未知"), 0u);
  EXPECT_EQ(ChineseSurnameLength("admin"), 0u);
  EXPECT_EQ(ChineseSurnameLength(""), 0u);
}

}  // namespace
}  // namespace scrub::internal
