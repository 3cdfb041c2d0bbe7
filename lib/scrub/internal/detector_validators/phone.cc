// PHONE: telephone numbers outside mainland China's own detectors -
// international numbers with a +country code (or the exit code 00 / 0011
// written instead of '+'), and national numbers of the policy's
// phone.default_regions in North American ("(415) 555-0132",
// "415-555-0132"), trunk-0 ("090-1234-5678", "020 7946 0958",
// "01 23 45 67 89") or eight-digit formats ("9123 4567", HK and SG).
//
// RE2 finds short candidates; libphonenumber validates them (see
// validators/phone_number_validator.h). Confidence:
//   +CC numbers                         0.85 (0.7 when a trailing group had to
//                                       be dropped to make it valid; 0.4,
//                                       context needed, glued to a word:
//                                       "Tel+14155552671")
//   00/0011 + CC, grouped               as +CC
//   00/0011 + CC, one run of digits     0.4  (context needed: an id may start
//                                       with zeros)
//   (415) 555-0132                      0.8  (parentheses: unambiguous)
//   415-555-0132, 090-1234-5678,
//   9123 4567, ...                      0.4  (redacted only near a context
//                                       word: boost 0.3)
//   +86 mobile numbers                  not PHONE: CN_MOBILE's alone, so that
//                                       its rule (e.g. MASK) decides them
//   other +86 numbers                   0.6  (CN_LANDLINE reports landlines
//                                       with more confidence, so the
//                                       redaction is labelled by it)
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/cn_mobile_validator.h"
#include "scrub/internal/validators/phone_number_validator.h"

namespace scrub::internal {
namespace {

constexpr int kMainlandChina = 86;

constexpr absl::string_view kMainlandRegion = "CN";

size_t CountDigits(absl::string_view v) {
  size_t n = 0;
  for (char c : v) n += c >= '0' && c <= '9';
  return n;
}

// The policy's phone.default_regions, or the default list.
absl::Span<const std::string> NationalRegions(const ValidationContext& ctx) {
  if (!ctx.phone_regions.empty()) return ctx.phone_regions;
  static const auto* const kDefault = new std::vector<std::string>(
      std::begin(kDefaultPhoneRegions), std::end(kDefaultPhoneRegions));
  return *kDefault;
}

// True when `value` is a valid national number of one of the policy's
// regions other than mainland China (whose numbers CN_MOBILE and
// CN_LANDLINE report: "020 7946 0958" is a Guangzhou landline too, yet
// PHONE must still read it as London's when GB is listed).
bool IsNationalNumber(absl::string_view value, const ValidationContext& ctx) {
  for (const std::string& region : NationalRegions(ctx)) {
    if (region != kMainlandRegion && IsValidNationalPhone(value, region, nullptr)) return true;
  }
  return false;
}

// "2019-2020": a range of years, not a number of eight digits.
bool IsYearRange(absl::string_view v) {
  auto year = [](absl::string_view y) {
    return y.size() == 4 && (absl::StartsWith(y, "19") || absl::StartsWith(y, "20"));
  };
  return v.size() == 9 && v[4] == '-' && year(v.substr(0, 4)) && year(v.substr(5));
}

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

// libphonenumber costs tens of microseconds per call (ICU regex): skip it
// for digit counts no number can have. E.164 allows 15 digits with the
// country code; a written "(0)" trunk adds one.
bool MayBeInternationalNumber(absl::string_view v) {
  const size_t digits = CountDigits(v);
  return digits >= 7 && digits <= 16;
}

// "+86 1[3-9]x xxxx xxxx": CN_MOBILE's, validated there without libphonenumber.
bool IsMainlandMobile(absl::string_view v) {
  const NormalizedValue normalized(v, ValueForm::kAlphanumeric);
  const absl::string_view digits = normalized;
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

// The international dialling prefix written instead of '+': "00" (most of
// the world) or "0011" (Australia), with an optional separator after it.
// Empty when `value` has none.
absl::string_view ExitCode(absl::string_view value) {
  for (absl::string_view code : {"0011", "00"}) {
    if (!absl::StartsWith(value, code)) continue;
    size_t n = code.size();
    if (n < value.size() && (value[n] == ' ' || value[n] == '.' || value[n] == '-')) ++n;
    if (n < value.size() && value[n] >= '1' && value[n] <= '9') return value.substr(0, n);
  }
  return {};
}

}  // namespace

double PhoneValidator(absl::string_view value, const ValidationContext& ctx) {
  if (value.empty()) return 0.0;
  if (value[0] == '+') {
    // Glued to a word ("Tel+14155552671"): a context word must say so
    // ("x+14155552671" is arithmetic or a code).
    const bool glued = !ctx.preceding.empty() &&
                       absl::ascii_isalpha(static_cast<unsigned char>(ctx.preceding.back()));
    const double score = ScoreInternational(value);
    return glued ? std::min(score, 0.4) : score;
  }
  // "00852 9123 4567", "0011 44 20 7946 0958": the number after the exit
  // code, as if written with '+' (a national number never starts "00").
  if (const absl::string_view exit = ExitCode(value); !exit.empty()) {
    const std::string international =
        absl::StrCat("+", value.substr(exit.size()));
    const double score = ScoreInternational(international);
    // Written as one run of digits ("00442079460958"), it may as well be an
    // id that starts with zeros: a finding only near a context word.
    const bool grouped = value.find_first_of(" .-(") != absl::string_view::npos;
    return grouped ? score : std::min(score, 0.4);
  }
  // A national number: one of phone.default_regions' ("090-1234-5678" JP,
  // "415-555-0132" US, "9123 4567" HK/SG).
  if (IsYearRange(value) || !IsNationalNumber(value, ctx)) return 0.0;
  return value.find('(') != absl::string_view::npos ? 0.8 : 0.4;
}

}  // namespace scrub::internal
