// Every documented default of a policy, in one place, and the resolution that
// fills them in (see proto/scrub/v1/policy.proto for the field reference).
// The built-in default policy (scrub::DefaultPolicy) spells out the same
// values.
#ifndef SCRUB_INTERNAL_POLICY_DEFAULTS_H_
#define SCRUB_INTERNAL_POLICY_DEFAULTS_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "proto/scrub/v1/policy.pb.h"

namespace scrub::internal {

inline constexpr char kDefaultPolicyName[] = "unnamed";
inline constexpr char kDefaultPolicyVersion[] = "0";
inline constexpr v1::Action kDefaultAction = v1::ACTION_REDACT;
inline constexpr double kDefaultMinConfidence = 0.5;
inline constexpr v1::FailureMode kDefaultFailureMode = v1::FAIL_CLOSED;
inline constexpr v1::InvalidUtf8 kDefaultInvalidUtf8 = v1::INVALID_UTF8_BLOCK;
inline constexpr v1::MalformedJson kDefaultMalformedJson = v1::MALFORMED_JSON_BLOCK;

inline constexpr uint64_t kDefaultMaxMessageBytes = uint64_t{1} << 20;
inline constexpr uint64_t kMaxMessageBytesCeiling = uint64_t{1} << 30;
inline constexpr uint64_t kDefaultMaxMessagesPerBatch = 10000;
inline constexpr uint64_t kDefaultMaxBatchBytes = uint64_t{8} << 20;
inline constexpr uint32_t kDefaultMaxJsonDepth = 64;
inline constexpr uint32_t kMaxJsonDepthCeiling = 1024;
inline constexpr uint32_t kDefaultMaxFindings = 10000;

// Decoded views (decode.*): every encoding on; two levels of decoding.
inline constexpr bool kDefaultDecodePercent = true;
inline constexpr bool kDefaultDecodeHtml = true;
inline constexpr bool kDefaultDecodeEscapes = true;
inline constexpr bool kDefaultDecodeBase64 = true;
inline constexpr uint32_t kDefaultDecodeMaxDepth = 2;
inline constexpr uint32_t kMaxDecodeDepthCeiling = 3;

// phone.default_regions: kDefaultPhoneRegions (validators/
// phone_number_validator.h) when empty; at most this many.
inline constexpr int kMaxPhoneRegions = 64;
// email.ssh_remotes_are_email.
inline constexpr bool kDefaultSshRemotesAreEmail = false;

inline constexpr char kDefaultRedactTemplate[] = "[{detector}]";
inline constexpr uint32_t kDefaultMaskKeepFirst = 3;
inline constexpr uint32_t kDefaultMaskKeepLast = 4;
inline constexpr char kDefaultMaskChar[] = "*";

inline constexpr char kDefaultTokenKeyId[] = "k1";
inline constexpr uint32_t kDefaultTokenHexChars = 16;

// Custom detectors (custom_detectors[i]) and dictionaries.
inline constexpr double kDefaultCustomConfidence = 0.8;
inline constexpr double kDefaultCustomContextBoost = 0.15;
inline constexpr double kDefaultDictionaryConfidence = 0.9;

// Fills in every policy-wide default of `policy` and checks the ranges of
// the scalar fields (name, version, actions, failure modes, limits,
// tokenize.key_id/hex_chars, json.malformed, decode.*, phone.*, email.*). Errors are INVALID_ARGUMENT
// and name the field: "limits.max_json_depth: must be in [1, 1024], got 0".
absl::Status ResolvePolicyDefaults(v1::Policy* policy);

// OK when `value` is in [0, 1]; else "<field>: must be in [0, 1], got <value>".
absl::Status CheckConfidence(absl::string_view field, double value);

// INVALID_ARGUMENT "<field>: <problem>": how every compile error reads.
absl::Status FieldError(absl::string_view field, absl::string_view problem);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_POLICY_DEFAULTS_H_
