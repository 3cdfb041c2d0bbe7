// File: service/batch_scan.h
// -----------------------------------------------------------------------------
//
// The texts of one request — a ScanBatch call or one ScanStream request —
// translated into library records and scanned all or nothing by the
// library's Scanner::ScanBatch, which checks the batch limits and asks the
// caller's deadline between texts. Either every text has a result, or the
// error says why none is returned.
//
//   absl::StatusOr<std::vector<RecordResult>> r =
//       ScanAll(*scanner, texts, /*formats=*/{}, deadline, &scratch);
//   // INVALID_ARGUMENT "batch has 10001 messages; limit max_messages_per_batch is 10000"
//   // DEADLINE_EXCEEDED "cannot answer before the caller's deadline minus ..."
//
// Formats (a record's own, else its request's, else TEXT): TEXT, JSON and
// AUTO are the library's (scrub/record_format.h); any other value (a format
// a newer client knows and this scrubd does not) is BLOCKED with reason
// "unsupported_format" — never passed unscanned.
#ifndef SCRUB_SERVICE_BATCH_SCAN_H_
#define SCRUB_SERVICE_BATCH_SCAN_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/record_format.h"
#include "scrub/scanner.h"
#include "service/call_deadline.h"
#include "service/record_result.h"

namespace scrub::service {

// The format a record is scanned as: its own, else the request's, else TEXT.
v1::RecordFormat EffectiveFormat(v1::RecordFormat record, v1::RecordFormat request);

// The library's format for a wire format; nullopt for a value this scrubd
// does not know.
std::optional<scrub::RecordFormat> FromWireFormat(v1::RecordFormat format);

// `formats` is parallel to `texts` (effective formats), or empty (every text
// is plain text).
absl::StatusOr<std::vector<RecordResult>> ScanAll(
    const scrub::Scanner& scanner, absl::Span<const absl::string_view> texts,
    absl::Span<const v1::RecordFormat> formats, const CallDeadline& deadline,
    scrub::Scratch* scratch);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_BATCH_SCAN_H_
