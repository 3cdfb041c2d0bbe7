// TW_ID: Taiwan national ID numbers (A123456789: region letter, 1 or 2, eight
// digits) and resident certificate numbers, old style (letter + A-D + 8
// digits) and new style (letter + 8 or 9 + 8 digits); checksum verified.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/tw_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreTwId(absl::string_view value, const ValidationContext&) {
  const std::string id = NormalizeValue(value, ValueForm::kAlphanumeric);
  switch (ValidateTwId(id)) {
    case TwIdKind::kNationalId:
      return 0.85;
    case TwIdKind::kResidentCertificate:
      return 0.8;
    case TwIdKind::kInvalid:
      break;
  }
  return 0.0;
}

}  // namespace

DetectorSpec TwIdDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "TW_ID";
  d.summary = "Taiwan national ID or resident certificate number (checksum verified)";
  d.pattern = absl::StrCat(kAlnumStart, "([A-Z][12A-D89]\\d{8})", kAlnumEnd);
  d.case_insensitive = true;
  d.score = ScoreTwId;
  d.context.positive = {"身分證", "身份證", "身分证", "身份证", "統一編號", "统一编号",
                        "居留證", "居留证", "統一證號", "台湾", "台灣", "national id",
                        "arc", "id no"};
  d.context.negative = context_words::ReferenceOrProductCodes();
  d.examples = {
      {"Hi, 居留證號碼：", "T154911122", "", 1.0},
      {"統一證號 ", "O132719890", "。", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
