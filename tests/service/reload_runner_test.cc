// SIGHUP's reloads run off the signal thread: a request returns at once
// whatever the reload does, requests during a reload are coalesced, a reload
// that does not finish is reported after the timeout, and stopping does not
// wait for a stuck reload. (std:: synchronization only: the test also runs
// under ThreadSanitizer, which does not see into Debian's abseil.)
#include "service/daemon/reload_runner.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace scrub::service {
namespace {

constexpr auto kWait = std::chrono::seconds(30);  // generous: loaded CI

// What the reloads did, observable from the test. Shared: a reload thread
// that Stop() leaves behind must never touch freed memory.
struct Reloads {
  std::mutex mu;
  std::condition_variable changed;
  int runs = 0;
  int finished = 0;
  bool released = false;  // blocking reloads return once this is set
  std::vector<absl::Duration> timeouts;

  // Waits until pred() holds (with mu held); false after kWait.
  template <typename Pred>
  bool Await(Pred pred) {
    std::unique_lock<std::mutex> lock(mu);
    return changed.wait_for(lock, kWait, pred);
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu);
    released = true;
    changed.notify_all();
  }
};

// A reload that blocks until Release().
std::function<void()> Blocking(std::shared_ptr<Reloads> r) {
  return [r] {
    std::unique_lock<std::mutex> lock(r->mu);
    ++r->runs;
    r->changed.notify_all();
    r->changed.wait(lock, [&] { return r->released; });
    ++r->finished;
    r->changed.notify_all();
  };
}

std::function<void(absl::Duration)> RecordTimeouts(std::shared_ptr<Reloads> r) {
  return [r](absl::Duration d) {
    std::lock_guard<std::mutex> lock(r->mu);
    r->timeouts.push_back(d);
    r->changed.notify_all();
  };
}

TEST(ReloadRunner, RunsARequestedReload) {
  auto r = std::make_shared<Reloads>();
  r->released = true;
  ReloadRunner runner(Blocking(r), nullptr, {});
  runner.Request();
  ASSERT_TRUE(r->Await([&] { return r->finished == 1; }));
  EXPECT_TRUE(runner.Stop(absl::Seconds(30)));
  EXPECT_EQ(r->runs, 1);
}

TEST(ReloadRunner, RequestsDuringABlockedReloadReturnAtOnceAndRunOnceMoreAfterIt) {
  auto r = std::make_shared<Reloads>();
  ReloadRunner runner(Blocking(r), nullptr, {});
  runner.Request();
  ASSERT_TRUE(r->Await([&] { return r->runs == 1; }));
  // The reload is blocked: these must not wait for it (the test would hang).
  runner.Request();
  runner.Request();
  runner.Request();
  r->Release();
  ASSERT_TRUE(r->Await([&] { return r->finished == 2; }));
  EXPECT_TRUE(runner.Stop(absl::Seconds(30)));
  std::lock_guard<std::mutex> lock(r->mu);
  EXPECT_EQ(r->runs, 2) << "three requests during a reload: one more reload";
}

TEST(ReloadRunner, AReloadRunningPastTheTimeoutIsReportedOnce) {
  auto r = std::make_shared<Reloads>();
  ReloadRunner runner(Blocking(r), RecordTimeouts(r),
                      ReloadRunner::Options{absl::Milliseconds(50)});
  runner.Request();
  ASSERT_TRUE(r->Await([&] { return !r->timeouts.empty(); }));
  absl::SleepFor(absl::Milliseconds(200));  // no second report for the same reload
  r->Release();
  EXPECT_TRUE(runner.Stop(absl::Seconds(30)));
  std::lock_guard<std::mutex> lock(r->mu);
  EXPECT_EQ(r->timeouts, std::vector<absl::Duration>{absl::Milliseconds(50)});
}

TEST(ReloadRunner, StopDoesNotWaitForAStuckReload) {
  auto r = std::make_shared<Reloads>();
  {
    ReloadRunner runner(Blocking(r), nullptr, {});
    runner.Request();
    ASSERT_TRUE(r->Await([&] { return r->runs == 1; }));
    EXPECT_FALSE(runner.Stop(absl::Milliseconds(100)));
    runner.Request();  // ignored once stopped
  }  // nor does the destructor wait: Stop() was called
  r->Release();  // the thread left behind ends
  ASSERT_TRUE(r->Await([&] { return r->finished == 1; }));
  absl::SleepFor(absl::Milliseconds(100));
  std::lock_guard<std::mutex> lock(r->mu);
  EXPECT_EQ(r->runs, 1);
}

TEST(ReloadRunner, StopWaitsForARunningReloadToFinish) {
  auto r = std::make_shared<Reloads>();
  ReloadRunner runner(Blocking(r), nullptr, {});
  runner.Request();
  ASSERT_TRUE(r->Await([&] { return r->runs == 1; }));
  std::mutex mu;
  bool stopped = false;
  bool idle = false;
  std::thread stopper([&] {
    const bool i = runner.Stop(absl::Seconds(30));
    std::lock_guard<std::mutex> lock(mu);
    idle = i;
    stopped = true;
  });
  absl::SleepFor(absl::Milliseconds(100));
  {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_FALSE(stopped) << "Stop() returned while the reload still ran";
  }
  r->Release();
  stopper.join();
  EXPECT_TRUE(idle);
  std::lock_guard<std::mutex> lock(r->mu);
  EXPECT_EQ(r->finished, 1);
}

}  // namespace
}  // namespace scrub::service
