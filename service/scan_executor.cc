#include "service/scan_executor.h"

#include <algorithm>
#include <utility>

namespace scrub::service {

ScanExecutor::ScanExecutor(Options options)
    : options_(options), slots_(std::max(1, options.threads)) {
  threads_.reserve(slots_);
  for (int i = 0; i < slots_; ++i) threads_.emplace_back([this] { Run(); });
}

ScanExecutor::~ScanExecutor() { Shutdown(); }

bool ScanExecutor::TrySubmit(Task task) {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) return false;
    const bool run_here = options_.run_inline_when_idle && running_ < slots_ &&
                          !inline_running_ && queue_.empty();
    if (!run_here) {
      if (queue_.size() >= std::max<size_t>(1, options_.max_queued)) return false;
      queue_.push_back(std::move(task));
      return true;
    }
    ++running_;
    inline_running_ = true;
  }
  thread_local scrub::Scratch scratch;
  task(&scratch);
  absl::MutexLock lock(&mu_);
  --running_;
  inline_running_ = false;
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

bool ScanExecutor::PoolMayRun() const {
  return (!queue_.empty() && running_ < slots_) || (stopping_ && queue_.empty());
}

void ScanExecutor::Run() {
  scrub::Scratch scratch;
  for (;;) {
    Task task;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(this, &ScanExecutor::PoolMayRun));
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    task(&scratch);
    absl::MutexLock lock(&mu_);
    --running_;
  }
}

}  // namespace scrub::service
