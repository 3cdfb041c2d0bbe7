// IBAN: compact and grouped forms, every registry length, boundaries, Han
// adjacency, wrong check digits and look-alikes.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class IbanTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(IbanTest, FindsExactlyTheIbans) {
  EXPECT_EQ(FindValues("IBAN", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, IbanTest,
    ::testing::Values(
        DetectorCase{"DE89370400440532013000", {"DE89370400440532013000"}},
        DetectorCase{"IBAN: DE89 3704 0044 0532 0130 00", {"DE89 3704 0044 0532 0130 00"}},
        DetectorCase{"GB82 WEST 1234 5698 7654 32.", {"GB82 WEST 1234 5698 7654 32"}},
        DetectorCase{"FR14 2004 1010 0505 0001 3M02 606", {"FR14 2004 1010 0505 0001 3M02 606"}},
        DetectorCase{"NO93 8601 1117 947", {"NO93 8601 1117 947"}},  // shortest (15)
        DetectorCase{"RU02 0445 2560 0407 0281 0412 3456 7890 1",
                     {"RU02 0445 2560 0407 0281 0412 3456 7890 1"}},  // longest (33)
        DetectorCase{"MT84MALT011000012345MTLCAST001S", {"MT84MALT011000012345MTLCAST001S"}},
        DetectorCase{"nl91 abna 0417 1643 00", {"nl91 abna 0417 1643 00"}},
        // A word after a complete IBAN is not swallowed into it.
        DetectorCase{"BE68 5390 0754 7034 THIS IS MINE", {"BE68 5390 0754 7034"}},
        DetectorCase{"收款账号DE89370400440532013000谢谢", {"DE89370400440532013000"}},
        DetectorCase{"a DE89370400440532013000, b GB82WEST12345698765432",
                     {"DE89370400440532013000", "GB82WEST12345698765432"}},
        // Full-width characters and an ideographic space fold in the view.
        DetectorCase{"ＤＥ８９　３７０４　００４４　０５３２　０１３０　００",
                     {"ＤＥ８９　３７０４　００４４　０５３２　０１３０　００"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, IbanTest,
    ::testing::Values(
        DetectorCase{"DE88370400440532013000", {}},        // check digits flipped
        DetectorCase{"DE89370400440532013001", {}},        // BBAN digit flipped
        DetectorCase{"DE8937040044053201300", {}},         // 21 characters
        DetectorCase{"DE893704004405320130001", {}},       // inside a longer run
        DetectorCase{"XDE89370400440532013000", {}},       // inside a longer run
        DetectorCase{"US64SVBKUS6S3300958879", {}},        // no IBAN country
        DetectorCase{"ORDER1234567890123456789", {}},
        DetectorCase{"DE89-3704-0044-0532-0130-01", {}},   // grouped, check fails
        DetectorCase{"DE89 3704 0044 0532 0130 0", {}}));  // a digit short

// Any grouping and separator (issue 11: "IBANs with spaces, dashes or dots
// in any grouping").
INSTANTIATE_TEST_SUITE_P(
    Groupings, IbanTest,
    ::testing::Values(
        DetectorCase{"DE89-3704-0044-0532-0130-00", {"DE89-3704-0044-0532-0130-00"}},
        DetectorCase{"DE89.3704.0044.0532.0130.00", {"DE89.3704.0044.0532.0130.00"}},
        DetectorCase{"IBAN DE893 70400 4405 320 13000", {"DE893 70400 4405 320 13000"}},
        DetectorCase{"DE89 3704-0044  0532 0130 00", {"DE89 3704-0044  0532 0130 00"}},
        DetectorCase{"GB82 **WEST** 1234 5698 7654 32", {"GB82 **WEST** 1234 5698 7654 32"}},
        DetectorCase{"GB82 W\x7f" "EST 1234 5698 7654 32", {"GB82 W\x7f" "EST 1234 5698 7654 32"}},
        // A valid IBAN keeps its checked length; a number after it is apart.
        DetectorCase{"DE89 3704 0044 0532 0130 00 1", {"DE89 3704 0044 0532 0130 00"}}));

}  // namespace
}  // namespace scrub::testing
