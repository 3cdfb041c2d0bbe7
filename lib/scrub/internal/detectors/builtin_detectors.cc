#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub::internal {

const std::vector<DetectorSpec>& BuiltinDetectors() {
  static const auto* const kDetectors = new std::vector<DetectorSpec>{
      CnResidentIdDetector(),
      CnMobileDetector(),
      // Chinese detectors (catalog-cn)
      CnLandlineDetector(),
      CnPassportDetector(),
      CnHomeReturnPermitDetector(),
      CnUsccDetector(),
      HkIdDetector(),
      TwIdDetector(),
      CnLicensePlateDetector(),
      CnAddressDetector(),
      QqNumberDetector(),
      WechatIdDetector(),
      PersonNameDetector(),

      BankCardDetector(),
      EmailDetector(),
      IpAddressDetector(),
      // Global detectors and secrets (catalog-global)
      AwsAccessKeyDetector(),
      GithubTokenDetector(),
      JwtDetector(),
      PrivateKeyDetector(),
      UrlCredentialsDetector(),
      PasswordDetector(),
      IbanDetector(),
      UsSsnDetector(),
      MacAddressDetector(),
      GpsCoordinateDetector(),
      PhoneDetector(),
  };
  return *kDetectors;
}

}  // namespace scrub::internal
