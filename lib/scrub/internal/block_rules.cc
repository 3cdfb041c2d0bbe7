#include "scrub/internal/block_rules.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace scrub::internal {

const CompiledBlockRule* FirstFiredBlockRule(const CompiledPolicy& policy,
                                             const std::vector<PlacedFinding>& findings) {
  if (policy.block_rules().empty() || findings.empty()) return nullptr;
  absl::flat_hash_set<int> present;
  absl::flat_hash_set<std::pair<int, std::string>> distinct;
  for (const PlacedFinding& f : findings) {
    present.insert(f.rule);
    distinct.insert({f.rule, f.normalized});
  }
  for (const CompiledBlockRule& rule : policy.block_rules()) {
    if (rule.min_distinct_findings > 0) {
      if (distinct.size() >= rule.min_distinct_findings) return &rule;
      continue;
    }
    bool fired = true;
    for (int r : rule.all_of) fired = fired && r >= 0 && present.contains(r);
    if (fired && !rule.any_of.empty()) {
      bool any = false;
      for (int r : rule.any_of) any = any || (r >= 0 && present.contains(r));
      fired = any;
    }
    if (fired) return &rule;
  }
  return nullptr;
}

}  // namespace scrub::internal
