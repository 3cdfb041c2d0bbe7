#include "service/scan_executor.h"

#include <algorithm>
#include <utility>

namespace scrub::service {

ScanExecutor::ScanExecutor(Options options) : options_(options) {
  const int n = std::max(1, options_.threads);
  threads_.reserve(n);
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { Run(); });
}

ScanExecutor::~ScanExecutor() { Shutdown(); }

bool ScanExecutor::TrySubmit(Task task) {
  absl::MutexLock lock(&mu_);
  if (stopping_ || queue_.size() >= std::max<size_t>(1, options_.max_queued)) {
    return false;
  }
  queue_.push_back(std::move(task));
  return true;
}

void ScanExecutor::Shutdown() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

size_t ScanExecutor::queued() const {
  absl::MutexLock lock(&mu_);
  return queue_.size();
}

bool ScanExecutor::HasWorkOrStopping() const { return stopping_ || !queue_.empty(); }

void ScanExecutor::Run() {
  scrub::Scratch scratch;
  for (;;) {
    Task task;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(this, &ScanExecutor::HasWorkOrStopping));
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task(&scratch);
  }
}

}  // namespace scrub::service
