// CN_RESIDENT_ID: 18-character citizen identity numbers (GB 11643), also
// grouped 6-8-4 or 6-4-4-4 with spaces or dashes.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {

DetectorSpec CnResidentIdDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_RESIDENT_ID";
  d.summary = "Chinese resident identity number (18 characters, MOD 11-2 checked)";
  d.pattern = absl::StrCat(kDigitsStart, "(\\d{6}", kSep, "(?:18|19|20)\\d{2}",
                           kSep, "\\d{4}", kSep, "\\d{3}[0-9Xx])",
                           "(?:[^0-9A-Za-z]|$)");
  d.score = [](absl::string_view value, const ValidationContext& ctx) {
    const std::string id = NormalizeValue(value, ValueForm::kAlphanumeric);
    return IsValidResidentId(id, ctx.today) ? 0.95 : 0.0;
  };
  d.context.positive = {"身份证", "身分證", "身份證", "证件号", "證件", "公民身份",
                        "id card", "id no", "idcard"};
  d.context.negative = {"订单", "單號", "单号", "流水号", "order", "tracking",
                        "transaction", "trace_id", "request_id"};
  d.context.penalty = 0.3;  // a valid check character is strong evidence
  return d;
}

}  // namespace scrub::internal
