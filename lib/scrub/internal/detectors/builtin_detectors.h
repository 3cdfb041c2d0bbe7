// The catalogue of built-in detectors. Each detector is defined in its own
// file in this folder; the ids are part of the policy API.
#ifndef SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_
#define SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_

#include <vector>

#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

// Every built-in detector, in catalogue order. Built once; never changes.
const std::vector<DetectorSpec>& BuiltinDetectors();

// One factory per detector file.
DetectorSpec CnResidentIdDetector();
DetectorSpec CnMobileDetector();
// Chinese detectors (catalog-cn)
DetectorSpec CnLandlineDetector();
DetectorSpec CnPassportDetector();
DetectorSpec CnHomeReturnPermitDetector();
DetectorSpec CnUsccDetector();
DetectorSpec HkIdDetector();
DetectorSpec TwIdDetector();
DetectorSpec CnLicensePlateDetector();
DetectorSpec CnAddressDetector();
DetectorSpec QqNumberDetector();
DetectorSpec WechatIdDetector();
DetectorSpec PersonNameDetector();

DetectorSpec BankCardDetector();
DetectorSpec EmailDetector();
DetectorSpec IpAddressDetector();
// Global detectors and secrets (catalog-global)
DetectorSpec AwsAccessKeyDetector();
DetectorSpec GithubTokenDetector();
DetectorSpec JwtDetector();
DetectorSpec PrivateKeyDetector();
DetectorSpec UrlCredentialsDetector();
DetectorSpec PasswordDetector();
DetectorSpec IbanDetector();
DetectorSpec UsSsnDetector();
DetectorSpec MacAddressDetector();
DetectorSpec GpsCoordinateDetector();
DetectorSpec PhoneDetector();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_
