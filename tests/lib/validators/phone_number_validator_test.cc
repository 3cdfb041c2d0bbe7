// The fast path of phone validation (a number valid as written is accepted
// without libphonenumber's parse) against the parse alone, on every example
// number libphonenumber has, written as people write them, and on near
// misses of each.
#include "scrub/internal/validators/phone_number_validator.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "tests/support/phone_examples.h"

namespace scrub {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& Util() { return testing::PhoneUtil(); }

// Each example number of each region, and for each a copy with its last
// digit changed, one with a digit more and one with a digit less.
std::vector<PhoneNumber> ExampleNumbersAndNearMisses() {
  std::vector<PhoneNumber> out;
  for (const testing::PhoneExample& e : testing::PhoneExamples()) {
    const PhoneNumber& n = e.number;
    out.push_back(n);
    PhoneNumber changed = n;
    changed.set_national_number(n.national_number() / 10 * 10 +
                                (n.national_number() % 10 + 3) % 10);
    out.push_back(changed);
    PhoneNumber longer = n;
    longer.set_national_number(n.national_number() * 10 + 7);
    out.push_back(longer);
    PhoneNumber shorter = n;
    shorter.set_national_number(n.national_number() / 10);
    out.push_back(shorter);
  }
  return out;
}

// Formats of a number that fit a PHONE candidate (digits, spaces, + - ( ).).
std::vector<std::string> International(const PhoneNumber& n) {
  std::string intl, e164;
  Util().Format(n, PhoneNumberUtil::INTERNATIONAL, &intl);
  Util().Format(n, PhoneNumberUtil::E164, &e164);
  std::string nsn;
  Util().GetNationalSignificantNumber(n, &nsn);
  // The trunk prefix written after the code, as in "+44 (0)20 7946 0958".
  const std::string with_trunk = absl::StrCat("+", n.country_code(), " (0)", nsn);
  return {intl, e164, with_trunk};
}

TEST(PhoneNumberValidator, InternationalFastPathAgreesWithTheParse) {
  const std::vector<PhoneNumber> numbers = ExampleNumbersAndNearMisses();
  ASSERT_GT(numbers.size(), 1000u);
  size_t valid = 0, checked = 0;
  for (const PhoneNumber& n : numbers) {
    for (const std::string& written : International(n)) {
      int fast_code = -1, parse_code = -1;
      const bool fast = internal::IsValidInternationalPhone(written, &fast_code);
      const bool parse = internal::IsValidInternationalPhoneByParse(written, &parse_code);
      ASSERT_EQ(fast, parse) << written;
      if (fast) {
        EXPECT_EQ(fast_code, parse_code) << written;
      }
      valid += fast;
      ++checked;
    }
  }
  // The fast path was taken for real numbers, and near misses were refused.
  EXPECT_GT(valid, checked / 5);
  EXPECT_LT(valid, checked * 4 / 5);
}

TEST(PhoneNumberValidator, NationalFastPathAgreesWithTheParse) {
  const std::vector<PhoneNumber> numbers = ExampleNumbersAndNearMisses();
  size_t valid = 0, checked = 0;
  for (const PhoneNumber& n : numbers) {
    std::string national, nsn;
    Util().Format(n, PhoneNumberUtil::NATIONAL, &national);
    Util().GetNationalSignificantNumber(n, &nsn);
    for (const char* region : internal::kDefaultPhoneRegions) {
      for (const std::string& written : {national, nsn, absl::StrCat("0", nsn)}) {
        int fast_code = -1, parse_code = -1;
        const bool fast = internal::IsValidNationalPhone(written, region, &fast_code);
        const bool parse =
            internal::IsValidNationalPhoneByParse(written, region, &parse_code);
        ASSERT_EQ(fast, parse) << written << " in " << region;
        if (fast) {
          EXPECT_EQ(fast_code, parse_code) << written << " in " << region;
        }
        valid += fast;
        ++checked;
      }
    }
  }
  // Each number is tried in all 15 regions: most tries are refused.
  EXPECT_GT(valid, 1000u);
  EXPECT_LT(valid, checked / 4);
}

TEST(PhoneNumberValidator, AcceptsWrittenFormsOfRealNumbers) {
  int code = 0;
  EXPECT_TRUE(internal::IsValidInternationalPhone("+44 20 7946 0958", &code));
  EXPECT_EQ(code, 44);
  EXPECT_TRUE(internal::IsValidInternationalPhone("+44 (0)20 7946 0958", &code));
  EXPECT_TRUE(internal::IsValidInternationalPhone("+1 (415) 555-2671", &code));
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(internal::IsValidInternationalPhone("+39 06 6988 4000", &code));
  EXPECT_EQ(code, 39);
  EXPECT_FALSE(internal::IsValidInternationalPhone("+44 20 7946 095", &code));
  EXPECT_FALSE(internal::IsValidInternationalPhone("+999 1234 5678", &code));
  EXPECT_TRUE(internal::IsValidNationalPhone("020 7946 0958", "GB", &code));
  EXPECT_EQ(code, 44);
  EXPECT_TRUE(internal::IsValidNationalPhone("090-1234-5678", "JP", &code));
  EXPECT_EQ(code, 81);
  EXPECT_FALSE(internal::IsValidNationalPhone("20 7946 0958", "GB", &code));
}

}  // namespace
}  // namespace scrub
