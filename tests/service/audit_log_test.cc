// The audit log: one JSON line per decision with ids, verdict, detectors,
// offsets and keyed digests — never a value; reopened for log rotation.
#include "service/audit_log.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "scrub/policy.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& path) {
  std::vector<std::string> lines;
  for (absl::string_view l : absl::StrSplit(ReadFile(path), '\n', absl::SkipEmpty())) {
    lines.emplace_back(l);
  }
  return lines;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.path = TestTempDir() + "/audit.jsonl";
    options_.key_file = TestTempDir() + "/audit.key";
    options_.key_id = "k7";
    std::remove(options_.path.c_str());
    WriteFile(options_.key_file, std::string(32, 'K'));
  }

  void Start() {
    auto audit = service::AuditLog::Open(options_);
    ASSERT_TRUE(audit.ok()) << audit.status();
    audit_ = *std::move(audit);
    server_ =
        StartServer(scrub::DefaultPolicy(), InProcessOptions(), nullptr, {audit_.get()});
    ASSERT_NE(server_, nullptr);
    stub_ = InProcessStub(*server_);
  }

  grpc::Status Batch(std::vector<v1::ChatMessage> messages) {
    return SendBatch(*stub_, std::move(messages));
  }

  service::AuditOptions options_;
  std::unique_ptr<service::AuditLog> audit_;
  std::unique_ptr<service::ScrubServer> server_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST_F(AuditLogTest, OneLinePerDecisionWithOffsetsAndKeyedDigestsButNoValues) {
  Start();
  v1::ChatMessage m1 = Message("m1", "电话138-1234-5678");
  m1.set_conversation_id("conv-\"9\"");
  ASSERT_TRUE(
      Batch({m1, Message("m2", "hello"), Message("m3", "手机 138-1234-5678")}).ok());
  const std::vector<std::string> lines = Lines(options_.path);
  ASSERT_EQ(lines.size(), 3u);

  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(lines[0].c_str()).HasParseError()) << lines[0];
  EXPECT_STREQ(d["rpc"].GetString(), "ScanBatch");
  EXPECT_STREQ(d["message_id"].GetString(), "m1");
  EXPECT_STREQ(d["conversation_id"].GetString(), "conv-\"9\"");
  EXPECT_STREQ(d["verdict"].GetString(), "REDACTED");
  EXPECT_STREQ(d["reason"].GetString(), "");
  EXPECT_FALSE(d["failed_open"].GetBool());
  EXPECT_STREQ(d["policy"].GetString(), "scrub-default");
  EXPECT_EQ(std::string(d["time"].GetString()).size(),
            27u);  // 2024-05-01T10:00:00.123456Z
  ASSERT_EQ(d["findings"].Size(), 1u);
  const auto& f = d["findings"][0];
  EXPECT_STREQ(f["detector"].GetString(), "CN_MOBILE");
  EXPECT_EQ(f["start"].GetUint64(), 6u);
  EXPECT_EQ(f["end"].GetUint64(), 19u);
  EXPECT_STREQ(f["action"].GetString(), "REDACT");
  const std::string digest = f["digest"].GetString();
  EXPECT_EQ(digest, audit_->Digest("CN_MOBILE", "138-1234-5678"));
  EXPECT_EQ(digest.size(), 3u + 32u);  // "k7:" + 128 bits in hex
  EXPECT_EQ(digest.substr(0, 3), "k7:");

  rapidjson::Document d2;
  ASSERT_FALSE(d2.Parse(lines[1].c_str()).HasParseError());
  EXPECT_STREQ(d2["verdict"].GetString(), "ALLOW");
  EXPECT_EQ(d2["findings"].Size(), 0u);

  // The same value in another message has the same digest.
  rapidjson::Document d3;
  ASSERT_FALSE(d3.Parse(lines[2].c_str()).HasParseError());
  EXPECT_EQ(std::string(d3["findings"][0]["digest"].GetString()), digest);

  const std::string all = ReadFile(options_.path);
  for (const char* value : {"138-1234-5678", "13812345678", "hello", "电话"}) {
    EXPECT_THAT(all, Not(HasSubstr(value)));
  }
}

TEST_F(AuditLogTest, JsonRecordsLogOffsetsAndValueDigestsButNoPointers) {
  Start();
  auto context = ContextWithTimeout(absl::Seconds(10));
  auto stream = stub_->ScanStream(context.get());
  v1::ScanStreamRequest request;
  request.set_format(v1::RECORD_FORMAT_JSON);
  // One phone number as a JSON number, behind \u escapes inside a longer
  // string, in a key, and in a text record.
  *request.add_records() = Record("number", R"({"phone":13812345678})");
  *request.add_records() =
      Record("escaped", R"({"msg":"call \u0031\u0033\u0038\u0031\u0032\u0033)"
                        R"(\u0034\u0035\u0036\u0037\u0038 now"})");
  *request.add_records() = Record("key", R"({"13812345678":1})");
  *request.add_records() = Record("text", "电话13812345678", v1::RECORD_FORMAT_TEXT);
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());

  const std::vector<std::string> lines = Lines(options_.path);
  ASSERT_EQ(lines.size(), 4u);
  const std::string digest = audit_->Digest("CN_MOBILE", "13812345678");
  struct Expected {
    const char* id;
    const char* verdict;
    const char* reason;
    uint64_t start, end;
    bool json, in_key;
    uint64_t value_start, value_end;
    const char* action;
  };
  const Expected expected[] = {
      {"number", "REDACTED", "", 9, 20, true, false, 0, 11, "REDACT"},
      {"escaped", "REDACTED", "", 7, 84, true, false, 5, 16, "REDACT"},
      {"key", "BLOCKED", "json_key_finding", 1, 14, true, true, 0, 11, "BLOCK"},
      {"text", "REDACTED", "", 6, 17, false, false, 0, 0, "REDACT"},
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i]);
    const Expected& e = expected[i];
    rapidjson::Document d;
    ASSERT_FALSE(d.Parse(lines[i].c_str()).HasParseError());
    EXPECT_STREQ(d["rpc"].GetString(), "ScanStream");
    EXPECT_STREQ(d["message_id"].GetString(), e.id);
    EXPECT_STREQ(d["verdict"].GetString(), e.verdict);
    EXPECT_STREQ(d["reason"].GetString(), e.reason);
    ASSERT_EQ(d["findings"].Size(), 1u);
    const auto& f = d["findings"][0];
    EXPECT_STREQ(f["detector"].GetString(), "CN_MOBILE");
    EXPECT_EQ(f["start"].GetUint64(), e.start);
    EXPECT_EQ(f["end"].GetUint64(), e.end);
    EXPECT_STREQ(f["action"].GetString(), e.action);
    ASSERT_EQ(f.HasMember("in_key"), e.json);
    if (e.json) {
      EXPECT_EQ(f["in_key"].GetBool(), e.in_key);
      EXPECT_EQ(f["value_start"].GetUint64(), e.value_start);
      EXPECT_EQ(f["value_end"].GetUint64(), e.value_end);
    }
    EXPECT_FALSE(f.HasMember("json_pointer"));
    // The same value has one digest in every form.
    EXPECT_EQ(std::string(f["digest"].GetString()), digest);
  }

  const std::string all = ReadFile(options_.path);
  for (const char* value : {"13812345678", "u0031", "call", "/phone", "/msg", "pointer",
                            "[CN_MOBILE]"}) {
    EXPECT_THAT(all, Not(HasSubstr(value)));
  }
}

TEST_F(AuditLogTest, DigestsDependOnTheKey) {
  Start();
  const std::string with_k = audit_->Digest("CN_MOBILE", "13812345678");
  WriteFile(options_.key_file, std::string(32, 'L'));
  auto other = service::AuditLog::Open(options_);
  ASSERT_TRUE(other.ok());
  EXPECT_NE((*other)->Digest("CN_MOBILE", "13812345678").substr(3), with_k.substr(3));
  EXPECT_NE(audit_->Digest("EMAIL", "13812345678"), with_k) << "the detector is keyed in";
}

TEST_F(AuditLogTest, BlockedAndRefusedCallsAreLoggedAsDecisionsOnly) {
  Start();
  ASSERT_TRUE(Batch({Message("bad", std::string("\xff", 1))}).ok());
  EXPECT_FALSE(Batch({Message("", "x")}).ok());  // refused: no decision, no line
  const std::vector<std::string> lines = Lines(options_.path);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr("\"verdict\":\"BLOCKED\",\"reason\":\"invalid_utf8\""));
}

TEST_F(AuditLogTest, ReopenFollowsLogRotation) {
  Start();
  ASSERT_TRUE(Batch({Message("before", "x")}).ok());
  const std::string rotated = options_.path + ".1";
  ASSERT_EQ(std::rename(options_.path.c_str(), rotated.c_str()), 0);
  ASSERT_TRUE(Batch({Message("between", "x")}).ok());  // still the old file
  ASSERT_TRUE(audit_->Reopen().ok());
  ASSERT_TRUE(Batch({Message("after", "x")}).ok());
  const std::vector<std::string> old_lines = Lines(rotated);
  const std::vector<std::string> new_lines = Lines(options_.path);
  ASSERT_EQ(old_lines.size(), 2u);
  EXPECT_THAT(old_lines[0], HasSubstr("\"message_id\":\"before\""));
  EXPECT_THAT(old_lines[1], HasSubstr("\"message_id\":\"between\""));
  ASSERT_EQ(new_lines.size(), 1u);
  EXPECT_THAT(new_lines[0], HasSubstr("\"message_id\":\"after\""));
  EXPECT_EQ(audit_->write_errors(), 0u);
}

// A full disk: every decision's write fails; each is counted and reported,
// and only the first of a run is marked as the one to log.
TEST_F(AuditLogTest, WriteErrorsAreCountedAndReportedAndDoNotChangeTheVerdict) {
  options_.path = "/dev/full";
  std::vector<service::AuditLog::WriteError> errors;
  absl::Mutex mu;
  auto audit = service::AuditLog::Open(options_, [&](const service::AuditLog::WriteError& e) {
    absl::MutexLock lock(&mu);
    errors.push_back(e);
  });
  ASSERT_TRUE(audit.ok()) << audit.status();
  audit_ = *std::move(audit);
  server_ = StartServer(scrub::DefaultPolicy(), InProcessOptions(), nullptr, {audit_.get()});
  ASSERT_NE(server_, nullptr);
  stub_ = InProcessStub(*server_);
  for (const char* id : {"m1", "m2"}) {
    v1::ScanBatchRequest request;
    *request.add_messages() = Message(id, "电话138-1234-5678");
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    ASSERT_TRUE(stub_->ScanBatch(context.get(), request, &response).ok());
    EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
    EXPECT_EQ(response.results(0).redacted_text(), "电话[CN_MOBILE]");
  }
  EXPECT_EQ(audit_->write_errors(), 2u);
  absl::MutexLock lock(&mu);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].status,
            absl::DataLossError("cannot write /dev/full: No space left on device"));
  EXPECT_EQ(errors[0].total, 1u);
  EXPECT_TRUE(errors[0].after_success);
  EXPECT_EQ(errors[1].total, 2u);
  EXPECT_FALSE(errors[1].after_success) << "one log line per run of failures";
}

TEST_F(AuditLogTest, OpenErrorsNameTheFlag) {
  WriteFile(options_.key_file, "short");
  EXPECT_EQ(service::AuditLog::Open(options_).status().message(),
            "--audit_key_file: the key has fewer than 32 bytes");
  WriteFile(options_.key_file, std::string(32, 'K'));
  options_.key_id = "K1!";
  EXPECT_EQ(service::AuditLog::Open(options_).status().message(),
            "--audit_key_id: must be 1 to 16 of [a-z0-9], got \"K1!\"");
  options_.key_id = "k1";
  options_.path = "/nonexistent-dir/audit.jsonl";
  EXPECT_THAT(std::string(service::AuditLog::Open(options_).status().message()),
              HasSubstr("--audit_log: cannot open /nonexistent-dir/audit.jsonl"));
  options_.key_file = "/nonexistent-dir/key";
  EXPECT_THAT(std::string(service::AuditLog::Open(options_).status().message()),
              HasSubstr("--audit_key_file: cannot read /nonexistent-dir/key"));
}

}  // namespace
}  // namespace scrub::testing
