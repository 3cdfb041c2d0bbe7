// Taiwan identity numbers: the national ID (國民身分證統一編號) and the
// resident certificate numbers of foreigners and others (居留證統一證號), old
// style (letter + A-D) and new style (letter + 8/9, since 2021).
#ifndef SCRUB_INTERNAL_VALIDATORS_TW_ID_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_TW_ID_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

enum class TwIdKind {
  kInvalid,
  kNationalId,           // A123456789: letter, 1/2 (sex), 8 digits
  kResidentCertificate,  // letter + A-D + 8 digits, or letter + 8/9 + 8 digits
};

// Validates a 10-character upper-case Taiwan ID. The first letter is the
// issuing region, counted A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 I=34 J=18
// K=19 L=20 M=21 N=22 O=35 P=23 Q=24 R=25 S=26 T=27 U=28 V=29 W=32 X=30 Y=31
// Z=33 and split into its two digits; the sum of those digits weighted 1 and
// 9, the next eight characters weighted 8 .. 1 and the check digit weighted
// 1 is a multiple of 10. In old-style resident numbers the second letter
// counts as its region value's last digit (A=0, B=1, C=2, D=3).
TwIdKind ValidateTwId(absl::string_view id);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_TW_ID_VALIDATOR_H_
