#include "scrub/internal/validators/card_issuer.h"

#include <cstddef>

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

// A range of issuer identification numbers: the numbers whose first
// `digits` digits, read as a number, lie in [low, high].
struct IinRange {
  CardNetwork network;
  int digits;
  int low;
  int high;
};

// The IIN ranges of the networks Scrub recognises, first match wins.
// Source: ISO/IEC 7812 issuer identification numbers as the networks
// publish them, compiled in the table "Issuer identification number (IIN)"
// of Wikipedia's article "Payment card number" (consulted 2026); the
// lengths each network issues are from the same table.
constexpr IinRange kIinRanges[] = {
    {CardNetwork::kUnionPay, 2, 62, 62},     // incl. Discover's co-branded 622126-622925
    {CardNetwork::kUnionPay, 2, 81, 81},
    {CardNetwork::kVisa, 1, 4, 4},
    {CardNetwork::kMastercard, 2, 51, 55},
    {CardNetwork::kMastercard, 4, 2221, 2720},
    {CardNetwork::kAmex, 2, 34, 34},
    {CardNetwork::kAmex, 2, 37, 37},
    {CardNetwork::kJcb, 4, 3528, 3589},
    {CardNetwork::kDiscover, 4, 6011, 6011},
    {CardNetwork::kDiscover, 2, 65, 65},
    {CardNetwork::kDiscover, 3, 644, 649},
    {CardNetwork::kDiners, 3, 300, 305},
    {CardNetwork::kDiners, 4, 3095, 3095},
    {CardNetwork::kDiners, 2, 36, 36},
    {CardNetwork::kDiners, 2, 38, 39},
    {CardNetwork::kMaestro, 4, 5018, 5018},
    {CardNetwork::kMaestro, 4, 5020, 5020},
    {CardNetwork::kMaestro, 4, 5038, 5038},
    {CardNetwork::kMaestro, 4, 5893, 5893},
    {CardNetwork::kMaestro, 4, 6304, 6304},
    {CardNetwork::kMaestro, 4, 6759, 6759},
    {CardNetwork::kMaestro, 4, 6761, 6763},
    {CardNetwork::kMir, 4, 2200, 2204},
    {CardNetwork::kRuPay, 2, 60, 60},
    {CardNetwork::kRuPay, 3, 508, 508},
    {CardNetwork::kRuPay, 2, 82, 82},
    {CardNetwork::kRuPay, 3, 353, 353},  // inside JCB's range: JCB wins
    {CardNetwork::kRuPay, 3, 356, 356},
};

// The lengths a network issues: [min, max], or exactly those of `only`
// (a bit per length) when not zero.
struct IssuedLengths {
  CardNetwork network;
  int min;
  int max;
  unsigned only;
};

constexpr unsigned Bit(int length) { return 1u << length; }

constexpr IssuedLengths kIssuedLengths[] = {
    {CardNetwork::kUnionPay, 16, 19, 0},
    {CardNetwork::kVisa, 13, 19, Bit(13) | Bit(16) | Bit(19)},
    {CardNetwork::kMastercard, 16, 16, 0},
    {CardNetwork::kAmex, 15, 15, 0},
    {CardNetwork::kJcb, 16, 19, 0},
    {CardNetwork::kDiscover, 16, 19, 0},
    {CardNetwork::kDiners, 14, 19, 0},
    {CardNetwork::kMaestro, 12, 19, 0},
    {CardNetwork::kMir, 16, 19, 0},
    {CardNetwork::kRuPay, 16, 16, 0},
};

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
  if (Prefix(digits, 4) < 0) return CardNetwork::kUnknown;
  for (const IinRange& r : kIinRanges) {
    const int prefix = Prefix(digits, static_cast<size_t>(r.digits));
    if (prefix >= r.low && prefix <= r.high) return r.network;
  }
  return CardNetwork::kUnknown;
}

bool IsIssuedLength(CardNetwork network, absl::string_view digits) {
  const int n = static_cast<int>(digits.size());
  for (const IssuedLengths& l : kIssuedLengths) {
    if (l.network != network) continue;
    if (n < l.min || n > l.max) return false;
    return l.only == 0 || (l.only & Bit(n)) != 0;
  }
  return false;  // kUnknown
}

}  // namespace scrub::internal
