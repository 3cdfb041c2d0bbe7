#include "scrub/scan_result.h"

namespace scrub {

absl::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAllow:
      return "ALLOW";
    case Verdict::kRedacted:
      return "REDACTED";
    case Verdict::kBlocked:
      return "BLOCKED";
  }
  return "BLOCKED";
}

absl::string_view BlockReasonName(BlockReason reason) {
  switch (reason) {
    case BlockReason::kNone:
      return "";
    case BlockReason::kDetectorAction:
      return "detector_action";
    case BlockReason::kBlockRule:
      return "block_rule";
    case BlockReason::kInvalidUtf8:
      return "invalid_utf8";
    case BlockReason::kMessageTooLarge:
      return "message_too_large";
    case BlockReason::kEngineError:
      return "engine_error";
    case BlockReason::kTooManyFindings:
      return "too_many_findings";
    case BlockReason::kMalformedJson:
      return "malformed_json";
    case BlockReason::kJsonTooDeep:
      return "json_too_deep";
    case BlockReason::kJsonKeyFinding:
      return "json_key_finding";
    case BlockReason::kDecodeBudget:
      return "decode_budget";
    case BlockReason::kInterrupted:
      return "interrupted";
  }
  return "unknown";
}

}  // namespace scrub
