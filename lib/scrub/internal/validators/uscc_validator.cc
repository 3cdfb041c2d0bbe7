#include "scrub/internal/validators/uscc_validator.h"

namespace scrub::internal {
namespace {

constexpr char kCharset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters

int CharsetIndex(char c) {
  for (int i = 0; i < 31; ++i) {
    if (kCharset[i] == c) return i;
  }
  return -1;
}

}  // namespace

char UsccCheckChar(absl::string_view first17) {
  if (first17.size() != 17) return 0;
  int sum = 0;
  int weight = 1;  // 3^i mod 31
  for (char c : first17) {
    const int v = CharsetIndex(c);
    if (v < 0) return 0;
    sum += v * weight;
    weight = weight * 3 % 31;
  }
  return kCharset[(31 - sum % 31) % 31];
}

char OrganizationCodeCheckChar(absl::string_view body8) {
  static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  if (body8.size() != 8) return 0;
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const char c = body8[i];
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    } else {
      return 0;
    }
    sum += v * kWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

bool IsValidUscc(absl::string_view code) {
  if (code.size() != 18) return false;
  const char check = UsccCheckChar(code.substr(0, 17));
  if (check == 0 || code[17] != check) return false;
  // Positions 3-8 are a region code: digits only.
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return OrganizationCodeCheckChar(code.substr(8, 8)) == code[16];
}

}  // namespace scrub::internal
