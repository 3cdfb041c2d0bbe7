// International Bank Account Numbers (ISO 13616): country code, two check
// digits and a country-specific BBAN, checked with ISO 7064 MOD 97-10.
#ifndef SCRUB_INTERNAL_VALIDATORS_IBAN_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_IBAN_VALIDATOR_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace scrub::internal {

// A country of the SWIFT IBAN registry and its IBAN length in characters.
struct IbanCountry {
  char code[3];  // upper-case ISO 3166-1 alpha-2, e.g. "DE"
  int length;    // whole IBAN, e.g. 22
};

// Every country of the SWIFT IBAN registry (release 97, 2024), in
// alphabetical order.
absl::Span<const IbanCountry> IbanCountries();

// The IBAN length of the country `code` (two letters, either case), or 0
// when the country does not use IBANs.
int IbanLength(absl::string_view code);

// True when `iban` - letters and digits only, either case, no spaces - has
// a registry country code, that country's length, check digits 02-98 and
// passes MOD 97-10.
bool IsValidIban(absl::string_view iban);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_IBAN_VALIDATOR_H_
