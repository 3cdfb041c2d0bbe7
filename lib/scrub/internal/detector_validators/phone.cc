// PHONE: telephone numbers outside mainland China's own detectors -
// international numbers with a +country code, and national numbers in North
// American ("(415) 555-0132", "415-555-0132") or trunk-0 formats
// ("090-1234-5678", "020 7946 0958", "01 23 45 67 89").
//
// RE2 finds short candidates; libphonenumber validates them (see
// validators/phone_number_validator.h). Confidence:
//   +CC numbers                         0.85 (0.7 when a trailing group had to
//                                       be dropped to make it valid)
//   (415) 555-0132                      0.8  (parentheses: unambiguous)
//   415-555-0132, 090-1234-5678, ...    0.4  (redacted only near a context
//                                       word: boost 0.3)
//   +86 mobile numbers                  not PHONE: CN_MOBILE's alone, so that
//                                       its rule (e.g. MASK) decides them
//   other +86 numbers                   0.6  (CN_LANDLINE reports landlines
//                                       with more confidence, so the
//                                       redaction is labelled by it)
#include <string>

#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/cn_mobile_validator.h"
#include "scrub/internal/validators/phone_number_validator.h"

namespace scrub::internal {
namespace {

constexpr int kMainlandChina = 86;

// Regions whose national numbers are written with a trunk 0 (and Italy,
// whose numbers start with 0).
constexpr const char* kTrunkZeroRegions[] = {"JP", "KR", "GB", "DE", "FR",
                                             "IT", "AU", "NL", "TW", "IN"};
constexpr const char* kNanpRegion[] = {"US"};  // validates every NANP country

// `v` without its last group and the separators before it ("" if none).
absl::string_view DropLastGroup(absl::string_view v) {
  const size_t sep = v.find_last_of(" .-");
  if (sep == absl::string_view::npos) return {};
  v = v.substr(0, sep);
  while (!v.empty() && (v.back() == ' ' || v.back() == '.' || v.back() == '-')) {
    v.remove_suffix(1);
  }
  return v;
}

size_t CountDigits(absl::string_view v) {
  size_t n = 0;
  for (char c : v) n += c >= '0' && c <= '9';
  return n;
}

// libphonenumber costs tens of microseconds per call (ICU regex): skip it
// for digit counts no number can have. E.164 allows 15 digits with the
// country code; a written "(0)" trunk adds one.
bool MayBeInternationalNumber(absl::string_view v) {
  const size_t digits = CountDigits(v);
  return digits >= 7 && digits <= 16;
}

// "+86 1[3-9]x xxxx xxxx": CN_MOBILE's, validated there without libphonenumber.
bool IsMainlandMobile(absl::string_view v) {
  const std::string digits = NormalizeValue(v, ValueForm::kAlphanumeric);
  return digits.size() == 13 && IsValidCnMobile(WithoutCnCountryCode(digits));
}

double ScoreInternational(absl::string_view value) {
  if (IsMainlandMobile(value)) return 0.0;
  int country_code = 0;
  double confidence = 0.85;
  absl::string_view candidate = value;
  // The pattern's groups are greedy: "+1 415 555 2671 2 apples" takes the
  // " 2". Rather than lose the number, accept it when dropping up to two
  // trailing groups makes it valid (the extra digits are redacted with it).
  for (int dropped = 0; !MayBeInternationalNumber(candidate) ||
                        !IsValidInternationalPhone(candidate, &country_code);) {
    if (++dropped > 2) return 0.0;
    candidate = DropLastGroup(candidate);
    if (candidate.size() < 4) return 0.0;
    confidence = 0.7;
  }
  return country_code == kMainlandChina ? 0.6 : confidence;
}

}  // namespace

double PhoneValidator(absl::string_view value, const ValidationContext&) {
  if (value.empty()) return 0.0;
  if (value[0] == '+') return ScoreInternational(value);
  if (value[0] == '0') {
    return IsValidNationalPhone(value, kTrunkZeroRegions, nullptr) ? 0.4 : 0.0;
  }
  if (!IsValidNationalPhone(value, kNanpRegion, nullptr)) return 0.0;
  return value.find('(') != absl::string_view::npos ? 0.8 : 0.4;
}

}  // namespace scrub::internal
