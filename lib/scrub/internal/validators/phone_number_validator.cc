#include "scrub/internal/validators/phone_number_validator.h"

#include <string>

#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace scrub::internal {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

// Short, and only the characters a phone number is written with.
bool IsBoundedCandidate(absl::string_view candidate) {
  if (candidate.empty() || candidate.size() > kMaxPhoneCandidateBytes) return false;
  for (char c : candidate) {
    if (!((c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '.' ||
          c == '/' || c == '(' || c == ')')) {
      return false;
    }
  }
  return true;
}

// Thread-safe singleton (libphonenumber's own); its default logger is a
// NullLogger, so validation never writes anything.
const PhoneNumberUtil& Util() { return *PhoneNumberUtil::GetInstance(); }

// The digit counts and first digits of the regions whose national numbers
// have no trunk 0 and a fixed length. Other regions are left to
// libphonenumber.
bool MayBeNationalNumberOf(absl::string_view region, size_t digits, char first) {
  if (region == "HK" || region == "SG" || region == "MO") {
    return digits == 8 && first >= '2' && first <= '9';
  }
  if (region == "US" || region == "CA") {
    return (digits == 10 && first >= '2' && first <= '9') || (digits == 11 && first == '1');
  }
  return digits >= 6 && digits <= 13;
}

}  // namespace

void InitPhoneNumberMetadata() { Util(); }

bool IsValidInternationalPhone(absl::string_view candidate, int* country_code) {
  if (!IsBoundedCandidate(candidate) || candidate[0] != '+') return false;
  PhoneNumber number;
  if (Util().Parse(std::string(candidate), "ZZ", &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return false;
  }
  if (!Util().IsValidNumber(number)) return false;
  if (country_code != nullptr) *country_code = number.country_code();
  return true;
}

bool IsKnownPhoneRegion(absl::string_view region) {
  if (region.size() != 2 || region == "ZZ" || region == "001") return false;
  // The defaults are known (a test checks them against libphonenumber): a
  // policy that lists them, as every resolved policy does, is validated
  // without loading libphonenumber's metadata (~20 ms of start-up).
  for (const char* known : kDefaultPhoneRegions) {
    if (region == known) return true;
  }
  return Util().GetCountryCodeForRegion(std::string(region)) != 0;
}

bool IsValidNationalPhone(absl::string_view candidate, absl::string_view region,
                          int* country_code) {
  if (!IsBoundedCandidate(candidate) || candidate[0] == '+') return false;
  size_t digits = 0;
  for (char c : candidate) digits += c >= '0' && c <= '9';
  const char first = candidate[0] == '(' && candidate.size() > 1 ? candidate[1] : candidate[0];
  if (!MayBeNationalNumberOf(region, digits, first)) return false;
  const std::string region_code(region);
  std::string trunk;
  Util().GetNddPrefixForRegion(region_code, /*strip_non_digits=*/true, &trunk);
  // The trunk 0 must be written first: "(02) 2345 6789" is not read as a
  // trunk-0 region's number (Italy, which has no trunk prefix, reads it).
  if (trunk == "0" && candidate[0] != '0') return false;
  PhoneNumber number;
  if (Util().Parse(std::string(candidate), region_code, &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return false;
  }
  if (!Util().IsValidNumberForRegion(number, region_code)) return false;
  if (country_code != nullptr) *country_code = number.country_code();
  return true;
}

}  // namespace scrub::internal
