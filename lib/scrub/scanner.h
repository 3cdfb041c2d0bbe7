// File: scrub/scanner.h
// -----------------------------------------------------------------------------
//
// The scanner: a policy compiled once into an immutable, thread-safe object
// that inspects messages for personal data and redacts or blocks them.
//
//   absl::StatusOr<std::shared_ptr<const scrub::Scanner>> scanner =
//       scrub::Scanner::Create(scrub::DefaultPolicy());
//   if (!scanner.ok()) { /* the policy is invalid: see status().message() */ }
//
//   scrub::Scratch scratch;  // one per thread, reused across calls
//   scrub::ScanResult r = (*scanner)->Scan("身份证11010519491231002X号", &scratch);
//   // r.verdict == scrub::Verdict::kRedacted
//   // r.output  == "身份证[CN_RESIDENT_ID]号"
//
// Thread safety: a Scanner is immutable after Create() and may be shared by
// any number of threads (hold it in a std::shared_ptr<const Scanner>; swap
// policies with scrub::PolicyStore). A Scratch holds per-call buffers and must
// not be used by two threads at once.
//
// Failure semantics (the product's promise):
//   * Every input gets exactly one ScanResult, in input order.
//   * "No match" is never confused with "could not match": an engine error
//     (e.g. the automaton ran out of memory), an exceeded limit or invalid
//     UTF-8 sets ScanResult::error, and the verdict is BLOCKED — unless the
//     policy says FAIL_OPEN, in which case the message passes unchanged with
//     failed_open = true and the pass is counted (see Scanner::counters()).
//     Invalid UTF-8 is governed by the policy's invalid_utf8 field instead.
//   * Bytes outside redacted spans are identical to the input.
//   * Nothing here logs; errors and results never carry detected values.
#ifndef SCRUB_SCANNER_H_
#define SCRUB_SCANNER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scan_result.h"

namespace scrub {

namespace internal {
class CompiledPolicy;
struct ScratchState;
struct ScannerAccess;  // library components (JSON records): scratch, counters
}  // namespace internal

// Per-thread working memory for Scanner::Scan. Reusing one across calls
// avoids allocations on the hot path. Not thread-safe; cheap to create.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

 private:
  friend class Scanner;
  friend struct internal::ScannerAccess;
  std::unique_ptr<internal::ScratchState> state_;
};

// Counters a Scanner keeps for operators. Monotonic, thread-safe to read.
struct ScannerCounters {
  uint64_t engine_errors = 0;     // Engine failures (any failure mode).
  uint64_t fail_open_passes = 0;  // Messages passed because of FAIL_OPEN.
};

// What the caller knows about a text's surroundings, e.g. the JSON key a
// value sits under ("phone": ...). Context words are otherwise found in the
// text itself.
struct ScanHints {
  // Detectors scored as if one of their context words were next to every
  // candidate (this also satisfies detectors that require context).
  std::vector<std::string> context_detectors;
  // Every candidate is scored as if a negative context word (e.g. "order
  // number") were next to it, except for the detectors above.
  bool negative_context = false;
};

class Scanner {
 public:
  // Engine settings that are not part of the policy.
  struct Options {
    // Memory budget of the candidate automaton (RE2::Set DFA), in bytes.
    // Below ~32 MiB the DFA thrashes (3-5x slower, silently); far below, it
    // fails, and every scan then fails closed. Default 64 MiB.
    int64_t engine_max_mem = int64_t{64} << 20;

    // The day "today" for date validation (a resident ID's birth date must
    // not be in the future). Default: the local civil day when Create() runs.
    absl::optional<absl::CivilDay> today;

    // Testing seam: when set, called before every candidate-engine match; a
    // non-OK status is treated exactly like an engine failure.
    std::function<absl::Status()> engine_fault_for_testing;
  };

  // Validates and compiles `policy`. Errors name the offending field, e.g.
  // `rules[5].detector: unknown detector "CN_MOBIEL"`.
  static absl::StatusOr<std::shared_ptr<const Scanner>> Create(
      const v1::Policy& policy);
  static absl::StatusOr<std::shared_ptr<const Scanner>> Create(
      const v1::Policy& policy, Options options);

  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Scans one message. `scratch` may be null (a temporary one is used).
  ScanResult Scan(absl::string_view text, Scratch* scratch = nullptr) const;
  ScanResult Scan(absl::string_view text, const ScanHints& hints,
                  Scratch* scratch = nullptr) const;

  // Scans many messages: one result per input, same order. Fails (and scans
  // nothing) only when the batch itself breaks a limit:
  //   INVALID_ARGUMENT "batch has N messages; limit max_messages_per_batch is M"
  //   INVALID_ARGUMENT "batch has N bytes; limit max_batch_bytes is M"
  // A single oversize message is BLOCKED on its own.
  absl::StatusOr<std::vector<ScanResult>> ScanBatch(
      absl::Span<const absl::string_view> texts,
      Scratch* scratch = nullptr) const;

  // The batch-level limit check ScanBatch() starts with, for callers that
  // scan a batch message by message (e.g. to stop at a deadline between
  // messages): OK, or the INVALID_ARGUMENT ScanBatch() would return.
  absl::Status CheckBatchLimits(absl::Span<const absl::string_view> texts) const;

  // The policy this scanner was compiled from, with defaults resolved
  // (limits, thresholds, name and version filled in).
  const v1::Policy& policy() const;

  // Ids of the detectors this scanner runs, in catalogue order.
  std::vector<std::string> detector_ids() const;

  ScannerCounters counters() const;

  // Internal: the compiled form, for library components (JSON records).
  const internal::CompiledPolicy& compiled() const { return *compiled_; }

 private:
  friend struct internal::ScannerAccess;

  explicit Scanner(std::unique_ptr<internal::CompiledPolicy> compiled);

  // Counts an input that failed (engine error, limit); returns true when the
  // policy's FAIL_OPEN lets it pass (and counts the pass).
  bool CountFailure(BlockReason reason) const;

  std::unique_ptr<internal::CompiledPolicy> compiled_;
  mutable std::atomic<uint64_t> engine_errors_{0};
  mutable std::atomic<uint64_t> fail_open_passes_{0};
};

}  // namespace scrub

#endif  // SCRUB_SCANNER_H_
