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
  };
  return *kDetectors;
}

}  // namespace scrub::internal
