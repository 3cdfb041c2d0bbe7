#include "scrub/internal/validators/us_ssn_validator.h"

#include "absl/strings/ascii.h"

namespace scrub::internal {

bool IsValidUsSsn(absl::string_view digits) {
  if (digits.size() != 9) return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  const absl::string_view area = digits.substr(0, 3);
  if (area == "000" || area == "666" || area[0] == '9') return false;
  if (digits.substr(3, 2) == "00") return false;
  if (digits.substr(5, 4) == "0000") return false;
  return digits != "078051120" && digits != "219099999";
}

}  // namespace scrub::internal
