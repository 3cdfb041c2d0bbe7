#include "service/serving_state.h"

namespace scrub::service {

void ServingState::Attach(grpc::HealthCheckServiceInterface* health) {
  absl::MutexLock lock(&mu_);
  health_ = health;
  PublishLocked();
}

void ServingState::SetSelfTestPassed(bool passed) {
  absl::MutexLock lock(&mu_);
  self_test_passed_ = passed;
  PublishLocked();
}

void ServingState::StartShutdown() {
  absl::MutexLock lock(&mu_);
  shutting_down_ = true;
  PublishLocked();
}

bool ServingState::accepting_scans() const {
  absl::MutexLock lock(&mu_);
  return self_test_passed_;
}

bool ServingState::shutting_down() const {
  absl::MutexLock lock(&mu_);
  return shutting_down_;
}

void ServingState::PublishLocked() {
  if (health_ == nullptr) return;
  const bool serving = self_test_passed_ && !shutting_down_;
  // The specific service first, the overall status last: a client that sees
  // "" change can rely on "scrub.v1.Scrub" having changed already.
  health_->SetServingStatus(kScrubServiceName, serving);
  health_->SetServingStatus("", serving);
}

}  // namespace scrub::service
