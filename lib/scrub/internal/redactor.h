// Applies the policy's actions to the original text.
//
// Overlapping findings form a group whose union span gets the group's most
// protective action (BLOCK > REDACT > TOKENIZE > MASK > REPORT), chosen from
// the finding with that action and the highest confidence (then the longest
// span). Bytes outside every modified group are copied unchanged.
#ifndef SCRUB_INTERNAL_REDACTOR_H_
#define SCRUB_INTERNAL_REDACTOR_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/placed_finding.h"

namespace scrub::internal {

struct Redaction {
  // Per finding, the action applied (its group's action).
  std::vector<v1::Action> applied;
  // Index of a finding whose action is BLOCK, or -1.
  int blocking_finding = -1;
  // True when some group rewrote text.
  bool modified = false;
  // The rewritten text (only when modified and not blocked).
  std::string output;
  // Not OK when an action could not be applied (a token could not be
  // computed): the caller must fail closed, `output` is then empty.
  absl::Status error;
};

// Rank of an action in the protection order (higher wins).
int ActionRank(v1::Action action);

// `findings` sorted by start. Never throws; never reads outside `original`.
// Overwrites every field of `*r`, reusing its buffers (a scan's scratch).
void ApplyActions(const CompiledPolicy& policy, absl::string_view original,
                  const std::vector<PlacedFinding>& findings, Redaction* r);

// MASK: keeps the first `keep_first` and last `keep_last` significant
// characters of `span` and replaces the other significant characters with
// `mask_char`; separators (spaces, dashes, dots, parentheses, slashes, '@',
// their full-width forms and zero-width characters) stay in place.
std::string MaskSpan(absl::string_view span, uint32_t keep_first, uint32_t keep_last,
                     absl::string_view mask_char);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REDACTOR_H_
