// Compiled allow lists: values that are never findings.
#ifndef SCRUB_INTERNAL_ALLOW_LIST_H_
#define SCRUB_INTERNAL_ALLOW_LIST_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "re2/re2.h"
#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

class AllowList {
 public:
  // Compiles `list`; `field` names it in errors ("allow", "rules[2].allow").
  static absl::StatusOr<AllowList> Compile(const v1::AllowList& list,
                                           absl::string_view field);

  AllowList() = default;
  AllowList(AllowList&&) = default;
  AllowList& operator=(AllowList&&) = default;

  bool empty() const { return exact_[0].empty() && patterns_.empty(); }

  // True when `value` (a finding's view text, normalised to `form`) is
  // allowed: equal to a listed value normalised the same way, or fully
  // matched by a listed pattern.
  bool Allows(absl::string_view normalized, ValueForm form) const;

 private:
  // Listed values normalised by each ValueForm, so that a value compares in
  // the form of the detector that found it.
  absl::flat_hash_set<std::string> exact_[3];
  std::vector<std::unique_ptr<RE2>> patterns_;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_ALLOW_LIST_H_
