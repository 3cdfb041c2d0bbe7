// The failure matrix (issue 17): every error path, under FAIL_CLOSED and
// under FAIL_OPEN, with the outcome, status and counters each must give —
// one table, FaultMatrix(). README.md ("Failure matrix") holds the same
// table, rendered from this one; ReadmeHoldsThisTable fails when they differ
// and prints the table to paste.
//
// Fixed outcomes (see "Failure semantics" in lib/scrub/scanner.h):
//   * what the INPUT can provoke — invalid UTF-8 (policy BLOCK), a message
//     over a limit, too many findings, malformed or too deep JSON, an
//     exhausted engine budget, a deadline or a cancellation — is BLOCKED (or
//     the call fails) under both modes; only an internal engine fault passes
//     under FAIL_OPEN, counted;
//   * an audit-log write failure is counted and logged and the verdict is
//     unchanged;
//   * a taken metrics port makes scrubd exit 1 at start, naming the flag,
//     the address and the reason.
//
// Each row runs on one face: the library (`Scanner`), an in-process scrubd
// (`scrubd`: the real server and metrics over an in-process channel) or the
// scrubd binary (`scrubd binary`: a subprocess, for exit codes and its log).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/notification.h"
#include "absl/types/span.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/load_scanner.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "service/metrics.h"
#include "service/server.h"
#include "tests/service/http_get.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"
#include "tests/support/engine_fault.h"
#include "tests/support/large_messages.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr absl::Duration kWait = absl::Seconds(60);  // generous: ASan on a loaded machine

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

enum class Fault {
  kPolicyCompile,
  kPolicyAtStart,
  kPolicyReload,
  kDfaBudgetAtCompile,
  kDfaOutOfMemory,
  kDfaOutOfMemoryScrubd,
  kInternalFault,
  kInternalFaultScrubd,
  kDeadlineLibrary,
  kDeadlineScrubd,
  kInterruptedScan,
  kInterruptedBatch,
  kInvalidUtf8Block,
  kInvalidUtf8Replace,
  kOversize,
  kTooManyFindings,
  kMalformedJson,
  kJsonTooDeep,
  kAuditWriteFailure,
  kMetricsPortTaken,
  kLast = kMetricsPortTaken,
};

struct Counter {
  const char* name;  // a ScannerCounters field, "keep_going_asks", or a metric series
  double delta;      // its change across the row
};

struct FaultRow {
  Fault fault;
  const char* name;         // the fault
  v1::FailureMode mode;     // the policy's failure_mode
  const char* face;         // "Scanner", "scrubd" (in-process) or "scrubd binary"
  const char* provoked_by;  // how the test provokes it
  // The verdict with its block_reason ("BLOCKED (invalid_utf8)"), or what
  // happens instead of one ("no results", "Create fails", "exit").
  const char* outcome;
  // ScanResult::error's code (Scanner), the call's status code (scrubd), or
  // the exit code (scrubd binary).
  const char* status;
  // Must appear in the error message, block_detail / redacted text, or
  // scrubd's log. <port> and <policy> stand for the row's port and file.
  const char* message;
  std::vector<Counter> counters;  // exact deltas; none: "—"
};

constexpr v1::FailureMode kClosed = v1::FAIL_CLOSED;
constexpr v1::FailureMode kOpen = v1::FAIL_OPEN;

// The series names, once.
#define ERRORS(reason) "scrubd_errors_total{reason=\"" reason "\"}"
constexpr char kFailOpenTotal[] = "scrubd_fail_open_total";

const std::vector<FaultRow>& FaultMatrix() {
  static const auto* rows = new std::vector<FaultRow>{
      // --- The policy -------------------------------------------------------
      {Fault::kPolicyCompile, "policy does not compile", kClosed, "Scanner",
       "`Scanner::Create`, rules[0].detector \"CN_MOBIEL\"", "Create fails",
       "INVALID_ARGUMENT", "rules[0].detector: unknown detector \"CN_MOBIEL\"", {}},
      {Fault::kPolicyCompile, "policy does not compile", kOpen, "Scanner",
       "`Scanner::Create`, rules[0].detector \"CN_MOBIEL\"", "Create fails",
       "INVALID_ARGUMENT", "rules[0].detector: unknown detector \"CN_MOBIEL\"", {}},
      {Fault::kPolicyAtStart, "policy does not compile at start", kClosed,
       "scrubd binary", "`--policy` file with that rule", "exit", "1",
       "cannot load <policy>: INVALID_ARGUMENT in field rules[0].detector", {}},
      {Fault::kPolicyAtStart, "policy does not compile at start", kOpen,
       "scrubd binary", "`--policy` file with that rule", "exit", "1",
       "cannot load <policy>: INVALID_ARGUMENT in field rules[0].detector", {}},
      {Fault::kPolicyReload, "policy reload fails", kClosed, "scrubd",
       "`ReloadPolicy` (SIGHUP's path) with that rule",
       "reload refused, the old policy serves", "INVALID_ARGUMENT",
       "rules[0].detector: unknown detector \"CN_MOBIEL\"",
       {{"scrubd_policy_reloads_total{result=\"failed\"}", 1},
        {"scrubd_policy_reloads_total{result=\"ok\"}", 0}}},
      {Fault::kPolicyReload, "policy reload fails", kOpen, "scrubd",
       "`ReloadPolicy` (SIGHUP's path) with that rule",
       "reload refused, the old policy serves", "INVALID_ARGUMENT",
       "rules[0].detector: unknown detector \"CN_MOBIEL\"",
       {{"scrubd_policy_reloads_total{result=\"failed\"}", 1},
        {"scrubd_policy_reloads_total{result=\"ok\"}", 0}}},

      // --- The engine -------------------------------------------------------
      {Fault::kDfaBudgetAtCompile, "DFA budget too small to compile", kClosed, "Scanner",
       "`Options::engine_max_mem` = 4096", "Create fails", "RESOURCE_EXHAUSTED",
       "max_mem = 4096 bytes", {}},
      {Fault::kDfaBudgetAtCompile, "DFA budget too small to compile", kOpen, "Scanner",
       "`Options::engine_max_mem` = 4096", "Create fails", "RESOURCE_EXHAUSTED",
       "max_mem = 4096 bytes", {}},
      {Fault::kDfaOutOfMemory, "DFA out of memory (input-provokable)", kClosed, "Scanner",
       "seam returns RESOURCE_EXHAUSTED", "BLOCKED (engine_error)", "RESOURCE_EXHAUSTED",
       "engine error: DFA out of memory",
       {{"engine_errors", 1}, {"fail_open_passes", 0}}},
      {Fault::kDfaOutOfMemory, "DFA out of memory (input-provokable)", kOpen, "Scanner",
       "seam returns RESOURCE_EXHAUSTED", "BLOCKED (engine_error)", "RESOURCE_EXHAUSTED",
       "engine error: DFA out of memory",
       {{"engine_errors", 1}, {"fail_open_passes", 0}}},
      {Fault::kDfaOutOfMemoryScrubd, "DFA out of memory (input-provokable)", kClosed,
       "scrubd", "seam returns RESOURCE_EXHAUSTED", "BLOCKED (engine_error)", "OK",
       "engine error: DFA out of memory",
       {{ERRORS("engine_error"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kDfaOutOfMemoryScrubd, "DFA out of memory (input-provokable)", kOpen,
       "scrubd", "seam returns RESOURCE_EXHAUSTED", "BLOCKED (engine_error)", "OK",
       "engine error: DFA out of memory",
       {{ERRORS("engine_error"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kInternalFault, "internal engine fault", kClosed, "Scanner",
       "seam returns INTERNAL", "BLOCKED (engine_error)", "INTERNAL",
       "engine error: injected", {{"engine_errors", 1}, {"fail_open_passes", 0}}},
      {Fault::kInternalFault, "internal engine fault", kOpen, "Scanner",
       "seam returns INTERNAL", "ALLOW (engine_error), failed_open", "INTERNAL",
       "engine error: injected", {{"engine_errors", 1}, {"fail_open_passes", 1}}},
      {Fault::kInternalFaultScrubd, "internal engine fault", kClosed, "scrubd",
       "seam returns INTERNAL", "BLOCKED (engine_error)", "OK", "engine error: injected",
       {{ERRORS("engine_error"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kInternalFaultScrubd, "internal engine fault", kOpen, "scrubd",
       "seam returns INTERNAL", "ALLOW (engine_error), failed_open", "OK",
       "engine error: injected", {{ERRORS("engine_error"), 1}, {kFailOpenTotal, 1}}},

      // --- The caller -------------------------------------------------------
      {Fault::kDeadlineLibrary, "caller's deadline exceeded", kClosed, "Scanner",
       "`ScanBatch` whose KeepGoing returns DEADLINE_EXCEEDED", "no results",
       "DEADLINE_EXCEEDED", "the caller's deadline passed",
       {{"keep_going_asks", 1}, {"engine_errors", 0}, {"fail_open_passes", 0}}},
      {Fault::kDeadlineLibrary, "caller's deadline exceeded", kOpen, "Scanner",
       "`ScanBatch` whose KeepGoing returns DEADLINE_EXCEEDED", "no results",
       "DEADLINE_EXCEEDED", "the caller's deadline passed",
       {{"keep_going_asks", 1}, {"engine_errors", 0}, {"fail_open_passes", 0}}},
      {Fault::kDeadlineScrubd, "caller's deadline exceeded", kClosed, "scrubd",
       "a 3 s deadline passes while the scan is held in the engine", "no results",
       "DEADLINE_EXCEEDED", "Deadline Exceeded",
       {{ERRORS("deadline"), 1},
        {"scrubd_requests_total{code=\"DEADLINE_EXCEEDED\",rpc=\"ScanBatch\"}", 1},
        {kFailOpenTotal, 0}}},
      {Fault::kDeadlineScrubd, "caller's deadline exceeded", kOpen, "scrubd",
       "a 3 s deadline passes while the scan is held in the engine", "no results",
       "DEADLINE_EXCEEDED", "Deadline Exceeded",
       {{ERRORS("deadline"), 1},
        {"scrubd_requests_total{code=\"DEADLINE_EXCEEDED\",rpc=\"ScanBatch\"}", 1},
        {kFailOpenTotal, 0}}},

      {Fault::kInterruptedScan, "cancellation inside a long message", kClosed, "Scanner",
       "`Scan(record, keep_going)`, 4 MiB of dense personal data, KeepGoing "
       "answers CANCELLED at its first ask",
       "BLOCKED (interrupted)", "CANCELLED", "the caller went away",
       {{"keep_going_asks", 1}, {"interrupted_scans", 1}, {"fail_open_passes", 0}}},
      {Fault::kInterruptedScan, "cancellation inside a long message", kOpen, "Scanner",
       "`Scan(record, keep_going)`, 4 MiB of dense personal data, KeepGoing "
       "answers CANCELLED at its first ask",
       "BLOCKED (interrupted)", "CANCELLED", "the caller went away",
       {{"keep_going_asks", 1}, {"interrupted_scans", 1}, {"fail_open_passes", 0}}},
      {Fault::kInterruptedBatch, "cancellation inside a long message of a batch", kClosed,
       "Scanner",
       "`ScanBatch` of that message, KeepGoing answers OK before it, CANCELLED "
       "inside it",
       "no results", "CANCELLED", "the caller went away",
       {{"keep_going_asks", 2}, {"interrupted_scans", 1}, {"fail_open_passes", 0}}},
      {Fault::kInterruptedBatch, "cancellation inside a long message of a batch", kOpen,
       "Scanner",
       "`ScanBatch` of that message, KeepGoing answers OK before it, CANCELLED "
       "inside it",
       "no results", "CANCELLED", "the caller went away",
       {{"keep_going_asks", 2}, {"interrupted_scans", 1}, {"fail_open_passes", 0}}},

      // --- The input --------------------------------------------------------
      {Fault::kInvalidUtf8Block, "invalid UTF-8, invalid_utf8 BLOCK", kClosed, "scrubd",
       "message `电话138-1234-5678` + byte 0xFF", "BLOCKED (invalid_utf8)", "OK",
       "invalid UTF-8 at byte 19", {{ERRORS("invalid_utf8"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kInvalidUtf8Block, "invalid UTF-8, invalid_utf8 BLOCK", kOpen, "scrubd",
       "message `电话138-1234-5678` + byte 0xFF", "BLOCKED (invalid_utf8)", "OK",
       "invalid UTF-8 at byte 19", {{ERRORS("invalid_utf8"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kInvalidUtf8Replace, "invalid UTF-8, invalid_utf8 REPLACE", kClosed,
       "scrubd", "message `电话138-1234-5678` + byte 0xFF", "REDACTED", "OK",
       "电话[CN_MOBILE]\xEF\xBF\xBD", {{ERRORS("invalid_utf8"), 0}, {kFailOpenTotal, 0}}},
      {Fault::kInvalidUtf8Replace, "invalid UTF-8, invalid_utf8 REPLACE", kOpen, "scrubd",
       "message `电话138-1234-5678` + byte 0xFF", "REDACTED", "OK",
       "电话[CN_MOBILE]\xEF\xBF\xBD", {{ERRORS("invalid_utf8"), 0}, {kFailOpenTotal, 0}}},
      {Fault::kOversize, "message over limits.max_message_bytes", kClosed, "scrubd",
       "limit 16, message `13800138000 abcdefg` (19 bytes)",
       "BLOCKED (message_too_large)", "OK",
       "message has 19 bytes; limit max_message_bytes is 16",
       {{ERRORS("message_too_large"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kOversize, "message over limits.max_message_bytes", kOpen, "scrubd",
       "limit 16, message `13800138000 abcdefg` (19 bytes)",
       "BLOCKED (message_too_large)", "OK",
       "message has 19 bytes; limit max_message_bytes is 16",
       {{ERRORS("message_too_large"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kTooManyFindings, "too many findings", kClosed, "scrubd",
       "limits.max_findings_per_message 2, a message with 4",
       "BLOCKED (too_many_findings)", "OK",
       "message has 4 findings; limit max_findings_per_message is 2",
       {{ERRORS("too_many_findings"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kTooManyFindings, "too many findings", kOpen, "scrubd",
       "limits.max_findings_per_message 2, a message with 4",
       "BLOCKED (too_many_findings)", "OK",
       "message has 4 findings; limit max_findings_per_message is 2",
       {{ERRORS("too_many_findings"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kMalformedJson, "malformed JSON", kClosed, "scrubd",
       "ScanStream JSON record `{\"phone\":13812345678`", "BLOCKED (malformed_json)", "OK",
       "malformed JSON at byte 20", {{ERRORS("malformed_json"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kMalformedJson, "malformed JSON", kOpen, "scrubd",
       "ScanStream JSON record `{\"phone\":13812345678`", "BLOCKED (malformed_json)", "OK",
       "malformed JSON at byte 20", {{ERRORS("malformed_json"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kJsonTooDeep, "JSON too deep", kClosed, "scrubd",
       "limits.max_json_depth 2, record `{\"a\":{\"b\":{\"phone\":13812345678}}}`",
       "BLOCKED (json_too_deep)", "OK", "JSON nests deeper than limits.max_json_depth 2",
       {{ERRORS("json_too_deep"), 1}, {kFailOpenTotal, 0}}},
      {Fault::kJsonTooDeep, "JSON too deep", kOpen, "scrubd",
       "limits.max_json_depth 2, record `{\"a\":{\"b\":{\"phone\":13812345678}}}`",
       "BLOCKED (json_too_deep)", "OK", "JSON nests deeper than limits.max_json_depth 2",
       {{ERRORS("json_too_deep"), 1}, {kFailOpenTotal, 0}}},

      // --- scrubd's own outputs --------------------------------------------
      {Fault::kAuditWriteFailure, "audit-log write fails (full disk)", kClosed,
       "scrubd binary", "`--audit_log=/dev/full`, message `电话138-1234-5678`",
       "REDACTED (unchanged)", "OK",
       "audit log: cannot write /dev/full: No space left on device",
       {{"scrubd_audit_write_errors_total", 1}}},
      {Fault::kAuditWriteFailure, "audit-log write fails (full disk)", kOpen,
       "scrubd binary", "`--audit_log=/dev/full`, message `电话138-1234-5678`",
       "REDACTED (unchanged)", "OK",
       "audit log: cannot write /dev/full: No space left on device",
       {{"scrubd_audit_write_errors_total", 1}}},
      {Fault::kMetricsPortTaken, "metrics port taken", kClosed, "scrubd binary",
       "`--metrics_listen` on a port the test listens on", "exit", "1",
       "--metrics_listen: cannot serve metrics on 127.0.0.1:<port>: "
       "Address already in use (another process listens on port <port>)",
       {}},
      {Fault::kMetricsPortTaken, "metrics port taken", kOpen, "scrubd binary",
       "`--metrics_listen` on a port the test listens on", "exit", "1",
       "--metrics_listen: cannot serve metrics on 127.0.0.1:<port>: "
       "Address already in use (another process listens on port <port>)",
       {}},
  };
  return *rows;
}
#undef ERRORS

// ---------------------------------------------------------------------------
// The table as README.md shows it
// ---------------------------------------------------------------------------

constexpr char kReadmeBegin[] = "<!-- fault-matrix:begin -->";
constexpr char kReadmeEnd[] = "<!-- fault-matrix:end -->";

std::string ModeName(v1::FailureMode mode) { return v1::FailureMode_Name(mode); }

std::string MarkdownRow(const FaultRow& row) {
  std::vector<std::string> counters;
  for (const Counter& c : row.counters) {
    counters.push_back(absl::StrCat("`", c.name, "` +", c.delta));
  }
  return absl::StrCat("| ", row.name, " | ", ModeName(row.mode), " | ", row.face, " | ",
                      row.provoked_by, " | ", row.outcome, " | ", row.status, " | `",
                      row.message, "` | ",
                      counters.empty() ? "—" : absl::StrJoin(counters, ", "), " |");
}

// How gtest names a row in its output.
void PrintTo(const FaultRow& row, std::ostream* os) { *os << MarkdownRow(row); }

std::string MarkdownTable() {
  std::string out = absl::StrCat(
      kReadmeBegin, "\n",
      "| fault | failure_mode | face | provoked by | outcome | status | message | "
      "counters (delta) |\n",
      "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (const FaultRow& row : FaultMatrix()) absl::StrAppend(&out, MarkdownRow(row), "\n");
  absl::StrAppend(&out, kReadmeEnd);
  return out;
}

std::string ReadmePath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/",
                      workspace != nullptr ? workspace : "scrub", "/README.md");
}

// ---------------------------------------------------------------------------
// What a row observed
// ---------------------------------------------------------------------------

struct Observed {
  std::string outcome;
  std::string status;
  std::string message;
  std::map<std::string, double> counters;           // after - before
  std::map<std::string, std::string> placeholders;  // "<port>" -> "41234"
};

// Reads a counter by name: 0 when the series has no sample yet.
using CounterReader = std::function<double(const std::string&)>;

std::map<std::string, double> Deltas(const FaultRow& row,
                                     const std::map<std::string, double>& before,
                                     const CounterReader& after) {
  std::map<std::string, double> out;
  for (const Counter& c : row.counters) {
    const auto b = before.find(c.name);
    out[c.name] = after(c.name) - (b == before.end() ? 0 : b->second);
  }
  return out;
}

std::map<std::string, double> Snapshot(const FaultRow& row, const CounterReader& read) {
  std::map<std::string, double> out;
  for (const Counter& c : row.counters) out[c.name] = read(c.name);
  return out;
}

// A metric series' value in Prometheus text; 0 when it has no sample yet
// (prometheus-cpp writes a labelled series only once it has been touched).
double SeriesValue(const std::string& text, const std::string& series) {
  const double v = MetricValue(text, series);
  return v < 0 ? 0 : v;
}

std::string Outcome(const ScanResult& r) {
  std::string out(VerdictName(r.verdict));
  if (r.block_reason != BlockReason::kNone) {
    absl::StrAppend(&out, " (", BlockReasonName(r.block_reason), ")");
  }
  if (r.failed_open) absl::StrAppend(&out, ", failed_open");
  return out;
}

std::string Outcome(const v1::MessageResult& r) {
  std::string out = v1::Verdict_Name(r.verdict());
  if (!r.block_reason().empty()) absl::StrAppend(&out, " (", r.block_reason(), ")");
  if (r.failed_open()) absl::StrAppend(&out, ", failed_open");
  return out;
}

std::string Code(absl::StatusCode code) { return absl::StatusCodeToString(code); }
std::string Code(grpc::StatusCode code) { return Code(static_cast<absl::StatusCode>(code)); }

v1::Policy PolicyIn(v1::FailureMode mode) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.set_failure_mode(mode);
  return policy;
}

// A policy whose only rule names a detector that does not exist.
v1::Policy MisspeltPolicy(v1::FailureMode mode) {
  v1::Policy policy;
  policy.set_name("misspelt");
  policy.set_version("1");
  policy.set_failure_mode(mode);
  policy.add_rules()->set_detector("CN_MOBIEL");
  return policy;
}

constexpr char kMobileText[] = "电话138-1234-5678";

// ---------------------------------------------------------------------------
// Face: the library
// ---------------------------------------------------------------------------

double LibraryCounter(const ScannerCounters& c, int asks, const std::string& name) {
  if (name == "engine_errors") return static_cast<double>(c.engine_errors);
  if (name == "fail_open_passes") return static_cast<double>(c.fail_open_passes);
  if (name == "interrupted_scans") return static_cast<double>(c.interrupted_scans);
  if (name == "keep_going_asks") return asks;
  ADD_FAILURE() << "unknown library counter " << name;
  return -1;
}

Observed CreateFails(const v1::Policy& policy, Scanner::Options options) {
  Observed o;
  auto scanner = Scanner::Create(policy, options);
  o.outcome = scanner.ok() ? "Create succeeds" : "Create fails";
  o.status = Code(scanner.status().code());
  o.message = std::string(scanner.status().message());
  return o;
}

Observed ScanWithEngineFault(const FaultRow& row, absl::Status fault) {
  Observed o;
  auto scanner = ScannerFailingWith(PolicyIn(row.mode), fault);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  if (!scanner.ok()) return o;
  const ScanResult r = (*scanner)->Scan(kMobileText);
  o.outcome = Outcome(r);
  o.status = Code(r.error.code());
  o.message = std::string(r.error.message());
  EXPECT_EQ(r.block_detail, r.error.message());
  o.counters = Deltas(row, {}, [&](const std::string& name) {
    return LibraryCounter((*scanner)->counters(), 0, name);
  });
  return o;
}

Observed LibraryDeadline(const FaultRow& row) {
  Observed o;
  std::shared_ptr<const Scanner> scanner = ScannerFor(PolicyIn(row.mode));
  if (scanner == nullptr) return o;
  const std::vector<scrub::Record> records(3, scrub::Record{kMobileText, RecordFormat::kText});
  int asks = 0;
  auto results = scanner->ScanBatch(records, [&asks] {
    ++asks;
    return absl::DeadlineExceededError("the caller's deadline passed");
  });
  o.outcome = results.ok() ? absl::StrCat(results->size(), " results") : "no results";
  o.status = Code(results.status().code());
  o.message = std::string(results.status().message());
  o.counters = Deltas(row, {}, [&](const std::string& name) {
    return LibraryCounter(scanner->counters(), asks, name);
  });
  return o;
}

// 4 MiB of dense personal data (a full scan asks a KeepGoing at least 64
// times: once per 64 KiB of work), under limits that admit it.
constexpr size_t kLongMessageBytes = size_t{4} << 20;

v1::Policy LongMessagePolicy(v1::FailureMode mode) {
  v1::Policy policy = PolicyIn(mode);
  policy.mutable_limits()->set_max_message_bytes(2 * kLongMessageBytes);
  policy.mutable_limits()->set_max_batch_bytes(2 * kLongMessageBytes);
  policy.mutable_limits()->set_max_findings_per_message(1'000'000);
  return policy;
}

const std::string& LongMessage() {
  static const auto* message = [] {
    const LargeMessageShape& dense = LargeMessageShapes().front();  // dense data first
    EXPECT_EQ(dense.verdict, Verdict::kRedacted) << dense.name;
    return new std::string(RepeatToSize(dense, kLongMessageBytes));
  }();
  return *message;
}

// The caller stops the scan inside the long message. One ask in all means
// it stopped within the first 64 KiB of work after the first interval, not
// after the 4 MiB (a promptness measure that a loaded machine cannot skew).
Observed Interrupted(const FaultRow& row, bool batch) {
  Observed o;
  std::shared_ptr<const Scanner> scanner = ScannerFor(LongMessagePolicy(row.mode));
  if (scanner == nullptr) return o;
  int asks = 0;
  const int ok_answers = batch ? 1 : 0;  // a batch asks once before its first record
  const KeepGoing keep_going = [&asks, ok_answers] {
    return ++asks <= ok_answers ? absl::OkStatus()
                                : absl::CancelledError("the caller went away");
  };
  const scrub::Record record{LongMessage(), RecordFormat::kText};
  if (batch) {
    auto results = scanner->ScanBatch(absl::MakeConstSpan(&record, 1), keep_going);
    o.outcome = results.ok() ? absl::StrCat(results->size(), " results") : "no results";
    o.status = Code(results.status().code());
    o.message = std::string(results.status().message());
  } else {
    const ScanResult r = scanner->Scan(record, keep_going);
    o.outcome = Outcome(r);
    o.status = Code(r.error.code());
    o.message = std::string(r.error.message());
    EXPECT_TRUE(r.findings.empty());
    EXPECT_TRUE(r.output.empty());
  }
  o.counters = Deltas(row, {}, [&](const std::string& name) {
    return LibraryCounter(scanner->counters(), asks, name);
  });
  return o;
}

// ---------------------------------------------------------------------------
// Face: an in-process scrubd (the real server, metrics and observers)
// ---------------------------------------------------------------------------

class InProcessScrubd {
 public:
  // Serves `policy` compiled by `factory`; fails the test (null) when it
  // cannot start.
  static std::unique_ptr<InProcessScrubd> Start(const v1::Policy& policy,
                                                ScannerFactory factory) {
    std::unique_ptr<InProcessScrubd> s(new InProcessScrubd());
    s->metrics_ = service::Metrics::Create();
    s->metrics_->SetPolicy(policy);
    auto scanner = factory(policy);
    EXPECT_TRUE(scanner.ok()) << scanner.status();
    if (!scanner.ok()) return nullptr;
    // The recorder last: once it has a report, the metrics have it.
    auto server = service::ScrubServer::Start(InProcessOptions(), *scanner,
                                              std::move(factory),
                                              {s->metrics_.get(), &s->observer_});
    EXPECT_TRUE(server.ok()) << server.status();
    if (!server.ok()) return nullptr;
    s->server_ = *std::move(server);
    EXPECT_TRUE(s->server_->self_test_status().ok()) << s->server_->self_test_status();
    s->stub_ = InProcessStub(*s->server_);
    return s;
  }

  double Read(const std::string& series) const {
    return SeriesValue(metrics_->Text(), series);
  }
  CounterReader Reader() const {
    return [this](const std::string& series) { return Read(series); };
  }

  service::ScrubServer& server() { return *server_; }
  v1::Scrub::Stub& stub() { return *stub_; }
  const RecordingObserver& observer() const { return observer_; }

 private:
  InProcessScrubd() = default;
  RecordingObserver observer_;
  std::unique_ptr<service::Metrics> metrics_;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

// One ScanBatch message through scrubd: the message's outcome, the call's
// status, and its block_detail (or redacted text).
Observed ScrubdBatch(const FaultRow& row, const v1::Policy& policy, ScannerFactory factory,
                     absl::string_view text) {
  Observed o;
  auto scrubd = InProcessScrubd::Start(policy, std::move(factory));
  if (scrubd == nullptr) return o;
  const auto before = Snapshot(row, scrubd->Reader());
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("m1", text);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(kWait);
  const grpc::Status status = scrubd->stub().ScanBatch(context.get(), request, &response);
  o.status = Code(status.error_code());
  if (response.results_size() == 1) {
    const v1::MessageResult& r = response.results(0);
    o.outcome = Outcome(r);
    o.message = r.verdict() == v1::REDACTED ? r.redacted_text() : r.block_detail();
  } else {
    o.outcome = absl::StrCat(response.results_size(), " results");
    o.message = status.error_message();
  }
  o.counters = Deltas(row, before, scrubd->Reader());
  return o;
}

// One ScanStream record through scrubd, as JSON.
Observed ScrubdJsonRecord(const FaultRow& row, const v1::Policy& policy,
                          absl::string_view record) {
  Observed o;
  auto scrubd = InProcessScrubd::Start(policy, ScannerFactoryWith(TestOptions()));
  if (scrubd == nullptr) return o;
  const auto before = Snapshot(row, scrubd->Reader());
  auto context = ContextWithTimeout(kWait);
  auto stream = scrubd->stub().ScanStream(context.get());
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r1", record, v1::RECORD_FORMAT_JSON);
  EXPECT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  if (stream->Read(&response) && response.results_size() == 1) {
    o.outcome = Outcome(response.results(0));
    o.message = response.results(0).block_detail();
  }
  stream->WritesDone();
  o.status = Code(stream->Finish().error_code());
  o.counters = Deltas(row, before, scrubd->Reader());
  return o;
}

// The engine fails with `fault` from the first scan after start (the
// start-up self-test must pass first).
Observed ScrubdEngineFault(const FaultRow& row, absl::Status fault) {
  EngineFault engine;  // outlives the server
  Observed o;
  auto scrubd = InProcessScrubd::Start(PolicyIn(row.mode), engine.Factory());
  if (scrubd == nullptr) return o;
  const auto before = Snapshot(row, scrubd->Reader());
  engine.FailWith(fault);
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("m1", kMobileText);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(kWait);
  const grpc::Status status = scrubd->stub().ScanBatch(context.get(), request, &response);
  o.status = Code(status.error_code());
  if (response.results_size() == 1) {
    o.outcome = Outcome(response.results(0));
    o.message = response.results(0).block_detail();
  }
  o.counters = Deltas(row, before, scrubd->Reader());
  return o;
}

// The caller's deadline passes while its scan is held inside the engine.
Observed ScrubdDeadline(const FaultRow& row) {
  EngineFault engine;  // outlives the server
  Observed o;
  auto scrubd = InProcessScrubd::Start(PolicyIn(row.mode), engine.Factory());
  if (scrubd == nullptr) return o;
  const auto before = Snapshot(row, scrubd->Reader());
  engine.CloseGate();
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("m1", kMobileText);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(3));  // room to reach the engine under ASan
  grpc::Status status;
  absl::Notification done;
  scrubd->stub().async()->ScanBatch(context.get(), &request, &response,
                                    [&](grpc::Status s) {
                                      status = std::move(s);
                                      done.Notify();
                                    });
  EXPECT_TRUE(engine.AwaitWaiting(1, kWait)) << "the scan never reached the engine";
  EXPECT_TRUE(done.WaitForNotificationWithTimeout(kWait));  // the deadline passed
  engine.OpenGate();
  EXPECT_TRUE(scrubd->observer().AwaitReports(1, kWait));
  o.outcome = response.results_size() == 0
                  ? "no results"
                  : absl::StrCat(response.results_size(), " results");
  o.status = Code(status.error_code());
  o.message = status.error_message();
  o.counters = Deltas(row, before, scrubd->Reader());
  return o;
}

Observed ScrubdReload(const FaultRow& row) {
  Observed o;
  v1::Policy serving = PolicyIn(row.mode);
  serving.set_name("serving");
  serving.set_version("1");
  auto scrubd = InProcessScrubd::Start(serving, ScannerFactoryWith(TestOptions()));
  if (scrubd == nullptr) return o;
  const auto before = Snapshot(row, scrubd->Reader());
  const absl::Status reload = scrubd->server().ReloadPolicy(MisspeltPolicy(row.mode));
  o.status = Code(reload.code());
  o.message = std::string(reload.message());
  // Which policy decides now.
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("m1", kMobileText);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(kWait);
  const grpc::Status status = scrubd->stub().ScanBatch(context.get(), request, &response);
  const bool old_serves = status.ok() && response.policy().name() == "serving" &&
                          response.policy().version() == "1" &&
                          response.results_size() == 1 &&
                          response.results(0).verdict() == v1::REDACTED;
  o.outcome = reload.ok()       ? "reload accepted"
              : old_serves      ? "reload refused, the old policy serves"
                                : "reload refused, the old policy does not serve";
  o.counters = Deltas(row, before, scrubd->Reader());
  return o;
}

// ---------------------------------------------------------------------------
// Face: the scrubd binary
// ---------------------------------------------------------------------------

std::string PolicyFile(const v1::Policy& policy, absl::string_view tag) {
  const std::string path = absl::StrCat(TestTempDir(), "/", tag, "-",
                                        ModeName(policy.failure_mode()), ".textproto");
  WriteFile(path, PolicyToText(policy));
  return path;
}

Observed PolicyAtStart(const FaultRow& row) {
  Observed o;
  const std::string policy = PolicyFile(MisspeltPolicy(row.mode), "misspelt");
  const std::string socket = UniqueSocketPath("fm");
  std::string output;
  const int code = RunScrubd({"--listen=unix://" + socket, "--policy=" + policy}, &output);
  unlink(socket.c_str());
  o.outcome = "exit";
  o.status = std::to_string(code);
  o.message = output;
  o.placeholders["<policy>"] = policy;
  return o;
}

// A TCP socket listening on a free loopback port; -1 on error.
int ListenOnLoopback(int* port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      listen(fd, 1) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    return -1;
  }
  *port = ntohs(addr.sin_port);
  return fd;
}

Observed MetricsPortTaken(const FaultRow& row) {
  Observed o;
  int port = 0;
  const int taken = ListenOnLoopback(&port);
  EXPECT_GE(taken, 0) << "cannot listen on loopback";
  if (taken < 0) return o;
  const std::string policy = PolicyFile(PolicyIn(row.mode), "policy");
  const std::string socket = UniqueSocketPath("fm");
  std::string output;
  const int code = RunScrubd({"--listen=unix://" + socket, "--policy=" + policy,
                              absl::StrCat("--metrics_listen=127.0.0.1:", port)},
                             &output);
  close(taken);
  unlink(socket.c_str());
  o.outcome = "exit";
  o.status = std::to_string(code);
  o.message = output;
  o.placeholders["<port>"] = std::to_string(port);
  return o;
}

Observed AuditWriteFailure(const FaultRow& row) {
  Observed o;
  const std::string policy = PolicyFile(PolicyIn(row.mode), "policy");
  const std::string key = TestTempDir() + "/audit.key";
  WriteFile(key, std::string(32, 'K'));
  const std::string socket = UniqueSocketPath("fm");
  auto scrubd = ScrubdProcess::Start(
      {"--listen=unix://" + socket, "--policy=" + policy, "--metrics_listen=127.0.0.1:0",
       "--audit_log=/dev/full", "--audit_key_file=" + key},
      absl::StrCat("audit-", ModeName(row.mode)));
  if (scrubd == nullptr) return o;
  EXPECT_TRUE(scrubd->AwaitLog("(self-test passed)", kWait)) << scrubd->log();
  const int port = scrubd->PortAfter("metrics on http://127.0.0.1:");
  EXPECT_GT(port, 0) << scrubd->log();
  auto scrape = [port] {
    absl::StatusOr<std::string> text = HttpGet(port, "/metrics");
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? *text : std::string();
  };
  const std::string text_before = scrape();
  const auto before = Snapshot(
      row, [&](const std::string& series) { return SeriesValue(text_before, series); });

  {  // the channel closes before SIGTERM, so the drain has nothing to wait for
    auto stub = v1::Scrub::NewStub(
        grpc::CreateChannel("unix:" + socket, grpc::InsecureChannelCredentials()));
    v1::ScanBatchRequest request;
    *request.add_messages() = Message("m1", kMobileText);
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(kWait);
    const grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    o.status = Code(status.error_code());
    if (response.results_size() == 1) {
      // What scrubd persists for this message when its audit log works.
      const bool unchanged = response.results(0).verdict() == v1::REDACTED &&
                             response.results(0).redacted_text() == "电话[CN_MOBILE]";
      o.outcome =
          absl::StrCat(Outcome(response.results(0)), unchanged ? " (unchanged)" : "");
    }
  }
  scrubd->AwaitLog("audit log: cannot write", absl::Seconds(10));
  o.message = scrubd->log();
  EXPECT_THAT(o.message, ::testing::Not(::testing::HasSubstr("138-1234-5678")))
      << "a detected value in scrubd's log";
  const std::string text_after = scrape();
  o.counters = Deltas(row, before, [&](const std::string& series) {
    return SeriesValue(text_after, series);
  });
  scrubd->Signal(SIGTERM);
  EXPECT_EQ(scrubd->AwaitExit(kWait), 0);
  unlink(socket.c_str());
  return o;
}

// ---------------------------------------------------------------------------
// The rows, run
// ---------------------------------------------------------------------------

Observed Provoke(const FaultRow& row) {
  switch (row.fault) {
    case Fault::kPolicyCompile:
      return CreateFails(MisspeltPolicy(row.mode), TestOptions());
    case Fault::kPolicyAtStart:
      return PolicyAtStart(row);
    case Fault::kPolicyReload:
      return ScrubdReload(row);
    case Fault::kDfaBudgetAtCompile: {
      Scanner::Options options = TestOptions();
      options.engine_max_mem = 4096;
      return CreateFails(PolicyIn(row.mode), options);
    }
    case Fault::kDfaOutOfMemory:
      return ScanWithEngineFault(row, absl::ResourceExhaustedError("DFA out of memory"));
    case Fault::kDfaOutOfMemoryScrubd:
      return ScrubdEngineFault(row, absl::ResourceExhaustedError("DFA out of memory"));
    case Fault::kInternalFault:
      return ScanWithEngineFault(row, absl::InternalError("injected"));
    case Fault::kInternalFaultScrubd:
      return ScrubdEngineFault(row, absl::InternalError("injected"));
    case Fault::kDeadlineLibrary:
      return LibraryDeadline(row);
    case Fault::kDeadlineScrubd:
      return ScrubdDeadline(row);
    case Fault::kInterruptedScan:
      return Interrupted(row, /*batch=*/false);
    case Fault::kInterruptedBatch:
      return Interrupted(row, /*batch=*/true);
    case Fault::kInvalidUtf8Block:
    case Fault::kInvalidUtf8Replace: {
      v1::Policy policy = PolicyIn(row.mode);
      policy.set_invalid_utf8(row.fault == Fault::kInvalidUtf8Block
                                  ? v1::INVALID_UTF8_BLOCK
                                  : v1::INVALID_UTF8_REPLACE);
      return ScrubdBatch(row, policy, ScannerFactoryWith(TestOptions()),
                         absl::StrCat(kMobileText, "\xff"));
    }
    case Fault::kOversize: {
      v1::Policy policy = PolicyIn(row.mode);
      policy.mutable_limits()->set_max_message_bytes(16);
      return ScrubdBatch(row, policy, ScannerFactoryWith(TestOptions()),
                         "13800138000 abcdefg");
    }
    case Fault::kTooManyFindings: {
      v1::Policy policy = PolicyIn(row.mode);
      policy.mutable_limits()->set_max_findings_per_message(2);
      return ScrubdBatch(row, policy, ScannerFactoryWith(TestOptions()),
                         "a@example.com b@example.com c@example.com 13800138000");
    }
    case Fault::kMalformedJson:
      return ScrubdJsonRecord(row, PolicyIn(row.mode), R"({"phone":13812345678)");
    case Fault::kJsonTooDeep: {
      v1::Policy policy = PolicyIn(row.mode);
      policy.mutable_limits()->set_max_json_depth(2);
      return ScrubdJsonRecord(row, policy, R"({"a":{"b":{"phone":13812345678}}})");
    }
    case Fault::kAuditWriteFailure:
      return AuditWriteFailure(row);
    case Fault::kMetricsPortTaken:
      return MetricsPortTaken(row);
  }
  ADD_FAILURE() << "no runner for " << row.name;
  return {};
}

class FaultMatrixTest : public ::testing::TestWithParam<FaultRow> {};

TEST_P(FaultMatrixTest, GivesItsOutcomeStatusMessageAndCounters) {
  const FaultRow& row = GetParam();
  const Observed o = Provoke(row);
  EXPECT_EQ(o.outcome, row.outcome);
  EXPECT_EQ(o.status, row.status);
  std::string message = row.message;
  for (const auto& [placeholder, value] : o.placeholders) {
    message = absl::StrReplaceAll(message, {{placeholder, value}});
  }
  EXPECT_THAT(o.message, ::testing::HasSubstr(message));
  std::map<std::string, double> expected;
  for (const Counter& c : row.counters) expected[c.name] = c.delta;
  EXPECT_EQ(o.counters, expected);
}

std::string RowName(const ::testing::TestParamInfo<FaultRow>& info) {
  std::string name = absl::StrCat(info.index, "_", info.param.name, "_",
                                  ModeName(info.param.mode), "_", info.param.face);
  for (char& c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, FaultMatrixTest, ::testing::ValuesIn(FaultMatrix()),
                         RowName);

TEST(FaultMatrix, EveryFaultHasARowUnderBothFailureModes) {
  std::map<int, std::set<v1::FailureMode>> modes;
  for (const FaultRow& row : FaultMatrix()) {
    EXPECT_TRUE(modes[static_cast<int>(row.fault)].insert(row.mode).second)
        << "two rows for " << row.name << " under " << ModeName(row.mode);
  }
  for (int f = 0; f <= static_cast<int>(Fault::kLast); ++f) {
    EXPECT_EQ(modes[f], (std::set<v1::FailureMode>{kClosed, kOpen})) << "fault #" << f;
  }
}

TEST(FaultMatrix, ReadmeHoldsThisTable) {
  const std::string readme = ReadFile(ReadmePath());
  const size_t begin = readme.find(kReadmeBegin);
  const size_t end = readme.find(kReadmeEnd);
  ASSERT_NE(begin, std::string::npos) << "README.md has no " << kReadmeBegin;
  ASSERT_NE(end, std::string::npos) << "README.md has no " << kReadmeEnd;
  const std::string table = MarkdownTable();
  EXPECT_EQ(readme.substr(begin, end + sizeof(kReadmeEnd) - 1 - begin), table)
      << "README.md's failure matrix differs from FaultMatrix(); the table is:\n"
      << table;
}

}  // namespace

}  // namespace scrub::testing
