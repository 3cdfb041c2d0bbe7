// host:port as every daemon flag and log line reads it.
#include "service/daemon/host_port.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace scrub::service {
namespace {

TEST(ParseHostPort, SplitsAtTheLastColon) {
  absl::StatusOr<HostPort> v4 = ParseHostPort("127.0.0.1:9464");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9464);
  absl::StatusOr<HostPort> v6 = ParseHostPort("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "[::1]");
  EXPECT_EQ(v6->port, 0);
}

TEST(ParseHostPort, RefusesAMissingHostOrABadPort) {
  for (const char* bad : {"9464", ":9464", "host:", "host:65536", "host:-1", "host:x"}) {
    EXPECT_EQ(ParseHostPort(bad).status(),
              absl::InvalidArgumentError(absl::StrCat("expected host:port, got \"", bad, "\"")))
        << bad;
  }
}

TEST(HostPort, LoopbackHostsAreKnown) {
  EXPECT_EQ(HostOf("127.0.0.1:50051"), "127.0.0.1");
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_TRUE(IsLoopback("[::1]"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("10.0.0.1"));
}

}  // namespace
}  // namespace scrub::service
