// A finding placed in the original text: what the find stage hands to the
// actions (redactor), the block rules and Decide().
#ifndef SCRUB_INTERNAL_PLACED_FINDING_H_
#define SCRUB_INTERNAL_PLACED_FINDING_H_

#include <cstddef>
#include <string>

namespace scrub::internal {

struct PlacedFinding {
  int rule = 0;      // index into CompiledPolicy::rules()
  size_t start = 0;  // original byte offsets
  size_t end = 0;
  double confidence = 0;
  // The value in its detector's normal form; empty unless the policy
  // needs_normalized_values().
  std::string normalized;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_PLACED_FINDING_H_
