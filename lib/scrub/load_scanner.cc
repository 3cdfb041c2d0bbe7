#include "scrub/load_scanner.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace scrub {

ScannerFactory ScannerFactoryWith(Scanner::Options options) {
  return [options](const v1::Policy& policy) { return Scanner::Create(policy, options); };
}

absl::StatusOr<std::shared_ptr<const Scanner>> LoadScanner(const PolicySource& source,
                                                           const ScannerFactory& factory) {
  absl::StatusOr<v1::Policy> policy = LoadPolicy(source);
  if (!policy.ok()) return policy.status();
  absl::StatusOr<std::shared_ptr<const Scanner>> scanner =
      factory ? factory(*policy) : Scanner::Create(*policy);
  if (scanner.ok() || source.path.empty()) return scanner;
  // Name the file, as read and parse errors do.
  absl::Status error(scanner.status().code(),
                     absl::StrCat(source.path, ": ", scanner.status().message()));
  if (std::optional<PolicyErrorLocation> at = GetPolicyErrorLocation(scanner.status())) {
    at->path = source.path;
    SetPolicyErrorLocation(*at, &error);
  }
  return error;
}

}  // namespace scrub
