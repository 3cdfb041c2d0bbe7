#include "scrub/scanner.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "scrub/internal/block_rules.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/redactor.h"
#include "scrub/internal/text_scan.h"
#include "scrub/internal/utf8.h"

namespace scrub {

Scratch::Scratch() : state_(std::make_unique<internal::ScratchState>()) {}
Scratch::~Scratch() = default;

absl::StatusOr<std::shared_ptr<const Scanner>> Scanner::Create(
    const v1::Policy& policy) {
  return Create(policy, Options());
}

absl::StatusOr<std::shared_ptr<const Scanner>> Scanner::Create(
    const v1::Policy& policy, Options options) {
  internal::CompileOptions compile;
  compile.engine_max_mem = options.engine_max_mem;
  compile.today = options.today.has_value()
                      ? *options.today
                      : absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  compile.engine_fault_for_testing = options.engine_fault_for_testing;
  auto compiled = internal::CompiledPolicy::Compile(policy, compile);
  if (!compiled.ok()) return compiled.status();
  return std::shared_ptr<const Scanner>(new Scanner(*std::move(compiled)));
}

Scanner::Scanner(std::unique_ptr<internal::CompiledPolicy> compiled)
    : compiled_(std::move(compiled)) {}

Scanner::~Scanner() = default;

const v1::Policy& Scanner::policy() const { return compiled_->policy(); }

std::vector<std::string> Scanner::detector_ids() const {
  std::vector<std::string> ids;
  for (const auto& rule : compiled_->rules()) ids.push_back(rule.spec.id);
  return ids;
}

ScannerCounters Scanner::counters() const {
  ScannerCounters c;
  c.engine_errors = engine_errors_.load(std::memory_order_relaxed);
  c.fail_open_passes = fail_open_passes_.load(std::memory_order_relaxed);
  return c;
}

bool Scanner::CountFailure(BlockReason reason) const {
  if (reason == BlockReason::kEngineError) {
    engine_errors_.fetch_add(1, std::memory_order_relaxed);
  }
  if (compiled_->policy().failure_mode() != v1::FAIL_OPEN) return false;
  fail_open_passes_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

namespace {

ScanResult Blocked(BlockReason reason, absl::Status error, std::string detail) {
  ScanResult r;
  r.verdict = Verdict::kBlocked;
  r.block_reason = reason;
  r.error = std::move(error);
  r.block_detail = std::move(detail);
  return r;
}

}  // namespace

ScanResult Scanner::Scan(absl::string_view text, Scratch* scratch) const {
  return Scan(text, ScanHints(), scratch);
}

ScanResult Scanner::Scan(absl::string_view text, const ScanHints& hints,
                         Scratch* scratch) const {
  std::unique_ptr<Scratch> local;  // only without a caller's scratch
  if (scratch == nullptr) scratch = (local = std::make_unique<Scratch>()).get();
  internal::ScratchState& s = *scratch->state_;
  const v1::Policy& policy = compiled_->policy();

  // A failure the policy's failure mode decides: BLOCK, or pass and count.
  auto engine_failure = [&](BlockReason reason, absl::Status error) {
    std::string detail = std::string(error.message());
    if (CountFailure(reason)) {
      ScanResult r;
      r.verdict = Verdict::kAllow;
      r.block_reason = reason;
      r.error = std::move(error);
      r.failed_open = true;
      r.block_detail = std::move(detail);
      return r;
    }
    return Blocked(reason, std::move(error), std::move(detail));
  };

  if (text.size() > compiled_->limits().max_message_bytes()) {
    return engine_failure(
        BlockReason::kMessageTooLarge,
        absl::ResourceExhaustedError(absl::StrCat(
            "message has ", text.size(), " bytes; limit max_message_bytes is ",
            compiled_->limits().max_message_bytes())));
  }

  // UTF-8 at entry: BLOCK, or scan a repaired copy.
  std::string repaired;
  const size_t invalid = internal::FindInvalidUtf8(text);
  if (invalid != text.size()) {
    if (policy.invalid_utf8() != v1::INVALID_UTF8_REPLACE) {
      const std::string detail = absl::StrCat("invalid UTF-8 at byte ", invalid);
      return Blocked(BlockReason::kInvalidUtf8, absl::InvalidArgumentError(detail),
                     detail);
    }
    repaired = internal::ReplaceInvalidUtf8(text);
    text = repaired;
  }

  internal::ContextHints context;
  for (const std::string& id : hints.context_detectors) {
    const int rule = compiled_->RuleIndex(id);
    if (rule >= 0) context.positive_rules.push_back(rule);
  }
  context.negative = hints.negative_context;

  absl::Status status = internal::FindPlacedFindings(*compiled_, text, context, &s);
  if (!status.ok()) {
    return engine_failure(
        BlockReason::kEngineError,
        absl::Status(status.code(), absl::StrCat("engine error: ", status.message())));
  }
  if (s.placed.size() > compiled_->limits().max_findings_per_message()) {
    return engine_failure(
        BlockReason::kTooManyFindings,
        absl::ResourceExhaustedError(absl::StrCat(
            "message has ", s.placed.size(),
            " findings; limit max_findings_per_message is ",
            compiled_->limits().max_findings_per_message())));
  }

  internal::Redaction redaction = internal::ApplyActions(*compiled_, text, s.placed);
  if (!redaction.error.ok()) {
    return engine_failure(BlockReason::kEngineError, std::move(redaction.error));
  }

  ScanResult r;
  r.findings.reserve(s.placed.size());
  for (size_t i = 0; i < s.placed.size(); ++i) {
    const internal::PlacedFinding& f = s.placed[i];
    r.findings.push_back({compiled_->rules()[f.rule].spec.id, f.start, f.end,
                          f.confidence, redaction.applied[i]});
  }

  if (redaction.blocking_finding >= 0) {
    r.verdict = Verdict::kBlocked;
    r.block_reason = BlockReason::kDetectorAction;
    r.block_detail = absl::StrCat(
        "action BLOCK for ",
        compiled_->rules()[s.placed[redaction.blocking_finding].rule].spec.id);
    return r;
  }
  if (const internal::CompiledBlockRule* rule =
          internal::FirstFiredBlockRule(*compiled_, s.placed)) {
    r.verdict = Verdict::kBlocked;
    r.block_reason = BlockReason::kBlockRule;
    r.block_detail = absl::StrCat("block rule \"", rule->name, "\"");
    return r;
  }
  if (redaction.modified) {
    r.verdict = Verdict::kRedacted;
    r.output = std::move(redaction.output);
  } else if (!repaired.empty()) {
    // The repaired text differs from the input: persist the repaired text.
    r.verdict = Verdict::kRedacted;
    r.output = std::move(repaired);
  } else {
    r.verdict = Verdict::kAllow;
  }
  return r;
}

absl::Status Scanner::CheckBatchLimits(absl::Span<const absl::string_view> texts) const {
  const v1::Limits& limits = compiled_->limits();
  if (texts.size() > limits.max_messages_per_batch()) {
    return absl::InvalidArgumentError(
        absl::StrCat("batch has ", texts.size(),
                     " messages; limit max_messages_per_batch is ",
                     limits.max_messages_per_batch()));
  }
  uint64_t bytes = 0;
  for (absl::string_view t : texts) bytes += t.size();
  if (bytes > limits.max_batch_bytes()) {
    return absl::InvalidArgumentError(
        absl::StrCat("batch has ", bytes, " bytes; limit max_batch_bytes is ",
                     limits.max_batch_bytes()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ScanResult>> Scanner::ScanBatch(
    absl::Span<const absl::string_view> texts, Scratch* scratch) const {
  if (absl::Status limits = CheckBatchLimits(texts); !limits.ok()) return limits;
  Scratch local;
  Scratch* s = scratch != nullptr ? scratch : &local;
  std::vector<ScanResult> results;
  results.reserve(texts.size());
  for (absl::string_view t : texts) results.push_back(Scan(t, s));
  return results;
}

}  // namespace scrub
