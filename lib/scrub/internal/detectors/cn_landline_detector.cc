// CN_LANDLINE: mainland China fixed-line numbers: a long-distance area code
// (010, 02x or 0 + 3 digits, in parentheses or not; after +86 / 0086 without
// its 0) and a 7-8 digit local number, with spaces (any number up to eight),
// dashes, dots or slashes between the groups, and an optional extension
// ("-8001", "转8001"). Ungrouped digits
// (075512345678) look like any other number: found only with a context word.
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/region_codes.h"

namespace scrub::internal {
namespace {

// 3-digit area codes are exactly 010 and 020-029; all others have 4 digits,
// so the split between area code and local number is never ambiguous.
constexpr char kArea[] = "(?:010|02\\d|0[3-9]\\d{2})";
constexpr char kAreaAfterCountryCode[] = "(?:10|2\\d|[3-9]\\d{2})";
constexpr char kExtension[] = "(?:(?:-|转|轉|ext\\.?|[xX])\\d{1,5})?";

constexpr double kRequiredBelow = 0.5;

// The number: area code (in parentheses, plain, or after +86/0086), local
// number, extension. With `capture`, the parser's groups: parenthesised area,
// plain area, area after the country code, separator, local head and tail.
std::string LandlineNumber(bool capture) {
  using fragments::kGroupSep;
  using fragments::kSep;
  const auto group = [capture](absl::string_view body) {
    return absl::StrCat(capture ? "(" : "(?:", body, ")");
  };
  return absl::StrCat("(?:\\(", group(kArea), "\\)|", group(kArea), "|(?:\\+|00)86",
                      kSep, "(?:\\(0\\))?", group(kAreaAfterCountryCode), ")",
                      group(kGroupSep), group("[1-9]\\d{2,3}"), kGroupSep, group("\\d{4}"),
                      kExtension);
}

const RE2& ParseRegex() {
  static const RE2* const kRe = new RE2(LandlineNumber(/*capture=*/true));
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

DetectorSpec CnLandlineDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_LANDLINE";
  d.summary = "Mainland China landline number (area code + 7-8 digits)";
  d.pattern = absl::StrCat("(?:^|[^0-9+])(", LandlineNumber(/*capture=*/false), ")",
                           kDigitsEnd);
  d.score = ScoreCnLandline;
  d.context.positive = {"电话", "電話", "座机", "座機", "固话", "固話", "传真",
                        "傳真", "联系", "聯繫", "聯絡", "致电", "区号", "區號",
                        "tel", "phone", "fax", "landline"};
  d.context.negative = context_words::ReferenceNumbers();
  d.context.boost = 0.2;
  d.context.required_below = kRequiredBelow;
  d.grouped_number = true;
  d.examples = {
      {"OK 固话", "(0731) 4400 0481", "。", 1.0},
      {"我这边是座机 ", "(0512) 433 7145", " 谢谢！", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
