// HK_ID: Hong Kong identity card numbers: one or two letters, six digits and
// a check character (0-9 or A), written in parentheses "A123456(3)", in
// brackets "A123456[3]" or plain "A1234563". Check character verified.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/hk_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreHkId(absl::string_view value, const ValidationContext&) {
  std::string id(value);
  for (char& c : id) c = absl::ascii_toupper(static_cast<unsigned char>(c));
  if (!IsValidHkId(id)) return 0.0;
  // Written the way the card prints it: strong; plain letters + 7 characters
  // also match product codes, one in eleven of which passes the check.
  return value.back() == ')' || value.back() == ']' ? 0.85 : 0.55;
}

}  // namespace

DetectorSpec HkIdDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "HK_ID";
  d.summary = "Hong Kong identity card number (A123456(3), check character verified)";
  d.pattern = absl::StrCat(kAlnumStart,
                           "([A-Z]{1,2}\\d{6} ?(?:\\([0-9A]\\)|\\[[0-9A]\\]|[0-9A]))",
                           kAlnumEnd);
  d.case_insensitive = true;
  d.score = ScoreHkId;
  d.context.positive = {"香港身份证", "香港身份證", "身份證", "身份证", "身分證",
                        "hkid", "hk id", "identity card", "id card"};
  // Passports share the shape (SE1234567 = S E 123456 (7)).
  d.context.negative =
      context_words::ReferenceOrProductCodes({"passport", "护照", "護照"});
  d.examples = {
      {"您好，香港身份证号码：", "C961729(7)", "，尽快处理", 1.0},
      {"请核对：香港身份证号码：", "J908856(0)", " thanks", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
