#include "scrub/internal/validators/hk_id_validator.h"

#include <string>

namespace scrub::internal {

char HkIdCheckChar(absl::string_view body) {
  if (body.size() != 7 && body.size() != 8) return 0;
  const size_t letters = body.size() - 6;
  int values[8];
  int n = 0;
  if (letters == 1) values[n++] = 36;  // the missing first letter: a space
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (i < letters) {
      if (c < 'A' || c > 'Z') return 0;
      values[n++] = c - 'A' + 10;
    } else {
      if (c < '0' || c > '9') return 0;
      values[n++] = c - '0';
    }
  }
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += values[i] * (9 - i);
  const int check = (11 - sum % 11) % 11;
  return check == 10 ? 'A' : static_cast<char>('0' + check);
}

bool IsValidHkId(absl::string_view id) {
  std::string plain;
  for (char c : id) {
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == ' ' || c == '-') continue;
    plain.push_back(c);
  }
  if (plain.size() != 8 && plain.size() != 9) return false;
  const char check = HkIdCheckChar(absl::string_view(plain).substr(0, plain.size() - 1));
  return check != 0 && plain.back() == check;
}

}  // namespace scrub::internal
