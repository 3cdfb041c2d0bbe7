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

TEST_F(ScanStreamTest, JsonRecordsAreRedactedAsJsonWithTheirLocations) {
  StartWith(scrub::DefaultPolicy());
  // A phone number as a JSON number, a resident ID behind \u escapes.
  const std::string json =
      R"({"user":{"phone":13812345678,"note":"hi"},)"
      R"("id_card":"\u0031\u0031\u0030\u0031\u0030\u0035\u0031\u0039\u0034)"
      R"(\u0039\u0031\u0032\u0033\u0031\u0030\u0030\u0032X","n":1.50})";
  v1::ScanStreamRequest request = Request({Record("j1", json, v1::RECORD_FORMAT_JSON)});
  request.mutable_options()->set_include_findings(true);
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status = Exchange({request}, &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 1u);
  ASSERT_EQ(responses[0].results_size(), 1);
  const v1::MessageResult& r = responses[0].results(0);
  EXPECT_EQ(r.id(), "j1");
  EXPECT_EQ(r.verdict(), v1::REDACTED);
  // Valid JSON, same keys in the same order, untouched values byte-identical.
  EXPECT_EQ(r.redacted_text(),
            R"({"user":{"phone":"[CN_MOBILE]","note":"hi"},)"
            R"("id_card":"[CN_RESIDENT_ID]","n":1.50})");
  EXPECT_EQ(r.block_reason(), "");
  ASSERT_EQ(r.findings_size(), 2);
  EXPECT_EQ(r.findings(0).detector(), "CN_MOBILE");
  EXPECT_EQ(r.findings(0).json_pointer(), "/user/phone");
  EXPECT_EQ(r.findings(0).start(), 17u);  // the raw number token
  EXPECT_EQ(r.findings(0).end(), 28u);
  EXPECT_EQ(r.findings(0).value_start(), 0u);
  EXPECT_EQ(r.findings(0).value_end(), 11u);
  EXPECT_FALSE(r.findings(0).in_key());
  EXPECT_EQ(r.findings(1).detector(), "CN_RESIDENT_ID");
  EXPECT_EQ(r.findings(1).json_pointer(), "/id_card");
  EXPECT_EQ(r.findings(1).start(), 52u);  // the raw string token, quotes included
  EXPECT_EQ(r.findings(1).end(), 157u);
  EXPECT_EQ(r.findings(1).value_start(), 0u);  // in the unescaped value
  EXPECT_EQ(r.findings(1).value_end(), 18u);
}

TEST_F(ScanStreamTest, RecordFormatIsTheRecordsElseTheRequestsElseText) {
  StartWith(scrub::DefaultPolicy());
  const std::string json = R"({"phone":13812345678})";
  const std::string json_redacted = R"({"phone":"[CN_MOBILE]"})";
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status = Exchange(
      {// No request format: each record's own, else TEXT.
       Request({Record("json", json, v1::RECORD_FORMAT_JSON),
                Record("auto-json", json, v1::RECORD_FORMAT_AUTO),
                Record("auto-text", kMobileText, v1::RECORD_FORMAT_AUTO),
                Record("text", kMobileText, v1::RECORD_FORMAT_TEXT),
                Record("default", kMobileText)}),
       // The request's format applies to records without their own.
       Request({Record("inherits-json", json),
                Record("own-text", kMobileText, v1::RECORD_FORMAT_TEXT)},
               v1::RECORD_FORMAT_JSON),
       Request({Record("auto-1", json), Record("auto-2", kMobileText),
                Record("auto-3", "{\"phone\":")},
               v1::RECORD_FORMAT_AUTO)},
      &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 3u);
  const auto& a = responses[0].results();
  EXPECT_EQ(a[0].verdict(), v1::REDACTED);
  EXPECT_EQ(a[0].redacted_text(), json_redacted);
  EXPECT_EQ(a[1].redacted_text(), json_redacted);
  EXPECT_EQ(a[2].redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(a[3].redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(a[4].redacted_text(), "电话[CN_MOBILE]");
  const auto& b = responses[1].results();
  EXPECT_EQ(b[0].verdict(), v1::REDACTED);
  EXPECT_EQ(b[0].redacted_text(), json_redacted);
  EXPECT_EQ(b[1].redacted_text(), "电话[CN_MOBILE]");
  const auto& c = responses[2].results();
  EXPECT_EQ(c[0].redacted_text(), json_redacted);
  EXPECT_EQ(c[1].redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(c[2].verdict(), v1::BLOCKED);
  EXPECT_EQ(c[2].block_reason(), "malformed_json");
  EXPECT_EQ(c[2].block_detail(), "malformed JSON at byte 9: Invalid value.");
}

TEST_F(ScanStreamTest, MalformedJsonRecordIsBlockedAloneNamingTheByteOffset) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  grpc::Status status =
      Exchange({Request({Record("ok", R"({"a":1})"),
                         Record("bad", R"({"phone":13812345678 "x":1})"),
                         Record("next", R"({"b":2})")},
                        v1::RECORD_FORMAT_JSON)},
               &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_THAT(Ids(responses[0]), ElementsAre("ok", "bad", "next"));
  const auto& r = responses[0].results();
  EXPECT_EQ(r[0].verdict(), v1::ALLOW);
  EXPECT_EQ(r[1].verdict(), v1::BLOCKED);
  EXPECT_EQ(r[1].block_reason(), "malformed_json");
  EXPECT_EQ(r[1].block_detail(),
            "malformed JSON at byte 21: Missing a comma or '}' after an object member.");
  EXPECT_EQ(r[1].redacted_text(), "");
  EXPECT_EQ(r[2].verdict(), v1::ALLOW);
}

TEST_F(ScanStreamTest, UnknownRecordFormatIsBlockedNeverPassed) {
  StartWith(scrub::DefaultPolicy());
  std::vector<v1::ScanStreamResponse> responses;
  // A format value from a newer client: proto3 keeps the unknown number.
  grpc::Status status = Exchange(
      {Request({Record("future", "hello", static_cast<v1::RecordFormat>(42)),
                Record("inherits", "hello")},
               static_cast<v1::RecordFormat>(7))},
      &responses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 1u);
  const auto& r = responses[0].results();
  EXPECT_EQ(r[0].verdict(), v1::BLOCKED);
  EXPECT_EQ(r[0].block_reason(), "unsupported_format");
  EXPECT_EQ(r[0].block_detail(), "record format 42 is not known to this scrubd");
  EXPECT_EQ(r[1].verdict(), v1::BLOCKED);
  EXPECT_EQ(r[1].block_detail(), "record format 7 is not known to this scrubd");
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
      Exchange({Request({Record("a", kCleanText), Record("b", kMobileText),
                         Record("c", R"({"msg":"ok"})", v1::RECORD_FORMAT_JSON)})},
               &responses)
          .ok());
  ASSERT_EQ(responses.size(), 1u);
  ASSERT_EQ(responses[0].results_size(), 3);
  for (const v1::MessageResult& r : responses[0].results()) {
    EXPECT_EQ(r.verdict(), v1::BLOCKED);
    EXPECT_EQ(r.block_reason(), "engine_error");
  }
}

}  // namespace
}  // namespace scrub::testing
