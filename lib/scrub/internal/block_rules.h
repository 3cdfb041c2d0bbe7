// Message-level block rules (block_rules[]): a count of distinct findings,
// or a combination of detectors (an "identity bundle").
#ifndef SCRUB_INTERNAL_BLOCK_RULES_H_
#define SCRUB_INTERNAL_BLOCK_RULES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/placed_finding.h"

namespace scrub::internal {

// A block rule with detector ids resolved to rule indexes (-1: a detector
// that is disabled in this policy, which can never be present).
struct CompiledBlockRule {
  std::string name;
  uint32_t min_distinct_findings = 0;  // 0: a combination rule
  std::vector<int> all_of;
  std::vector<int> any_of;
};

// Validates and compiles the policy's block rules. `is_detector` says
// whether an id names a detector of the catalogue, `rule_index` gives its
// rule index (-1 when disabled). Errors name the field:
//   block_rules[0].combination.all_of[1]: unknown detector "X"
absl::StatusOr<std::vector<CompiledBlockRule>> CompileBlockRules(
    const v1::Policy& policy, const std::function<bool(absl::string_view)>& is_detector,
    const std::function<int(absl::string_view)>& rule_index);

// The first block rule (in policy order) that `findings` satisfy, or null.
const CompiledBlockRule* FirstFiredBlockRule(const std::vector<CompiledBlockRule>& rules,
                                             const std::vector<PlacedFinding>& findings);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_BLOCK_RULES_H_
