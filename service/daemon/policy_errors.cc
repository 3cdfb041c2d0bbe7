#include "service/daemon/policy_errors.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "scrub/policy.h"

namespace scrub::service {

std::string DescribePolicyError(const absl::Status& status) {
  const std::string code = absl::StatusCodeToString(status.code());
  // Our own self-test names detectors only.
  if (absl::StartsWith(status.message(), "self-test failed: ")) {
    return absl::StrCat(code, ": ", status.message());
  }
  const std::optional<scrub::PolicyErrorLocation> at = scrub::GetPolicyErrorLocation(status);
  if (!at.has_value()) return code;
  switch (at->kind) {
    case scrub::PolicyErrorLocation::Kind::kRead:
      return absl::StrCat(code, ": cannot read the file (", at->read_error, ")");
    case scrub::PolicyErrorLocation::Kind::kParse:
      if (at->line > 0) {
        return absl::StrCat(code, " at line ", at->line, ", column ", at->column);
      }
      return absl::StrCat(code, ": invalid JSON");
    case scrub::PolicyErrorLocation::Kind::kCompile:
      if (!at->field.empty()) return absl::StrCat(code, " in field ", at->field);
      return code;
  }
  return code;
}

}  // namespace scrub::service
