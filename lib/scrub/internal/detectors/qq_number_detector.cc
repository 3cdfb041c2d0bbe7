// QQ_NUMBER: QQ account numbers (5-11 digits, not starting with 0), found
// only right after a context word (QQ, 扣扣, 企鹅号): bare digit runs of that
// length are everywhere.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"
#include "scrub/internal/detectors/pattern_fragments.h"

namespace scrub::internal {

DetectorSpec QqNumberDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "QQ_NUMBER";
  d.summary = "QQ number (5-11 digits, after QQ/扣扣/企鹅号)";
  d.pattern = absl::StrCat(kDigitsStart, "([1-9]\\d{4,10})", kDigitsEnd);
  d.score = [](absl::string_view, const ValidationContext&) { return 0.55; };
  d.context.positive = {"qq", "扣扣", "企鹅号", "企鵝號", "企鹅", "企鵝", "q号", "q號"};
  d.context.negative = context_words::ReferenceNumbers();
  d.context.boost = 0.3;
  d.context.required = true;
  // "QQ号码是：12345678" — the word comes first, a few characters before.
  d.context.window_before = 18;
  d.context.window_after = 3;
  d.examples = {
      {"我这边是QQ号：", "6814514867", "！", 0.85},
      {"企鹅号", "3989294153", " thanks", 0.85},
  };
  return d;
}

}  // namespace scrub::internal
