// File: service/batch_scan.h
// -----------------------------------------------------------------------------
//
// Scans the texts of one request — a ScanBatch call or one ScanStream
// request — all or nothing: the batch limits are checked first (the
// library's Scanner::CheckBatchLimits), then every text goes through
// ScanRecord() in order, and the deadline is checked before the first text
// and between texts. Either every text has a result, or the error says why
// none is returned.
//
//   absl::StatusOr<std::vector<RecordResult>> r =
//       ScanAll(*scanner, texts, /*formats=*/{}, deadline, &scratch);
//   // INVALID_ARGUMENT "batch has 10001 messages; limit max_messages_per_batch is 10000"
//   // DEADLINE_EXCEEDED "cannot answer before the caller's deadline minus ..."
#ifndef SCRUB_SERVICE_BATCH_SCAN_H_
#define SCRUB_SERVICE_BATCH_SCAN_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/scanner.h"
#include "service/call_deadline.h"
#include "service/record_scanner.h"

namespace scrub::service {

// `formats` is parallel to `texts`, or empty (every text is plain text).
absl::StatusOr<std::vector<RecordResult>> ScanAll(
    const scrub::Scanner& scanner, absl::Span<const absl::string_view> texts,
    absl::Span<const v1::RecordFormat> formats, const CallDeadline& deadline,
    scrub::Scratch* scratch);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_BATCH_SCAN_H_
