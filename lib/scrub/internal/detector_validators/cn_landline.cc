// CN_LANDLINE: mainland China fixed-line numbers: a long-distance area code
// (010, 02x or 0 + 3 digits, in parentheses or not; after +86 / 0086 without
// its 0) and a 7-8 digit local number, with spaces (any number up to eight),
// dashes, dots or slashes between the groups, and an optional extension
// ("-8001", "转8001"). Ungrouped digits
// (075512345678) look like any other number: found only with a context word.
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/region_codes.h"

namespace scrub::internal {
namespace {

// 3-digit area codes are exactly 010 and 020-029; all others have 4 digits,
// so the split between area code and local number is never ambiguous.
constexpr char kArea[] = "(?:010|02\\d|0[3-9]\\d{2})";
constexpr char kAreaAfterCountryCode[] = "(?:10|2\\d|[3-9]\\d{2})";
constexpr char kExtension[] = "(?:(?:-|转|轉|ext\\.?|[xX])\\d{1,5})?";

// The parts of a number the detector's pattern found (the table's
// CN_LANDLINE pattern, with groups): parenthesised area, plain area, area
// after the country code, separator, local head and tail.
const RE2& ParseRegex() {
  // Between groups: spaces (up to eight), or one dash, dot or slash with a
  // space around it; after the country code an optional space, dot or dash.
  constexpr char kGroupSep[] = "(?: {1,8}| ?[-./] ?)?";
  constexpr char kSep[] = "[ .-]?";
  static const RE2* const kRe = new RE2(absl::StrCat(
      "(?:\\((", kArea, ")\\)|(", kArea, ")|(?:\\+|00)86", kSep, "(?:\\(0\\))?(",
      kAreaAfterCountryCode, "))(", kGroupSep, ")([1-9]\\d{2,3})", kGroupSep, "(\\d{4})",
      kExtension));
  return *kRe;
}

double ScoreCnLandline(absl::string_view value, const ValidationContext&) {
  std::string paren_area, area, intl_area, separator, local_head, local_tail;
  if (!RE2::FullMatch(re2::StringPiece(value.data(), value.size()), ParseRegex(),
                      &paren_area, &area, &intl_area, &separator, &local_head,
                      &local_tail)) {
    return 0.0;
  }
  if (!paren_area.empty()) area = paren_area;
  if (!intl_area.empty()) area = absl::StrCat("0", intl_area);
  // Written as a phone number: the area code set apart or a country code.
  const bool formatted =
      !paren_area.empty() || !intl_area.empty() || !separator.empty();
  if (!formatted) return 0.45;  // ungrouped digits: needs a context word
  double score = IsKnownAreaCode(area) ? 0.8 : 0.6;
  // Local numbers starting with 1 are service numbers, not subscribers.
  if (local_head[0] == '1') score -= 0.1;
  return score;
}

}  // namespace

double CnLandlineValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreCnLandline(value, ctx);
}

}  // namespace scrub::internal
