#include "scrub/scanner.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/record_pipeline.h"
#include "scrub/internal/scanner_impl.h"
#include "scrub/policy.h"

namespace scrub {
namespace {

// How often a batch asks its KeepGoing: every this many inputs or bytes,
// whichever comes first (a clock read costs ~1-3% of a 200-byte scan).
constexpr size_t kAskEveryInputs = 16;
constexpr uint64_t kAskEveryBytes = 64 * 1024;

// A protobuf field path such as "rules[5].detector" or "limits.max_json_depth":
// how every compile error of the library starts ("<field>: <problem>").
bool IsFieldPath(absl::string_view s) {
  if (s.empty() || !absl::ascii_islower(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!(absl::ascii_islower(u) || absl::ascii_isdigit(u) || c == '_' || c == '.' ||
          c == '[' || c == ']')) {
      return false;
    }
  }
  return true;
}

// Attaches the field a compile error names as its PolicyErrorLocation.
absl::Status WithCompileLocation(absl::Status status) {
  PolicyErrorLocation at;
  at.kind = PolicyErrorLocation::Kind::kCompile;
  const absl::string_view message = status.message();
  const absl::string_view first = message.substr(0, message.find(": "));
  if (first.size() < message.size() && IsFieldPath(first)) at.field = std::string(first);
  SetPolicyErrorLocation(at, &status);
  return status;
}

}  // namespace

internal::CompileOptions Scanner::Impl::CompileOptionsFor(const Options& options) {
  internal::CompileOptions compile;
  compile.engine_max_mem = options.engine_max_mem;
  compile.today = options.today.has_value()
                      ? *options.today
                      : absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  return compile;
}

Scratch::Scratch() : state_(std::make_unique<State>()) {}
Scratch::~Scratch() = default;

absl::StatusOr<std::shared_ptr<const Scanner>> Scanner::Impl::Create(
    const v1::Policy& policy, const internal::CompileOptions& options) {
  auto compiled = internal::CompiledPolicy::Compile(policy, options);
  if (!compiled.ok()) return WithCompileLocation(compiled.status());
  return std::shared_ptr<const Scanner>(
      new Scanner(std::make_unique<Impl>(*std::move(compiled))));
}

absl::StatusOr<std::shared_ptr<const Scanner>> Scanner::Create(
    const v1::Policy& policy) {
  return Create(policy, Options());
}

absl::StatusOr<std::shared_ptr<const Scanner>> Scanner::Create(
    const v1::Policy& policy, Options options) {
  return Impl::Create(policy, Impl::CompileOptionsFor(options));
}

Scanner::Scanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Scanner::~Scanner() = default;

const v1::Policy& Scanner::policy() const { return impl_->policy->policy(); }

std::vector<std::string> Scanner::detector_ids() const {
  std::vector<std::string> ids;
  for (const auto& rule : impl_->policy->rules()) ids.push_back(rule.spec.id);
  return ids;
}

std::optional<DetectorRule> Scanner::rule(absl::string_view detector) const {
  const int index = impl_->policy->RuleIndex(detector);
  if (index < 0) return std::nullopt;
  const internal::CompiledRule& r = impl_->policy->rules()[index];
  return DetectorRule{r.spec.id, r.action, r.min_confidence, r.redact_template};
}

bool Scanner::Exempts(absl::string_view detector, absl::string_view value) const {
  const internal::CompiledPolicy& policy = *impl_->policy;
  const int index = policy.RuleIndex(detector);
  if (index < 0) return false;
  const internal::CompiledRule& r = policy.rules()[index];
  const std::string normalized =
      internal::NormalizeValue(internal::FoldForDetection(value), r.spec.form);
  return r.allow.Allows(normalized, r.spec.form) ||
         policy.global_allow().Allows(normalized, r.spec.form);
}

ScannerCounters Scanner::counters() const {
  ScannerCounters c;
  c.engine_errors = impl_->counters.engine_errors.load(std::memory_order_relaxed);
  c.fail_open_passes = impl_->counters.fail_open_passes.load(std::memory_order_relaxed);
  c.decoded_views = impl_->counters.decoded_views.load(std::memory_order_relaxed);
  c.nested_decoded_views =
      impl_->counters.nested_decoded_views.load(std::memory_order_relaxed);
  c.decode_budget_blocks =
      impl_->counters.decode_budget_blocks.load(std::memory_order_relaxed);
  c.interrupted_scans = impl_->counters.interrupted_scans.load(std::memory_order_relaxed);
  return c;
}

ScanResult Scanner::Scan(absl::string_view text, Scratch* scratch) const {
  return Scan(Record{text, RecordFormat::kText}, scratch);
}

ScanResult Scanner::Scan(Record record, Scratch* scratch) const {
  return Scan(record, KeepGoing(), scratch);
}

ScanResult Scanner::Scan(Record record, const KeepGoing& keep_going,
                         Scratch* scratch) const {
  std::unique_ptr<Scratch> local;  // only without a caller's scratch
  if (scratch == nullptr) scratch = (local = std::make_unique<Scratch>()).get();
  return internal::ScanRecord(*impl_->policy, record, &Scratch::State::Of(*scratch),
                              &impl_->counters, &keep_going);
}

ScanResult Scanner::OversizeResult(Record head, uint64_t bytes) const {
  return internal::TooLarge(*impl_->policy, internal::ResolveFormat(head), bytes,
                            &impl_->counters);
}

absl::StatusOr<std::vector<ScanResult>> Scanner::ScanBatch(
    absl::Span<const absl::string_view> texts, Scratch* scratch) const {
  std::vector<Record> records;
  records.reserve(texts.size());
  for (absl::string_view t : texts) records.push_back({t, RecordFormat::kText});
  return ScanBatch(records, KeepGoing(), scratch);
}

absl::StatusOr<std::vector<ScanResult>> Scanner::ScanBatch(
    absl::Span<const Record> records, const KeepGoing& keep_going,
    Scratch* scratch) const {
  const internal::CompiledPolicy& policy = *impl_->policy;
  if (absl::Status limits = internal::CheckBatchLimits(policy.limits(), records);
      !limits.ok()) {
    return limits;
  }
  auto ask = [&keep_going]() { return keep_going ? keep_going() : absl::OkStatus(); };
  if (absl::Status go = ask(); !go.ok()) return go;
  std::unique_ptr<Scratch> local;  // only without a caller's scratch
  if (scratch == nullptr) scratch = (local = std::make_unique<Scratch>()).get();
  internal::ScratchState& s = Scratch::State::Of(*scratch);
  std::vector<ScanResult> results;
  results.reserve(records.size());
  size_t inputs_since_ask = 0;
  uint64_t bytes_since_ask = 0;
  for (const Record& record : records) {
    if (inputs_since_ask >= kAskEveryInputs || bytes_since_ask >= kAskEveryBytes) {
      if (absl::Status go = ask(); !go.ok()) return go;
      inputs_since_ask = 0;
      bytes_since_ask = 0;
    }
    results.push_back(
        internal::ScanRecord(policy, record, &s, &impl_->counters, &keep_going));
    if (results.back().block_reason == BlockReason::kInterrupted) {
      return results.back().error;  // the caller's answer
    }
    ++inputs_since_ask;
    bytes_since_ask += record.text.size();
  }
  if (absl::Status go = ask(); !go.ok()) return go;
  return results;
}

}  // namespace scrub
