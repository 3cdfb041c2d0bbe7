// The bound on what all calls together hold: requests are refused beyond
// it, responses are always added, and a request alone is never refused.
#include "service/inflight_bytes.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace scrub::service {
namespace {

TEST(InflightBytes, RequestsAreReservedUpToTheLimitAndRefusedBeyond) {
  InflightBytes inflight(100);
  EXPECT_TRUE(inflight.TryReserve(60));
  EXPECT_TRUE(inflight.TryReserve(40));
  EXPECT_EQ(inflight.held(), 100u);
  EXPECT_FALSE(inflight.TryReserve(1));
  EXPECT_EQ(inflight.held(), 100u) << "a refused request holds nothing";
  inflight.Release(40);
  EXPECT_TRUE(inflight.TryReserve(40));
}

TEST(InflightBytes, ARequestLargerThanTheLimitIsAdmittedOnlyWhenNothingIsHeld) {
  InflightBytes inflight(100);
  EXPECT_TRUE(inflight.TryReserve(500));
  EXPECT_FALSE(inflight.TryReserve(1));
  inflight.Release(500);
  EXPECT_TRUE(inflight.TryReserve(1));
  EXPECT_FALSE(inflight.TryReserve(500));
}

TEST(InflightBytes, ResponsesAreAddedOverTheLimitAndRequestsWaitUntilItDrops) {
  InflightBytes inflight(100);
  ASSERT_TRUE(inflight.TryReserve(90));
  inflight.Add(90);  // its response: the scan is done, it is never refused
  EXPECT_EQ(inflight.held(), 180u);
  EXPECT_FALSE(inflight.TryReserve(1));
  inflight.Release(180);
  EXPECT_EQ(inflight.held(), 0u);
  EXPECT_TRUE(inflight.TryReserve(100));
}

TEST(InflightBytes, ConcurrentCallsNeverHoldMoreThanTheLimitInRequests) {
  constexpr uint64_t kLimit = 1000;
  InflightBytes inflight(kLimit);
  ASSERT_TRUE(inflight.TryReserve(1));  // so the alone-rule never applies
  std::vector<std::thread> threads;
  std::atomic<bool> over{false};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20000; ++i) {
        if (inflight.TryReserve(100)) {
          if (inflight.held() > kLimit) over = true;
          inflight.Release(100);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_FALSE(over.load());
  EXPECT_EQ(inflight.held(), 1u);
}

}  // namespace
}  // namespace scrub::service
