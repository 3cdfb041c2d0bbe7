// BANK_CARD: payment card numbers, every run of 13-19 digits passing Luhn,
// written plain or grouped by four (or 4-6-4/4-6-5) with spaces, dashes or
// dots. A
// known issuer prefix with a length it issues raises confidence; an order
// or tracking number nearby suppresses the finding.
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/card_issuer.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

double ScoreBankCard(absl::string_view value, const ValidationContext& ctx) {
  const NormalizedValue normalized(value, ValueForm::kAlphanumeric);
  const absl::string_view digits = normalized;
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

double BankCardValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreBankCard(value, ctx);
}

}  // namespace scrub::internal
