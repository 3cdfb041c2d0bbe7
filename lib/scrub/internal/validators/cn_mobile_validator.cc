#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {

bool IsValidCnMobile(absl::string_view digits) {
  if (digits.size() != 11) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

absl::string_view WithoutCnCountryCode(absl::string_view digits) {
  if (digits.size() == 13 && digits.substr(0, 2) == "86") return digits.substr(2);
  if (digits.size() == 15 && digits.substr(0, 4) == "0086") return digits.substr(4);
  return digits;
}

bool IsAllocatedCnMobileSegment(absl::string_view digits) {
  if (!IsValidCnMobile(digits)) return false;
  const int segment = (digits[1] - '0') * 10 + (digits[2] - '0');  // 30 .. 99
  switch (segment / 10) {
    case 3:  // 130-139: all three carriers
    case 8:  // 180-189
      return true;
    case 4:  // 145-149: data cards and IoT voice; 140-144 are 13-digit IoT
      return segment >= 45;
    case 5:  // 150-159 except 154
      return segment != 54;
    case 6:  // 162, 165 (virtual operators), 166 (Unicom), 167 (virtual)
      return segment == 62 || (segment >= 65 && segment <= 67);
    case 7:  // 170-178 (virtual operators, 4G and satellite 174)
      return segment <= 78;
    case 9:  // 190-199 except 194
      return segment != 94;
    default:
      return false;
  }
}

}  // namespace scrub::internal
