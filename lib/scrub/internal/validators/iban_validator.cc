#include "scrub/internal/validators/iban_validator.h"

#include "absl/strings/ascii.h"
#include "scrub/internal/validators/iso7064.h"

namespace scrub::internal {
namespace {

constexpr IbanCountry kCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HN", 28}, {"HR", 21},
    {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
    {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22},
    {"RU", 33}, {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24},
    {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26},
    {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

}  // namespace

absl::Span<const IbanCountry> IbanCountries() { return kCountries; }

int IbanLength(absl::string_view code) {
  if (code.size() != 2) return 0;
  const char a = absl::ascii_toupper(static_cast<unsigned char>(code[0]));
  const char b = absl::ascii_toupper(static_cast<unsigned char>(code[1]));
  for (const IbanCountry& c : kCountries) {
    if (c.code[0] == a && c.code[1] == b) return c.length;
  }
  return 0;
}

bool IsValidIban(absl::string_view iban) {
  if (iban.size() < 4) return false;
  const int length = IbanLength(iban.substr(0, 2));
  if (length == 0 || static_cast<int>(iban.size()) != length) return false;
  const auto d1 = static_cast<unsigned char>(iban[2]);
  const auto d2 = static_cast<unsigned char>(iban[3]);
  if (!absl::ascii_isdigit(d1) || !absl::ascii_isdigit(d2)) return false;
  const int check = (d1 - '0') * 10 + (d2 - '0');
  if (check < 2 || check > 98) return false;
  return PassesIbanMod97(iban);
}

}  // namespace scrub::internal
