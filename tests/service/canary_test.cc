// The canary: messages full of known personal data go through every RPC and
// every error path of the real scrubd; then scrubd's log, its audit log,
// its /metrics page, every response and every error message are searched
// for the values. There must be zero hits.
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "tests/service/http_get.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

// A resident ID with a valid ISO 7064 MOD 11-2 check character.
std::string ResidentId(const std::string& first17) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

// A card number with a valid Luhn check digit.
std::string LuhnNumber(const std::string& body) {
  int sum = 0;
  for (int i = static_cast<int>(body.size()) - 1, k = 0; i >= 0; --i, ++k) {
    int d = body[i] - '0';
    if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + static_cast<char>('0' + (10 - sum % 10) % 10);
}

// Full-width digits (U+FF10..U+FF19) for an ASCII digit string.
std::string FullWidth(const std::string& digits) {
  std::string out;
  for (char c : digits)
    out += absl::StrCat("\xEF\xBC", std::string(1, static_cast<char>(0x90 + (c - '0'))));
  return out;
}

// Every byte of an ASCII string as a JSON \u escape ("1" -> "\u0031").
std::string JsonEscaped(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += absl::StrFormat("\\u%04x", static_cast<int>(c));
  return out;
}

class CanaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    id_ = ResidentId("44030119850715123");
    mobile_ = "13987654321";
    email_ = "canary.leak@example.net";
    card_ = LuhnNumber("621700381002689");
    ip_ = "203.0.113.199";
    // Every form a value is searched for.
    card_grouped_ = absl::StrCat(card_.substr(0, 4), " ", card_.substr(4, 4), " ",
                                 card_.substr(8, 4), " ", card_.substr(12));
    needles_ = {id_,
                mobile_,
                "139-8765-4321",
                "139 8765 4321",
                FullWidth(mobile_),
                email_,
                card_,
                card_grouped_,
                ip_,
                "canary.leak"};
    // The forms only JSON records hide them in.
    json_needles_ = {JsonEscaped(id_), JsonEscaped(mobile_)};
  }

  // Appends everything a caller could see of a response or status.
  void Keep(const google::protobuf::Message& response) {
    seen_ += response.SerializeAsString();
    seen_ += response.DebugString();
  }
  void Keep(const grpc::Status& status) {
    seen_ += status.error_message();
    seen_ += status.error_details();
  }

  std::vector<std::string> Leaks(const std::string& haystack) const {
    std::vector<std::string> hits;
    for (const std::vector<std::string>* list : {&needles_, &json_needles_}) {
      for (const std::string& n : *list) {
        if (absl::StrContains(haystack, n)) hits.push_back(n);
      }
    }
    return hits;
  }

  std::string id_, mobile_, email_, card_, card_grouped_, ip_;
  std::vector<std::string> needles_;       // every form, in texts
  std::vector<std::string> json_needles_;  // forms in JSON records only
  std::string seen_;  // responses and error messages
};

TEST_F(CanaryTest, NoValueAppearsInLogsAuditMetricsResponsesOrErrors) {
  const std::string socket = UniqueSocketPath("canary");
  const std::string audit = TestTempDir() + "/canary-audit.jsonl";
  const std::string key = TestTempDir() + "/canary.key";
  const std::string policy = TestTempDir() + "/canary.textproto";
  WriteFile(key, std::string(32, 'z'));
  v1::Policy p = scrub::DefaultPolicy();
  p.set_name("canary");
  for (v1::DetectorRule& rule : *p.mutable_rules()) {
    if (rule.detector() == "EMAIL") rule.set_action(v1::ACTION_BLOCK);
  }
  WriteFile(policy, scrub::PolicyToText(p));
  auto scrubd = ScrubdProcess::Start(
      {"--listen=unix://" + socket, "--policy=" + policy, "--metrics_listen=127.0.0.1:0",
       "--audit_log=" + audit, "--audit_key_file=" + key, "--max_message_bytes=512",
       "--max_batch_bytes=8192", "--max_receive_message_bytes=65536"},
      "canary-scrubd");
  ASSERT_NE(scrubd, nullptr);
  ASSERT_TRUE(scrubd->AwaitLog("(self-test passed)", absl::Seconds(60))) << scrubd->log();
  auto stub = v1::Scrub::NewStub(
      grpc::CreateChannel("unix:" + socket, grpc::InsecureChannelCredentials()));

  const std::vector<std::string> texts = {
      absl::StrCat("我的身份证号是", id_, "，手机", mobile_),
      absl::StrCat("电话 139-8765-4321 或 139 8765 4321"),
      absl::StrCat("电话", FullWidth(mobile_)),
      absl::StrCat("卡号 ", card_, "，开户行北京分行"),
      absl::StrCat("银行卡 ", card_grouped_),
      absl::StrCat("登录 IP ", ip_, " 异常"),
      absl::StrCat("邮箱 ", email_),                            // ACTION_BLOCK
      absl::StrCat("手机", mobile_, std::string("\xff", 1)),    // invalid UTF-8
      absl::StrCat("身份证", id_, " ", std::string(600, '.')),  // over 512 bytes
  };

  // ScanBatch, with and without findings.
  for (bool findings : {true, false}) {
    v1::ScanBatchRequest request;
    request.mutable_options()->set_include_findings(findings);
    for (size_t i = 0; i < texts.size(); ++i) {
      v1::ChatMessage* m = request.add_messages();
      m->set_id(absl::StrCat("msg-", i));
      m->set_conversation_id("conv-a");
      m->set_text(texts[i]);
    }
    ASSERT_EQ(Leaks(request.SerializeAsString()).size(), needles_.size())
        << "precondition: the requests hold every value";
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.results_size(), static_cast<int>(texts.size()));
    for (const v1::MessageResult& r : response.results()) {
      EXPECT_NE(r.verdict(), v1::ALLOW) << r.id() << " holds personal data";
    }
    EXPECT_EQ(response.results(6).block_reason(), "detector_action");
    EXPECT_EQ(response.results(7).block_reason(), "invalid_utf8");
    EXPECT_EQ(response.results(8).block_reason(), "message_too_large");
    Keep(response);
  }

  // Error paths of ScanBatch: a message without an id, a batch over
  // max_batch_bytes, a request over the receive size.
  {
    v1::ScanBatchRequest request;
    *request.add_messages() = Message("", texts[0]);
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    Keep(status);
  }
  {
    v1::ScanBatchRequest request;
    for (int i = 0; i < 100; ++i) {  // ~12 KB of text, over 8192
      *request.add_messages() =
          Message(absl::StrCat("m", i), texts[0] + texts[3] + texts[4]);
    }
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("max_batch_bytes"));
    Keep(status);
  }
  {
    v1::ScanBatchRequest request;
    std::string big;
    while (big.size() < 70000) big += texts[0];
    *request.add_messages() = Message("big", big);
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    Keep(status);
  }

  // ScanStream: text records, then JSON records through every JSON path
  // (the request's format JSON, a record's own AUTO), then a record without
  // an id.
  {
    auto context = ContextWithTimeout(absl::Seconds(10));
    auto stream = stub->ScanStream(context.get());
    v1::ScanStreamRequest request;
    request.mutable_options()->set_include_findings(true);
    for (size_t i = 0; i < texts.size(); ++i) {
      *request.add_records() = Record(absl::StrCat("rec-", i), texts[i]);
    }
    ASSERT_TRUE(stream->Write(request));
    v1::ScanStreamResponse response;
    ASSERT_TRUE(stream->Read(&response));
    ASSERT_EQ(response.results_size(), static_cast<int>(texts.size()));
    Keep(response);

    // The JSON records, with what each must come back as.
    struct JsonCase {
      std::string id, record;
      v1::RecordFormat format;  // UNSPECIFIED: the request's (JSON)
      v1::Verdict verdict;
      std::string redacted_or_reason;
    };
    const std::string deep = absl::StrCat(std::string(70, '['), "\"", mobile_, "\"",
                                          std::string(70, ']'));
    const std::vector<JsonCase> cases = {
        {"json-number-escaped",
         absl::StrCat("{\"user\":{\"phone\":", mobile_, "},\"id_card\":\"",
                      JsonEscaped(id_), "\"}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::REDACTED,
         R"({"user":{"phone":"[CN_MOBILE]"},"id_card":"[CN_RESIDENT_ID]"})"},
        {"json-nested",
         absl::StrCat("{\"pay\":{\"bank_card\":[\"", card_grouped_, "\"],\"ip\":\"", ip_,
                      "\"},\"note\":\"手机 ", FullWidth(mobile_), "\"}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::REDACTED,
         R"({"pay":{"bank_card":["[BANK_CARD]"],"ip":"[IP_ADDRESS]"},)"
         R"("note":"手机 [CN_MOBILE]"})"},
        {"json-auto", absl::StrCat("  {\"mobile\":\"", JsonEscaped(mobile_), "\"}"),
         v1::RECORD_FORMAT_AUTO, v1::REDACTED, R"(  {"mobile":"[CN_MOBILE]"})"},
        {"json-email", absl::StrCat("{\"contact\":{\"email\":\"", email_, "\"}}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "detector_action"},
        {"json-key", absl::StrCat("{\"", mobile_, "\":{\"ok\":true}}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "json_key_finding"},
        {"json-malformed", absl::StrCat("{\"id_card\":\"", id_, "\",\"phone\" ", mobile_),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "malformed_json"},
        {"json-deep", deep, v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "json_too_deep"},
        {"json-utf8", absl::StrCat("{\"phone\":\"", mobile_, "\xff\"}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "invalid_utf8"},
        {"json-large",
         absl::StrCat("{\"id_card\":\"", id_, "\",\"pad\":\"", std::string(600, '.'),
                      "\"}"),
         v1::RECORD_FORMAT_UNSPECIFIED, v1::BLOCKED, "message_too_large"},
    };
    v1::ScanStreamRequest json;
    json.set_format(v1::RECORD_FORMAT_JSON);
    for (const JsonCase& c : cases) {
      *json.add_records() = Record(c.id, c.record, c.format);
    }
    ASSERT_THAT(Leaks(json.SerializeAsString()),
                ::testing::IsSupersetOf({id_, mobile_, JsonEscaped(id_),
                                         JsonEscaped(mobile_), FullWidth(mobile_),
                                         card_grouped_, ip_, email_}))
        << "precondition: the JSON records hold the values";
    ASSERT_TRUE(stream->Write(json));
    ASSERT_TRUE(stream->Read(&response));
    ASSERT_EQ(response.results_size(), static_cast<int>(cases.size()));
    for (size_t i = 0; i < cases.size(); ++i) {
      const v1::MessageResult& r = response.results(i);
      EXPECT_EQ(r.id(), cases[i].id);
      EXPECT_EQ(r.verdict(), cases[i].verdict) << cases[i].id;
      if (cases[i].verdict == v1::REDACTED) {
        EXPECT_EQ(r.redacted_text(), cases[i].redacted_or_reason) << cases[i].id;
      } else {
        EXPECT_EQ(r.block_reason(), cases[i].redacted_or_reason) << cases[i].id;
      }
    }
    // Findings located in JSON: pointers, never values.
    ASSERT_GE(response.results(0).findings_size(), 2);
    EXPECT_EQ(response.results(0).findings(0).json_pointer(), "/user/phone");
    EXPECT_EQ(response.results(0).findings(1).json_pointer(), "/id_card");
    ASSERT_GE(response.results(4).findings_size(), 1);
    EXPECT_EQ(response.results(4).findings(0).json_pointer(), "/[CN_MOBILE]");
    EXPECT_TRUE(response.results(4).findings(0).in_key());
    Keep(response);
    v1::ScanStreamRequest bad;
    *bad.add_records() = Record("", texts[0]);
    ASSERT_TRUE(stream->Write(bad));
    EXPECT_FALSE(stream->Read(&response));
    grpc::Status status = stream->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    Keep(status);
  }

  // A policy reload that fails on a file holding personal data.
  WriteFile(policy, absl::StrCat("name: \"canary\"\nallow { values: ", mobile_, " }\n"));
  scrubd->Signal(SIGHUP);
  ASSERT_TRUE(scrubd->AwaitLog("policy reload failed", absl::Seconds(30)))
      << scrubd->log();

  absl::StatusOr<std::string> metrics =
      HttpGet(scrubd->PortAfter("metrics on http://127.0.0.1:"), "/metrics");
  ASSERT_TRUE(metrics.ok()) << metrics.status();

  stub.reset();  // close the idle connection: nothing left to drain
  scrubd->Signal(SIGTERM);
  ASSERT_EQ(scrubd->AwaitExit(absl::Seconds(30)), absl::optional<int>(0));
  unlink(socket.c_str());

  // The canary saw real findings, so the search below is meaningful.
  const std::string audit_log = ReadFile(audit);
  for (const char* detector :
       {"CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD", "IP_ADDRESS", "EMAIL"}) {
    EXPECT_THAT(audit_log,
                ::testing::HasSubstr(absl::StrCat("\"detector\":\"", detector, "\"")));
    EXPECT_GT(MetricValue(*metrics, absl::StrCat("scrubd_findings_total{detector=\"",
                                                 detector, "\"}")),
              0)
        << detector;
  }

  EXPECT_THAT(Leaks(scrubd->log()), ::testing::IsEmpty()) << "scrubd's log";
  EXPECT_THAT(Leaks(audit_log), ::testing::IsEmpty()) << "the audit log";
  EXPECT_THAT(Leaks(*metrics), ::testing::IsEmpty()) << "/metrics";
  EXPECT_THAT(Leaks(seen_), ::testing::IsEmpty()) << "responses and error messages";
}

}  // namespace
}  // namespace scrub::testing
