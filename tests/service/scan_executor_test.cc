// ScanExecutor: inline when idle, queued when the slots are busy, refused
// when the queue is full; queued scans still run at shutdown.
#include "service/scan_executor.h"

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace scrub::service {
namespace {

TEST(ScanExecutorTest, RunsOnTheSubmittingThreadWhenIdle) {
  ScanExecutor executor(ScanExecutor::Options{1, 4});
  std::thread::id ran_on;
  ASSERT_TRUE(executor.TrySubmit([&](scrub::Scratch* s) {
    EXPECT_NE(s, nullptr);
    ran_on = std::this_thread::get_id();
  }));
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(ScanExecutorTest, WithoutInlineEveryScanRunsOnAPoolThread) {
  ScanExecutor executor(ScanExecutor::Options{1, 4, /*run_inline_when_idle=*/false});
  absl::Notification done;
  std::thread::id ran_on;
  ASSERT_TRUE(executor.TrySubmit([&](scrub::Scratch*) {
    ran_on = std::this_thread::get_id();
    done.Notify();
  }));
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(ScanExecutorTest, BusySlotsQueueAndAFullQueueRefuses) {
  ScanExecutor executor(ScanExecutor::Options{1, 2});
  absl::Notification started, release;
  // Holds the only slot, inline, on another thread.
  std::thread holder([&] {
    EXPECT_TRUE(executor.TrySubmit([&](scrub::Scratch*) {
      started.Notify();
      release.WaitForNotification();
    }));
  });
  ASSERT_TRUE(started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  std::atomic<int> ran{0};
  const std::thread::id self = std::this_thread::get_id();
  auto task = [&](scrub::Scratch*) {
    EXPECT_NE(std::this_thread::get_id(), self) << "a queued scan runs on the pool";
    ++ran;
  };
  EXPECT_TRUE(executor.TrySubmit(task));
  EXPECT_TRUE(executor.TrySubmit(task));
  EXPECT_EQ(executor.queued(), 2u);
  EXPECT_FALSE(executor.TrySubmit(task)) << "queue full: refused";
  EXPECT_EQ(ran.load(), 0) << "no slot was free";
  release.Notify();
  holder.join();
  executor.Shutdown();
  EXPECT_EQ(ran.load(), 2);
}

TEST(ScanExecutorTest, ShutdownRunsQueuedScansAndRefusesNewOnes) {
  std::atomic<int> ran{0};
  ScanExecutor executor(ScanExecutor::Options{1, 8, /*run_inline_when_idle=*/false});
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(executor.TrySubmit([&](scrub::Scratch*) { ++ran; }));
  }
  executor.Shutdown();
  EXPECT_EQ(ran.load(), 5);
  EXPECT_FALSE(executor.TrySubmit([&](scrub::Scratch*) { ++ran; }));
  executor.Shutdown();  // idempotent
}

}  // namespace
}  // namespace scrub::service
