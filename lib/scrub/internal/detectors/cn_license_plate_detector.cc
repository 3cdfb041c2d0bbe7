// CN_LICENSE_PLATE: mainland vehicle registration plates: a province
// character, a letter, then 5 characters (ordinary plates, the last may be
// 学/警/挂/港/澳/领/试/超) or 6 (new-energy plates: D/F-series small cars,
// "…D"/"…F" large ones), with an optional "·" or space after the letter.
// Moderate confidence: plates identify a car more than a person.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"

namespace scrub::internal {
namespace {

double ScoreLicensePlate(absl::string_view value, const ValidationContext&) {
  // The serial after the province character and the letter.
  const std::string code = NormalizeValue(value, ValueForm::kAlphanumeric);
  // code = issuing letter + serial (the province character is not ASCII).
  const std::string serial = code.substr(1);
  int letters = 0;
  for (char c : serial) letters += (c >= 'A' && c <= 'Z');
  if (serial.size() == 6) return 0.65;  // new-energy
  // Ordinary serials carry at most three letters; a special-use suffix
  // character leaves four ASCII characters.
  if (letters > 3) return 0.0;
  return 0.6;
}

}  // namespace

DetectorSpec CnLicensePlateDetector() {
  using namespace fragments;  // NOLINT
  constexpr char kProvince[] =
      "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]";
  constexpr char kLetter[] = "[A-HJ-NP-Z]";
  constexpr char kChar[] = "[A-HJ-NP-Z0-9]";
  DetectorSpec d;
  d.id = "CN_LICENSE_PLATE";
  d.summary = "Mainland China vehicle plate (京A12345, 粤B·D12345)";
  d.pattern = absl::StrCat(
      "(", kProvince, kLetter, "[·•・ .-]?",
      "(?:[A-HJK]", kChar, "\\d{4}",           // new-energy, small cars
      "|\\d{5}[DF]",                           // new-energy, large vehicles
      "|", kChar, "{4}(?:", kChar, "|[学警挂港澳领试超])",  // ordinary
      "))", kAlnumEnd);
  d.case_insensitive = true;
  d.score = ScoreLicensePlate;
  d.context.positive = {"车牌", "車牌", "号牌", "號牌", "车号", "車號", "行驶证",
                        "行駛證", "plate", "license plate"};
  d.context.negative = context_words::ReferenceOrProductCodes();
  d.form = ValueForm::kExact;
  d.examples = {
      {"收到。车牌 ", "鄂C46Z05", "", 0.75},
      {"Hi, 车牌号：", "鲁H83533", " 谢谢！", 0.75},
  };
  return d;
}

}  // namespace scrub::internal
