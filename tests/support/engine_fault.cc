#include "tests/support/engine_fault.h"

#include <utility>

#include "scrub/internal/engine_fault_for_testing.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {

ScannerFactory EngineFault::Factory() {
  return [this](const v1::Policy& policy) { return Create(policy); };
}

absl::StatusOr<std::shared_ptr<const Scanner>> EngineFault::Create(
    const v1::Policy& policy) {
  return internal::CreateScannerWithEngineFault(policy, TestOptions(),
                                                [this] { return Hook(); });
}

absl::Status EngineFault::Hook() {
  absl::MutexLock lock(&mu_);
  ++scans_;
  ++waiting_;
  mu_.Await(absl::Condition(&gate_open_));
  --waiting_;
  return fault_;
}

void EngineFault::SetFailing(bool failing) {
  FailWith(failing ? absl::InternalError("injected engine fault") : absl::OkStatus());
}

void EngineFault::FailWith(absl::Status fault) {
  absl::MutexLock lock(&mu_);
  fault_ = std::move(fault);
}

void EngineFault::CloseGate() {
  absl::MutexLock lock(&mu_);
  gate_open_ = false;
}

void EngineFault::OpenGate() {
  absl::MutexLock lock(&mu_);
  gate_open_ = true;
}

bool EngineFault::AwaitWaiting(int n, absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto enough = [this, n]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !gate_open_ && waiting_ >= n;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&enough), timeout);
}

int EngineFault::scans() const {
  absl::MutexLock lock(&mu_);
  return scans_;
}

absl::StatusOr<std::shared_ptr<const Scanner>> ScannerFailingWith(const v1::Policy& policy,
                                                                   absl::Status fault) {
  return internal::CreateScannerWithEngineFault(policy, TestOptions(),
                                                [fault] { return fault; });
}

}  // namespace scrub::testing
