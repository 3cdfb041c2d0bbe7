// IsAllocatedCnMobileSegment: the carrier allocation table.
#include "gtest/gtest.h"
#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {
namespace {

TEST(CnMobileSegment, AllocatedSegments) {
  for (const char* n : {"13012345678", "13912345678", "14512345678", "14912345678",
                        "15012345678", "15312345678", "15512345678", "16212345678",
                        "16512345678", "16712345678", "17012345678", "17812345678",
                        "18012345678", "18912345678", "19012345678", "19312345678",
                        "19512345678", "19912345678"}) {
    EXPECT_TRUE(IsAllocatedCnMobileSegment(n)) << n;
  }
}

TEST(CnMobileSegment, UnallocatedSegmentsAreStillValidNumbers) {
  for (const char* n : {"14012345678", "14412345678", "15412345678", "16012345678",
                        "16112345678", "16312345678", "16412345678", "16812345678",
                        "16912345678", "17912345678", "19412345678"}) {
    EXPECT_FALSE(IsAllocatedCnMobileSegment(n)) << n;
    EXPECT_TRUE(IsValidCnMobile(n)) << n;
  }
}

TEST(CnMobileSegment, InvalidNumbersAreNotAllocated) {
  EXPECT_FALSE(IsAllocatedCnMobileSegment("12012345678"));
  EXPECT_FALSE(IsAllocatedCnMobileSegment("1381234567"));
  EXPECT_FALSE(IsAllocatedCnMobileSegment("1381234567a"));
}

}  // namespace
}  // namespace scrub::internal
