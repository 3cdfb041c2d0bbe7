// The GB/T 2260 tables compiled from third_party/gbt2260/.
#include "scrub/internal/region_codes.h"

#include <algorithm>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(RegionCodes, TablesAreCompiledIn) {
  EXPECT_GT(RegionRecordCount(), 3500u);
  EXPECT_GT(TownRecordCount(), 40000u);
}

TEST(RegionCodes, KnowsCurrentCodesAtEveryLevel) {
  EXPECT_TRUE(IsKnownRegionCode("110000"));  // 北京市
  EXPECT_TRUE(IsKnownRegionCode("440300"));  // 深圳市
  EXPECT_TRUE(IsKnownRegionCode("110105"));  // 朝阳区
  EXPECT_TRUE(IsKnownCountyCode("110105"));
  EXPECT_FALSE(IsKnownCountyCode("440300"));  // a prefecture
  EXPECT_EQ(RegionName("110105"), "朝阳区");
  EXPECT_EQ(RegionName("440300"), "深圳市");
}

TEST(RegionCodes, KnowsHistoricCodes) {
  EXPECT_TRUE(IsKnownCountyCode("110103"));  // 崇文区, merged into 东城区 in 2010
  EXPECT_EQ(RegionName("110103"), "崇文区");
  EXPECT_TRUE(Contains(RegionNames(RegionLevel::kCounty), "崇文区"));
}

TEST(RegionCodes, RejectsUnknownAndMalformedCodes) {
  EXPECT_FALSE(IsKnownRegionCode("119999"));
  EXPECT_FALSE(IsKnownRegionCode("000000"));
  EXPECT_FALSE(IsKnownRegionCode("11010"));
  EXPECT_FALSE(IsKnownRegionCode("1101055"));
  EXPECT_FALSE(IsKnownRegionCode("11010a"));
  EXPECT_EQ(RegionName("119999"), "");
}

TEST(RegionCodes, KnowsProvincePrefixes) {
  for (const char* p : {"11", "15", "23", "37", "46", "54", "65", "71", "81", "82"}) {
    EXPECT_TRUE(IsKnownProvincePrefix(p)) << p;
  }
  for (const char* p : {"10", "16", "24", "38", "47", "55", "66", "72", "83", "99"}) {
    EXPECT_FALSE(IsKnownProvincePrefix(p)) << p;
  }
}

TEST(RegionCodes, NamesByLevel) {
  const auto& provinces = RegionNames(RegionLevel::kProvince);
  EXPECT_TRUE(Contains(provinces, "北京市"));
  EXPECT_TRUE(Contains(provinces, "广西壮族自治区"));
  EXPECT_FALSE(Contains(provinces, "深圳市"));
  EXPECT_TRUE(Contains(RegionNames(RegionLevel::kPrefecture), "深圳市"));
  EXPECT_TRUE(Contains(RegionNames(RegionLevel::kPrefecture), "延边朝鲜族自治州"));
  EXPECT_TRUE(Contains(RegionNames(RegionLevel::kCounty), "朝阳区"));
  EXPECT_FALSE(Contains(RegionNames(RegionLevel::kPrefecture), "市辖区"));  // placeholder
  EXPECT_EQ(RegionLevelOf("440000"), RegionLevel::kProvince);
  EXPECT_EQ(RegionLevelOf("440300"), RegionLevel::kPrefecture);
  EXPECT_EQ(RegionLevelOf("440305"), RegionLevel::kCounty);
}

TEST(RegionCodes, KnowsTownNames) {
  EXPECT_TRUE(IsKnownTownName("西溪街道"));
  EXPECT_TRUE(IsKnownTownName("东华门街道"));
  EXPECT_FALSE(IsKnownTownName("不存在街道"));
  EXPECT_FALSE(IsKnownTownName(""));
}

}  // namespace
}  // namespace scrub::internal
