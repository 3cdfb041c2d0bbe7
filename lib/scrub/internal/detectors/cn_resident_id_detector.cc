// CN_RESIDENT_ID: citizen identity numbers. 18-character numbers (GB 11643,
// MOD 11-2 checked; also the residence permits of Hong Kong, Macau and Taiwan
// residents, prefixes 81/82/83), written plain or grouped 6-8-4 or 6-4-4-4
// with spaces, dashes or dots; and 15-digit first-generation numbers (region
// + YYMMDD + 3, no check digit), only next to a context word.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/region_codes.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

// Base confidences. A known GB/T 2260 county code is extra evidence; an
// unknown one is not a reason to reject (IDs outlive their counties, and the
// table only reaches back to 2002).
constexpr double kValidKnownRegion = 0.95;
constexpr double kValidUnknownRegion = 0.85;
// Legacy numbers have no check digit: found only with a context word.
constexpr double kLegacyKnownRegion = 0.6;
constexpr double kLegacyUnknownRegion = 0.5;
constexpr double kRequiredBelow = 0.7;

bool HasKnownRegion(absl::string_view id) {
  const absl::string_view region = id.substr(0, 6);
  // Residence permits carry the province code of HK, Macau or Taiwan.
  return region == "810000" || region == "820000" || region == "830000" ||
         IsKnownRegionCode(region);
}

double ScoreResidentId(absl::string_view value, const ValidationContext& ctx) {
  const std::string id = NormalizeValue(value, ValueForm::kAlphanumeric);
  if (id.size() == 18) {
    if (!IsValidResidentId(id, ctx.today)) return 0.0;
    return HasKnownRegion(id) ? kValidKnownRegion : kValidUnknownRegion;
  }
  if (id.size() == 15) {
    if (!IsValidLegacyResidentId(id, ctx.today)) return 0.0;
    return HasKnownRegion(id) ? kLegacyKnownRegion : kLegacyUnknownRegion;
  }
  return 0.0;
}

}  // namespace

DetectorSpec CnResidentIdDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_RESIDENT_ID";
  d.summary =
      "Chinese resident identity number (18 characters, MOD 11-2 checked; "
      "15-digit legacy numbers with context)";
  // 18 characters: 6-8-4 or 6-4-4-4 (the birth date 4-2-2 splits as 4-4).
  const std::string first17 = absl::StrCat("\\d{6}", kSep, "(?:18|19|20)\\d{2}", kSep,
                                           "\\d{4}", kSep, "\\d{3}");
  d.pattern = absl::StrCat(
      kDigitsStart, "(?:",
      // Ending in X: the X ends the digit run, so digits may follow
      // ("11010519491231002X13800138000" holds an ID and a mobile).
      "(", first17, "[Xx])(?:[^A-Za-z]|$)",
      // Ending in a digit (18 characters, or 15 digits 6-6-3): the digit run
      // must end there.
      "|(", first17, "\\d|\\d{6}", kSep, "\\d{6}", kSep, "\\d{3}",
      ")", kAlnumEnd, ")");
  d.score = ScoreResidentId;
  d.context.positive = {
      "身份证", "身分證", "身份證", "身分证", "身份号", "证件号", "证件號", "證件",
      "证件", "公民身份", "居民身份", "居住证", "居住證", "居留证", "居留證",
      "id card", "id no", "idcard", "id number", "identity", "citizen id"};
  d.context.negative = context_words::ReferenceNumbers();
  d.context.penalty = 0.3;  // a valid check character is strong evidence
  d.context.required_below = kRequiredBelow;
  d.grouped_number = true;
  // Any grouping (6-8-4, 6-4-4-4, pairs, triples) and any mix of
  // separators: region, birth date and MOD 11-2 make a chance match rare.
  d.digits = DigitShape{};
  d.digits->lengths = {15, 18};
  d.digits->check_x = true;
  d.digits->strong = true;
  d.digits->weak_lengths = {15};
  d.examples = {
      {"证件号 ", "440106194706124122", " 谢谢！", 1.0},
      {"麻烦帮我登记一下，身份证号", "310115197006216414", " 谢谢！", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
