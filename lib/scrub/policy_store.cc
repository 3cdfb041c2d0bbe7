#include "scrub/policy_store.h"

#include <utility>


namespace scrub {

PolicyStore::PolicyStore(std::shared_ptr<const Scanner> initial, ScannerFactory factory)
    : factory_(std::move(factory)), current_(std::move(initial)) {}

std::shared_ptr<const Scanner> PolicyStore::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

absl::Status PolicyStore::Reload(const v1::Policy& policy, const AcceptCheck& accept) {
  return Swap(factory_ ? factory_(policy) : Scanner::Create(policy), accept);
}

absl::Status PolicyStore::ReloadFrom(const PolicySource& source, const AcceptCheck& accept) {
  return Swap(LoadScanner(source, factory_), accept);
}

absl::Status PolicyStore::Swap(absl::StatusOr<std::shared_ptr<const Scanner>> scanner,
                               const AcceptCheck& accept) {
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

uint64_t PolicyStore::reloads_ok() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reloads_ok_;
}

uint64_t PolicyStore::reloads_failed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reloads_failed_;
}

}  // namespace scrub
