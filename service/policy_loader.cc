#include "service/policy_loader.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "scrub/policy.h"

namespace scrub::service {
namespace {

// A protobuf field path such as "rules[5].detector" or "limits.max_json_depth".
bool IsFieldPath(absl::string_view s) {
  if (s.empty() || !absl::ascii_islower(s[0])) return false;
  for (char c : s) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_' || c == '.' ||
          c == '[' || c == ']')) {
      return false;
    }
  }
  return true;
}

}  // namespace

void LimitOverrides::ApplyTo(v1::Policy* policy) const {
  v1::Limits* limits = policy->mutable_limits();
  if (max_message_bytes > 0) limits->set_max_message_bytes(max_message_bytes);
  if (max_messages_per_batch > 0)
    limits->set_max_messages_per_batch(max_messages_per_batch);
  if (max_batch_bytes > 0) limits->set_max_batch_bytes(max_batch_bytes);
}

absl::StatusOr<v1::Policy> LoadEffectivePolicy(const std::string& path,
                                               const LimitOverrides& limits) {
  v1::Policy policy;
  if (path.empty()) {
    policy = scrub::DefaultPolicy();
  } else {
    absl::StatusOr<v1::Policy> loaded = scrub::LoadPolicyFile(path);
    if (!loaded.ok()) return loaded.status();
    policy = *std::move(loaded);
  }
  limits.ApplyTo(&policy);
  return policy;
}

std::string DescribePolicyError(const absl::Status& status) {
  const std::string code = absl::StatusCodeToString(status.code());
  absl::string_view message = status.message();
  // Our own self-test names detectors only.
  if (absl::StartsWith(message, "self-test failed: "))
    return absl::StrCat(code, ": ", message);
  // A file that cannot be read: "<path>: cannot read: <reason>", the reason
  // from errno or ReadRegularFile. (Parse errors are INVALID_ARGUMENT and may
  // quote the file, so they never take this branch.)
  if (const size_t at = message.find(": cannot read: ");
      status.code() != absl::StatusCode::kInvalidArgument && at != absl::string_view::npos) {
    return absl::StrCat(code, ": cannot read the file (",
                        message.substr(at + sizeof(": cannot read: ") - 1), ")");
  }
  if (absl::StrContains(message, ": invalid JSON policy: ")) {
    return absl::StrCat(code, ": invalid JSON");
  }
  const absl::string_view first = message.substr(0, message.find(": "));
  // Text-format parse errors start "<path>:<line>:<column>".
  const std::vector<absl::string_view> fields = absl::StrSplit(first, ':');
  int line = 0, column = 0;
  if (fields.size() >= 3 && absl::SimpleAtoi(fields[fields.size() - 2], &line) &&
      absl::SimpleAtoi(fields[fields.size() - 1], &column)) {
    return absl::StrCat(code, " at line ", line, ", column ", column);
  }
  // Compile errors start with the field path.
  if (IsFieldPath(first)) return absl::StrCat(code, " in field ", first);
  return code;
}

}  // namespace scrub::service
