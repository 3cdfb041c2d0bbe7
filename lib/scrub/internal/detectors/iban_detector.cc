// IBAN: International Bank Account Numbers, written compact or in any
// grouping ("DE89 3704 0044 0532 0130 00", "DE89-3704-0044…").
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/iban_validator.h"

namespace scrub::internal {
namespace {

// One alternative per IBAN length, listing the countries of that length,
// with exactly that many characters: a greedy "up to 34 characters" would
// swallow a following word ("BE68 5390 0754 7034 THIS") and then fail the
// length check, losing the IBAN.
std::string IbanAlternatives() {
  std::map<int, std::vector<std::string>> by_length;
  for (const IbanCountry& c : IbanCountries()) by_length[c.length].push_back(c.code);
  std::vector<std::string> alternatives;
  for (const auto& [length, codes] : by_length) {
    const int bban = length - 4;
    // Any grouping: every character after the country code may follow a
    // separator ("DE39-6046-8977-0796-6540-34", "IT912-122-3395…").
    const std::string sep = fragments::kCodeSep;
    alternatives.push_back(absl::StrCat("(?:", absl::StrJoin(codes, "|"), ")(?:", sep,
                                        "[0-9]){2}(?:", sep, "[A-Z0-9]){", bban, "}"));
  }
  return absl::StrJoin(alternatives, "|");
}

}  // namespace

DetectorSpec IbanDetector() {
  DetectorSpec d;
  d.id = "IBAN";
  d.summary = "International Bank Account Number (MOD 97, per-country length)";
  d.pattern = absl::StrCat(fragments::kAlnumStart, "(", IbanAlternatives(), ")",
                           fragments::kAlnumEnd);
  d.case_insensitive = true;  // "de89 3704 ..." is seen too
  d.score = [](absl::string_view value, const ValidationContext&) {
    return IsValidIban(NormalizeValue(value, ValueForm::kAlphanumeric)) ? 0.95 : 0.0;
  };
  d.context.positive = {"iban", "account", "konto", "compte", "bank", "账户", "账号",
                        "帳戶", "帳號", "汇款", "匯款"};
  d.context.negative = {"order", "tracking", "订单", "单号", "invoice no"};
  d.context.penalty = 0.3;  // a passed MOD 97 with the right length is strong
  d.examples = {
      {"请核对：汇款账号 ", "DE19 2269 3631 8288 0990 57", "！", 1.0},
      {"好的，汇款账号 ", "ES09 6768 4321 2075 2596 9864", "。", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
