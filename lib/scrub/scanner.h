// File: scrub/scanner.h
// -----------------------------------------------------------------------------
//
// The scanner: a policy compiled once into an immutable, thread-safe object
// that inspects messages and records for personal data and redacts or blocks
// them.
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
//   // A JSON record (or kAuto: JSON when it starts with '{'):
//   r = (*scanner)->Scan({R"({"phone":13812345678})", scrub::RecordFormat::kJson},
//                        &scratch);
//   // r.output == R"({"phone":"[CN_MOBILE]"})"
//
// Every face — this library, the `scrub` CLI and the scrubd sidecar — scans
// through the calls below, so a record gets the same decision wherever it is
// scanned. (scrub/record_format.h says what each format means.)
//
// Thread safety: a Scanner is immutable after Create() and may be shared by
// any number of threads (hold it in a std::shared_ptr<const Scanner>; swap
// policies with scrub::PolicyStore). A Scratch holds per-call buffers and must
// not be used by two threads at once.
//
// Failure semantics (the product's promise):
//   * Every input gets exactly one ScanResult, in input order.
//   * "No match" is never confused with "could not match": a scan that could
//     not be completed sets ScanResult::error and block_reason.
//   * What the INPUT can provoke is BLOCKED under every failure mode: a
//     message over limits.max_message_bytes, more findings than
//     limits.max_findings_per_message, a JSON record nested deeper than
//     limits.max_json_depth or not valid JSON, invalid UTF-8 (unless the
//     policy's invalid_utf8 is REPLACE), and an engine that ran out of its
//     budget (RESOURCE_EXHAUSTED: an input can be built to exhaust it).
//   * A scan its caller stops (a KeepGoing that answers non-OK inside a long
//     record: a deadline, a cancelled call) is never passed either: the
//     record is BLOCKED with kInterrupted, a batch fails with that status.
//   * Only an internal engine fault — one no input can provoke — is decided
//     by the policy's failure_mode: BLOCKED under FAIL_CLOSED (the default),
//     or passed unchanged under FAIL_OPEN, with failed_open = true, and
//     counted (ScannerCounters::fail_open_passes).
//   * Bytes outside redacted spans are identical to the input.
//   * Nothing here logs; errors and results never carry detected values.
#ifndef SCRUB_SCANNER_H_
#define SCRUB_SCANNER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/record_format.h"
#include "scrub/scan_result.h"

namespace scrub {

// Per-thread working memory for Scanner::Scan. Reusing one across calls
// avoids allocations on the hot path. Not thread-safe; cheap to create.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  struct State;  // the buffers; defined inside the library

 private:
  friend struct State;
  std::unique_ptr<State> state_;
};

// Counters a Scanner keeps for operators. Monotonic, thread-safe to read.
struct ScannerCounters {
  uint64_t engine_errors = 0;     // Engine failures (any failure mode).
  uint64_t fail_open_passes = 0;  // Messages passed because of FAIL_OPEN.
  // Decoded views built (policy decode.*; every level), of which nested
  // (a view of a view), and messages BLOCKED for an exceeded decode budget.
  uint64_t decoded_views = 0;
  uint64_t nested_decoded_views = 0;
  uint64_t decode_budget_blocks = 0;
  // Records BLOCKED because their caller's KeepGoing said stop inside them
  // (kInterrupted; in a batch, the record that stopped the batch).
  uint64_t interrupted_scans = 0;
};

// How the policy treats one enabled detector.
struct DetectorRule {
  std::string id;  // e.g. "PRIVATE_KEY"
  v1::Action action = v1::ACTION_REDACT;
  double min_confidence = 0;  // findings below it are dropped
  // What a REDACT finding of this detector is replaced by, e.g.
  // "[PRIVATE_KEY]" (the rule's redact.template with {detector} filled in).
  std::string redaction;
};

// Asked whether the caller still wants the answer (a deadline, a cancelled
// call): OK to go on, or the status the scan stops with. Asked between the
// records of a batch, and inside a long record after every 64 KiB of
// scanning work (a pass over the record's bytes, a candidate validated), so
// that a caller that has gone stops costing work within milliseconds even in
// a message of megabytes. It must be cheap (a clock read, an atomic load)
// and must not call back into the scanner.
using KeepGoing = std::function<absl::Status()>;

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
  };

  // Validates and compiles `policy`. Errors name the offending field, e.g.
  // `rules[5].detector: unknown detector "CN_MOBIEL"`, and carry it as a
  // PolicyErrorLocation (see scrub/policy.h).
  static absl::StatusOr<std::shared_ptr<const Scanner>> Create(
      const v1::Policy& policy);
  static absl::StatusOr<std::shared_ptr<const Scanner>> Create(
      const v1::Policy& policy, Options options);

  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Scans one text message. `scratch` may be null (a temporary one is used).
  ScanResult Scan(absl::string_view text, Scratch* scratch = nullptr) const;

  // Scans one record in its format (text, JSON, or auto).
  ScanResult Scan(Record record, Scratch* scratch = nullptr) const;

  // The same, asking `keep_going` inside the record (see KeepGoing; a record
  // with less than 64 KiB of work never asks). When it answers non-OK the
  // scan stops there: BLOCKED, block_reason kInterrupted, error = its answer
  // (e.g. DEADLINE_EXCEEDED), no findings. Never passed, whatever the
  // failure mode.
  ScanResult Scan(Record record, const KeepGoing& keep_going,
                  Scratch* scratch = nullptr) const;

  // The result of a record of `bytes` bytes, over limits.max_message_bytes,
  // that a face streaming its input never held whole (the `scrub` line
  // filter skips such a line): BLOCKED with kMessageTooLarge, exactly as
  // Scan() would decide it. `head` holds the record's first bytes and its
  // format (kAuto decides from the head).
  ScanResult OversizeResult(Record head, uint64_t bytes) const;

  // Scans many messages (or records): one result per input, same order. The
  // batch fails as a whole — nothing is returned — only when it breaks a
  // batch limit, or when `keep_going` says stop:
  //   INVALID_ARGUMENT "batch has N messages; limit max_messages_per_batch is M"
  //   INVALID_ARGUMENT "batch has N bytes; limit max_batch_bytes is M"
  //   whatever non-OK status keep_going returned
  // A single oversize message is BLOCKED on its own. `keep_going` (optional)
  // is asked before the first input, then after every 16 inputs or 64 KiB
  // of input scanned since it was last asked, inside a long input as
  // Scan(record, keep_going) asks it, and after the last input.
  absl::StatusOr<std::vector<ScanResult>> ScanBatch(
      absl::Span<const absl::string_view> texts, Scratch* scratch = nullptr) const;
  absl::StatusOr<std::vector<ScanResult>> ScanBatch(absl::Span<const Record> records,
                                                    const KeepGoing& keep_going,
                                                    Scratch* scratch = nullptr) const;

  // The policy this scanner was compiled from, with defaults resolved
  // (limits, thresholds, name and version filled in).
  const v1::Policy& policy() const;

  // Ids of the detectors this scanner runs, in catalogue order.
  std::vector<std::string> detector_ids() const;

  // How the policy treats `detector`; nullopt when it is not enabled.
  std::optional<DetectorRule> rule(absl::string_view detector) const;

  // True when the policy's allow lists (the detector's own or the global
  // one) exempt `value` as a value of `detector`, so that it is never a
  // finding of it. `value` is compared in its normalised form, as a scan
  // compares it ("138-0013-8000" and "13800138000" are the same mobile).
  bool Exempts(absl::string_view detector, absl::string_view value) const;

  ScannerCounters counters() const;

  // The compiled policy and counters; defined inside the library.
  struct Impl;

 private:
  friend struct Impl;
  explicit Scanner(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace scrub

#endif  // SCRUB_SCANNER_H_
