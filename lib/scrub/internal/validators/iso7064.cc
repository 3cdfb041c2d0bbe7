#include "scrub/internal/validators/iso7064.h"

#include <string>

#include "absl/strings/ascii.h"

namespace scrub::internal {

char Mod11_2CheckChar(absl::string_view digits) {
  if (digits.empty()) return 0;
  int sum = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return 0;
    sum = ((sum + (c - '0')) * 2) % 11;
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

bool PassesMod11_2(absl::string_view value) {
  if (value.size() < 2) return false;
  const char check = Mod11_2CheckChar(value.substr(0, value.size() - 1));
  return check != 0 &&
         absl::ascii_toupper(static_cast<unsigned char>(value.back())) == check;
}

bool PassesIbanMod97(absl::string_view value) {
  if (value.size() < 5 || value.size() > 34) return false;
  // The first four characters move to the end.
  int remainder = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[(i + 4) % value.size()]);
    if (absl::ascii_isdigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (absl::ascii_isalpha(c)) {
      const int v = absl::ascii_toupper(c) - 'A' + 10;
      remainder = (remainder * 100 + v) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

}  // namespace scrub::internal
