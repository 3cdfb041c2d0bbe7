// CN_HOME_RETURN_PERMIT: Mainland Travel Permits for Hong Kong and Macao
// Residents (港澳居民来往内地通行证, "回乡证"): H (Hong Kong) or M (Macau) + 8
// digits, or + 10 digits on the card issued since 2013. Found next to a
// context word only.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"

namespace scrub::internal {

DetectorSpec CnHomeReturnPermitDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "CN_HOME_RETURN_PERMIT";
  d.summary = "Home return permit of HK/Macau residents ([HM] + 8 or 10 digits)";
  d.pattern = absl::StrCat(kAlnumStart, "([HM]\\d{8}(?:\\d{2})?)", kAlnumEnd);
  d.case_insensitive = true;
  d.score = [](absl::string_view, const ValidationContext&) { return 0.8; };
  d.context.positive = {"回乡证", "回鄉證", "回乡卡", "回鄉卡", "通行证", "通行證",
                        "来往内地", "來往內地", "permit", "home return"};
  d.context.negative = context_words::ReferenceOrProductCodes();
  d.context.required = true;
  d.examples = {
      {"麻烦帮我登记一下，回鄉證號碼 ", "H43399107", " thanks", 0.95},
      {"您好，通行证号 ", "H66836318", "，有问题再联系", 0.95},
  };
  return d;
}

}  // namespace scrub::internal
