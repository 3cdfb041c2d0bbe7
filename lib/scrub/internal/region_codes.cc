#include "scrub/internal/region_codes.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "lib/scrub/internal/region_table.h"  // private header

namespace scrub::internal {
namespace {

// The code as a number, or -1 unless it is exactly 6 ASCII digits.
int32_t ParseCode(absl::string_view code) {
  if (code.size() != 6) return -1;
  int32_t value = 0;
  for (char c : code) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

const RegionRecord* FindFirst(int32_t code) {
  const RegionRecord* end = kRegionRecords + kRegionRecordCount;
  const RegionRecord* it = std::lower_bound(
      kRegionRecords, end, code,
      [](const RegionRecord& r, int32_t c) { return r.code < c; });
  return (it != end && it->code == code) ? it : nullptr;
}

}  // namespace

RegionLevel RegionLevelOf(absl::string_view code) {
  if (code.size() == 6 && code.substr(2) == "0000") return RegionLevel::kProvince;
  if (code.size() == 6 && code.substr(4) == "00") return RegionLevel::kPrefecture;
  return RegionLevel::kCounty;
}

bool IsKnownRegionCode(absl::string_view code) {
  const int32_t value = ParseCode(code);
  return value >= 0 && FindFirst(value) != nullptr;
}

bool IsKnownCountyCode(absl::string_view code) {
  return RegionLevelOf(code) == RegionLevel::kCounty && IsKnownRegionCode(code);
}

bool IsKnownProvincePrefix(absl::string_view code) {
  if (code.size() < 2) return false;
  const int32_t value = ParseCode(std::string(code.substr(0, 2)) + "0000");
  return value >= 0 && FindFirst(value) != nullptr;
}

absl::string_view RegionName(absl::string_view code) {
  const int32_t value = ParseCode(code);
  if (value < 0) return "";
  const RegionRecord* first = FindFirst(value);
  if (first == nullptr) return "";
  for (const RegionRecord* r = first;
       r < kRegionRecords + kRegionRecordCount && r->code == value; ++r) {
    if (r->current) return r->name;
  }
  return first->name;
}

const std::vector<std::string>& RegionNames(RegionLevel level) {
  static const auto* const kNames = [] {
    auto* names = new std::vector<std::string>[3];
    absl::flat_hash_set<std::string> seen[3];
    for (size_t i = 0; i < kRegionRecordCount; ++i) {
      const RegionRecord& r = kRegionRecords[i];
      char digits[7];
      for (int d = 5, c = r.code; d >= 0; --d, c /= 10) digits[d] = '0' + c % 10;
      digits[6] = 0;
      const int l = static_cast<int>(RegionLevelOf(digits));
      if (seen[l].insert(r.name).second) names[l].push_back(r.name);
    }
    return names;
  }();
  return kNames[static_cast<int>(level)];
}

bool IsKnownTownName(absl::string_view name) {
  static const auto* const kTowns = [] {
    auto* set = new absl::flat_hash_set<absl::string_view>();
    set->reserve(kTownRecordCount);
    for (size_t i = 0; i < kTownRecordCount; ++i) set->insert(kTownRecords[i].name);
    return set;
  }();
  return kTowns->contains(name);
}

bool IsKnownAreaCode(absl::string_view code) {
  const AreaCodeRecord* end = kAreaCodeRecords + kAreaCodeRecordCount;
  const AreaCodeRecord* it = std::lower_bound(
      kAreaCodeRecords, end, code,
      [](const AreaCodeRecord& r, absl::string_view c) { return r.code < c; });
  return it != end && it->code == code;
}

size_t RegionRecordCount() { return kRegionRecordCount; }
size_t TownRecordCount() { return kTownRecordCount; }
size_t AreaCodeRecordCount() { return kAreaCodeRecordCount; }

}  // namespace scrub::internal
