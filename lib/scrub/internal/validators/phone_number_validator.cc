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

bool IsValidNationalPhone(absl::string_view candidate, absl::Span<const std::string> regions,
                          int* country_code) {
  if (!IsBoundedCandidate(candidate) || candidate[0] == '+') return false;
  const std::string text(candidate);
  const bool trunk_zero = candidate[0] == '0';
  std::string trunk;
  for (const std::string& region : regions) {
    // A region whose national numbers are written after a trunk 0 (GB, JP,
    // ...) has none without it; parsing is the expensive part (ICU regex).
    Util().GetNddPrefixForRegion(region, /*strip_non_digits=*/true, &trunk);
    if (trunk == "0" && !trunk_zero) continue;
    PhoneNumber number;
    if (Util().Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
      continue;
    }
    if (!Util().IsValidNumberForRegion(number, region)) continue;
    if (country_code != nullptr) *country_code = number.country_code();
    return true;
  }
  return false;
}

}  // namespace scrub::internal
