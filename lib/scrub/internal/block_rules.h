// Message-level block rules: a count of distinct findings, or a combination
// of detectors (an "identity bundle").
#ifndef SCRUB_INTERNAL_BLOCK_RULES_H_
#define SCRUB_INTERNAL_BLOCK_RULES_H_

#include <vector>

#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/redactor.h"

namespace scrub::internal {

// The first block rule (in policy order) that `findings` satisfy, or null.
const CompiledBlockRule* FirstFiredBlockRule(const CompiledPolicy& policy,
                                             const std::vector<PlacedFinding>& findings);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_BLOCK_RULES_H_
