// File: service/record_result.h
// -----------------------------------------------------------------------------
//
// The library's decision for one message or record, plus the stable reason
// code the wire, the metrics and the audit log report for it. The reason is
// the library's block reason, except for a record whose RecordFormat this
// scrubd does not know (a newer client's): that record is BLOCKED here,
// never passed unscanned, with reason "unsupported_format".
#ifndef SCRUB_SERVICE_RECORD_RESULT_H_
#define SCRUB_SERVICE_RECORD_RESULT_H_

#include "absl/strings/string_view.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/scan_result.h"

namespace scrub::service {

// Reason code of records whose RecordFormat value this scrubd does not know.
inline constexpr absl::string_view kUnsupportedFormat = "unsupported_format";

struct RecordResult {
  // The decision. For a JSON record each finding's start/end is the raw
  // token's span in the record and Finding::json says where inside it.
  scrub::ScanResult scan;
  // When BLOCKED or failed open: scrub::BlockReasonName of the library's
  // reason ("engine_error", "invalid_utf8", "message_too_large",
  // "too_many_findings", "detector_action", "block_rule", "malformed_json",
  // "json_too_deep", "json_key_finding") or "unsupported_format". Empty
  // otherwise. Static storage.
  absl::string_view reason;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_RECORD_RESULT_H_
