#include "scrub/policy_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "scrub/policy.h"

namespace scrub {

PolicyStore::PolicyStore(std::shared_ptr<const Scanner> initial, Scanner::Options options)
    : options_(std::move(options)), current_(std::move(initial)) {}

std::shared_ptr<const Scanner> PolicyStore::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

absl::Status PolicyStore::Reload(const v1::Policy& policy, const AcceptCheck& accept) {
  auto scanner = Scanner::Create(policy, options_);
  absl::Status status = scanner.status();
  if (status.ok() && accept) status = accept(**scanner);
  std::lock_guard<std::mutex> lock(mu_);
  if (!status.ok()) {
    ++reloads_failed_;
    return status;
  }
  current_ = *std::move(scanner);
  ++reloads_ok_;
  return absl::OkStatus();
}

absl::Status PolicyStore::ReloadFromFile(const std::string& path) {
  auto policy = LoadPolicyFile(path);
  if (!policy.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    ++reloads_failed_;
    return policy.status();
  }
  absl::Status s = Reload(*policy);
  if (!s.ok()) return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
  return s;
}

uint64_t PolicyStore::reloads_ok() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reloads_ok_;
}

uint64_t PolicyStore::reloads_failed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reloads_failed_;
}

}  // namespace scrub
