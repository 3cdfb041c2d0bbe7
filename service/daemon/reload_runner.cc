#include "service/daemon/reload_runner.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace scrub::service {

// std::mutex rather than absl::Mutex: ThreadSanitizer sees through
// libstdc++'s (Debian's abseil is not instrumented).
struct ReloadRunner::State {
  std::mutex mu;
  std::condition_variable changed;
  bool pending = false;   // guarded by mu
  bool running = false;   // guarded by mu
  bool stopping = false;  // guarded by mu
};

namespace {

// Waits on `cv` until `done()` or `timeout`; the result of done().
template <typename Done>
bool WaitFor(std::condition_variable& cv, std::unique_lock<std::mutex>& lock,
             absl::Duration timeout, Done done) {
  if (timeout == absl::InfiniteDuration()) {
    cv.wait(lock, done);
    return true;
  }
  return cv.wait_for(lock, absl::ToChronoNanoseconds(timeout), done);
}

}  // namespace

ReloadRunner::ReloadRunner(std::function<void()> reload,
                           std::function<void(absl::Duration)> on_timeout,
                           Options options)
    : reload_(std::move(reload)),
      on_timeout_(std::move(on_timeout)),
      options_(options),
      state_(std::make_shared<State>()),
      supervisor_([this] { Supervise(); }) {}

ReloadRunner::~ReloadRunner() {
  if (!stopped_) Stop(absl::InfiniteDuration());
}

void ReloadRunner::Request() {
  std::lock_guard<std::mutex> lock(state_->mu);
  if (state_->stopping) return;
  state_->pending = true;
  state_->changed.notify_all();
}

void ReloadRunner::Supervise() {
  State& s = *state_;
  std::unique_lock<std::mutex> lock(s.mu);
  const auto finished = [&s] { return !s.running || s.stopping; };
  for (;;) {
    s.changed.wait(lock, [&s] { return s.pending || s.stopping; });
    if (s.stopping) return;
    s.pending = false;
    s.running = true;
    // Detached: a reload blocked in the kernel cannot be joined, and must
    // not keep the process from stopping.
    std::thread([state = state_, reload = reload_] {
      reload();
      std::lock_guard<std::mutex> done(state->mu);
      state->running = false;
      state->changed.notify_all();
    }).detach();
    if (!WaitFor(s.changed, lock, options_.timeout, finished)) {
      lock.unlock();
      if (on_timeout_) on_timeout_(options_.timeout);
      lock.lock();
      s.changed.wait(lock, finished);
    }
    if (s.stopping) return;
  }
}

bool ReloadRunner::Stop(absl::Duration wait) {
  stopped_ = true;
  bool idle = false;
  {
    std::unique_lock<std::mutex> lock(state_->mu);
    state_->stopping = true;
    state_->pending = false;
    state_->changed.notify_all();
    idle = WaitFor(state_->changed, lock, wait, [this] { return !state_->running; });
  }
  if (supervisor_.joinable()) supervisor_.join();
  return idle;
}

}  // namespace scrub::service
