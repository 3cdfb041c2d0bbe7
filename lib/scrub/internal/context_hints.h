// Context known about a whole text rather than found near a candidate.
#ifndef SCRUB_INTERNAL_CONTEXT_HINTS_H_
#define SCRUB_INTERNAL_CONTEXT_HINTS_H_

#include <vector>

namespace scrub::internal {

// Context the caller knows about the whole text (e.g. the JSON key it sits
// under: "phone" raises CN_MOBILE, "order_no" is negative context): rules
// treated as if a positive (or negative) context word were near every
// candidate.
struct ContextHints {
  std::vector<int> positive_rules;  // rule indexes whose context is raised
  bool negative = false;            // every rule's negative context applies
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_CONTEXT_HINTS_H_
