// CardNetworkOf / IsIssuedLength: issuer prefixes and lengths.
#include "scrub/internal/validators/card_issuer.h"

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

TEST(CardIssuer, NetworksByPrefix) {
  struct Case {
    const char* digits;
    CardNetwork network;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"6222021234567890128", CardNetwork::kUnionPay},
           {"8100123456789017", CardNetwork::kUnionPay},
           {"4111111111111111", CardNetwork::kVisa},
           {"5105105105105100", CardNetwork::kMastercard},
           {"5555555555554444", CardNetwork::kMastercard},
           {"2221000000000009", CardNetwork::kMastercard},
           {"2720999999999996", CardNetwork::kMastercard},
           {"378282246310005", CardNetwork::kAmex},
           {"341111111111111", CardNetwork::kAmex},
           {"3528000000000007", CardNetwork::kJcb},
           {"3589000000000003", CardNetwork::kJcb},
           {"6011111111111117", CardNetwork::kDiscover},
           {"6445644564456445", CardNetwork::kDiscover},
           {"6500000000000002", CardNetwork::kDiscover},
           {"30569309025904", CardNetwork::kDiners},
           {"36000000000008", CardNetwork::kDiners},
           {"38520000023237", CardNetwork::kDiners},
           {"6759649826438453", CardNetwork::kMaestro},
           {"5018000000000009", CardNetwork::kMaestro},
           {"2200000000000004", CardNetwork::kMir},
           {"6070000000000000", CardNetwork::kRuPay},
           {"5085000000000000", CardNetwork::kRuPay},
           {"8200000000000000", CardNetwork::kRuPay},
           {"3560000000000000", CardNetwork::kJcb},    // JCB's range wins over RuPay's 356
           {"6011000000000000", CardNetwork::kDiscover},  // not RuPay's 60
           {"6221260000000000", CardNetwork::kUnionPay},  // Discover co-branded: UnionPay
           {"2721000000000000", CardNetwork::kUnknown},
           {"2220990000000000", CardNetwork::kUnknown},
           {"3527000000000000", CardNetwork::kUnknown},
           {"3590000000000000", CardNetwork::kUnknown},
           {"6430000000000000", CardNetwork::kUnknown},
           {"8888123456789", CardNetwork::kUnknown},
           {"123", CardNetwork::kUnknown},
       }) {
    EXPECT_EQ(CardNetworkOf(c.digits), c.network) << c.digits;
  }
}

TEST(CardIssuer, IssuedLengths) {
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kUnionPay, "6222021234567890128"));
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kUnionPay, "6222021234567890"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kUnionPay, "622202123456789"));
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kVisa, "4222222222222"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kVisa, "42222222222222"));
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kAmex, "378282246310005"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kAmex, "3782822463100051"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kMastercard, "541234567890125"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kUnknown, "8888123456789"));
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kRuPay, "6070000000000000"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kRuPay, "60700000000000000"));
  EXPECT_TRUE(IsIssuedLength(CardNetwork::kVisa, "4222222222222222222"));
  EXPECT_FALSE(IsIssuedLength(CardNetwork::kVisa, "422222222222222222"));
}

}  // namespace
}  // namespace scrub::internal
