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

// One reading of every group (see ReadValuesAcrossFindings).
absl::Status ReadOnce(const CompiledPolicy& policy, absl::string_view view,
                      absl::Span<const RawFinding> refused, ScanInterrupt* interrupt,
                      AcrossFindingsScratch* scratch, size_t first,
                      std::vector<RawFinding>* findings) {
  using Decision = CandidateEngine::Decision;
  // The REDACT groups: findings that share bytes, [start, end), and the
  // finding whose text the output shows for them.
  std::vector<AcrossFindingsScratch::Group>& groups = scratch->groups;
  groups.clear();
  const size_t count = findings->size();
  for (size_t i = first; i < count;) {
    const size_t start = (*findings)[i].view_start;
    size_t end = (*findings)[i].view_end;
    size_t j = i + 1;
    while (j < count && (*findings)[j].view_start < end) {
      end = std::max<size_t>(end, (*findings)[j].view_end);
      ++j;
    }
    const RawFinding& shown = Representative(policy, findings->data() + i, j - i);
    if (policy.rules()[shown.rule].action == v1::ACTION_REDACT) {
      groups.push_back({start, end, i, j, shown.rule, false});
    }
    i = j;
  }
  if (groups.empty()) return absl::OkStatus();

  // Reads the candidate of `rule` at `at` (<= the group's start) with the
  // group replaced by its label; adds the finding it makes, if any.
  auto read = [&](AcrossFindingsScratch::Group& g, int rule, size_t at) -> absl::Status {
    std::string& probe = scratch->probe;
    const size_t from = at > kKeyReachBytes ? at - kKeyReachBytes : 0;
    probe.assign(view.data() + from, g.start - from);
    const size_t value_at = at - from;
    const size_t group_at = probe.size();
    probe += FoldForDetection(policy.rules()[g.shown_rule].redact_template);
    const size_t label_end = probe.size();
    const absl::string_view glued_bytes = view.substr(g.end, kGluedReachBytes);
    probe.append(glued_bytes.data(), glued_bytes.size());
    if (!interrupt->Advance(probe.size())) return interrupt->status();
    size_t value_end = 0;
    absl::Status status = policy.engine().FindCandidates(
        probe, &scratch->flagged,
        [&](int pattern) { return policy.EngineRule(pattern) == rule; },
        [&](int, size_t s, size_t e) {
          if (s < value_at) return Decision::kReject;
          if (s == value_at) value_end = e;
          return Decision::kStop;
        });
    if (!status.ok()) return status;
    if (value_end <= group_at) return absl::OkStatus();  // the label ends it
    if (policy.redaction_labels().Covers(probe, value_at, value_end)) {
      return absl::OkStatus();
    }
    ValidationContext vctx = policy.validation();
    const size_t before = std::min(value_at, ValidationContext::kPrecedingBytes);
    vctx.preceding = absl::string_view(probe).substr(value_at - before, before);
    vctx.following =
        absl::string_view(probe).substr(value_end, ValidationContext::kFollowingBytes);
    const CompiledRule& r = policy.rules()[rule];
    const double score =
        r.spec.score(absl::string_view(probe).substr(value_at, value_end - value_at), vctx);
    if (score <= 0 || score < r.min_confidence) return absl::OkStatus();
    RawFinding f;
    f.rule = rule;
    f.view_start = static_cast<uint32_t>(at);
    f.view_end = static_cast<uint32_t>(
        value_end <= label_end ? g.end : g.end + (value_end - label_end));
    f.confidence = score;
    findings->push_back(f);
    g.read = true;  // one reading per group
    return absl::OkStatus();
  };

  // A value a group starts with and outlasts.
  for (AcrossFindingsScratch::Group& g : groups) {
    for (size_t k = g.first; k < g.last && !g.read; ++k) {
      const RawFinding v = (*findings)[k];
      if (v.evidence != Evidence::kPattern || v.view_start != g.start || v.view_end >= g.end) {
        continue;
      }
      if (absl::Status s = read(g, v.rule, v.view_start); !s.ok()) return s;
    }
  }
  // A refused candidate that starts at or before a group and reaches into
  // it: the output shows it with the label, which may make it a value
  // ("PWD:[d-----BEGIN PRIVATE KEY-----": "[d-----BEGIN" is a placeholder,
  // "[d[PRIVATE_KEY" is not).
  for (const RawFinding& r : refused) {
    auto g = std::lower_bound(
        groups.begin(), groups.end(), r.view_start,
        [](const AcrossFindingsScratch::Group& x, size_t at) { return x.start < at; });
    if (g == groups.end() || g->start >= r.view_end || g->read) continue;
    if (absl::Status s = read(*g, r.rule, r.view_start); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadValuesAcrossFindings(const CompiledPolicy& policy, absl::string_view view,
                                      absl::Span<const RawFinding> refused,
                                      ScanInterrupt* interrupt,
                                      AcrossFindingsScratch* scratch, size_t first,
                                      std::vector<RawFinding>* findings) {
  // A finding a reading adds may join two groups into one, shown with
  // another label ("PWD:[-----BEGIN PRIVATE KEY-----[": the password "[" and
  // the key's header become one group, "[PRIVATE_KEY]", which the "[" after
  // it continues): read again while readings add findings.
  for (int pass = 0; pass < kMaxReadingPasses; ++pass) {
    const size_t before = findings->size();
    if (absl::Status s = ReadOnce(policy, view, refused, interrupt, scratch, first, findings);
        !s.ok()) {
      return s;
    }
    if (findings->size() == before) break;
    std::sort(findings->begin() + first, findings->end(),
              [](const RawFinding& a, const RawFinding& b) {
                if (a.view_start != b.view_start) return a.view_start < b.view_start;
                return a.view_end > b.view_end;
              });
  }
  return absl::OkStatus();
}

}  // namespace scrub::internal
