#include "scrub/internal/block_rules.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/policy_defaults.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {

absl::StatusOr<std::vector<CompiledBlockRule>> CompileBlockRules(
    const v1::Policy& p, const std::function<bool(absl::string_view)>& is_detector,
    const std::function<int(absl::string_view)>& rule_index) {
  std::vector<CompiledBlockRule> out;
  for (int i = 0; i < p.block_rules_size(); ++i) {
    const std::string field = absl::StrCat("block_rules[", i, "]");
    const v1::BlockRule& b = p.block_rules(i);
    if (b.name().empty() || !IsValidUtf8(b.name())) {
      return FieldError(absl::StrCat(field, ".name"), "required (valid UTF-8)");
    }
    CompiledBlockRule rule;
    rule.name = b.name();
    switch (b.condition_case()) {
      case v1::BlockRule::kMinDistinctFindings:
        if (b.min_distinct_findings() == 0) {
          return FieldError(absl::StrCat(field, ".min_distinct_findings"),
                            "must be at least 1");
        }
        rule.min_distinct_findings = b.min_distinct_findings();
        break;
      case v1::BlockRule::kCombination: {
        const v1::DetectorCombination& c = b.combination();
        if (c.all_of().empty() && c.any_of().empty()) {
          return FieldError(absl::StrCat(field, ".combination"),
                            "needs all_of or any_of");
        }
        auto resolve = [&](absl::string_view list, int j,
                           absl::string_view id) -> absl::StatusOr<int> {
          if (!is_detector(id)) {
            return FieldError(absl::StrCat(field, ".combination.", list, "[", j, "]"),
                              absl::StrCat("unknown detector \"", id, "\""));
          }
          return rule_index(id);
        };
        for (int j = 0; j < c.all_of_size(); ++j) {
          auto idx = resolve("all_of", j, c.all_of(j));
          if (!idx.ok()) return idx.status();
          rule.all_of.push_back(*idx);
        }
        for (int j = 0; j < c.any_of_size(); ++j) {
          auto idx = resolve("any_of", j, c.any_of(j));
          if (!idx.ok()) return idx.status();
          rule.any_of.push_back(*idx);
        }
        break;
      }
      default:
        return FieldError(absl::StrCat(field, ".condition"),
                          "set min_distinct_findings or combination");
    }
    out.push_back(std::move(rule));
  }

  return out;
}

const CompiledBlockRule* FirstFiredBlockRule(const std::vector<CompiledBlockRule>& rules,
                                             const std::vector<PlacedFinding>& findings) {
  if (rules.empty() || findings.empty()) return nullptr;
  absl::flat_hash_set<int> present;
  absl::flat_hash_set<std::pair<int, std::string>> distinct;
  for (const PlacedFinding& f : findings) {
    present.insert(f.rule);
    distinct.insert({f.rule, f.normalized});
  }
  for (const CompiledBlockRule& rule : rules) {
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
