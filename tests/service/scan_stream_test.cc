// ScanStream through an in-process channel: one response per request, one
// result per record in order, record formats, options, limits and errors.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::ElementsAre;

constexpr char kMobileText[] = "电话138-1234-5678";
constexpr char kCleanText[] = "ok, see you";

v1::ScanStreamRequest Request(std::vector<v1::Record> records,
                              v1::RecordFormat format = v1::RECORD_FORMAT_UNSPECIFIED) {
  v1::ScanStreamRequest r;
  r.set_format(format);
  for (v1::Record& rec : records) *r.add_records() = std::move(rec);
  return r;
}

std::vector<std::string> Ids(const v1::ScanStreamResponse& response) {
  std::vector<std::string> ids;
  for (const v1::MessageResult& r : response.results()) ids.push_back(r.id());
  return ids;
}

class ScanStreamTest : public ::testing::Test {
 protected:
  void StartWith(const v1::Policy& policy) {
    server_ = StartServer(policy, InProcessOptions(), &fault_);
    ASSERT_NE(server_, nullptr);
    stub_ = InProcessStub(*server_);
  }

  // Sends each request and reads its response before the next one; returns
  // the responses and the final status.
  grpc::Status Exchange(const std::vector<v1::ScanStreamRequest>& requests,
                        std::vector<v1::ScanStreamResponse>* responses) {
    auto context = ContextWithTimeout(absl::Seconds(10));
    auto stream = stub_->ScanStream(context.get());
    for (const v1::ScanStreamRequest& r : requests) {
      if (!stream->Write(r)) break;
      v1::ScanStreamResponse response;
      if (!stream->Read(&response)) break;
      responses->push_back(std::move(response));
    }
    stream->WritesDone();
    v1::ScanStreamResponse extra;
    EXPECT_FALSE(stream->Read(&extra)) << "more responses than requests";
    return stream->Finish();
  }

  EngineFault fault_;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST_F(ScanStreamTest, OneResponsePerRequestWithOneResultPerRecordInOrder) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status =
      Exchange({Request({Record("r1", kCleanText), Record("r2", kMobileText)}),
                Request({Record("r3", std::string("\xc3", 1))}),
                Request({Record("r4", kMobileText), Record("r5", kCleanText),
                         Record("r6", kCleanText)})},
               &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_THAT(Ids(responses[0]), ElementsAre("r1", "r2"));
  EXPECT_THAT(Ids(responses[1]), ElementsAre("r3"));
  EXPECT_THAT(Ids(responses[2]), ElementsAre("r4", "r5", "r6"));
  EXPECT_EQ(responses[0].results(0).verdict(), v1::ALLOW);
  EXPECT_EQ(responses[0].results(1).verdict(), v1::REDACTED);
  EXPECT_EQ(responses[0].results(1).redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(responses[1].results(0).verdict(), v1::BLOCKED);
  EXPECT_EQ(responses[1].results(0).block_reason(), "invalid_utf8");
  EXPECT_EQ(responses[2].results(0).verdict(), v1::REDACTED);
  EXPECT_EQ(responses[2].policy().name(), "scrub-default");
}

TEST_F(ScanStreamTest, JsonAndAutoRecordsAreBlockedAsUnsupportedFormatForNow) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  const std::string json = R"({"phone":"13812345678"})";
  grpc::Status status = Exchange(
      {Request({Record("json", json, v1::RECORD_FORMAT_JSON),
                Record("auto", json, v1::RECORD_FORMAT_AUTO),
                Record("text", kMobileText, v1::RECORD_FORMAT_TEXT),
                Record("default", kMobileText)}),
       // The request's format applies to records without their own.
       Request(
           {Record("inherits", json), Record("own", kMobileText, v1::RECORD_FORMAT_TEXT)},
           v1::RECORD_FORMAT_JSON)},
      &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 2u);
  const auto& a = responses[0].results();
  EXPECT_EQ(a[0].verdict(), v1::BLOCKED);
  EXPECT_EQ(a[0].block_reason(), "unsupported_format");
  EXPECT_EQ(a[0].block_detail(),
            "record format RECORD_FORMAT_JSON is not supported by this scrubd yet");
  EXPECT_EQ(a[1].verdict(), v1::BLOCKED);
  EXPECT_EQ(a[1].block_reason(), "unsupported_format");
  EXPECT_EQ(a[2].verdict(), v1::REDACTED);
  EXPECT_EQ(a[3].verdict(), v1::REDACTED);
  const auto& b = responses[1].results();
  EXPECT_EQ(b[0].verdict(), v1::BLOCKED);
  EXPECT_EQ(b[0].block_reason(), "unsupported_format");
  EXPECT_EQ(b[1].verdict(), v1::REDACTED);
}

TEST_F(ScanStreamTest, OptionsComeFromTheFirstRequestOnly) {
  StartWith(scrub::DefaultPolicy());
  v1::ScanStreamRequest first = Request({Record("r1", kMobileText)});
  first.mutable_options()->set_include_findings(true);
  v1::ScanStreamRequest second = Request({Record("r2", kMobileText)});
  second.mutable_options()->set_dry_run(true);  // ignored
  std::vector<v1::ScanStreamResponse> responses;
  ASSERT_TRUE(Exchange({first, second}, &responses).ok());
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].results(0).findings_size(), 1);
  EXPECT_EQ(responses[1].results(0).findings_size(), 1);
  EXPECT_EQ(responses[1].results(0).redacted_text(), "电话[CN_MOBILE]");
}

TEST_F(ScanStreamTest, EmptyStreamAndEmptyRequestsAreValid) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  ASSERT_TRUE(Exchange({}, &responses).ok());
  EXPECT_TRUE(responses.empty());
  ASSERT_TRUE(Exchange({Request({}), Request({})}, &responses).ok());
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].results_size(), 0);
}

TEST_F(ScanStreamTest, RequestOverALimitEndsTheStreamWithInvalidArgument) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_messages_per_batch(2);
  StartWith(policy);
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status =
      Exchange({Request({Record("a", "x"), Record("b", "y")}),
                Request({Record("c", "x"), Record("d", "y"), Record("e", "z")}),
                Request({Record("f", "x")})},
               &responses);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "batch has 3 messages; limit max_messages_per_batch is 2");
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_THAT(Ids(responses[0]), ElementsAre("a", "b"));
}

TEST_F(ScanStreamTest, RecordWithoutIdEndsTheStreamWithInvalidArgument) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status =
      Exchange({Request({Record("a", "x"), Record("", "y")})}, &responses);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "records[1].id is required");
  EXPECT_TRUE(responses.empty());
}

TEST_F(ScanStreamTest, EngineErrorBlocksEveryRecordNeverAllows) {
  StartWith(scrub::DefaultPolicy());
  fault_.SetFailing(true);
  std::vector<v1::ScanStreamResponse> responses;
  ASSERT_TRUE(
      Exchange({Request({Record("a", kCleanText), Record("b", kMobileText)})}, &responses)
          .ok());
  ASSERT_EQ(responses.size(), 1u);
  for (const v1::MessageResult& r : responses[0].results()) {
    EXPECT_EQ(r.verdict(), v1::BLOCKED);
    EXPECT_EQ(r.block_reason(), "engine_error");
  }
}

}  // namespace
}  // namespace scrub::testing
