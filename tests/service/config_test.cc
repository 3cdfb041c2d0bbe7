// scrubd's configuration: --listen parsing, flags into ScrubdConfig (errors
// name the flag), limit overrides, and policy errors described without data.
#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "service/daemon/daemon_start.h"
#include "service/flags.h"
#include "service/listen_address.h"
#include "service/daemon/policy_errors.h"
#include "tests/service/scrubd_process.h"

ABSL_DECLARE_FLAG(std::string, listen);
ABSL_DECLARE_FLAG(std::string, audit_log);
ABSL_DECLARE_FLAG(std::string, audit_key_file);
ABSL_DECLARE_FLAG(std::string, tls_cert);
ABSL_DECLARE_FLAG(std::string, tls_client_ca);
ABSL_DECLARE_FLAG(std::string, metrics_listen);
ABSL_DECLARE_FLAG(int, scan_threads);
ABSL_DECLARE_FLAG(uint64_t, max_batch_bytes);
ABSL_DECLARE_FLAG(absl::Duration, drain_timeout);
ABSL_DECLARE_FLAG(absl::Duration, reload_timeout);
ABSL_DECLARE_FLAG(uint64_t, max_inflight_bytes);

namespace scrub::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ListenAddressTest, ParsesUnixSocketsAndHostPorts) {
  auto a = ParseListenAddresses("unix:///run/scrub/scrub.sock, 127.0.0.1:50051,[::1]:0");
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_EQ(a->size(), 3u);
  EXPECT_EQ((*a)[0].kind, ListenAddress::kUnix);
  EXPECT_EQ((*a)[0].path, "/run/scrub/scrub.sock");
  EXPECT_EQ((*a)[0].target, "unix:/run/scrub/scrub.sock");
  EXPECT_EQ((*a)[1].kind, ListenAddress::kTcp);
  EXPECT_EQ((*a)[1].target, "127.0.0.1:50051");
  EXPECT_EQ((*a)[2].target, "[::1]:0");
  auto b = ParseListenAddresses("unix:/tmp/a.sock");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)[0].path, "/tmp/a.sock");
}

TEST(ListenAddressTest, ErrorsNameTheEntry) {
  struct Case {
    const char* list;
    const char* error;
  } cases[] = {
      {"localhost", "--listen entry 1 \"localhost\": expected host:port or unix:///path"},
      {"127.0.0.1:1,:80", "--listen entry 2 \":80\": expected host:port or unix:///path"},
      {"127.0.0.1:70000", "--listen entry 1 \"127.0.0.1:70000\": expected host:port"},
      {"unix://relative.sock", "needs an absolute path"},
      {"127.0.0.1:1,", "--listen entry 2 \"\": empty entry"},
  };
  for (const Case& c : cases) {
    auto a = ParseListenAddresses(c.list);
    ASSERT_FALSE(a.ok()) << c.list;
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(a.status().message()), HasSubstr(c.error)) << c.list;
  }
  const std::string long_path = "unix:///tmp/" + std::string(100, 'x') + ".sock";
  auto a = ParseListenAddresses(long_path);
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(std::string(a.status().message()),
              HasSubstr("unix socket path has 110 bytes; the limit is 107"));
}

class FlagsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    absl::SetFlag(&FLAGS_listen, "unix:///tmp/scrubd.sock");
    absl::SetFlag(&FLAGS_audit_log, "");
    absl::SetFlag(&FLAGS_audit_key_file, "");
    absl::SetFlag(&FLAGS_tls_cert, "");
    absl::SetFlag(&FLAGS_tls_client_ca, "");
    absl::SetFlag(&FLAGS_metrics_listen, "");
    absl::SetFlag(&FLAGS_scan_threads, 0);
    absl::SetFlag(&FLAGS_max_batch_bytes, 0);
    absl::SetFlag(&FLAGS_drain_timeout, absl::Seconds(10));
    absl::SetFlag(&FLAGS_reload_timeout, absl::Seconds(30));
    absl::SetFlag(&FLAGS_max_inflight_bytes, uint64_t{256} << 20);
  }
};

TEST_F(FlagsTest, DefaultsGiveAUnixSocketAndTheDefaultPolicy) {
  auto c = ConfigFromFlags();
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->server.listen.size(), 1u);
  EXPECT_EQ(c->server.listen[0].path, "/tmp/scrubd.sock");
  EXPECT_EQ(c->policy.path, "");
  EXPECT_EQ(c->server.max_concurrent_streams, 100);
  EXPECT_EQ(c->server.max_queued_scans, 1024u);
  EXPECT_EQ(c->server.deadline_margin, absl::Milliseconds(2));
  EXPECT_EQ(c->drain_timeout, absl::Seconds(10));
  EXPECT_EQ(c->reload_timeout, absl::Seconds(30));
  EXPECT_EQ(c->server.max_inflight_bytes, uint64_t{256} << 20);
  EXPECT_EQ(c->metrics_listen, "");
  EXPECT_EQ(c->audit.path, "");
}

TEST_F(FlagsTest, ValuesAreCarriedIntoTheConfig) {
  absl::SetFlag(&FLAGS_listen, "127.0.0.1:0,unix:///tmp/x.sock");
  absl::SetFlag(&FLAGS_scan_threads, 3);
  absl::SetFlag(&FLAGS_max_batch_bytes, 4096);
  absl::SetFlag(&FLAGS_drain_timeout, absl::Seconds(3));
  absl::SetFlag(&FLAGS_metrics_listen, "127.0.0.1:9464");
  auto c = ConfigFromFlags();
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->server.listen.size(), 2u);
  EXPECT_EQ(c->server.scan_threads, 3);
  EXPECT_EQ(c->policy.limits.max_batch_bytes, 4096u);
  EXPECT_EQ(c->drain_timeout, absl::Seconds(3));
  EXPECT_EQ(c->metrics_listen, "127.0.0.1:9464");
}

TEST_F(FlagsTest, ErrorsNameTheFlag) {
  absl::SetFlag(&FLAGS_audit_log, "/tmp/audit.jsonl");
  EXPECT_EQ(ConfigFromFlags().status().message(),
            "--audit_log: needs --audit_key_file (digests are keyed)");
  TearDown();
  absl::SetFlag(&FLAGS_tls_cert, "/tmp/cert.pem");
  EXPECT_EQ(ConfigFromFlags().status().message(), "--tls_cert: needs --tls_key");
  TearDown();
  absl::SetFlag(&FLAGS_tls_client_ca, "/tmp/ca.pem");
  EXPECT_EQ(ConfigFromFlags().status().message(),
            "--tls_client_ca: needs --tls_cert and --tls_key");
  TearDown();
  absl::SetFlag(&FLAGS_scan_threads, -1);
  EXPECT_EQ(ConfigFromFlags().status().message(), "--scan_threads: must be in [0, 1024]");
  TearDown();
  absl::SetFlag(&FLAGS_metrics_listen, "9464");
  EXPECT_EQ(ConfigFromFlags().status().message(),
            "--metrics_listen: expected host:port, got \"9464\"");
  TearDown();
  absl::SetFlag(&FLAGS_drain_timeout, absl::Seconds(-1));
  EXPECT_EQ(ConfigFromFlags().status().message(),
            "--drain_timeout: must be a finite, non-negative duration");
  TearDown();
  absl::SetFlag(&FLAGS_reload_timeout, absl::ZeroDuration());
  EXPECT_EQ(ConfigFromFlags().status().message(), "--reload_timeout: must be positive");
  TearDown();
  absl::SetFlag(&FLAGS_max_inflight_bytes, 1000);
  EXPECT_EQ(ConfigFromFlags().status().message(),
            "--max_inflight_bytes: must be at least 1 MiB");
}

TEST(PolicyFlagTest, AnEmptyValueIsRefusedNotTheDefault) {
  auto check = [](std::vector<std::string> args) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    return CheckPolicyFlagNotEmpty(argv);
  };
  EXPECT_EQ(check({"scrubd", "--policy="}),
            absl::InvalidArgumentError(
                "--policy: needs a FILE (omit the flag for the built-in default)"));
  EXPECT_FALSE(check({"scrubd", "-policy="}).ok());
  EXPECT_FALSE(check({"scrubd", "--policy", ""}).ok());
  EXPECT_TRUE(check({"scrubd"}).ok());
  EXPECT_TRUE(check({"scrubd", "--policy=/etc/scrub/p.textproto"}).ok());
  EXPECT_TRUE(check({"scrubd", "--policy", "p.textproto"}).ok());
}

TEST(PolicyLoaderTest, LimitOverridesReplaceOnlyTheGivenLimits) {
  scrub::LimitOverrides limits;
  limits.max_batch_bytes = 1000;
  auto p = scrub::LoadPolicy({"", limits});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->name(), "scrub-default");
  EXPECT_EQ(p->limits().max_batch_bytes(), 1000u);
  EXPECT_EQ(p->limits().max_message_bytes(),
            scrub::DefaultPolicy().limits().max_message_bytes());
}

TEST(PolicyLoaderTest, FileLimitsAreOverridden) {
  const std::string path = scrub::testing::TestTempDir() + "/limits.textproto";
  scrub::testing::WriteFile(
      path, "name: \"p\"\nlimits { max_message_bytes: 10 max_batch_bytes: 20 }\n");
  scrub::LimitOverrides limits;
  limits.max_message_bytes = 99;
  auto p = scrub::LoadPolicy({path, limits});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name(), "p");
  EXPECT_EQ(p->limits().max_message_bytes(), 99u);
  EXPECT_EQ(p->limits().max_batch_bytes(), 20u);
}

TEST(PolicyLoaderTest, ErrorsAreDescribedWithoutPolicyContent) {
  const std::string secret = "13900001111";
  const std::string path = scrub::testing::TestTempDir() + "/bad.textproto";

  // A syntax error whose parser message would echo the token.
  scrub::testing::WriteFile(path, "name: \"p\"\nallow { values: " + secret + " }\n");
  auto p = scrub::LoadPolicy({path, {}});
  ASSERT_FALSE(p.ok());
  ASSERT_THAT(std::string(p.status().message()), HasSubstr(secret))
      << "precondition: the raw error quotes the file";
  EXPECT_EQ(DescribePolicyError(p.status()), "INVALID_ARGUMENT at line 2, column 17");

  // A compile error quoting a bad pattern.
  v1::Policy policy = scrub::DefaultPolicy();
  v1::CustomDetector* d = policy.add_custom_detectors();
  d->set_id("SECRET");
  d->set_pattern("(" + secret);
  auto scanner = scrub::Scanner::Create(policy);
  ASSERT_FALSE(scanner.ok());
  const std::string described = DescribePolicyError(scanner.status());
  EXPECT_THAT(described, HasSubstr("INVALID_ARGUMENT in field custom_detectors[0]"));
  EXPECT_THAT(described, Not(HasSubstr(secret)));

  EXPECT_EQ(
      DescribePolicyError(scrub::LoadPolicy({"/nonexistent/p.textproto", {}}).status()),
      "NOT_FOUND: cannot read the file (No such file or directory)");
  scrub::testing::WriteFile(scrub::testing::TestTempDir() + "/bad.json",
                            "{\"name\": " + secret + "x}");
  auto json = scrub::LoadPolicy({scrub::testing::TestTempDir() + "/bad.json", {}});
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(DescribePolicyError(json.status()), "INVALID_ARGUMENT: invalid JSON");
  EXPECT_EQ(DescribePolicyError(absl::FailedPreconditionError(
                "self-test failed: CN_MOBILE sample not detected")),
            "FAILED_PRECONDITION: self-test failed: CN_MOBILE sample not detected");
  EXPECT_EQ(DescribePolicyError(absl::InternalError("something " + secret)), "INTERNAL");
}

}  // namespace
}  // namespace scrub::service
