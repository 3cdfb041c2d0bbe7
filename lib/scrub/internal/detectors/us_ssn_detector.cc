// US_SSN: United States Social Security Numbers, 3-2-4 digits with dashes,
// spaces or dots; any other spelling (nine bare digits, 3-3-3, slashes, runs
// of spaces) only next to a context word.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/us_ssn_validator.h"

namespace scrub::internal {

DetectorSpec UsSsnDetector() {
  DetectorSpec d;
  d.id = "US_SSN";
  d.summary = "US Social Security Number (area/group/serial rules)";
  // 3-2-4 or 3-3-3 digits with any separators; not inside a longer dashed
  // number.
  d.pattern = absl::StrCat(
      "(?:^|[^0-9-])([0-9]{3}", fragments::kGroupSep, "(?:[0-9]{2}", fragments::kGroupSep,
      "[0-9]{4}|[0-9]{3}", fragments::kGroupSep, "[0-9]{3}))(?:[^0-9-]|$)");
  // The form sets the base: 3-2-4 with dashes is the SSN's own spelling;
  // 3-2-4 with single spaces or dots is seen too; any other spelling (nine
  // bare digits, 3-3-3 like an amount, slashes, runs of spaces) is
  // everywhere (ids, amounts) and passes the threshold only with a context
  // word (+0.3).
  d.score = [](absl::string_view value, const ValidationContext&) {
    const std::string digits = NormalizeValue(value, ValueForm::kAlphanumeric);
    if (digits.size() != 9 || !IsValidUsSsn(digits)) return 0.0;
    if (value.size() == 11 && value[3] == value[6] &&
        (value[3] == '-' || value[3] == ' ' || value[3] == '.')) {
      return value[3] == '-' ? 0.8 : 0.6;
    }
    return 0.3;
  };
  d.context.positive = {"ssn", "social security", "ss#", "ss no", "taxpayer",
                        "社会安全号", "社會安全號", "社会保障号"};
  d.context.negative = {"order", "tracking", "invoice", "transaction", "trace_id",
                        "request_id", "timestamp", "订单", "單號", "单号", "流水号",
                        "qq", "phone", "电话"};
  d.context.boost = 0.3;
  d.examples = {
      {"SSN ", "732-14-4804", "，尽快处理", 1.0},
      {"Hi, SSN ", "022-29-9934", " 谢谢！", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
