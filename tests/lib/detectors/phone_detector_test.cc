// PHONE: international numbers, North American and trunk-0 national
// formats (with context where ambiguous), +86 numbers left to CN_MOBILE's
// label, and look-alikes (dates, times, order numbers, versions).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "phonenumbers/phonenumberutil.h"
#include "scrub/internal/validators/phone_number_validator.h"
#include "scrub/policy.h"
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
        DetectorCase{"phone 00442079460958", {"00442079460958"}},
        // Glued to a context word.
        DetectorCase{"Tel+14155552671", {"+14155552671"}},
        DetectorCase{"call+1 415 555 2671", {"+1 415 555 2671"}},
        DetectorCase{"whatsapp:+447911123456abc", {"+447911123456"}}));

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
        // Hong Kong and Singapore: eight digits in two groups, no trunk 0.
        DetectorCase{"电话 2345 6789", {"2345 6789"}},
        DetectorCase{"call me at 9123 4567 tonight", {"9123 4567"}},
        DetectorCase{"WhatsApp: 6123-4567", {"6123-4567"}},
        // Israel (trunk 0), in the default regions.
        DetectorCase{"phone 03-123-4567", {"03-123-4567"}},
        // Trunk-0 numbers in two groups, and a trunk area code in brackets.
        DetectorCase{"call 07911 123456", {"07911 123456"}},
        DetectorCase{"Tel: 030 12345678", {"030 12345678"}},
        DetectorCase{"phone 050-1234567", {"050-1234567"}},
        DetectorCase{"phone (02) 2345 6789", {"(02) 2345 6789"}},
        DetectorCase{"(03) 9123 4567", {"(03) 9123 4567"}},   // brackets: unambiguous
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
        DetectorCase{"x+14155552671", {}},                   // glued, no context word
        DetectorCase{"SKU+14155552671", {}},
        DetectorCase{"tel DE89 3704 0044 0532 0130 00", {}},  // digit groups of an IBAN
        DetectorCase{"phone 12 090-1234-5678", {}},           // inside a longer group run
        DetectorCase{"phone 090-1234-5678 12", {}},
        DetectorCase{"code 0012345678", {}},                  // no such number
        DetectorCase{"id 00442079460958", {}},                // one run: needs context
        DetectorCase{"price 00 12 34", {}},                   // 00 + no such number
        DetectorCase{"0086 138 0013 8000", {}},               // CN_MOBILE's, not PHONE's
        DetectorCase{"tel 2024/555-0147", {}},                // no such area code
        DetectorCase{"2345 6789", {}},                        // eight digits, no context
        DetectorCase{"联系 2019-2020 赛季", {}},              // a range of years
        DetectorCase{"call 1234 5678", {}},                   // no HK/SG number starts 1
        DetectorCase{"tel 0123 4567", {}},
        DetectorCase{"07911 123456", {}},                     // two groups, no context
        DetectorCase{"ref 0123 456789", {}},                  // no such number
        DetectorCase{"phone 0000 123456", {}}));

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
  EXPECT_TRUE(internal::IsValidNationalPhone("090-1234-5678", "JP", &cc));
  EXPECT_EQ(cc, 81);
  EXPECT_FALSE(internal::IsValidNationalPhone("+81 90-1234-5678", "JP", &cc));
}

TEST(PhoneNumberValidator, NationalNumbersPassTheCheapChecksBeforeLibphonenumber) {
  // Trunk-0 regions take no number without its 0.
  EXPECT_TRUE(internal::IsValidNationalPhone("020 7946 0958", "GB", nullptr));
  EXPECT_FALSE(internal::IsValidNationalPhone("20 7946 0958", "GB", nullptr));
  // HK: eight digits starting with 2-9, bracketed or not.
  EXPECT_TRUE(internal::IsValidNationalPhone("9123 4567", "HK", nullptr));
  EXPECT_FALSE(internal::IsValidNationalPhone("1123 4567", "HK", nullptr));
  EXPECT_FALSE(internal::IsValidNationalPhone("9123 45678", "HK", nullptr));
  // US: ten digits starting with 2-9, or eleven starting with 1.
  EXPECT_TRUE(internal::IsValidNationalPhone("(415) 555-0132", "US", nullptr));
  EXPECT_TRUE(internal::IsValidNationalPhone("1 415 555 0132", "US", nullptr));
  EXPECT_FALSE(internal::IsValidNationalPhone("(015) 555-0132", "US", nullptr));
}

}  // namespace
}  // namespace scrub::testing

namespace scrub::testing {
namespace {

std::vector<std::string> PhonesUnder(const std::vector<std::string>& regions,
                                     absl::string_view text) {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_phone()->clear_default_regions();
  for (const std::string& region : regions) policy.mutable_phone()->add_default_regions(region);
  const auto scanner = ScannerFor(policy);
  if (scanner == nullptr) return {"<no scanner>"};
  const ScanResult r = scanner->Scan(text);
  std::vector<std::string> values;
  for (const Finding& f : r.findings) {
    if (f.detector == "PHONE") values.emplace_back(text.substr(f.start, f.end - f.start));
  }
  return values;
}

// IsKnownPhoneRegion answers for the defaults without libphonenumber (start-up):
// libphonenumber itself must know each of them.
TEST(PhoneDefaultRegions, EveryDefaultRegionIsOneLibphonenumberKnows) {
  const auto* util = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  for (const char* region : internal::kDefaultPhoneRegions) {
    EXPECT_NE(util->GetCountryCodeForRegion(region), 0) << region;
    EXPECT_TRUE(internal::IsKnownPhoneRegion(region)) << region;
  }
  EXPECT_TRUE(internal::IsKnownPhoneRegion("BR"));  // outside the defaults
  EXPECT_FALSE(internal::IsKnownPhoneRegion("XX"));
  EXPECT_FALSE(internal::IsKnownPhoneRegion("hk"));
}

TEST(PhoneDefaultRegions, NationalNumbersOnlyOfTheListedRegions) {
  const std::string text = "tel 090-1234-5678, tel 415-555-2671, tel 2345 6789";
  EXPECT_EQ(PhonesUnder({"JP"}, text), std::vector<std::string>{"090-1234-5678"});
  EXPECT_EQ(PhonesUnder({"US"}, text), std::vector<std::string>{"415-555-2671"});
  EXPECT_EQ(PhonesUnder({"HK"}, text), std::vector<std::string>{"2345 6789"});
  EXPECT_EQ(PhonesUnder({"US", "JP", "HK"}, text),
            (std::vector<std::string>{"090-1234-5678", "415-555-2671", "2345 6789"}));
}

TEST(PhoneDefaultRegions, MainlandNumbersStayWithTheChineseDetectors) {
  // 020 7946 0958 is a Guangzhou landline too: listing only CN leaves PHONE
  // nothing national; CN_LANDLINE reports it.
  EXPECT_EQ(PhonesUnder({"CN"}, "tel 020 7946 0958"), std::vector<std::string>{});
  EXPECT_EQ(PhonesUnder({"CN", "GB"}, "tel 020 7946 0958"),
            std::vector<std::string>{"020 7946 0958"});
}

TEST(PhoneDefaultRegions, InternationalNumbersWhateverTheList) {
  EXPECT_EQ(PhonesUnder({"HK"}, "+44 20 7946 0958"),
            std::vector<std::string>{"+44 20 7946 0958"});
}

}  // namespace
}  // namespace scrub::testing
