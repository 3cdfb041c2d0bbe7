// ScanBatch through an in-process channel: verdicts, order, options,
// limits, status codes, fail-closed engine errors, overload and deadlines.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kMobileText[] = "电话138-1234-5678";  // CN_MOBILE at bytes [6, 19)
constexpr char kCleanText[] = "今天天气不错，晚上一起吃饭吧？";

v1::ScanBatchRequest Batch(std::vector<v1::ChatMessage> messages) {
  v1::ScanBatchRequest request;
  for (v1::ChatMessage& m : messages) *request.add_messages() = std::move(m);
  return request;
}

std::vector<std::string> Ids(const v1::ScanBatchResponse& response) {
  std::vector<std::string> ids;
  for (const v1::MessageResult& r : response.results()) ids.push_back(r.id());
  return ids;
}

std::vector<v1::Verdict> Verdicts(const v1::ScanBatchResponse& response) {
  std::vector<v1::Verdict> v;
  for (const v1::MessageResult& r : response.results()) v.push_back(r.verdict());
  return v;
}

class ScanBatchTest : public ::testing::Test {
 protected:
  void StartWith(const v1::Policy& policy,
                 service::ServerOptions options = InProcessOptions()) {
    server_ = StartServer(policy, options, &fault_, {&observer_});
    ASSERT_NE(server_, nullptr);
    stub_ = InProcessStub(*server_);
    scans_at_start_ = fault_.scans();  // the self-test's
  }

  // Starts the default policy with one of its limits changed, e.g.
  // StartWithLimit(&v1::Limits::set_max_batch_bytes, 100).
  template <typename Setter, typename Value>
  void StartWithLimit(Setter set_limit, Value value) {
    v1::Policy policy = scrub::DefaultPolicy();
    (policy.mutable_limits()->*set_limit)(value);
    StartWith(policy);
  }

  grpc::Status Call(const v1::ScanBatchRequest& request,
                    v1::ScanBatchResponse* response) {
    auto context = ContextWithTimeout(absl::Seconds(10));
    return stub_->ScanBatch(context.get(), request, response);
  }

  // Scans that reached the engine since the server started.
  int scans_since_start() const { return fault_.scans() - scans_at_start_; }

  EngineFault fault_;
  RecordingObserver observer_;
  int scans_at_start_ = 0;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST_F(ScanBatchTest, EmptyBatchIsValidAndNamesThePolicy) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchResponse response;
  grpc::Status status = Call(v1::ScanBatchRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.results_size(), 0);
  EXPECT_EQ(response.policy().name(), "scrub-default");
  EXPECT_EQ(response.policy().version(), scrub::DefaultPolicy().version());
}

TEST_F(ScanBatchTest, OneResultPerMessageInRequestOrderWithIds) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchResponse response;
  grpc::Status status =
      Call(Batch({Message("m1", kCleanText), Message("m2", kMobileText),
                  Message("m3", std::string("abc\xff", 4)), Message("m2", kCleanText)}),
           &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(Ids(response), ElementsAre("m1", "m2", "m3", "m2"));
  EXPECT_THAT(Verdicts(response),
              ElementsAre(v1::ALLOW, v1::REDACTED, v1::BLOCKED, v1::ALLOW));
  EXPECT_EQ(response.results(0).redacted_text(), "");
  EXPECT_EQ(response.results(1).redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(response.results(2).block_reason(), "invalid_utf8");
  EXPECT_EQ(response.results(2).block_detail(), "invalid UTF-8 at byte 3");
  EXPECT_EQ(response.results(2).redacted_text(), "");
  for (const v1::MessageResult& r : response.results()) {
    EXPECT_FALSE(r.failed_open());
    EXPECT_EQ(r.findings_size(), 0) << "findings only when asked";
  }
}

TEST_F(ScanBatchTest, ManyMessagesKeepTheirOrder) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ChatMessage> messages;
  for (int i = 0; i < 500; ++i) {
    messages.push_back(
        Message("id-" + std::to_string(i), i % 3 == 0 ? kMobileText : kCleanText));
  }
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(Batch(messages), &response).ok());
  ASSERT_EQ(response.results_size(), 500);
  for (int i = 0; i < 500; ++i) {
    EXPECT_EQ(response.results(i).id(), "id-" + std::to_string(i));
    EXPECT_EQ(response.results(i).verdict(), i % 3 == 0 ? v1::REDACTED : v1::ALLOW);
  }
}

TEST_F(ScanBatchTest, FindingsGiveDetectorOffsetsAndActionButNoValue) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchRequest request = Batch({Message("m1", kMobileText)});
  request.mutable_options()->set_include_findings(true);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  ASSERT_EQ(response.results_size(), 1);
  ASSERT_EQ(response.results(0).findings_size(), 1);
  const v1::Finding& f = response.results(0).findings(0);
  EXPECT_EQ(f.detector(), "CN_MOBILE");
  EXPECT_EQ(f.start(), 6u);
  EXPECT_EQ(f.end(), 19u);
  EXPECT_EQ(f.action(), v1::FINDING_ACTION_REDACT);
  EXPECT_DOUBLE_EQ(f.confidence(), 1.0);  // as `scrub inspect` reports it
  const std::string wire = response.SerializeAsString();
  EXPECT_FALSE(absl::StrContains(wire, "1234")) << "the value must not be on the wire";
}

TEST_F(ScanBatchTest, DryRunGivesVerdictAndFindingsButNoRedactedText) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchRequest request = Batch({Message("m1", kMobileText)});
  request.mutable_options()->set_dry_run(true);
  request.mutable_options()->set_include_findings(true);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
  EXPECT_EQ(response.results(0).redacted_text(), "");
  EXPECT_EQ(response.results(0).findings_size(), 1);
}

TEST_F(ScanBatchTest, DetectorActionBlockBlocksTheMessageWithItsReason) {
  v1::Policy policy = scrub::DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.set_action(v1::ACTION_BLOCK);
  }
  StartWith(policy);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(Batch({Message("m1", kMobileText)}), &response).ok());
  EXPECT_EQ(response.results(0).verdict(), v1::BLOCKED);
  EXPECT_EQ(response.results(0).block_reason(), "detector_action");
  EXPECT_EQ(response.results(0).block_detail(), "action BLOCK for CN_MOBILE");
  EXPECT_EQ(response.results(0).redacted_text(), "");
}

TEST_F(ScanBatchTest, AttachmentsAreCarriedAndReportedUninspected) {
  StartWith(scrub::DefaultPolicy());
  v1::ChatMessage m = Message("m1", kCleanText);
  v1::Attachment* a = m.add_attachments();
  a->set_id("photo-1");
  a->set_mime_type("image/jpeg");
  a->set_size(1234);
  a->set_content("\xff\xd8\xff");
  m.add_attachments()->set_mime_type("application/pdf");  // no id
  (*m.mutable_metadata())["client"] = "ios";
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(Batch({m}), &response).ok());
  EXPECT_EQ(response.results(0).verdict(), v1::ALLOW);
  EXPECT_THAT(response.results(0).uninspected_attachments(),
              ElementsAre("photo-1", "#1"));
}

TEST_F(ScanBatchTest, MessageWithoutIdIsInvalidArgumentNamingIt) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchResponse response;
  grpc::Status status =
      Call(Batch({Message("m1", kCleanText), Message("", kCleanText)}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "messages[1].id is required");
  EXPECT_EQ(response.results_size(), 0);
}

TEST_F(ScanBatchTest, TooManyMessagesIsInvalidArgumentNamingTheLimit) {
  StartWithLimit(&v1::Limits::set_max_messages_per_batch, 3);
  v1::ScanBatchResponse response;
  grpc::Status status = Call(
      Batch({Message("a", "x"), Message("b", "x"), Message("c", "x"), Message("d", "x")}),
      &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "batch has 4 messages; limit max_messages_per_batch is 3");
  EXPECT_EQ(response.results_size(), 0);
  EXPECT_EQ(scans_since_start(), 0) << "nothing of the batch is scanned";
}

TEST_F(ScanBatchTest, TooManyBytesIsInvalidArgumentNamingTheLimit) {
  StartWithLimit(&v1::Limits::set_max_batch_bytes, 100);
  v1::ScanBatchResponse response;
  grpc::Status status = Call(
      Batch({Message("a", std::string(60, 'x')), Message("b", std::string(41, 'y'))}),
      &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "batch has 101 bytes; limit max_batch_bytes is 100");
}

TEST_F(ScanBatchTest, OneOversizeMessageIsBlockedAloneWithItsReason) {
  StartWithLimit(&v1::Limits::set_max_message_bytes, 32);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(
      Call(Batch({Message("small", kMobileText), Message("big", std::string(33, 'x')),
                  Message("clean", "hello")}),
           &response)
          .ok());
  EXPECT_THAT(Verdicts(response), ElementsAre(v1::REDACTED, v1::BLOCKED, v1::ALLOW));
  EXPECT_EQ(response.results(1).block_reason(), "message_too_large");
  EXPECT_EQ(response.results(1).block_detail(),
            "message has 33 bytes; limit max_message_bytes is 32");
}

TEST_F(ScanBatchTest, RequestOverTheReceiveSizeIsRefusedByGrpc) {
  service::ServerOptions options = InProcessOptions();
  options.max_receive_message_bytes = 4096;
  StartWith(scrub::DefaultPolicy(), options);
  EXPECT_EQ(server_->max_receive_message_bytes(), 4096);
  v1::ScanBatchResponse response;
  grpc::Status status = Call(Batch({Message("a", std::string(5000, 'x'))}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(scans_since_start(), 0);
}

TEST_F(ScanBatchTest, ReceiveSizeDefaultsToTheBatchLimitPlusHeadroom) {
  StartWithLimit(&v1::Limits::set_max_batch_bytes, 2 << 20);
  EXPECT_EQ(server_->max_receive_message_bytes(), (2 << 20) + (1 << 20));
}

TEST_F(ScanBatchTest, EngineErrorBlocksEveryMessageNeverAllows) {
  StartWith(scrub::DefaultPolicy());
  ASSERT_TRUE(server_->self_test_status().ok());
  fault_.SetFailing(true);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(Batch({Message("clean", kCleanText), Message("pii", kMobileText),
                          Message("short", "ok"), Message("blank", "")}),
                   &response)
                  .ok());
  ASSERT_EQ(response.results_size(), 4);
  // A blank message holds no data: ALLOWed without the engine (the library's
  // blank-record rule), so the engine cannot fail it.
  EXPECT_EQ(response.results(3).verdict(), v1::ALLOW);
  response.mutable_results()->RemoveLast();
  for (const v1::MessageResult& r : response.results()) {
    EXPECT_EQ(r.verdict(), v1::BLOCKED) << r.id();
    EXPECT_EQ(r.block_reason(), "engine_error") << r.id();
    EXPECT_EQ(r.block_detail(), "engine error: injected engine fault");
    EXPECT_EQ(r.redacted_text(), "");
    EXPECT_FALSE(r.failed_open());
  }
}

TEST_F(ScanBatchTest, FailOpenPolicyPassesOnEngineErrorAndSaysSo) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.set_failure_mode(v1::FAIL_OPEN);
  StartWith(policy);
  fault_.SetFailing(true);
  v1::ScanBatchResponse response;
  ASSERT_TRUE(Call(Batch({Message("pii", kMobileText)}), &response).ok());
  EXPECT_EQ(response.results(0).verdict(), v1::ALLOW);
  EXPECT_TRUE(response.results(0).failed_open());
  EXPECT_EQ(response.results(0).block_reason(), "engine_error");
}

TEST_F(ScanBatchTest, FullScanQueueIsResourceExhausted) {
  service::ServerOptions options = InProcessOptions();
  options.scan_threads = 1;
  options.max_queued_scans = 1;
  StartWith(scrub::DefaultPolicy(), options);
  fault_.CloseGate();

  // The first call holds the only scan thread at the gate.
  v1::ScanBatchResponse first_response;
  grpc::Status first_status;
  absl::Notification first_done;
  grpc::ClientContext first_context;
  const v1::ScanBatchRequest first_request = Batch({Message("a", "x")});
  stub_->async()->ScanBatch(&first_context, &first_request, &first_response,
                            [&](grpc::Status s) {
                              first_status = s;
                              first_done.Notify();
                            });
  ASSERT_TRUE(fault_.AwaitWaiting(1, absl::Seconds(10)));

  // Of the next two, one waits in the queue and the other is refused.
  struct Pending {
    grpc::ClientContext context;
    v1::ScanBatchRequest request;
    v1::ScanBatchResponse response;
    grpc::Status status;
    absl::Notification done;
  };
  Pending p[2];
  for (Pending& c : p) {
    c.request = Batch({Message("b", "y")});
    stub_->async()->ScanBatch(&c.context, &c.request, &c.response, [&c](grpc::Status s) {
      c.status = s;
      c.done.Notify();
    });
  }
  // The refused one finishes while the gate is still closed.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!p[0].done.HasBeenNotified() && !p[1].done.HasBeenNotified() &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(2));
  }
  const int refused = p[0].done.HasBeenNotified() ? 0 : 1;
  ASSERT_TRUE(p[refused].done.HasBeenNotified()) << "no call was refused";
  EXPECT_EQ(p[refused].status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(p[refused].status.error_message(), HasSubstr("max_queued_scans"));

  fault_.OpenGate();
  ASSERT_TRUE(first_done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_TRUE(first_status.ok());
  ASSERT_TRUE(p[1 - refused].done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_TRUE(p[1 - refused].status.ok());
  EXPECT_EQ(p[1 - refused].response.results(0).verdict(), v1::ALLOW);
}

TEST_F(ScanBatchTest, DeadlineShorterThanTheMarginIsExceededByTheServer) {
  service::ServerOptions options = InProcessOptions();
  options.deadline_margin = absl::Seconds(5);
  StartWith(scrub::DefaultPolicy(), options);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(3));
  grpc::Status status =
      stub_->ScanBatch(context.get(), Batch({Message("a", kMobileText)}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(status.error_message(), HasSubstr("5s safety margin"));
  EXPECT_EQ(response.results_size(), 0);
  EXPECT_EQ(scans_since_start(), 0);
}

TEST_F(ScanBatchTest, CallWhoseDeadlinePassedInTheQueueIsNotScanned) {
  service::ServerOptions options = InProcessOptions();
  options.scan_threads = 1;
  options.deadline_margin = absl::Milliseconds(1);
  StartWith(scrub::DefaultPolicy(), options);
  fault_.CloseGate();
  grpc::ClientContext holder_context;
  v1::ScanBatchRequest holder_request = Batch({Message("hold", "x")});
  v1::ScanBatchResponse holder_response;
  absl::Notification holder_done;
  stub_->async()->ScanBatch(&holder_context, &holder_request, &holder_response,
                            [&](grpc::Status) { holder_done.Notify(); });
  ASSERT_TRUE(fault_.AwaitWaiting(1, absl::Seconds(10)));
  const int scans_before = fault_.scans();

  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Milliseconds(200));
  grpc::Status status =
      stub_->ScanBatch(context.get(), Batch({Message("late", kMobileText)}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  fault_.OpenGate();
  ASSERT_TRUE(holder_done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  // The late call leaves the queue after its deadline and is dropped there.
  ASSERT_TRUE(observer_.AwaitReports(2, absl::Seconds(10)));
  EXPECT_EQ(fault_.scans(), scans_before) << "the late batch must not be scanned";
  bool saw_deadline = false;
  for (const Reported& r : observer_.reports()) {
    if (r.code == grpc::StatusCode::DEADLINE_EXCEEDED ||
        r.code == grpc::StatusCode::CANCELLED) {
      saw_deadline = true;
      EXPECT_EQ(r.results, 0u);
    }
  }
  EXPECT_TRUE(saw_deadline);
}

TEST_F(ScanBatchTest, ScansAreRefusedAsUnavailableWhileTheSelfTestHasNotPassed) {
  fault_.SetFailing(true);  // the self-test sees engine errors
  StartWith(scrub::DefaultPolicy());
  EXPECT_EQ(server_->self_test_status().code(), absl::StatusCode::kFailedPrecondition);
  v1::ScanBatchResponse response;
  grpc::Status status = Call(Batch({Message("a", kCleanText)}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(), HasSubstr("self-test"));
}

TEST_F(ScanBatchTest, ObserversSeeOneReportPerCallWithItsOutcome) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanBatchResponse response;
  ASSERT_TRUE(
      Call(Batch({Message("a", kCleanText), Message("b", kMobileText)}), &response).ok());
  response.Clear();
  EXPECT_FALSE(Call(Batch({Message("", kCleanText)}), &response).ok());
  ASSERT_TRUE(observer_.AwaitReports(2, absl::Seconds(5)));
  const std::vector<Reported> reports = observer_.reports();
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].rpc, service::Rpc::kScanBatch);
  EXPECT_EQ(reports[0].code, grpc::StatusCode::OK);
  EXPECT_EQ(reports[0].inputs, 2u);
  EXPECT_EQ(reports[0].results, 2u);
  EXPECT_EQ(reports[1].code, grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(reports[1].error_reason, "missing_id");
}

}  // namespace
}  // namespace scrub::testing
