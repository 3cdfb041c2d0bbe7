#include "scrub/internal/values_across_findings.h"

#include <algorithm>

#include "scrub/internal/candidate_engine.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/redactor.h"

namespace scrub::internal {
namespace {

// The finding whose action and text stand for the group `group` (as
// ApplyActions chooses it: the most protective action, then the highest
// confidence, then the longest span).
const RawFinding& Representative(const CompiledPolicy& policy,
                                 const RawFinding* group, size_t count) {
  const RawFinding* best = group;
  auto rank = [&](const RawFinding& f) { return ActionRank(policy.rules()[f.rule].action); };
  for (size_t i = 1; i < count; ++i) {
    const RawFinding& f = group[i];
    if (rank(f) != rank(*best)) {
      if (rank(f) > rank(*best)) best = &f;
      continue;
    }
    if (f.confidence != best->confidence) {
      if (f.confidence > best->confidence) best = &f;
      continue;
    }
    if (f.view_end - f.view_start > best->view_end - best->view_start) best = &f;
  }
  return *best;
}

}  // namespace

absl::Status ReadValuesAcrossFindings(const CompiledPolicy& policy, absl::string_view view,
                                      ScanInterrupt* interrupt,
                                      AcrossFindingsScratch* scratch, size_t first,
                                      std::vector<RawFinding>* findings) {
  using Decision = CandidateEngine::Decision;
  const size_t count = findings->size();
  size_t i = first;
  while (i < count) {
    // One group: the findings that share bytes, [start, end).
    const size_t start = (*findings)[i].view_start;
    size_t end = (*findings)[i].view_end;
    size_t j = i + 1;
    while (j < count && (*findings)[j].view_start < end) {
      end = std::max<size_t>(end, (*findings)[j].view_end);
      ++j;
    }
    const RawFinding& shown = Representative(policy, findings->data() + i, j - i);
    const CompiledRule& shown_rule = policy.rules()[shown.rule];
    for (size_t k = i; k < j && shown_rule.action == v1::ACTION_REDACT; ++k) {
      const RawFinding v = (*findings)[k];
      if (v.evidence != Evidence::kPattern || v.view_start != start || v.view_end >= end) {
        continue;
      }
      // The text as the output will show it around the group: the key
      // before it, the label, the bytes glued after it.
      std::string& probe = scratch->probe;
      const size_t from = start > kKeyReachBytes ? start - kKeyReachBytes : 0;
      probe.assign(view.data() + from, start - from);
      const size_t value_at = probe.size();
      probe += FoldForDetection(shown_rule.redact_template);
      const size_t label_end = probe.size();
      const absl::string_view glued_bytes = view.substr(end, kGluedReachBytes);
      probe.append(glued_bytes.data(), glued_bytes.size());
      if (!interrupt->Advance(probe.size())) return interrupt->status();
      size_t value_end = 0;
      absl::Status status = policy.engine().FindCandidates(
          probe, &scratch->flagged,
          [&](int pattern) { return policy.EngineRule(pattern) == v.rule; },
          [&](int, size_t s, size_t e) {
            if (s < value_at) return Decision::kReject;
            if (s == value_at) value_end = e;
            return Decision::kStop;
          });
      if (!status.ok()) return status;
      if (value_end <= label_end) continue;  // the value ends inside the label
      if (policy.redaction_labels().Covers(probe, value_at, value_end)) continue;
      ValidationContext vctx = policy.validation();
      const size_t before = std::min(value_at, ValidationContext::kPrecedingBytes);
      vctx.preceding = absl::string_view(probe).substr(value_at - before, before);
      vctx.following =
          absl::string_view(probe).substr(value_end, ValidationContext::kFollowingBytes);
      const CompiledRule& rule = policy.rules()[v.rule];
      const double score = rule.spec.score(
          absl::string_view(probe).substr(value_at, value_end - value_at), vctx);
      if (score <= 0 || score < rule.min_confidence) continue;
      RawFinding glued = v;
      glued.view_end = static_cast<uint32_t>(end + (value_end - label_end));
      glued.confidence = score;
      findings->push_back(glued);
      break;  // one reading per group
    }
    i = j;
  }
  return absl::OkStatus();
}

}  // namespace scrub::internal
