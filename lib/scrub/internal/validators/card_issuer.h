// Payment card issuer identification numbers (IIN/BIN ranges): which card
// network a number's leading digits belong to, and the lengths it issues.
// The ranges are data (kIinRanges in card_issuer.cc), with their source.
#ifndef SCRUB_INTERNAL_VALIDATORS_CARD_ISSUER_H_
#define SCRUB_INTERNAL_VALIDATORS_CARD_ISSUER_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

enum class CardNetwork {
  kUnknown,
  kUnionPay,    // 62, 81 (16-19 digits)
  kVisa,        // 4 (13, 16, 19)
  kMastercard,  // 51-55, 2221-2720 (16)
  kAmex,        // 34, 37 (15)
  kJcb,         // 3528-3589 (16-19)
  kDiscover,    // 6011, 644-649, 65 (16-19)
  kDiners,      // 300-305, 3095, 36, 38, 39 (14-19)
  kMaestro,     // 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763 (12-19)
  kMir,         // 2200-2204 (16-19)
  kRuPay,       // 60, 508, 82, 353, 356 where no network above claims them (16)
};

// The network of a card number (ASCII digits, separators removed) by its
// leading digits, or kUnknown. Where ranges overlap the first listed wins:
// Discover's 622126-622925 co-branded range and all other 62 numbers are
// UnionPay; 6011 is Discover and 353x, 356x are JCB, not RuPay.
CardNetwork CardNetworkOf(absl::string_view digits);

// True when `network` issues numbers of `digits`' length.
bool IsIssuedLength(CardNetwork network, absl::string_view digits);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_CARD_ISSUER_H_
