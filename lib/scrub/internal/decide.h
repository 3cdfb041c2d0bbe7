// The decide stage: the one place where what a scan found becomes a verdict,
// for text and JSON records alike. The find stages (text_scan, json_scan)
// only produce findings and rewrites; limits, invalid input, failure modes,
// block actions, block rules and the verdict are decided here.
//
// The failure-mode rule lives here too. A scan that stopped early is BLOCKED
// whenever the input can have provoked the stop — a limit it breaks (size,
// findings, JSON depth), invalid UTF-8 or JSON, an engine budget it exhausted
// (RESOURCE_EXHAUSTED), a deadline or cancellation (DEADLINE_EXCEEDED,
// CANCELLED; also a caller's KeepGoing that stopped a scan, kInterrupted) —
// because an attacker who could provoke a pass would choose
// to. Only an internal engine fault is left to the policy: BLOCK under
// FAIL_CLOSED, pass unchanged (counted) under FAIL_OPEN.
#ifndef SCRUB_INTERNAL_DECIDE_H_
#define SCRUB_INTERNAL_DECIDE_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/redactor.h"
#include "scrub/record_format.h"
#include "scrub/scan_result.h"

namespace scrub::internal {

// A scanner's failure counters (see scrub::ScannerCounters).
struct FailureCounters {
  std::atomic<uint64_t> engine_errors{0};
  std::atomic<uint64_t> fail_open_passes{0};
  std::atomic<uint64_t> decoded_views{0};         // decoded views built
  std::atomic<uint64_t> nested_decoded_views{0};  // of which nested
  std::atomic<uint64_t> decode_budget_blocks{0};  // BLOCKED: kDecodeBudget
  std::atomic<uint64_t> interrupted_scans{0};     // BLOCKED: kInterrupted
};

// What the find stage produced for one record, before any decision.
struct ScanOutcome {
  // Why the scan stopped before the end of the record (kNone: it
  // completed), and the error saying so. The findings of a stopped scan are
  // incomplete and never decide anything.
  BlockReason stopped = BlockReason::kNone;
  absl::Status error;

  RecordFormat format = RecordFormat::kText;  // what the record was scanned as
  std::string malformed_json;                 // see ScanResult::malformed_json

  // Every finding, in result order, with the action applied.
  std::vector<Finding> findings;
  // The detector findings, for the policy's block rules.
  std::vector<PlacedFinding> placed;

  // The first finding (in record order) that BLOCKs the record: a BLOCK
  // action, or a finding in a JSON key. kNone when none does.
  BlockReason blocked_by = BlockReason::kNone;
  std::string block_detail;

  // The rewritten record, when some finding's action rewrote it.
  bool modified = false;
  std::string output;
  // The input after INVALID_UTF8_REPLACE repairs, when they changed it:
  // persisted (REDACTED) even when no finding rewrote anything.
  std::string repaired;
};

// The result for `outcome` under `policy`; counts engine errors and
// fail-open passes in `counters`.
ScanResult Decide(const CompiledPolicy& policy, ScanOutcome outcome,
                  FailureCounters* counters);

// An outcome that stopped before finding anything.
ScanOutcome Stopped(BlockReason reason, absl::Status error);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DECIDE_H_
