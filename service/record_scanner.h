// File: service/record_scanner.h
// -----------------------------------------------------------------------------
//
// The one place where scrubd turns a text into a decision. Every chat message
// of ScanBatch and every record of ScanStream goes through ScanRecord(), so a
// new record format is supported by changing this function alone.
//
//   scrub::service::RecordResult r = scrub::service::ScanRecord(
//       *scanner, "电话138-1234-5678", v1::RECORD_FORMAT_TEXT, &scratch);
//   // r.scan.verdict == scrub::Verdict::kRedacted, r.reason == ""
//
// TEMPORARY: JSON-record scanning lives in a separate library API that is not
// part of scrubd yet. Until it is plugged in here, RECORD_FORMAT_JSON and
// RECORD_FORMAT_AUTO records are BLOCKED with reason "unsupported_format";
// they are never passed unscanned.
#ifndef SCRUB_SERVICE_RECORD_SCANNER_H_
#define SCRUB_SERVICE_RECORD_SCANNER_H_

#include "absl/strings/string_view.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::service {

// Reason code of records in a format this scrubd cannot scan yet.
inline constexpr absl::string_view kUnsupportedFormat = "unsupported_format";

// A library decision plus the stable reason code the wire, the metrics and
// the audit log report for it.
struct RecordResult {
  scrub::ScanResult scan;
  // When BLOCKED or failed open: "engine_error", "invalid_utf8",
  // "message_too_large", "too_many_findings", "detector_action",
  // "block_rule" or "unsupported_format". Empty otherwise. Static storage.
  absl::string_view reason;
};

// The format a record is scanned as: its own, else the request's, else TEXT.
v1::RecordFormat EffectiveFormat(v1::RecordFormat record, v1::RecordFormat request);

// Scans `text` in `format` (see EffectiveFormat) with `scanner`.
RecordResult ScanRecord(const scrub::Scanner& scanner, absl::string_view text,
                        v1::RecordFormat format, scrub::Scratch* scratch);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_RECORD_SCANNER_H_
