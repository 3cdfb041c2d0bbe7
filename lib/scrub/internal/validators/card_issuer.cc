#include "scrub/internal/validators/card_issuer.h"

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

// The number formed by the first `n` digits, or -1 if there are fewer.
int Prefix(absl::string_view digits, size_t n) {
  if (digits.size() < n) return -1;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(digits[i]))) return -1;
    value = value * 10 + (digits[i] - '0');
  }
  return value;
}

}  // namespace

CardNetwork CardNetworkOf(absl::string_view digits) {
  const int p1 = Prefix(digits, 1);
  const int p2 = Prefix(digits, 2);
  const int p3 = Prefix(digits, 3);
  const int p4 = Prefix(digits, 4);
  if (p4 < 0) return CardNetwork::kUnknown;
  if (p2 == 62 || p2 == 81) return CardNetwork::kUnionPay;
  if (p1 == 4) return CardNetwork::kVisa;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
    return CardNetwork::kMastercard;
  }
  if (p2 == 34 || p2 == 37) return CardNetwork::kAmex;
  if (p4 >= 3528 && p4 <= 3589) return CardNetwork::kJcb;
  if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) return CardNetwork::kDiscover;
  if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
    return CardNetwork::kDiners;
  }
  if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 ||
      p4 == 6759 || (p4 >= 6761 && p4 <= 6763)) {
    return CardNetwork::kMaestro;
  }
  if (p4 >= 2200 && p4 <= 2204) return CardNetwork::kMir;
  return CardNetwork::kUnknown;
}

bool IsIssuedLength(CardNetwork network, absl::string_view digits) {
  const size_t n = digits.size();
  switch (network) {
    case CardNetwork::kUnionPay:
    case CardNetwork::kJcb:
    case CardNetwork::kDiscover:
    case CardNetwork::kMir:
      return n >= 16 && n <= 19;
    case CardNetwork::kVisa:
      return n == 13 || n == 16 || n == 19;
    case CardNetwork::kMastercard:
      return n == 16;
    case CardNetwork::kAmex:
      return n == 15;
    case CardNetwork::kDiners:
      return n >= 14 && n <= 19;
    case CardNetwork::kMaestro:
      return n >= 12 && n <= 19;
    case CardNetwork::kUnknown:
      return false;
  }
  return false;
}

}  // namespace scrub::internal
