#include "scrub/internal/record_pipeline.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "scrub/internal/json_scan.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

bool IsAsciiWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

absl::string_view RecordNoun(RecordFormat format) {
  return format == RecordFormat::kText ? "message" : "record";
}

}  // namespace

bool IsBlankRecord(absl::string_view text) {
  for (char c : text) {
    if (!IsAsciiWhitespace(c)) return false;
  }
  return true;
}

RecordFormat ResolveFormat(const Record& record) {
  if (record.format != RecordFormat::kAuto) return record.format;
  for (char c : record.text) {
    if (IsAsciiWhitespace(c)) continue;
    return c == '{' ? RecordFormat::kJson : RecordFormat::kText;
  }
  return RecordFormat::kText;
}

ScanResult TooLarge(const CompiledPolicy& policy, RecordFormat format, uint64_t bytes,
                    FailureCounters* counters) {
  ScanOutcome out = Stopped(
      BlockReason::kMessageTooLarge,
      absl::ResourceExhaustedError(absl::StrCat(RecordNoun(format), " has ", bytes,
                                                " bytes; limit max_message_bytes is ",
                                                policy.limits().max_message_bytes())));
  out.format = format;
  return Decide(policy, std::move(out), counters);
}

ScanResult ScanRecord(const CompiledPolicy& policy, const Record& record,
                      ScratchState* s, FailureCounters* counters,
                      const ScanInterrupt::Ask* keep_going) {
  const RecordFormat format = ResolveFormat(record);
  absl::string_view text = record.text;
  if (text.size() > policy.limits().max_message_bytes()) {
    return TooLarge(policy, format, text.size(), counters);
  }

  // UTF-8 at entry: BLOCK, or scan a repaired copy.
  std::string repaired;
  if (const size_t invalid = FindInvalidUtf8(text); invalid != text.size()) {
    if (policy.policy().invalid_utf8() != v1::INVALID_UTF8_REPLACE) {
      ScanOutcome out = Stopped(
          BlockReason::kInvalidUtf8,
          absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", invalid)));
      out.format = format;
      return Decide(policy, std::move(out), counters);
    }
    repaired = ReplaceInvalidUtf8(text);
    text = repaired;
  }

  ScanOutcome out;
  if (IsBlankRecord(text)) {
    out.format = format;  // nothing to scan: ALLOW
  } else {
    s->interrupt.Arm(keep_going, kAskEveryBytesOfWork);
    if (format == RecordFormat::kJson) {
      out = ScanJson(policy, text, &repaired, s);
    } else {
      out = ScanText(policy, text, s);
      out.format = RecordFormat::kText;
    }
    s->interrupt.Disarm();
  }
  out.repaired = std::move(repaired);
  DecodeStats& decoded = s->decoded.stats;
  if (decoded.views != 0) {
    counters->decoded_views.fetch_add(decoded.views, std::memory_order_relaxed);
    counters->nested_decoded_views.fetch_add(decoded.nested_views,
                                             std::memory_order_relaxed);
    decoded = DecodeStats();
  }
  return Decide(policy, std::move(out), counters);
}

absl::Status CheckBatchLimits(const v1::Limits& limits, absl::Span<const Record> records) {
  if (records.size() > limits.max_messages_per_batch()) {
    return absl::InvalidArgumentError(
        absl::StrCat("batch has ", records.size(),
                     " messages; limit max_messages_per_batch is ",
                     limits.max_messages_per_batch()));
  }
  uint64_t bytes = 0;
  for (const Record& r : records) bytes += r.text.size();
  if (bytes > limits.max_batch_bytes()) {
    return absl::InvalidArgumentError(
        absl::StrCat("batch has ", bytes, " bytes; limit max_batch_bytes is ",
                     limits.max_batch_bytes()));
  }
  return absl::OkStatus();
}

}  // namespace scrub::internal
