// The GB/T 2260 tables generated from third_party/gbt2260/*.tsv at build time
// (see tsv_to_cc.awk there). Private to region_codes.cc: use region_codes.h.
#ifndef SCRUB_INTERNAL_REGION_TABLE_H_
#define SCRUB_INTERNAL_REGION_TABLE_H_

#include <cstddef>
#include <cstdint>

namespace scrub::internal {

// A province (xx0000), prefecture (xxxx00) or county-level (xxxxxx) division.
// Sorted by code; a code may appear more than once (renamed divisions).
struct RegionRecord {
  int32_t code;      // 6 digits
  const char* name;  // UTF-8, e.g. "朝阳区"
  bool current;      // in the current list (else only in historic revisions)
};

// A town, township or sub-district street (乡级). Sorted by code.
struct TownRecord {
  int32_t code;      // 9 digits: county code + 3
  const char* name;  // UTF-8, e.g. "西溪街道"
};

// A long-distance telephone area code. Sorted by code.
struct AreaCodeRecord {
  const char* code;   // "010", "0755"
  const char* names;  // the cities it serves, joined by "、"
};

extern const RegionRecord kRegionRecords[];
extern const size_t kRegionRecordCount;
extern const TownRecord kTownRecords[];
extern const size_t kTownRecordCount;
extern const AreaCodeRecord kAreaCodeRecords[];
extern const size_t kAreaCodeRecordCount;

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REGION_TABLE_H_
