// The validators of the built-in detectors, one file each in
// detector_validators/. Each is a pure function of the candidate value (the
// view bytes of the pattern's value group, or the digits of a window) that
// returns a confidence in (0, 1], or 0 to reject it: the check (checksum,
// region, date, ranges) and the evidence its form gives (a known region, a
// spelling people use) in one place. The registry (validator_registry.h)
// names them; the detector table (detectors/builtin_detectors.textproto)
// refers to them by name.
#ifndef SCRUB_INTERNAL_DETECTOR_VALIDATORS_H_
#define SCRUB_INTERNAL_DETECTOR_VALIDATORS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

// Checks over the letters and digits of the value, 1 if it passes.
double LuhnValidator(absl::string_view value, const ValidationContext& ctx);
double Mod11_2Validator(absl::string_view value, const ValidationContext& ctx);
double Mod97Validator(absl::string_view value, const ValidationContext& ctx);
// GB 11643 in full (18 characters: region prefix, birth date, MOD 11-2).
double Gb11643Validator(absl::string_view value, const ValidationContext& ctx);

// Graded: the detector of the same name uses the confidence they return.
double CnResidentIdValidator(absl::string_view value, const ValidationContext& ctx);
double CnMobileValidator(absl::string_view value, const ValidationContext& ctx);
double CnLandlineValidator(absl::string_view value, const ValidationContext& ctx);
double CnPassportValidator(absl::string_view value, const ValidationContext& ctx);
double CnUsccValidator(absl::string_view value, const ValidationContext& ctx);
double HkIdValidator(absl::string_view value, const ValidationContext& ctx);
double TwIdValidator(absl::string_view value, const ValidationContext& ctx);
double CnLicensePlateValidator(absl::string_view value, const ValidationContext& ctx);
double CnAddressValidator(absl::string_view value, const ValidationContext& ctx);
double WechatIdValidator(absl::string_view value, const ValidationContext& ctx);
double PersonNameValidator(absl::string_view value, const ValidationContext& ctx);
double BankCardValidator(absl::string_view value, const ValidationContext& ctx);
double IpAddressValidator(absl::string_view value, const ValidationContext& ctx);
double GithubTokenValidator(absl::string_view value, const ValidationContext& ctx);
double UsSsnValidator(absl::string_view value, const ValidationContext& ctx);
double GpsCoordinateValidator(absl::string_view value, const ValidationContext& ctx);
double PhoneValidator(absl::string_view value, const ValidationContext& ctx);

// Pass or fail, 1 if it passes (the detector sets its confidence).
double EmailValidator(absl::string_view value, const ValidationContext& ctx);
double IbanValidator(absl::string_view value, const ValidationContext& ctx);
double JwtValidator(absl::string_view value, const ValidationContext& ctx);
double MacAddressValidator(absl::string_view value, const ValidationContext& ctx);
double UrlCredentialsValidator(absl::string_view value, const ValidationContext& ctx);
double SecretValueValidator(absl::string_view value, const ValidationContext& ctx);

// CN_ADDRESS's pattern: it lists the GB/T 2260 gazetteer's place names (tens
// of thousands), too many to write into the table; the table names it with
// `pattern_builder: "cn_address"`.
std::string CnAddressPattern();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTOR_VALIDATORS_H_
