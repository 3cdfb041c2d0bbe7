// BANK_CARD: payment card numbers, every run of 13-19 digits passing Luhn,
// written plain or grouped by four (or 4-6-4/4-6-5) with spaces, dashes or
// dots. A
// known issuer prefix with a length it issues raises confidence; an order
// or tracking number nearby suppresses the finding.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"
#include "scrub/internal/validators/card_issuer.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreBankCard(absl::string_view value, const ValidationContext& ctx) {
  const std::string digits = NormalizeValue(value, ValueForm::kAlphanumeric);
  if (digits.size() < 13 || digits.size() > 19) return 0.0;
  if (!PassesLuhn(digits)) return 0.0;
  // A run of one repeated digit passes Luhn trivially for some lengths.
  if (digits.find_first_not_of(digits[0]) == std::string::npos) return 0.0;
  // Shaped like a resident ID (region prefix and a real birth date): a valid
  // ID (one in ten passes Luhn too; CN_RESIDENT_ID's higher confidence then
  // names the union of the two spans) or a mistyped or invented one, far more
  // often than an 18-digit card. Found with a card context word only.
  if (digits.size() == 18 && IsResidentIdRegionPrefix(digits) &&
      IsPlausibleBirthDate(digits.substr(6, 8), ctx.today)) {
    return 0.45;
  }
  // A card needs an issuer range that exists with a length that issuer
  // uses; anything else that passes Luhn (one random number in ten: order,
  // message and snowflake ids, timestamps) is found with card context only.
  const CardNetwork network = CardNetworkOf(digits);
  if (network != CardNetwork::kUnknown && IsIssuedLength(network, digits)) return 0.85;
  return 0.45;
}

}  // namespace

DetectorSpec BankCardDetector() {
  using namespace fragments;  // NOLINT
  DetectorSpec d;
  d.id = "BANK_CARD";
  d.summary = "Payment card number (13-19 digits, Luhn checked)";
  // Not inside a letter-and-digit code ("GB42NWUH86886225901023"); but an X
  // after digits is a check character ending an ID, and the card may follow
  // it ("11010519491231002X6222021234567890128").
  d.pattern = absl::StrCat("(?:^|[^0-9A-Za-z]|[0-9][Xx])",
                           "(\\d{13,19}"
                           "|\\d{4}(?:[ .-]\\d{4}){2,3}(?:[ .-]\\d{1,4})?"
                           "|\\d{4}[ .-]\\d{6}[ .-]\\d{4,5})",
                           kAlnumEnd);
  d.score = ScoreBankCard;
  d.context.positive = {"银行卡", "銀行卡", "卡号", "卡號", "信用卡", "储蓄卡",
                        "儲蓄卡", "借记卡", "借記卡", "银联", "銀聯", "开户",
                        "開戶", "账号", "帳號", "card", "visa", "mastercard",
                        "unionpay", "amex", "credit", "debit"};
  d.context.negative = {"订单", "訂單", "订单号", "订单编号", "訂單編號", "单号",
                        "單號", "流水号", "流水號", "快递", "快遞", "运单", "運單",
                        "order", "tracking", "transaction id", "txn", "trace_id",
                        "request_id", "timestamp", "order_no", "order id",
                        // An identity-document number is not a card.
                        "身份证", "身份證", "身分證", "证件号", "證件號"};
  d.grouped_number = true;
  // The groupings issuers print (4-4-4-4, 4-4-4-4-3, 4-6-5 …, 8-8, 6-13)
  // or unseparated, with one kind of separator; never the 2-3-3-3 of an
  // amount.
  d.digits = DigitShape{};
  d.digits->lengths = {13, 14, 15, 16, 17, 18, 19};
  d.digits->groupings = {{13}, {14}, {15}, {16}, {17}, {18}, {19},
                         {4, 4, 4, 1}, {4, 4, 4, 3}, {4, 4, 4, 4}, {4, 4, 4, 4, 3},
                         {4, 6, 4}, {4, 6, 5}, {8, 8}, {6, 13}, {6, 12}, {6, 10}};
  d.digits->max_groups = 5;
  d.digits->letter_before = false;
  d.examples = {
      {"我这边是储蓄卡", "4234991563746064", "，有问题再联系", 1.0},
      {"您好，卡号：", "4852356081189612", "，尽快处理", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
