// Calls the client cancels while their scan runs: the scan's decisions are
// never delivered, so they are counted (requests_total{code="CANCELLED"},
// errors_total{reason="cancelled"}) and audited ("cancelled":true) as
// cancelled, never as answered. (They used to be counted OK and audited as
// if delivered.)
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "scrub/policy.h"
#include "service/audit_log.h"
#include "service/metrics.h"
#include "tests/service/http_get.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

constexpr absl::Duration kWait = absl::Seconds(60);  // generous: loaded CI under ASan
// The in-process transport delivers a cancellation to the server within
// TryCancel(); this is margin on a loaded machine.
constexpr absl::Duration kCancelDelivery = absl::Milliseconds(300);

class CancellationTest : public ::testing::Test {
 protected:
  void Start(int scan_threads) {
    service::AuditOptions audit;
    audit.path = TestTempDir() + "/cancel-audit.jsonl";
    audit.key_file = TestTempDir() + "/cancel-audit.key";
    std::remove(audit.path.c_str());
    WriteFile(audit.key_file, std::string(32, 'K'));
    audit_path_ = audit.path;
    auto opened = service::AuditLog::Open(audit);
    ASSERT_TRUE(opened.ok()) << opened.status();
    audit_ = *std::move(opened);
    metrics_ = service::Metrics::Create();
    service::ServerOptions options = InProcessOptions();
    options.scan_threads = scan_threads;
    // The recorder last: once it has a report, metrics and audit have it.
    server_ = StartServer(scrub::DefaultPolicy(), options, &fault_,
                          {metrics_.get(), audit_.get(), &observer_});
    ASSERT_NE(server_, nullptr);
    stub_ = InProcessStub(*server_);
  }

  double Metric(const std::string& series) {
    return MetricValue(metrics_->Text(), series);
  }

  // message_id -> the audit line's "cancelled".
  std::map<std::string, bool> AuditedCancelled() {
    std::map<std::string, bool> out;
    for (absl::string_view line :
         absl::StrSplit(ReadFile(audit_path_), '\n', absl::SkipEmpty())) {
      rapidjson::Document d;
      EXPECT_FALSE(d.Parse(line.data(), line.size()).HasParseError()) << line;
      if (d.HasParseError() || !d.HasMember("cancelled")) continue;
      out[d["message_id"].GetString()] = d["cancelled"].GetBool();
    }
    return out;
  }

  EngineFault fault_;
  RecordingObserver observer_;
  std::unique_ptr<service::Metrics> metrics_;
  std::unique_ptr<service::AuditLog> audit_;
  std::string audit_path_;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST_F(CancellationTest, StreamsCancelledDuringTheirScanAreCountedAndAuditedAsCancelled) {
  constexpr int kStreams = 8;
  Start(/*scan_threads=*/kStreams);  // every scan runs (and waits) at once
  fault_.CloseGate();
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReaderWriter<v1::ScanStreamRequest,
                                                       v1::ScanStreamResponse>>>
      streams;
  for (int i = 0; i < kStreams; ++i) {
    contexts.push_back(ContextWithTimeout(kWait));
    streams.push_back(stub_->ScanStream(contexts.back().get()));
    v1::ScanStreamRequest request;
    *request.add_records() = Record(absl::StrCat("s", i), "电话138-1234-5678");
    ASSERT_TRUE(streams.back()->Write(request));
  }
  ASSERT_TRUE(fault_.AwaitWaiting(kStreams, kWait)) << "not every scan started";

  const std::vector<int> cancelled = {0, 3, 6};
  for (int i : cancelled) contexts[i]->TryCancel();
  absl::SleepFor(kCancelDelivery);
  fault_.OpenGate();

  for (int i = 0; i < kStreams; ++i) {
    SCOPED_TRACE(i);
    const bool cancel = i == 0 || i == 3 || i == 6;
    v1::ScanStreamResponse response;
    if (!cancel) {
      ASSERT_TRUE(streams[i]->Read(&response));
      EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
      streams[i]->WritesDone();
    }
    EXPECT_EQ(streams[i]->Finish().error_code(),
              cancel ? grpc::StatusCode::CANCELLED : grpc::StatusCode::OK);
  }
  ASSERT_TRUE(observer_.AwaitReports(kStreams, kWait));

  int ok = 0;
  int cancelled_reports = 0;
  for (const Reported& r : observer_.reports()) {
    if (r.code == grpc::StatusCode::OK) ++ok;
    if (r.code == grpc::StatusCode::CANCELLED) {
      ++cancelled_reports;
      EXPECT_EQ(r.error_reason, "cancelled");
      EXPECT_EQ(r.results, 1u) << "decided, not delivered";
    }
  }
  EXPECT_EQ(ok, 5);
  EXPECT_EQ(cancelled_reports, 3);
  EXPECT_EQ(Metric("scrubd_requests_total{code=\"OK\",rpc=\"ScanStream\"}"), 5);
  EXPECT_EQ(Metric("scrubd_requests_total{code=\"CANCELLED\",rpc=\"ScanStream\"}"), 3);
  EXPECT_EQ(Metric("scrubd_errors_total{reason=\"cancelled\"}"), 3);
  EXPECT_EQ(Metric("scrubd_messages_total{rpc=\"ScanStream\",verdict=\"REDACTED\"}"), 5)
      << "only delivered decisions count as messages decided";

  const std::map<std::string, bool> audited = AuditedCancelled();
  EXPECT_EQ(audited, (std::map<std::string, bool>{{"s0", true},
                                                  {"s1", false},
                                                  {"s2", false},
                                                  {"s3", true},
                                                  {"s4", false},
                                                  {"s5", false},
                                                  {"s6", true},
                                                  {"s7", false}}));
}

TEST_F(CancellationTest, ABatchCancelledDuringItsScanIsCountedAndAuditedAsCancelled) {
  Start(/*scan_threads=*/2);
  fault_.CloseGate();
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("b1", "电话138-1234-5678");
  *request.add_messages() = Message("b2", "hello");
  v1::ScanBatchResponse response;
  grpc::ClientContext context;
  absl::Notification done;
  grpc::Status status;
  stub_->async()->ScanBatch(&context, &request, &response, [&](grpc::Status s) {
    status = std::move(s);
    done.Notify();
  });
  ASSERT_TRUE(fault_.AwaitWaiting(1, kWait));
  context.TryCancel();
  absl::SleepFor(kCancelDelivery);
  fault_.OpenGate();
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(kWait));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  ASSERT_TRUE(observer_.AwaitReports(1, kWait));

  const std::vector<Reported> reports = observer_.reports();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].code, grpc::StatusCode::CANCELLED);
  EXPECT_EQ(reports[0].error_reason, "cancelled");
  EXPECT_EQ(Metric("scrubd_requests_total{code=\"CANCELLED\",rpc=\"ScanBatch\"}"), 1);
  EXPECT_EQ(Metric("scrubd_requests_total{code=\"OK\",rpc=\"ScanBatch\"}"), 0);
  EXPECT_EQ(AuditedCancelled(),
            (std::map<std::string, bool>{{"b1", true}, {"b2", true}}));
}

}  // namespace
}  // namespace scrub::testing
