#include "scrub/internal/validator_registry.h"

#include "absl/strings/str_join.h"
#include "scrub/internal/detector_validators.h"

namespace scrub::internal {

const std::vector<NamedValidator>& ValidatorRegistry() {
  // Sorted by name (a test checks it, and that each is documented).
  static const auto* const kValidators = new std::vector<NamedValidator>{
      {"bank_card", "13-19 digits, Luhn; issuer range and length, not a resident ID shape",
       BankCardValidator},
      {"cn_address", "Chinese postal address: gazetteer names, road + number, compound + building",
       CnAddressValidator},
      {"cn_landline", "mainland fixed line: area code, local number, written as a phone number",
       CnLandlineValidator},
      {"cn_license_plate", "mainland vehicle plate serial: new-energy or at most three letters",
       CnLicensePlateValidator},
      {"cn_mobile", "mainland mobile: 1[3-9] + 9 digits (+86 optional), allocated segment",
       CnMobileValidator},
      {"cn_passport", "PRC passport: ordinary (E/G) or other kinds", CnPassportValidator},
      {"cn_resident_id",
       "GB 11643 resident ID (18: region, birth date, MOD 11-2) or 15-digit legacy number",
       CnResidentIdValidator},
      {"cn_uscc", "unified social credit code: GB 32100 mod 31 and GB 11714 checks",
       CnUsccValidator},
      {"email", "e-mail address: RFC 5321/6531 limits", EmailValidator},
      {"gb11643", "18-character resident ID: region prefix, birth date, MOD 11-2",
       Gb11643Validator},
      {"github_token", "GitHub token: fine-grained shape, classic shape and CRC-32",
       GithubTokenValidator},
      {"gps_coordinate", "latitude/longitude in range, degree marks, hemispheres",
       GpsCoordinateValidator},
      {"hk_id", "Hong Kong identity card check character", HkIdValidator},
      {"iban", "IBAN: the country's length and MOD 97-10", IbanValidator},
      {"ip_address", "IPv4/IPv6 address that identifies a host", IpAddressValidator},
      {"jwt", "JSON Web Token: header is JSON with \"alg\"", JwtValidator},
      {"luhn", "Luhn (mod 10) over the digits", LuhnValidator},
      {"mac_address", "MAC-48 address that identifies a device", MacAddressValidator},
      {"mod11_2", "ISO 7064 MOD 11-2 (last character may be X)", Mod11_2Validator},
      {"mod97", "ISO 7064 MOD 97-10, letters = 10..35 (IBAN style)", Mod97Validator},
      {"person_name", "a name: Chinese surname + given name, or capitalised Latin words",
       PersonNameValidator},
      {"phone", "international (+CC) or national number valid for its region (libphonenumber)",
       PhoneValidator},
      {"secret_value", "not a placeholder (***, <password>, xxx)", SecretValueValidator},
      {"tw_id", "Taiwan national ID or resident certificate checksum", TwIdValidator},
      {"url_credentials", "user:password whose password is not a placeholder",
       UrlCredentialsValidator},
      {"us_ssn", "US SSN area/group/serial rules; 3-2-4 with dashes strongest", UsSsnValidator},
      {"wechat_id", "WeChat id, not an English word that follows \"WeChat\"",
       WechatIdValidator},
  };
  return *kValidators;
}

const NamedValidator* FindValidator(absl::string_view name) {
  for (const NamedValidator& v : ValidatorRegistry()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

std::string ValidatorNameList() {
  return absl::StrJoin(ValidatorRegistry(), ", ",
                       [](std::string* out, const NamedValidator& v) {
                         out->append(v.name.data(), v.name.size());
                       });
}

}  // namespace scrub::internal
