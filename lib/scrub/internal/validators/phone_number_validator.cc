#include "scrub/internal/validators/phone_number_validator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <string>

#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "scrub/internal/validators/phone_region_validity.h"

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

// The digits of a bounded candidate (at most kMaxPhoneCandidateBytes).
struct Digits {
  char data[kMaxPhoneCandidateBytes];
  size_t size = 0;
  absl::string_view view() const { return {data, size}; }
};
Digits DigitsOf(absl::string_view candidate) {
  Digits d;
  for (char c : candidate) {
    if (c >= '0' && c <= '9') d.data[d.size++] = c;
  }
  return d;
}

// Sets `number` to `national` (digits) under `country_code` as Parse records
// a national significant number: its value, and its leading zeros (Italy's).
// False for a length Parse refuses (2 to 17 digits).
bool SetNumber(int country_code, absl::string_view national, PhoneNumber* number) {
  constexpr size_t kMinNsn = 2, kMaxNsn = 17;
  if (national.size() < kMinNsn || national.size() > kMaxNsn) return false;
  uint64_t value = 0;
  for (char c : national) value = value * 10 + static_cast<uint64_t>(c - '0');
  number->Clear();
  number->set_country_code(country_code);
  number->set_national_number(value);
  if (national[0] == '0') {
    number->set_italian_leading_zero(true);
    size_t zeros = 1;  // an all-zero number keeps its last zero
    while (zeros < national.size() - 1 && national[zeros] == '0') ++zeros;
    if (zeros != 1) number->set_number_of_leading_zeros(static_cast<int32_t>(zeros));
  }
  return true;
}

// The trunk prefix of `region` ("0" in GB, "1" in the US; may be empty).
std::string TrunkPrefix(const std::string& region) {
  std::string trunk;
  Util().GetNddPrefixForRegion(region, /*strip_non_digits=*/true, &trunk);
  return trunk;
}

// A country calling code's main region ("ZZ": none; "001": a non-geographic
// entity) and that region's trunk prefix.
struct CallingCode {
  std::string region = "ZZ";
  std::string trunk;
};

// Every calling code (1-999), read from the metadata once:
// GetRegionCodeForCountryCode builds a list on each call.
const std::array<CallingCode, 1000>& CallingCodes() {
  static const auto* const kCodes = [] {
    auto* codes = new std::array<CallingCode, 1000>();
    std::set<int> supported;
    Util().GetSupportedCallingCodes(&supported);
    for (int code : supported) {
      if (code <= 0 || code >= static_cast<int>(codes->size())) continue;
      CallingCode& c = (*codes)[code];
      Util().GetRegionCodeForCountryCode(code, &c.region);
      if (c.region != "001" && c.region != "ZZ") c.trunk = TrunkPrefix(c.region);
    }
    return codes;
  }();
  return *kCodes;
}

// IsValidNumberForRegion for `number`, whose national significant number is
// `nsn`: from the metadata compiled into RE2s (phone_region_validity.h),
// without libphonenumber's ICU matchers, where that can answer.
bool IsValidForRegion(const PhoneNumber& number, absl::string_view nsn,
                      const std::string& region) {
  if (const std::optional<bool> valid = IsValidNationalNumberForRegion(region, nsn)) {
    return *valid;
  }
  return Util().IsValidNumberForRegion(number, region);
}

// `national` without `trunk` when it starts with it (Parse strips a trunk
// prefix: "+44 (0)20 7946 0958", "020 7946 0958" in GB).
absl::string_view WithoutTrunkPrefix(absl::string_view national, absl::string_view trunk) {
  if (!trunk.empty() && national.size() > trunk.size() &&
      national.substr(0, trunk.size()) == trunk) {
    national.remove_prefix(trunk.size());
  }
  return national;
}

// The fast way to a yes (a microsecond where Parse takes ~20): the number
// built directly from the digits, as Parse would build it in the common case
// (country calling code, trunk prefix stripped), valid for the region. A no
// proves nothing (Parse may read the digits otherwise: an international
// prefix, a carrier code, the region's calling code written without '+'),
// so callers then ask Parse.
bool IsDirectlyValidInternational(absl::string_view digits, int* country_code) {
  for (size_t n = 1; n <= 3 && n < digits.size(); ++n) {
    int code = 0;
    for (char c : digits.substr(0, n)) code = code * 10 + (c - '0');
    if (code == 0) return false;
    const CallingCode& calling = CallingCodes()[code];
    const std::string& region = calling.region;
    if (region == "ZZ") continue;
    // Calling codes are prefix-free: this is the number's.
    PhoneNumber number;
    const absl::string_view national = WithoutTrunkPrefix(digits.substr(n), calling.trunk);
    if (region == "001" ||  // non-geographic entities: no trunk prefix
        !SetNumber(code, national, &number)) {
      return false;
    }
    // Valid for the code's main region, which IsValidNumber tries first.
    if (!IsValidForRegion(number, national, region)) return false;
    *country_code = code;
    return true;
  }
  return false;
}

// As IsDirectlyValidInternational for a national number of `region`. Only
// for the default regions, and not for digits that start with "00" or "01":
// every international prefix of those regions does ("00" in most, "010" in
// JP, "011" in the US, "01[2-9]" in IL, "019" in TW), and Parse reads what
// follows one as a number of another country ("01512 3456789" in IL is
// +1 2345 6789).
bool IsDirectlyValidNational(absl::string_view digits, const std::string& region,
                             absl::string_view trunk, int* country_code) {
  if (digits.size() >= 2 && digits[0] == '0' && (digits[1] == '0' || digits[1] == '1')) {
    return false;
  }
  if (std::find(std::begin(kDefaultPhoneRegions), std::end(kDefaultPhoneRegions), region) ==
      std::end(kDefaultPhoneRegions)) {
    return false;
  }
  const int code = Util().GetCountryCodeForRegion(region);
  PhoneNumber number;
  const absl::string_view national = WithoutTrunkPrefix(digits, trunk);
  if (code == 0 || !SetNumber(code, national, &number) ||
      !IsValidForRegion(number, national, region)) {
    return false;
  }
  *country_code = code;
  return true;
}

}  // namespace

void InitPhoneNumberMetadata() { Util(); }

bool IsValidInternationalPhone(absl::string_view candidate, int* country_code) {
  if (!IsBoundedCandidate(candidate) || candidate[0] != '+') return false;
  int code = 0;
  if (IsDirectlyValidInternational(DigitsOf(candidate).view(), &code)) {
    if (country_code != nullptr) *country_code = code;
    return true;
  }
  return IsValidInternationalPhoneByParse(candidate, country_code);
}

bool IsValidInternationalPhoneByParse(absl::string_view candidate, int* country_code) {
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

namespace {

// The checks before any national validation: `candidate` could be a number
// of `region` by its digit count and first digit, and starts with the trunk
// 0 if the region has one ("(02) 2345 6789" is not read as a trunk-0
// region's number; Italy, which has no trunk prefix, reads it). Sets *trunk
// to the region's trunk prefix.
bool PassesNationalChecks(absl::string_view candidate, const std::string& region,
                          std::string* trunk) {
  if (!IsBoundedCandidate(candidate) || candidate[0] == '+') return false;
  size_t digits = 0;
  for (char c : candidate) digits += c >= '0' && c <= '9';
  const char first = candidate[0] == '(' && candidate.size() > 1 ? candidate[1] : candidate[0];
  if (!MayBeNationalNumberOf(region, digits, first)) return false;
  Util().GetNddPrefixForRegion(region, /*strip_non_digits=*/true, trunk);
  return !(*trunk == "0" && candidate[0] != '0');
}

bool IsValidNationalByParse(absl::string_view candidate, const std::string& region,
                            int* country_code) {
  PhoneNumber number;
  if (Util().Parse(std::string(candidate), region, &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return false;
  }
  if (!Util().IsValidNumberForRegion(number, region)) return false;
  if (country_code != nullptr) *country_code = number.country_code();
  return true;
}

}  // namespace

bool IsValidNationalPhone(absl::string_view candidate, absl::string_view region,
                          int* country_code) {
  const std::string region_code(region);
  std::string trunk;
  if (!PassesNationalChecks(candidate, region_code, &trunk)) return false;
  int code = 0;
  if (IsDirectlyValidNational(DigitsOf(candidate).view(), region_code, trunk, &code)) {
    if (country_code != nullptr) *country_code = code;
    return true;
  }
  return IsValidNationalByParse(candidate, region_code, country_code);
}

bool IsValidNationalPhoneByParse(absl::string_view candidate, absl::string_view region,
                                 int* country_code) {
  const std::string region_code(region);
  std::string trunk;
  return PassesNationalChecks(candidate, region_code, &trunk) &&
         IsValidNationalByParse(candidate, region_code, country_code);
}

}  // namespace scrub::internal
