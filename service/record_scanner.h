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
//   r = scrub::service::ScanRecord(*scanner, R"({"phone":13812345678})",
//                                  v1::RECORD_FORMAT_JSON, &scratch);
//   // r.scan.output == R"({"phone":"[CN_MOBILE]"})"
//   // r.scan.findings[0]: CN_MOBILE, start 9, end 20 (the raw token)
//   // r.json_locations[0]: pointer "/phone", value_start 0, value_end 11
//
// Formats
//   TEXT (and UNSPECIFIED)  scrub::Scanner::Scan.
//   JSON                    scrub::ScanJsonRecord — the same library call as
//                           `scrub redact --format=jsonl`: structure-preserving
//                           redaction, keys as context, the policy's field
//                           rules and JSON limits. A record that is not valid
//                           JSON is BLOCKED ("malformed_json", the detail
//                           names the byte offset) unless the policy's
//                           json.malformed says to scan it as text.
//   AUTO                    per record: JSON when scrub::LooksLikeJsonRecord
//                           (the first non-blank byte is '{'), else TEXT.
//   any other value         (a format a newer client knows and this scrubd
//                           does not): BLOCKED with reason
//                           "unsupported_format" — never passed unscanned.
#ifndef SCRUB_SERVICE_RECORD_SCANNER_H_
#define SCRUB_SERVICE_RECORD_SCANNER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::service {

// Reason code of records whose RecordFormat value this scrubd does not know.
inline constexpr absl::string_view kUnsupportedFormat = "unsupported_format";

// Where in a JSON record a finding is (scrub::JsonFinding without the parts
// already in scrub::Finding). Never holds a value; a key holding a finding
// appears redacted in `pointer` ("/users/[CN_MOBILE]/score").
struct JsonLocation {
  std::string pointer;     // RFC 6901 pointer of the value ("" is the root)
  bool in_key = false;     // the finding is in a member name, not in a value
  size_t value_start = 0;  // inside the unescaped value (a number: its text)
  size_t value_end = 0;

  friend bool operator==(const JsonLocation& a, const JsonLocation& b) {
    return a.pointer == b.pointer && a.in_key == b.in_key &&
           a.value_start == b.value_start && a.value_end == b.value_end;
  }
};

// A library decision plus the stable reason code the wire, the metrics and
// the audit log report for it.
struct RecordResult {
  // The decision. For a JSON record: scan.output is the redacted record, and
  // each finding's start/end is the byte span of the raw token holding it in
  // the record (a string's span includes its quotes).
  scrub::ScanResult scan;
  // When BLOCKED or failed open: scrub::BlockReasonName of the library's
  // reason ("engine_error", "invalid_utf8", "message_too_large",
  // "too_many_findings", "detector_action", "block_rule", "malformed_json",
  // "json_too_deep", "json_key_finding") or "unsupported_format". Empty
  // otherwise. Static storage.
  absl::string_view reason;
  // For a record scanned as JSON: one location per scan.findings, in the
  // same order. Empty for text (including a malformed JSON record that the
  // policy had scanned as text).
  std::vector<JsonLocation> json_locations;
};

// The format a record is scanned as: its own, else the request's, else TEXT.
v1::RecordFormat EffectiveFormat(v1::RecordFormat record, v1::RecordFormat request);

// Scans `text` in `format` (see EffectiveFormat and "Formats" above) with
// `scanner`. `scratch` is the calling thread's.
RecordResult ScanRecord(const scrub::Scanner& scanner, absl::string_view text,
                        v1::RecordFormat format, scrub::Scratch* scratch);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_RECORD_SCANNER_H_
