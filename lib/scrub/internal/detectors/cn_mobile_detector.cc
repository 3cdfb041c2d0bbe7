// CN_MOBILE: mainland China mobile numbers, 1[3-9] + 9 digits, optionally
// with +86 / 0086 / (+86) / (86), grouped 3-4-4 or 3-8 with spaces, dashes or
// dots. The carrier allocation table only adjusts confidence: a number in an
// unallocated segment is still found.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {
namespace {

double ScoreCnMobile(absl::string_view value, const ValidationContext&) {
  const std::string all_digits = NormalizeValue(value, ValueForm::kAlphanumeric);
  const bool country_code = all_digits.size() > 11;
  const absl::string_view digits = WithoutCnCountryCode(all_digits);
  if (!IsValidCnMobile(digits)) return 0.0;
  const bool allocated = IsAllocatedCnMobileSegment(digits);
  if (country_code) return allocated ? 0.95 : 0.8;
  return allocated ? 0.85 : 0.6;
}

}  // namespace

DetectorSpec CnMobileDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_MOBILE";
  d.summary = "Mainland China mobile number (1[3-9] + 9 digits, +86 optional)";
  d.pattern = absl::StrCat(
      "(?:^|[^0-9+])(",
      "(?:(?:\\+|00)86", kSep, "|\\(\\+?86\\)", kSep, ")?",
      // 3-4-4, or 3-8 (the second separator empty).
      "1[3-9]\\d", kSep, "\\d{4}", kSep, "\\d{4})",
      // Not followed by an ASCII letter: a code such as "13810000863M3YDF04".
      kAlnumEnd);
  d.score = ScoreCnMobile;
  d.context.positive = {"手机", "手機", "电话", "電話", "联系", "聯繫", "聯絡",
                        "致电", "来电", "號碼", "号码", "短信", "簡訊", "tel",
                        "phone", "mobile", "cell", "call", "whatsapp", "sms"};
  d.context.negative = context_words::ReferenceNumbers();
  d.grouped_number = true;
  // 3-4-4, 3-8, 4-4-3, 7-4 or unseparated, with one kind of separator;
  // a country code before it belongs to it.
  d.digits = DigitShape{};
  d.digits->lengths = {11};
  d.digits->groupings = {{11}, {3, 8}, {3, 4, 4}, {4, 4, 3}, {7, 4}};
  d.digits->country_code_86 = true;
  d.examples = {
      {"tel: ", "18796804699", " 谢谢！", 1.0},
      {"好的，phone ", "13265061651", "！", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
