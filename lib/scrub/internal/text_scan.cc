#include "scrub/internal/text_scan.h"

#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"

namespace scrub::internal {
namespace {

const ContextHints kNoHints;

// The findings of `text` alone (no decoded views), appended to `out`.
absl::Status FindInOneText(const CompiledPolicy& policy, absl::string_view text,
                           const ContextHints& hints, ScratchState* s,
                           std::vector<PlacedFinding>* out) {
  if (policy.reference_engine()) {
    s->view.BuildV1(text);
  } else {
    s->view.Build(text);
  }
  if (!s->interrupt.Advance(text.size())) return s->interrupt.status();
  const absl::string_view view = s->view.text();
  s->raw.clear();
  ScanTrace* const trace = s->collector.trace;
  const size_t traced = trace != nullptr ? trace->candidates.size() : 0;
  absl::Status status = CollectFindings(policy, view, s->view.soft_breaks(), hints,
                                        &s->interrupt, &s->collector, &s->raw);
  if (!status.ok()) return status;
  if (trace != nullptr) {
    for (size_t i = traced; i < trace->candidates.size(); ++i) {
      TracedCandidate& t = trace->candidates[i];
      std::tie(t.start, t.end) = s->view.OriginalSpan(t.view_start, t.view_end);
    }
  }
  for (const RawFinding& f : s->raw) {
    const auto [start, end] = s->view.OriginalSpan(f.view_start, f.view_end);
    const CompiledRule& rule = policy.rules()[f.rule];
    out->push_back({f.rule, start, end, f.confidence, std::string()});
    if (policy.needs_normalized_values()) {
      out->back().normalized =
          NormalizeValue(view.substr(f.view_start, f.view_end - f.view_start), rule.spec.form);
    }
  }
  // Raw findings are sorted by view start (ties: longer first), and the view
  // maps to the original monotonically: `out` is sorted the same way.
  return absl::OkStatus();
}

DecodeSettings DecodeSettingsOf(const v1::DecodeOptions& d) {
  DecodeSettings settings;
  if (d.percent()) settings.encodings |= kPercentEncoding;
  if (d.html()) settings.encodings |= kHtmlEncoding;
  if (d.escapes()) settings.encodings |= kEscapeEncoding;
  if (d.base64()) settings.encodings |= kBase64Encoding;
  settings.max_depth = d.max_depth();
  return settings;
}

}  // namespace

absl::Status FindPlacedFindings(const CompiledPolicy& policy, absl::string_view text,
                                const ContextHints& hints, ScratchState* s) {
  s->placed.clear();
  if (absl::Status status = FindInOneText(policy, text, hints, s, &s->placed);
      !status.ok()) {
    return status;
  }
  // A trace (scrub::Explain) covers the text itself: offsets inside a
  // decoded view are not offsets of the text.
  ScanTrace* const trace = s->collector.trace;
  s->collector.trace = nullptr;
  struct Restore {
    CollectorScratch& c;
    ScanTrace* t;
    ~Restore() { c.trace = t; }
  } restore{s->collector, trace};
  // The reference engine (differential tests) keeps the first engine's
  // behaviour: no decoded views.
  if (policy.reference_engine()) return absl::OkStatus();
  const DecodeSettings settings = DecodeSettingsOf(policy.policy().decode());
  if (settings.encodings == 0) return absl::OkStatus();
  return AddDecodedFindings(
      text, settings,
      [&](absl::string_view decoded, std::vector<PlacedFinding>* out) {
        return FindInOneText(policy, decoded, hints, s, out);
      },
      &s->decoded, &s->placed);
}

ScanOutcome FindFailed(const ScratchState& s, absl::Status status) {
  if (s.interrupt.stopped()) {
    return Stopped(BlockReason::kInterrupted, s.interrupt.status());
  }
  if (IsDecodeBudgetError(status)) {
    return Stopped(BlockReason::kDecodeBudget, std::move(status));
  }
  return Stopped(BlockReason::kEngineError,
                 absl::Status(status.code(), absl::StrCat("engine error: ", status.message())));
}

ScanOutcome ScanText(const CompiledPolicy& policy, absl::string_view text,
                     ScratchState* s) {
  if (absl::Status status = FindPlacedFindings(policy, text, kNoHints, s); !status.ok()) {
    return FindFailed(*s, std::move(status));
  }
  const size_t max_findings = policy.limits().max_findings_per_message();
  if (s->placed.size() > max_findings) {
    return Stopped(BlockReason::kTooManyFindings,
                   absl::ResourceExhaustedError(absl::StrCat(
                       "message has ", s->placed.size(),
                       " findings; limit max_findings_per_message is ", max_findings)));
  }
  Redaction& redaction = s->redaction;
  ApplyActions(policy, text, s->placed, &redaction);
  if (!redaction.error.ok()) {
    return Stopped(BlockReason::kEngineError, std::move(redaction.error));
  }
  ScanOutcome out;
  out.findings.reserve(s->placed.size());
  for (size_t i = 0; i < s->placed.size(); ++i) {
    const PlacedFinding& f = s->placed[i];
    out.findings.push_back({policy.rules()[f.rule].spec.id, f.start, f.end, f.confidence,
                            redaction.applied[i], std::nullopt});
  }
  if (redaction.blocking_finding >= 0) {
    out.blocked_by = BlockReason::kDetectorAction;
    out.block_detail = absl::StrCat(
        "action BLOCK for ", policy.rules()[s->placed[redaction.blocking_finding].rule].spec.id);
  }
  out.modified = redaction.modified;
  out.output = std::move(redaction.output);
  if (!policy.block_rules().empty()) out.placed = s->placed;
  return out;
}

}  // namespace scrub::internal
