#include "scrub/internal/text_scan.h"

#include <algorithm>

namespace scrub::internal {

absl::Status FindPlacedFindings(const CompiledPolicy& policy, absl::string_view text,
                                const ContextHints& hints, ScratchState* s) {
  s->placed.clear();
  s->view.Build(text);
  const absl::string_view view = s->view.text();
  s->raw.clear();
  absl::Status status =
      CollectFindings(policy, view, hints, &s->flagged, &s->hits, &s->raw);
  if (!status.ok()) return status;
  for (const RawFinding& f : s->raw) {
    const auto [start, end] = s->view.OriginalSpan(f.view_start, f.view_end);
    const CompiledRule& rule = policy.rules()[f.rule];
    s->placed.push_back(
        {f.rule, start, end, f.confidence,
         NormalizeValue(view.substr(f.view_start, f.view_end - f.view_start),
                        rule.spec.form)});
  }
  std::stable_sort(s->placed.begin(), s->placed.end(),
                   [](const PlacedFinding& a, const PlacedFinding& b) {
                     if (a.start != b.start) return a.start < b.start;
                     return a.end > b.end;
                   });
  return absl::OkStatus();
}

}  // namespace scrub::internal
