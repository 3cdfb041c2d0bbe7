// PHONE: international numbers, North American and trunk-0 national
// formats (with context where ambiguous), +86 numbers left to CN_MOBILE's
// label, and look-alikes (dates, times, order numbers, versions).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/internal/validators/phone_number_validator.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class PhoneTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(PhoneTest, FindsExactlyTheNumbers) {
  EXPECT_EQ(FindValues("PHONE", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    International, PhoneTest,
    ::testing::Values(
        DetectorCase{"+1 415-555-2671", {"+1 415-555-2671"}},
        DetectorCase{"+14155552671", {"+14155552671"}},
        DetectorCase{"call +1 (415) 555-0132.", {"+1 (415) 555-0132"}},
        DetectorCase{"+44 20 7946 0958", {"+44 20 7946 0958"}},
        DetectorCase{"+44 (0)20 7946 0958", {"+44 (0)20 7946 0958"}},
        DetectorCase{"请打+81 90-1234-5678谢谢", {"+81 90-1234-5678"}},
        DetectorCase{"+49 30 12345678, +33 6 12 34 56 78",
                     {"+49 30 12345678", "+33 6 12 34 56 78"}},
        DetectorCase{"+65 6123 4567", {"+65 6123 4567"}},
        // A trailing group that makes it invalid is redacted with it.
        DetectorCase{"+1 415 555 2671 2 apples", {"+1 415 555 2671 2"}},
        // A +86 mobile is CN_MOBILE's alone (its rule decides it).
        DetectorCase{"+86 138 0013 8000", {}},
        DetectorCase{"＋４４ ２０ ７９４６ ０９５８", {"＋４４ ２０ ７９４６ ０９５８"}},
        // The exit code written instead of '+': 00, and Australia's 0011.
        DetectorCase{"phone 00852 9123 4567", {"00852 9123 4567"}},
        DetectorCase{"tel 0044 20 7946 0958", {"0044 20 7946 0958"}},
        DetectorCase{"call 0011 44 20 7946 0958", {"0011 44 20 7946 0958"}},
        DetectorCase{"0065-6123-4567", {"0065-6123-4567"}},
        DetectorCase{"phone 00442079460958", {"00442079460958"}}));

INSTANTIATE_TEST_SUITE_P(
    National, PhoneTest,
    ::testing::Values(
        DetectorCase{"(415) 555-0132", {"(415) 555-0132"}},          // unambiguous
        DetectorCase{"office (212) 736-5000 ext", {"(212) 736-5000"}},
        DetectorCase{"phone: 415-555-2671", {"415-555-2671"}},       // with context
        DetectorCase{"call 1-800-555-0199 now", {"1-800-555-0199"}},
        DetectorCase{"电话090-1234-5678", {"090-1234-5678"}},
        DetectorCase{"携帯 090-1234-5678", {"090-1234-5678"}},
        DetectorCase{"tel 03-1234-5678", {"03-1234-5678"}},
        DetectorCase{"Tel: 020 7946 0958", {"020 7946 0958"}},
        DetectorCase{"téléphone 01 23 45 67 89", {"01 23 45 67 89"}},
        DetectorCase{"전화 010-1234-5678", {"010-1234-5678"}},
        DetectorCase{"my number is 415-555-2671", {"415-555-2671"}},
        DetectorCase{"text me at 415-555-2671", {"415-555-2671"}},
        DetectorCase{"phone 212/555-0147", {"212/555-0147"}},
        DetectorCase{"phone: 090-1234-5678 or 415-555-2671.",
                     {"090-1234-5678", "415-555-2671"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, PhoneTest,
    ::testing::Values(
        DetectorCase{"415-555-2671", {}},               // no context
        DetectorCase{"090-1234-5678", {}},              // no context
        DetectorCase{"order 415-555-2671", {}},         // negative context
        DetectorCase{"phone (015) 555-0132", {}},       // area code cannot start with 0
        DetectorCase{"+999 1234 5678", {}},             // no such country code
        DetectorCase{"+1 123", {}},
        DetectorCase{"2024-01-15 12:30:45", {}},
        DetectorCase{"tel 2024-01-15", {}},
        DetectorCase{"version 1.2.3", {}},
        DetectorCase{"1+1 = 2", {}},
        DetectorCase{"phone 123-45-6789", {}},          // an SSN shape
        DetectorCase{"x+14155552671", {}},
        DetectorCase{"tel DE89 3704 0044 0532 0130 00", {}},  // digit groups of an IBAN
        DetectorCase{"phone 12 090-1234-5678", {}},           // inside a longer group run
        DetectorCase{"phone 090-1234-5678 12", {}},
        DetectorCase{"code 0012345678", {}},                  // no such number
        DetectorCase{"id 00442079460958", {}},                // one run: needs context
        DetectorCase{"price 00 12 34", {}},                   // 00 + no such number
        DetectorCase{"0086 138 0013 8000", {}},               // CN_MOBILE's, not PHONE's
        DetectorCase{"tel 2024/555-0147", {}}));              // no such area code

TEST(PhoneConfidence, PlusEightySixMobileIsOnlyCnMobile) {
  // Were PHONE to report it too, a policy masking CN_MOBILE would see the
  // number redacted instead (REDACT is more protective than MASK).
  const auto findings = DefaultFindings("+86 138 0013 8000");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].detector, "CN_MOBILE");
  EXPECT_EQ(Redacted("+86 138 0013 8000"), "[CN_MOBILE]");
}

TEST(PhoneNumberValidator, RejectsUnboundedOrForeignCharacters) {
  EXPECT_TRUE(internal::IsValidInternationalPhone("+44 20 7946 0958", nullptr));
  EXPECT_FALSE(internal::IsValidInternationalPhone("+44 20 7946 0958 x", nullptr));
  EXPECT_FALSE(internal::IsValidInternationalPhone(
      "+44 20 7946 0958 " + std::string(40, '1'), nullptr));
  EXPECT_FALSE(internal::IsValidInternationalPhone("44 20 7946 0958", nullptr));
  int cc = 0;
  const char* const jp[] = {"JP"};
  EXPECT_TRUE(internal::IsValidNationalPhone("090-1234-5678", jp, &cc));
  EXPECT_EQ(cc, 81);
  EXPECT_FALSE(internal::IsValidNationalPhone("+81 90-1234-5678", jp, &cc));
}

}  // namespace
}  // namespace scrub::testing
