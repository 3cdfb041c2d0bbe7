// IsValidLegacyResidentId: 15-digit first-generation resident IDs.
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

const absl::CivilDay kToday(2026, 11, 30);

TEST(LegacyResidentIdValidator, AcceptsRegionDateAndSequence) {
  EXPECT_TRUE(IsValidLegacyResidentId("110105491231002", kToday));
  EXPECT_TRUE(IsValidLegacyResidentId("440524960229123", kToday));  // 1996-02-29
}

TEST(LegacyResidentIdValidator, RejectsBadDates) {
  EXPECT_FALSE(IsValidLegacyResidentId("110105491331002", kToday));  // month 13
  EXPECT_FALSE(IsValidLegacyResidentId("110105490230002", kToday));  // Feb 30
  EXPECT_FALSE(IsValidLegacyResidentId("110105490100002", kToday));  // day 0
  // The year is always 19YY: 1900-02-29 does not exist.
  EXPECT_FALSE(IsValidLegacyResidentId("440524000229123", kToday));
}

TEST(LegacyResidentIdValidator, RejectsBadRegionsLengthsAndCharacters) {
  EXPECT_FALSE(IsValidLegacyResidentId("160105491231002", kToday));   // no province 16
  EXPECT_FALSE(IsValidLegacyResidentId("810000491231002", kToday));   // permit prefix
  EXPECT_FALSE(IsValidLegacyResidentId("11010549123100", kToday));    // 14 digits
  EXPECT_FALSE(IsValidLegacyResidentId("1101054912310021", kToday));  // 16 digits
  EXPECT_FALSE(IsValidLegacyResidentId("11010549123100X", kToday));
}

}  // namespace
}  // namespace scrub::internal
