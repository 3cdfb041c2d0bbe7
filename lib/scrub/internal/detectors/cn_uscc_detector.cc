// CN_USCC: unified social credit codes of companies and organisations
// (统一社会信用代码, GB 32100): 18 characters of 0-9 A-H J-N P Q R T U W X Y
// with a mod-31 check character and an embedded organisation code (GB 11714)
// with its own mod-11 check. The registering region (positions 3-8) found in
// GB/T 2260 raises confidence.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/validators/resident_id_validator.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/region_codes.h"
#include "scrub/internal/validators/uscc_validator.h"

namespace scrub::internal {
namespace {

double ScoreCnUscc(absl::string_view value, const ValidationContext& ctx) {
  const std::string code = NormalizeValue(value, ValueForm::kAlphanumeric);
  if (!IsValidUscc(code)) return 0.0;
  // One valid resident ID in 341 passes both USCC checks too: it is an ID
  // (found by CN_RESIDENT_ID); a credit-code word still finds it here.
  if (IsValidResidentId(code, ctx.today)) return 0.4;
  // Codes are printed in upper case; lower-case letters are more often a
  // random hexadecimal id that happens to pass both checks (1 in 341).
  for (char c : value) {
    if (c >= 'a' && c <= 'z') return 0.55;
  }
  const absl::string_view region = absl::string_view(code).substr(2, 6);
  const bool known_region = IsKnownRegionCode(region) || region == "100000";
  // Split by separators, a code of an unknown region needs a context word:
  // short words in a row can spell 18 characters that pass both checks.
  if (code.size() != value.size()) return known_region ? 0.8 : 0.45;
  return known_region ? 0.9 : 0.75;
}

}  // namespace

DetectorSpec CnUsccDetector() {
  using namespace fragments;  // NOLINT
  constexpr char kChar[] = "[0-9A-HJ-NPQRTUWXY]";
  DetectorSpec d;
  d.id = "CN_USCC";
  d.summary = "Unified social credit code (GB 32100, mod-31 and GB 11714 checked)";
  // Any grouping: every character may follow a separator.
  const std::string next = absl::StrCat(kCodeSep, kChar);
  d.pattern = absl::StrCat(kAlnumStart, "(", kChar, next, "(?:", kCodeSep, "\\d){6}(?:", next,
                           "){10})", kAlnumEnd);
  d.case_insensitive = true;
  d.score = ScoreCnUscc;
  d.context.positive = {"统一社会信用代码", "統一社會信用代碼", "信用代码", "信用代碼",
                        "营业执照", "營業執照", "纳税人识别号", "納稅人識別號", "税号",
                        "稅號", "uscc", "credit code", "tax id"};
  d.context.negative = context_words::ReferenceOrProductCodes();
  d.context.penalty = 0.3;  // two check characters are strong evidence
  d.examples = {
      {"确认一下信息 社会信用代码", "11650102D7HX8PEW4X", "", 1.0},
      {"请核对：USCC ", "93810000XRCHFPK97F", "，有问题再联系", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
