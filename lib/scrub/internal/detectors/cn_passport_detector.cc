// CN_PASSPORT: passports of the People's Republic of China, found next to a
// context word only (the shapes are common in product codes): ordinary
// passports E + 8 digits, E + letter + 7 digits, the older G + 8 digits;
// diplomatic, service and public-affairs passports D, S, P + 7-8 digits and
// DE, SE, PE + 7 digits. Upper or lower case.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"

namespace scrub::internal {
namespace {

double ScoreCnPassport(absl::string_view value, const ValidationContext&) {
  const std::string v = NormalizeValue(value, ValueForm::kAlphanumeric);
  if (v[0] == 'E' || v[0] == 'G') return 0.8;  // ordinary passports
  return 0.7;
}

}  // namespace

DetectorSpec CnPassportDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_PASSPORT";
  d.summary = "PRC passport number (E/G + 8 digits, E + letter + 7, D/S/P[E] + 7-8)";
  d.pattern = absl::StrCat(kAlnumStart,
                           "([EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}|[DSP]\\d{7,8}|[DSP]E\\d{7})",
                           kAlnumEnd);
  d.case_insensitive = true;
  d.score = ScoreCnPassport;
  d.context.positive = {"护照", "護照", "passport", "旅行证件", "旅行證件"};
  d.context.negative = context_words::ReferenceOrProductCodes();
  d.context.required = true;
  d.examples = {
      {"请核对：Passport ", "E93228999", "，有问题再联系", 0.95},
      {"OK Passport ", "E81003903", "", 0.95},
  };
  return d;
}

}  // namespace scrub::internal
