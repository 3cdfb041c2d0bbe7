#include "scrub/internal/validators/resident_id_validator.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/validators/iso7064.h"

namespace scrub::internal {
namespace {

int TwoDigits(absl::string_view s, size_t pos) {
  return (s[pos] - '0') * 10 + (s[pos + 1] - '0');
}

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

char ResidentIdCheckChar(absl::string_view first17) {
  return first17.size() == 17 ? Mod11_2CheckChar(first17) : 0;
}

bool IsResidentIdRegionPrefix(absl::string_view id) {
  if (id.size() < 2 || !AllDigits(id.substr(0, 2))) return false;
  const int p = TwoDigits(id, 0);
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) ||
         (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
         (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
         (p >= 81 && p <= 83);
}

bool IsPlausibleBirthDate(absl::string_view yyyymmdd, absl::CivilDay today) {
  if (yyyymmdd.size() != 8 || !AllDigits(yyyymmdd)) return false;
  const int year = TwoDigits(yyyymmdd, 0) * 100 + TwoDigits(yyyymmdd, 2);
  const int month = TwoDigits(yyyymmdd, 4);
  const int day = TwoDigits(yyyymmdd, 6);
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const absl::CivilDay date(year, month, day);
  // CivilDay normalises out-of-range days (Feb 30 -> Mar 2): reject those.
  if (date.year() != year || date.month() != month || date.day() != day) {
    return false;
  }
  return date <= today;
}

bool IsValidResidentId(absl::string_view id, absl::CivilDay today) {
  if (id.size() != 18) return false;
  if (!IsResidentIdRegionPrefix(id)) return false;
  if (!IsPlausibleBirthDate(id.substr(6, 8), today)) return false;
  return PassesMod11_2(id);
}

bool IsValidLegacyResidentId(absl::string_view id, absl::CivilDay today) {
  if (id.size() != 15 || !AllDigits(id)) return false;
  if (!IsResidentIdRegionPrefix(id) || id[0] == '8') return false;
  const std::string birth = absl::StrCat("19", id.substr(6, 6));
  return IsPlausibleBirthDate(birth, today);
}

}  // namespace scrub::internal
