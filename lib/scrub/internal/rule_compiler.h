// The policy's rules (rules[]) applied to the detector catalogue: which
// detectors run, with which action, threshold, redaction text, mask and
// allow list. A detector without a rule runs with the policy's defaults
// (unless only_listed_detectors); a rule may disable one.
#ifndef SCRUB_INTERNAL_RULE_COMPILER_H_
#define SCRUB_INTERNAL_RULE_COMPILER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/allow_list.h"
#include "scrub/internal/detector_catalog.h"
#include "scrub/internal/detector_spec.h"
#include "scrub/internal/policy_defaults.h"

namespace scrub::internal {

// One enabled detector with its policy rule applied.
struct CompiledRule {
  DetectorSpec spec;  // the built-in, custom or dictionary definition
  v1::Action action = kDefaultAction;
  double min_confidence = kDefaultMinConfidence;
  std::string redact_template;  // "{detector}" already substituted
  uint32_t keep_first = kDefaultMaskKeepFirst;
  uint32_t keep_last = kDefaultMaskKeepLast;
  std::string mask_char = kDefaultMaskChar;
  AllowList allow;
  bool is_dictionary = false;
};

struct CompiledRules {
  std::vector<CompiledRule> rules;  // enabled detectors, in catalogue order
  absl::flat_hash_map<std::string, int> by_id;
  bool tokenizes = false;  // some enabled rule (or the default action) tokenizes
};

// `policy` must have its defaults resolved (ResolvePolicyDefaults). Errors
// name the field: `rules[5].detector: unknown detector "CN_MOBIEL"`.
absl::StatusOr<CompiledRules> CompileRules(const v1::Policy& policy,
                                           const DetectorCatalog& catalog);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_RULE_COMPILER_H_
