// The CLI and scrubd decide every record alike: the same single-line records
// go through `scrub inspect` / `scrub redact` (the real binary) and through
// scrubd's ScanStream (in process), in each of the three formats, and every
// verdict, reason, finding (with its JSON location) and redacted text must
// match. Both faces only translate; the decision is the library's.
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "rapidjson/document.h"
#include "scrub/policy.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

// One record per line; none contains a newline.
const std::vector<std::string> kRecords = {
    "电话138-1234-5678，身份证11010519491231002X",
    "nothing personal here",
    "",
    "   ",
    R"({"user":{"phone":13812345678,"note":"hi"},"n":1.50})",
    R"(  {"id_card":"\u0031\u0031\u0030\u0031\u0030\u0035\u0031\u0039\u0034\u0039\u0031\u0032\u0033\u0031\u0030\u0030\u0032X"})",
    R"({"13812345678":1})",
    R"({"phone":13812345678,)",
    "{not json 13812345678",
    "[1, 2, 13812345678]",
    R"({"msg":"mail a.b@example.org from 10.1.2.3"})",
    "bad utf-8 \xff 13812345678",
    std::string(300, 'x') + " 13812345678",  // over the policy's 256-byte limit
    "card 4111 1111 1111 1111 exp 12/29",
};

constexpr char kPolicy[] = "name: \"faces\"\nlimits { max_message_bytes: 256 }\n";

std::string ScrubPath() {
  return absl::StrCat(std::getenv("TEST_SRCDIR"), "/", std::getenv("TEST_WORKSPACE"),
                      "/cli/scrub");
}

// The output lines of `scrub <args> --policy P --format F < records`.
std::vector<std::string> RunCli(const std::string& command, const std::string& format) {
  const std::string dir = TestTempDir();
  WriteFile(dir + "/faces.textproto", kPolicy);
  WriteFile(dir + "/faces.in", absl::StrCat(absl::StrJoin(kRecords, "\n"), "\n"));
  const std::string out = absl::StrCat(dir, "/faces.", command, ".", format);
  const std::string cli = absl::StrCat(ScrubPath(), " ", command, " --policy ", dir,
                                       "/faces.textproto --format ", format, " < ", dir,
                                       "/faces.in > ", out);
  EXPECT_EQ(std::system(cli.c_str()), 0) << cli;
  std::vector<std::string> lines = absl::StrSplit(ReadFile(out), '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// What both faces report for one record, in one comparable text.
std::string DescribeWire(const v1::MessageResult& r) {
  std::string out = absl::StrCat(v1::Verdict_Name(r.verdict()), " ", r.block_reason());
  for (const v1::Finding& f : r.findings()) {
    absl::StrAppend(&out, " | ", f.detector(), " [", f.start(), ",", f.end(), ")");
    if (!f.json_pointer().empty() || f.value_end() > 0) {
      absl::StrAppend(&out, " ", f.json_pointer(), f.in_key() ? " key" : "", " [",
                      f.value_start(), ",", f.value_end(), ")");
    }
  }
  return out;
}

std::string DescribeInspect(const std::string& line) {
  rapidjson::Document d;
  d.Parse(line.c_str(), line.size());
  if (d.HasParseError() || !d.IsObject()) return "<unparsable inspect line>";
  std::string out = d["verdict"].GetString();
  absl::StrAppend(&out, " ", d.HasMember("reason") && d["verdict"] == "BLOCKED"
                                 ? d["reason"].GetString()
                                 : "");
  for (const auto& f : d["findings"].GetArray()) {
    absl::StrAppend(&out, " | ", f["detector"].GetString(), " [", f["start"].GetUint64(), ",",
                    f["end"].GetUint64(), ")");
    if (f.HasMember("pointer")) {
      absl::StrAppend(&out, " ", f["pointer"].GetString(),
                      f.HasMember("in_key") ? " key" : "", " [", f["value_start"].GetUint64(),
                      ",", f["value_end"].GetUint64(), ")");
    }
  }
  return out;
}

class FacesAgreeTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FacesAgreeTest, CliAndScrubdGiveTheSameResults) {
  const std::string cli_format = GetParam();
  const v1::RecordFormat wire_format = cli_format == "text"    ? v1::RECORD_FORMAT_TEXT
                                       : cli_format == "jsonl" ? v1::RECORD_FORMAT_JSON
                                                               : v1::RECORD_FORMAT_AUTO;
  absl::StatusOr<v1::Policy> policy = ParsePolicy(kPolicy, PolicyFormat::kTextProto);
  ASSERT_TRUE(policy.ok());
  auto server = StartServer(*policy, InProcessOptions());
  ASSERT_NE(server, nullptr);
  auto stub = InProcessStub(*server);

  v1::ScanStreamRequest request;
  request.set_format(wire_format);
  request.mutable_options()->set_include_findings(true);
  for (size_t i = 0; i < kRecords.size(); ++i) {
    *request.add_records() = Record(absl::StrCat("r", i), kRecords[i]);
  }
  grpc::ClientContext context;
  auto stream = stub->ScanStream(&context);
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(response.results_size(), static_cast<int>(kRecords.size()));

  const std::vector<std::string> inspect = RunCli("inspect", cli_format);
  const std::vector<std::string> redact = RunCli("redact", cli_format);
  ASSERT_EQ(inspect.size(), kRecords.size());
  ASSERT_EQ(redact.size(), kRecords.size());
  for (size_t i = 0; i < kRecords.size(); ++i) {
    const v1::MessageResult& wire = response.results(static_cast<int>(i));
    EXPECT_EQ(DescribeInspect(inspect[i]), DescribeWire(wire)) << "record " << i;
    if (wire.verdict() == v1::REDACTED) {
      EXPECT_EQ(redact[i], wire.redacted_text()) << "record " << i;
    } else if (wire.verdict() == v1::ALLOW) {
      EXPECT_EQ(redact[i], kRecords[i]) << "record " << i;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, FacesAgreeTest, ::testing::Values("text", "jsonl", "auto"));

}  // namespace
}  // namespace scrub::testing
