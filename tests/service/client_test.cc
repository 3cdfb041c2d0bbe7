// The client helper: scrubd's verdicts pass through; every failure — no
// server, timeout, refusal, a response that does not match — is BLOCKED.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "service/client/scrub_client.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using client::MessageVerdict;
using client::ScrubClient;

std::vector<v1::ChatMessage> ThreeMessages() {
  return {Message("a", "你好"), Message("b", "电话138-1234-5678"),
          Message("c", std::string("\xff", 1))};
}

void ExpectAllBlocked(const std::vector<MessageVerdict>& verdicts,
                      const std::string& reason) {
  ASSERT_EQ(verdicts.size(), 3u);
  const char* ids[] = {"a", "b", "c"};
  for (size_t i = 0; i < verdicts.size(); ++i) {
    EXPECT_EQ(verdicts[i].id, ids[i]);
    EXPECT_EQ(verdicts[i].verdict, v1::BLOCKED);
    EXPECT_FALSE(verdicts[i].persist());
    EXPECT_EQ(verdicts[i].text, "");
    EXPECT_EQ(verdicts[i].reason, reason);
  }
}

TEST(ScrubClientTest, VerdictsAndTextsToPersistComeFromScrubd) {
  auto server = StartServer(scrub::DefaultPolicy(), InProcessOptions());
  ASSERT_NE(server, nullptr);
  ScrubClient client(server->InProcessChannel(ScrubClient::RecommendedChannelArguments()),
                     {std::chrono::seconds(10)});
  const std::vector<MessageVerdict> v = client.ScanBatch(ThreeMessages());
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].verdict, v1::ALLOW);
  EXPECT_TRUE(v[0].persist());
  EXPECT_EQ(v[0].text, "你好");
  EXPECT_EQ(v[1].verdict, v1::REDACTED);
  EXPECT_EQ(v[1].text, "电话[CN_MOBILE]");
  EXPECT_EQ(v[2].verdict, v1::BLOCKED);
  EXPECT_EQ(v[2].reason, "invalid_utf8");
  EXPECT_EQ(v[2].detail, "invalid UTF-8 at byte 0");
  EXPECT_TRUE(client.ScanBatch({}).empty());
}

TEST(ScrubClientTest, NoServerMeansEveryMessageBlocked) {
  auto channel = grpc::CreateChannel("unix:" + UniqueSocketPath("nobody"),
                                     grpc::InsecureChannelCredentials());
  ScrubClient client(channel, {std::chrono::seconds(5)});
  ExpectAllBlocked(client.ScanBatch(ThreeMessages()), "rpc_error:UNAVAILABLE");
}

TEST(ScrubClientTest, TimeoutMeansEveryMessageBlocked) {
  EngineFault fault;
  auto server = StartServer(scrub::DefaultPolicy(), InProcessOptions(), &fault);
  ASSERT_NE(server, nullptr);
  fault.CloseGate();  // scrubd cannot answer in time
  ScrubClient client(server->InProcessChannel(), {std::chrono::milliseconds(100)});
  ExpectAllBlocked(client.ScanBatch(ThreeMessages()), "rpc_error:DEADLINE_EXCEEDED");
  fault.OpenGate();
}

TEST(ScrubClientTest, RefusalMeansEveryMessageBlocked) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_messages_per_batch(2);
  auto server = StartServer(policy, InProcessOptions());
  ASSERT_NE(server, nullptr);
  ScrubClient client(server->InProcessChannel(), {std::chrono::seconds(10)});
  const std::vector<MessageVerdict> v = client.ScanBatch(ThreeMessages());
  ExpectAllBlocked(v, "rpc_error:INVALID_ARGUMENT");
  EXPECT_EQ(v[0].detail, "batch has 3 messages; limit max_messages_per_batch is 2");
}

// A scrubd impostor whose answers are wrong in a chosen way.
class FakeScrub final : public v1::Scrub::Service {
 public:
  explicit FakeScrub(
      std::function<void(const v1::ScanBatchRequest&, v1::ScanBatchResponse*)> answer)
      : answer_(std::move(answer)) {}
  grpc::Status ScanBatch(grpc::ServerContext*, const v1::ScanBatchRequest* request,
                         v1::ScanBatchResponse* response) override {
    answer_(*request, response);
    return grpc::Status::OK;
  }

 private:
  std::function<void(const v1::ScanBatchRequest&, v1::ScanBatchResponse*)> answer_;
};

std::vector<MessageVerdict> AskFake(
    std::function<void(const v1::ScanBatchRequest&, v1::ScanBatchResponse*)> answer) {
  FakeScrub fake(std::move(answer));
  grpc::ServerBuilder builder;
  builder.RegisterService(&fake);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ScrubClient client(server->InProcessChannel(grpc::ChannelArguments()),
                     {std::chrono::seconds(10)});
  std::vector<MessageVerdict> v = client.ScanBatch(ThreeMessages());
  server->Shutdown();
  return v;
}

void AllowAll(const v1::ScanBatchRequest& request, v1::ScanBatchResponse* response) {
  for (const v1::ChatMessage& m : request.messages()) {
    v1::MessageResult* r = response->add_results();
    r->set_id(m.id());
    r->set_verdict(v1::ALLOW);
  }
}

TEST(ScrubClientTest, MissingResultsMeanEveryMessageBlocked) {
  ExpectAllBlocked(AskFake([](const v1::ScanBatchRequest& q, v1::ScanBatchResponse* r) {
                     AllowAll(q, r);
                     r->mutable_results()->RemoveLast();
                   }),
                   "malformed_response");
}

TEST(ScrubClientTest, ResultsOutOfOrderMeanEveryMessageBlocked) {
  ExpectAllBlocked(AskFake([](const v1::ScanBatchRequest& q, v1::ScanBatchResponse* r) {
                     AllowAll(q, r);
                     r->mutable_results()->SwapElements(0, 2);
                   }),
                   "malformed_response");
}

TEST(ScrubClientTest, UnknownVerdictOrRedactedWithoutTextIsBlocked) {
  const std::vector<MessageVerdict> v =
      AskFake([](const v1::ScanBatchRequest& q, v1::ScanBatchResponse* r) {
        AllowAll(q, r);
        r->mutable_results(0)->set_verdict(v1::VERDICT_UNSPECIFIED);
        r->mutable_results(1)->set_verdict(v1::REDACTED);  // no redacted_text
      });
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].verdict, v1::BLOCKED);
  EXPECT_EQ(v[0].reason, "malformed_response");
  EXPECT_EQ(v[1].verdict, v1::BLOCKED);
  EXPECT_EQ(v[1].reason, "malformed_response");
  EXPECT_EQ(v[2].verdict, v1::ALLOW);
  EXPECT_EQ(v[2].text, std::string("\xff", 1));
}

}  // namespace
}  // namespace scrub::testing
