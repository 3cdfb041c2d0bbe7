#include "scrub/internal/decide.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "scrub/internal/block_rules.h"

namespace scrub::internal {
namespace {

// True when the input itself can have caused the stop (see the header).
bool InputCanProvoke(BlockReason reason, const absl::Status& error) {
  if (reason != BlockReason::kEngineError) return true;  // limits, invalid input
  switch (error.code()) {
    case absl::StatusCode::kResourceExhausted:  // a budget an input can exhaust
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kCancelled:
      return true;
    default:
      return false;
  }
}

ScanResult DecideStopped(const CompiledPolicy& policy, ScanOutcome outcome,
                         FailureCounters* counters) {
  ScanResult r;
  r.format = outcome.format;
  r.malformed_json = std::move(outcome.malformed_json);
  r.block_reason = outcome.stopped;
  r.block_detail = std::string(outcome.error.message());
  r.error = std::move(outcome.error);
  if (outcome.stopped == BlockReason::kEngineError) {
    counters->engine_errors.fetch_add(1, std::memory_order_relaxed);
  }
  if (outcome.stopped == BlockReason::kDecodeBudget) {
    counters->decode_budget_blocks.fetch_add(1, std::memory_order_relaxed);
  }
  if (outcome.stopped == BlockReason::kInterrupted) {
    counters->interrupted_scans.fetch_add(1, std::memory_order_relaxed);
  }
  if (!InputCanProvoke(outcome.stopped, r.error) &&
      policy.policy().failure_mode() == v1::FAIL_OPEN) {
    counters->fail_open_passes.fetch_add(1, std::memory_order_relaxed);
    r.verdict = Verdict::kAllow;  // passed unchanged, and counted
    r.failed_open = true;
    return r;
  }
  r.verdict = Verdict::kBlocked;
  return r;
}

}  // namespace

ScanOutcome Stopped(BlockReason reason, absl::Status error) {
  ScanOutcome outcome;
  outcome.stopped = reason;
  outcome.error = std::move(error);
  return outcome;
}

ScanResult Decide(const CompiledPolicy& policy, ScanOutcome outcome,
                  FailureCounters* counters) {
  if (outcome.stopped != BlockReason::kNone) {
    return DecideStopped(policy, std::move(outcome), counters);
  }
  ScanResult r;
  r.format = outcome.format;
  r.malformed_json = std::move(outcome.malformed_json);
  r.findings = std::move(outcome.findings);
  if (outcome.blocked_by != BlockReason::kNone) {
    r.verdict = Verdict::kBlocked;
    r.block_reason = outcome.blocked_by;
    r.block_detail = std::move(outcome.block_detail);
    return r;
  }
  if (const CompiledBlockRule* rule = FirstFiredBlockRule(policy.block_rules(), outcome.placed)) {
    r.verdict = Verdict::kBlocked;
    r.block_reason = BlockReason::kBlockRule;
    r.block_detail = absl::StrCat("block rule \"", rule->name, "\"");
    return r;
  }
  if (outcome.modified) {
    r.verdict = Verdict::kRedacted;
    r.output = std::move(outcome.output);
  } else if (!outcome.repaired.empty()) {
    r.verdict = Verdict::kRedacted;  // the repaired input differs from the input
    r.output = std::move(outcome.repaired);
  } else {
    r.verdict = Verdict::kAllow;
  }
  return r;
}

}  // namespace scrub::internal
