// GB/T 2260 administrative divisions of China: code lookups for resident IDs
// and credit codes, place names (a gazetteer) for addresses, and telephone
// area codes for landline numbers. The data is
// compiled in from third_party/gbt2260/ (current and historic revisions);
// everything here is immutable and thread-safe.
//
//   IsKnownRegionCode("110105")        // true: 北京市朝阳区
//   IsKnownRegionCode("110103")        // true: 崇文区, merged in 2010
//   RegionLevelOf("440300")            // RegionLevel::kPrefecture
//   IsKnownTownName("西溪街道")          // true
//   IsKnownAreaCode("0755")            // true: 深圳市
#ifndef SCRUB_INTERNAL_REGION_CODES_H_
#define SCRUB_INTERNAL_REGION_CODES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace scrub::internal {

enum class RegionLevel {
  kProvince,    // xx0000: 省, 自治区, 直辖市, 特别行政区
  kPrefecture,  // xxxx00: 地级市, 地区, 自治州, 盟
  kCounty,      // anything else: 区, 县, 县级市, 旗 ...
};

// The level a 6-digit code denotes by its shape (no table lookup).
RegionLevel RegionLevelOf(absl::string_view code);

// True when `code` is 6 ASCII digits listed in GB/T 2260 at any level, in
// the current list or in any revision since 2002 (IDs outlive their
// counties).
bool IsKnownRegionCode(absl::string_view code);

// True when `code` is a known county-level code (not ending in "00").
bool IsKnownCountyCode(absl::string_view code);

// True when the 2-digit province prefix of `code` is listed (11 .. 82).
bool IsKnownProvincePrefix(absl::string_view code);

// The name of a known code (the current one when it was renamed), or "".
absl::string_view RegionName(absl::string_view code);

// Distinct full names of every listed division of one level, current and
// historic ("北京市", "广西壮族自治区"; "深圳市", "延边朝鲜族自治州";
// "朝阳区", "崇文区"), in code order.
const std::vector<std::string>& RegionNames(RegionLevel level);

// True when `name` is the full name of a listed town, township or street
// ("西溪街道", "城关镇").
bool IsKnownTownName(absl::string_view name);

// True when `code` is a listed long-distance telephone area code, with its
// leading 0 ("010", "0755").
bool IsKnownAreaCode(absl::string_view code);

// Number of table rows, for tests.
size_t RegionRecordCount();
size_t TownRecordCount();
size_t AreaCodeRecordCount();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REGION_CODES_H_
