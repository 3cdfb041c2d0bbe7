// The pipeline every record goes through, whatever its format and whichever
// face scans it:
//
//   limits ─► UTF-8 (block or repair) ─► blank? ─► format (AUTO resolved)
//          ─► find (text_scan or json_scan) ─► Decide() ─► ScanResult
//
// Scanner::Scan and Scanner::ScanBatch are this function and a loop around
// it; nothing else decides a verdict.
#ifndef SCRUB_INTERNAL_RECORD_PIPELINE_H_
#define SCRUB_INTERNAL_RECORD_PIPELINE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/decide.h"
#include "scrub/internal/text_scan.h"
#include "scrub/record_format.h"
#include "scrub/scan_result.h"

namespace scrub::internal {

// True when `text` is empty or only ASCII whitespace (space, TAB, CR, LF).
bool IsBlankRecord(absl::string_view text);

// The format `record` is scanned as: kAuto resolved (JSON when the first
// non-whitespace byte is '{').
RecordFormat ResolveFormat(const Record& record);

// How many bytes of scanning work inside one record go between two asks of
// its caller's KeepGoing.
inline constexpr uint64_t kAskEveryBytesOfWork = 64 * 1024;

// The result for `record`. `keep_going` (null: never asked) is asked after
// every kAskEveryBytesOfWork bytes of work inside the record; when it says
// stop, the record is BLOCKED with kInterrupted and its status.
ScanResult ScanRecord(const CompiledPolicy& policy, const Record& record,
                      ScratchState* s, FailureCounters* counters,
                      const ScanInterrupt::Ask* keep_going = nullptr);

// The result of a record of `bytes` bytes (more than max_message_bytes) in
// `format`.
ScanResult TooLarge(const CompiledPolicy& policy, RecordFormat format, uint64_t bytes,
                    FailureCounters* counters);

// OK, or the INVALID_ARGUMENT a batch breaking limits.max_messages_per_batch
// or limits.max_batch_bytes fails with.
absl::Status CheckBatchLimits(const v1::Limits& limits, absl::Span<const Record> records);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_RECORD_PIPELINE_H_
