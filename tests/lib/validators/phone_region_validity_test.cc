// The region validity compiled into RE2s against libphonenumber's
// IsValidNumberForRegion, on every example number of every region and type
// and on near misses of each.
#include "scrub/internal/validators/phone_region_validity.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "tests/support/phone_examples.h"

namespace scrub::internal {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& Util() { return testing::PhoneUtil(); }

// `n` and near misses: the last digit changed, a digit more, a digit less,
// the first digit changed.
std::vector<PhoneNumber> NearMisses(const PhoneNumber& n) {
  std::vector<PhoneNumber> out = {n};
  const uint64_t v = n.national_number();
  for (uint64_t changed : {v / 10 * 10 + (v % 10 + 3) % 10, v * 10 + 7, v / 10}) {
    PhoneNumber m = n;
    m.set_national_number(changed);
    out.push_back(m);
  }
  uint64_t top = 1;
  while (top * 10 <= v) top *= 10;
  if (v >= 10) {
    PhoneNumber m = n;
    m.set_national_number(v - (v / top) * top + ((v / top + 4) % 9 + 1) * top);
    out.push_back(m);
  }
  return out;
}

TEST(PhoneRegionValidity, AgreesWithLibphonenumberOnEveryExampleAndNearMiss) {
  const std::vector<testing::PhoneExample> examples = testing::PhoneExamples();
  ASSERT_GT(examples.size(), 1000u);
  size_t checked = 0, valid = 0;
  for (const testing::PhoneExample& example : examples) {
    for (const PhoneNumber& n : NearMisses(example.number)) {
      std::string nsn;
      Util().GetNationalSignificantNumber(n, &nsn);
      const std::optional<bool> ours = IsValidNationalNumberForRegion(example.region, nsn);
      // Every region's patterns compile in RE2: libphonenumber is asked
      // only for regions its metadata lacks.
      ASSERT_TRUE(ours.has_value()) << example.region << " " << nsn;
      const bool theirs = Util().IsValidNumberForRegion(n, example.region);
      EXPECT_EQ(*ours, theirs) << example.region << " " << nsn;
      ++checked;
      valid += theirs;
    }
  }
  EXPECT_GT(checked, 5000u);
  EXPECT_GT(valid, 1000u);
  EXPECT_LT(valid, checked);
}

TEST(PhoneRegionValidity, LeavesUnknownRegionsToLibphonenumber) {
  EXPECT_EQ(IsValidNationalNumberForRegion("ZZ", "2079460958"), std::nullopt);
  EXPECT_EQ(IsValidNationalNumberForRegion("001", "2079460958"), std::nullopt);
  EXPECT_EQ(IsValidNationalNumberForRegion("", "2079460958"), std::nullopt);
}

TEST(PhoneRegionValidity, AnswersForAKnownNumber) {
  EXPECT_EQ(IsValidNationalNumberForRegion("GB", "2079460958"), true);
  EXPECT_EQ(IsValidNationalNumberForRegion("GB", "207946095"), false);
  EXPECT_EQ(IsValidNationalNumberForRegion("US", "2015550123"), true);
  EXPECT_EQ(IsValidNationalNumberForRegion("US", "0015550123"), false);
}

}  // namespace
}  // namespace scrub::internal
