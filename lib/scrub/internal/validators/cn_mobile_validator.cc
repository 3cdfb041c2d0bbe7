#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {

bool IsValidCnMobile(absl::string_view digits) {
  if (digits.size() != 11) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

}  // namespace scrub::internal
