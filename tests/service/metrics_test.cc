// Metrics: every family counts what the service reports, /metrics serves
// the text, and no label or value carries message content.
#include "service/metrics.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/version.h"
#include "tests/service/http_get.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MetricsTest : public ::testing::Test {
 protected:
  void StartWith(const v1::Policy& policy) {
    metrics_ = service::Metrics::Create();
    metrics_->SetPolicy(policy);
    server_ = StartServer(policy, InProcessOptions(), &fault_, {metrics_.get()});
    ASSERT_NE(server_, nullptr);
    stub_ = InProcessStub(*server_);
  }

  grpc::Status Batch(std::vector<v1::ChatMessage> messages) {
    return SendBatch(*stub_, std::move(messages));
  }

  double Value(const std::string& series) {
    return MetricValue(metrics_->Text(), series);
  }

  // Expects every series of `expected` to have its value, in one rendering
  // of the text.
  void ExpectValues(std::initializer_list<std::pair<const char*, double>> expected) {
    const std::string text = metrics_->Text();
    for (const auto& [series, value] : expected) {
      EXPECT_EQ(MetricValue(text, series), value) << series;
    }
  }

  EngineFault fault_;
  std::unique_ptr<service::Metrics> metrics_;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST_F(MetricsTest, CountsRequestsMessagesBytesFindingsAndErrors) {
  StartWith(scrub::DefaultPolicy());
  ASSERT_TRUE(Batch({Message("a", "你好"), Message("b", "电话138-1234-5678"),
                     Message("c", "身份证11010519491231002X，手机13912345678"),
                     Message("d", std::string("x\xff", 2))})
                  .ok());
  const double bytes =
      std::string("你好").size() + std::string("电话138-1234-5678").size() +
      std::string("身份证11010519491231002X，手机13912345678").size() + 2;
  ExpectValues({
      {"scrubd_requests_total{code=\"OK\",rpc=\"ScanBatch\"}", 1},
      {"scrubd_messages_total{rpc=\"ScanBatch\",verdict=\"ALLOW\"}", 1},
      {"scrubd_messages_total{rpc=\"ScanBatch\",verdict=\"REDACTED\"}", 2},
      {"scrubd_messages_total{rpc=\"ScanBatch\",verdict=\"BLOCKED\"}", 1},
      {"scrubd_messages_total{rpc=\"ScanStream\",verdict=\"ALLOW\"}", 0},
      {"scrubd_findings_total{detector=\"CN_MOBILE\"}", 2},
      {"scrubd_findings_total{detector=\"CN_RESIDENT_ID\"}", 1},
      {"scrubd_errors_total{reason=\"invalid_utf8\"}", 1},
      {"scrubd_bytes_scanned_total{rpc=\"ScanBatch\"}", bytes},
      {"scrubd_request_duration_seconds_count{rpc=\"ScanBatch\"}", 1},
      {"scrubd_fail_open_total", 0},
  });

  EXPECT_FALSE(Batch({Message("", "x")}).ok());
  EXPECT_EQ(Value("scrubd_requests_total{code=\"INVALID_ARGUMENT\",rpc=\"ScanBatch\"}"),
            1);
  EXPECT_EQ(Value("scrubd_errors_total{reason=\"missing_id\"}"), 1);
  EXPECT_EQ(Value("scrubd_request_duration_seconds_count{rpc=\"ScanBatch\"}"), 2);

  // Nothing a message said appears anywhere in the text.
  const std::string text = metrics_->Text();
  for (const char* value :
       {"138-1234-5678", "13912345678", "11010519491231002X", "你好"}) {
    EXPECT_THAT(text, Not(HasSubstr(value)));
  }
}

TEST_F(MetricsTest, StreamRequestsAndTheirJsonRecordsAreCountedUnderScanStream) {
  StartWith(scrub::DefaultPolicy());
  auto context = ContextWithTimeout(absl::Seconds(10));
  auto stream = stub_->ScanStream(context.get());
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r1", "电话138-1234-5678");
  *request.add_records() =
      Record("r2", R"({"phone":13812345678,"id":"\u0031\u0031\u0030\u0031\u0030)"
                   R"(\u0035\u0031\u0039\u0034\u0039\u0031\u0032\u0033\u0031\u0030)"
                   R"(\u0030\u0032X"})",
             v1::RECORD_FORMAT_JSON);
  *request.add_records() = Record("r3", R"({"msg":"ok"})", v1::RECORD_FORMAT_AUTO);
  *request.add_records() = Record("r4", R"({"phone":)", v1::RECORD_FORMAT_JSON);
  *request.add_records() = Record("r5", "x", static_cast<v1::RecordFormat>(42));
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  double bytes = 0;
  for (const v1::Record& r : request.records()) bytes += r.text().size();
  ExpectValues({
      {"scrubd_requests_total{code=\"OK\",rpc=\"ScanStream\"}", 1},
      {"scrubd_messages_total{rpc=\"ScanStream\",verdict=\"ALLOW\"}", 1},
      {"scrubd_messages_total{rpc=\"ScanStream\",verdict=\"REDACTED\"}", 2},
      {"scrubd_messages_total{rpc=\"ScanStream\",verdict=\"BLOCKED\"}", 2},
      {"scrubd_findings_total{detector=\"CN_MOBILE\"}", 2},
      {"scrubd_findings_total{detector=\"CN_RESIDENT_ID\"}", 1},
      {"scrubd_errors_total{reason=\"malformed_json\"}", 1},
      {"scrubd_errors_total{reason=\"unsupported_format\"}", 1},
      {"scrubd_bytes_scanned_total{rpc=\"ScanStream\"}", bytes},
  });
  // No value, key or pointer of a record appears in the text.
  const std::string text = metrics_->Text();
  for (const char* value : {"138-1234-5678", "13812345678", "11010519491231002X",
                            "u0031", "/phone", "/id"}) {
    EXPECT_THAT(text, Not(HasSubstr(value)));
  }
}

TEST_F(MetricsTest, FailOpenPassesAndEngineErrorsAreCounted) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.set_failure_mode(v1::FAIL_OPEN);
  StartWith(policy);
  fault_.SetFailing(true);
  ASSERT_TRUE(Batch({Message("a", "x"), Message("b", "y")}).ok());
  EXPECT_EQ(Value("scrubd_fail_open_total"), 2);
  EXPECT_EQ(Value("scrubd_errors_total{reason=\"engine_error\"}"), 2);
  EXPECT_EQ(Value("scrubd_messages_total{rpc=\"ScanBatch\",verdict=\"ALLOW\"}"), 2);
}

TEST_F(MetricsTest, ReloadsAreCountedAndPolicyInfoFollowsTheServingPolicy) {
  StartWith(scrub::DefaultPolicy());
  const std::string initial =
      absl::StrCat("scrubd_policy_info{name=\"scrub-default\",version=\"",
                   scrub::DefaultPolicy().version(), "\"}");
  EXPECT_EQ(Value(initial), 1);
  v1::Policy next = scrub::DefaultPolicy();
  next.set_name("chat");
  next.set_version("7");
  ASSERT_TRUE(server_->ReloadPolicy(next).ok());
  v1::Policy bad = next;
  bad.add_rules()->set_detector("NOPE");
  EXPECT_FALSE(server_->ReloadPolicy(bad).ok());
  EXPECT_EQ(Value("scrubd_policy_reloads_total{result=\"ok\"}"), 1);
  EXPECT_EQ(Value("scrubd_policy_reloads_total{result=\"failed\"}"), 1);
  EXPECT_EQ(Value("scrubd_policy_info{name=\"chat\",version=\"7\"}"), 1);
  EXPECT_EQ(Value(initial), -1) << "the old policy's series is removed";
}

TEST_F(MetricsTest, BuildInfoNamesTheReleaseAndTheEngineGeneration) {
  StartWith(scrub::DefaultPolicy());
  EXPECT_EQ(Value(absl::StrCat("scrubd_build_info{engine=\"", scrub::kEngineVersion,
                               "\",version=\"", scrub::kVersion, "\"}")),
            1);
  EXPECT_EQ(scrub::kEngineVersion, 2);
}

TEST_F(MetricsTest, MetricsAreServedOverHttp) {
  StartWith(scrub::DefaultPolicy());
  ASSERT_TRUE(metrics_->Serve("127.0.0.1:0").ok());
  ASSERT_GT(metrics_->port(), 0);
  ASSERT_TRUE(Batch({Message("a", "hello")}).ok());
  absl::StatusOr<std::string> body = HttpGet(metrics_->port(), "/metrics");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(
      MetricValue(*body, "scrubd_messages_total{rpc=\"ScanBatch\",verdict=\"ALLOW\"}"),
      1);
  EXPECT_THAT(*body, HasSubstr("# TYPE scrubd_request_duration_seconds histogram"));
}

// A TCP connection to the metrics port that sends `sent` and then nothing.
int IdleConnection(int port, absl::string_view sent) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      write(fd, sent.data(), sent.size()) != static_cast<ssize_t>(sent.size())) {
    close(fd);
    return -1;
  }
  return fd;
}

// One idle connection used to hold the exposer's only worker for civetweb's
// default 30 s request timeout, and every scrape waited behind it.
TEST_F(MetricsTest, IdleConnectionsDoNotDelayAScrapeAndAreClosedAfterTheRequestTimeout) {
  StartWith(scrub::DefaultPolicy());
  ASSERT_TRUE(metrics_->Serve("127.0.0.1:0").ok());
  const int port = metrics_->port();
  ASSERT_GT(port, 0);
  // One that sends nothing, one that stops in the middle of its headers.
  const int silent = IdleConnection(port, "");
  const int partial = IdleConnection(port, "GET /metrics HTTP/1.1\r\nHost: x");
  ASSERT_GE(silent, 0);
  ASSERT_GE(partial, 0);
  absl::SleepFor(absl::Milliseconds(200));  // let the server take them first

  const absl::Time start = absl::Now();
  absl::StatusOr<std::string> body = HttpGet(port, "/metrics");  // 10 s read timeout
  ASSERT_TRUE(body.ok()) << body.status() << " after " << absl::Now() - start;
  EXPECT_THAT(*body, HasSubstr("# TYPE scrubd_requests_total counter"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));

  // The server closes both (EOF, or a reset) after its request timeout: well
  // before civetweb's default 30 s.
  for (int fd : {silent, partial}) {
    timeval timeout{20, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
    }
    const int err = errno;
    EXPECT_TRUE(n == 0 || (n < 0 && err == ECONNRESET))
        << "the idle connection is still open after " << absl::Now() - start;
    close(fd);
  }
  EXPECT_LT(absl::Now() - start, absl::Seconds(20));
}

TEST_F(MetricsTest, ServingOnABadAddressIsAnErrorNamingIt) {
  StartWith(scrub::DefaultPolicy());
  absl::Status s = metrics_->Serve("256.0.0.1:0");
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("--metrics_listen: cannot serve metrics on 256.0.0.1:0"));
}

}  // namespace
}  // namespace scrub::testing
