#include "scrub/internal/validators/tw_id_validator.h"

namespace scrub::internal {
namespace {

// Region letter values, A..Z.
constexpr int kLetterValue[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                                  22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

TwIdKind ValidateTwId(absl::string_view id) {
  if (id.size() != 10 || id[0] < 'A' || id[0] > 'Z') return TwIdKind::kInvalid;
  for (size_t i = 2; i < 10; ++i) {
    if (!IsDigit(id[i])) return TwIdKind::kInvalid;
  }
  TwIdKind kind;
  int second;
  if (id[1] == '1' || id[1] == '2') {
    kind = TwIdKind::kNationalId;
    second = id[1] - '0';
  } else if (id[1] == '8' || id[1] == '9') {
    kind = TwIdKind::kResidentCertificate;
    second = id[1] - '0';
  } else if (id[1] >= 'A' && id[1] <= 'D') {
    kind = TwIdKind::kResidentCertificate;
    second = kLetterValue[id[1] - 'A'] % 10;
  } else {
    return TwIdKind::kInvalid;
  }
  const int region = kLetterValue[id[0] - 'A'];
  int sum = region / 10 + (region % 10) * 9 + second * 8;
  for (int i = 2; i < 9; ++i) sum += (id[i] - '0') * (9 - i);
  sum += id[9] - '0';
  return sum % 10 == 0 ? kind : TwIdKind::kInvalid;
}

}  // namespace scrub::internal
