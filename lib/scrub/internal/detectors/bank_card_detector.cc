// BANK_CARD: payment card numbers, 13-19 digits passing Luhn, written plain or
// grouped by four with spaces or dashes.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/luhn.h"

namespace scrub::internal {

DetectorSpec BankCardDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "BANK_CARD";
  d.summary = "Payment card number (13-19 digits, Luhn checked)";
  d.pattern = absl::StrCat(kDigitsStart,
                           "(\\d{13,19}"
                           "|\\d{4}(?:[ -]\\d{4}){2,3}(?:[ -]\\d{1,4})?"
                           "|\\d{4}[ -]\\d{6}[ -]\\d{4,5})",
                           kDigitsEnd);
  d.score = [](absl::string_view value, const ValidationContext&) {
    const std::string digits = NormalizeValue(value, ValueForm::kAlphanumeric);
    if (digits.size() < 13 || digits.size() > 19) return 0.0;
    if (!PassesLuhn(digits)) return 0.0;
    // A run of one repeated digit passes Luhn trivially for some lengths.
    if (digits.find_first_not_of(digits[0]) == std::string::npos) return 0.0;
    return 0.7;
  };
  d.context.positive = {"银行卡", "銀行卡", "卡号", "卡號", "信用卡", "储蓄卡",
                        "card", "visa", "mastercard", "unionpay", "银联"};
  d.context.negative = {"订单", "訂單", "单号", "單號", "流水号", "快递",
                        "order", "tracking", "transaction id", "txn",
                        "trace_id", "request_id", "timestamp"};
  return d;
}

}  // namespace scrub::internal
