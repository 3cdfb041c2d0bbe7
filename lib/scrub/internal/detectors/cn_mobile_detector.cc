// CN_MOBILE: mainland China mobile numbers, optionally with +86 / 0086 /
// (+86), grouped 3-4-4 with spaces, dashes or dots.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/cn_mobile_validator.h"

namespace scrub::internal {

DetectorSpec CnMobileDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_MOBILE";
  d.summary = "Mainland China mobile number (1[3-9] + 9 digits)";
  d.pattern = absl::StrCat(
      "(?:^|[^0-9+])(", "(?:(?:\\+|00)86", kSep, "|\\(\\+?86\\)", kSep, ")?",
      "1[3-9]\\d", kSep, "\\d{4}", kSep, "\\d{4})", kDigitsEnd);
  d.score = [](absl::string_view value, const ValidationContext&) {
    std::string digits = NormalizeValue(value, ValueForm::kAlphanumeric);
    const bool country_code = digits.size() > 11;
    if (digits.size() == 13 && digits.compare(0, 2, "86") == 0) {
      digits.erase(0, 2);
    } else if (digits.size() == 15 && digits.compare(0, 4, "0086") == 0) {
      digits.erase(0, 4);
    }
    if (!IsValidCnMobile(digits)) return 0.0;
    return country_code ? 0.95 : 0.85;
  };
  d.context.positive = {"手机", "手機", "电话", "電話", "联系", "聯繫", "tel",
                        "phone", "mobile", "call", "whatsapp"};
  d.context.negative = {"订单", "单号", "流水号", "order", "tracking",
                        "transaction", "trace_id", "request_id", "timestamp"};
  return d;
}

}  // namespace scrub::internal
