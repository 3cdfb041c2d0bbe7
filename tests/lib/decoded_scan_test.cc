// Values inside encodings, end to end on the default policy: each encoding,
// mixed and nested encodings, escapes left alone, encoded text without
// personal data, the decode budgets (BLOCK, counted, no value in the
// error) and the policy switch.
#include <string>

#include "absl/strings/match.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

using testing::DefaultScanner;
using testing::ScannerFor;

// The policy `text` (text format) on top of the default policy.
std::shared_ptr<const Scanner> DefaultPlus(const std::string& text) {
  v1::Policy policy = DefaultPolicy();
  EXPECT_TRUE(google::protobuf::TextFormat::MergeFromString(text, &policy)) << text;
  return ScannerFor(policy);
}

std::string Output(const ScanResult& r, absl::string_view input) {
  return r.verdict == Verdict::kRedacted ? r.output : std::string(input);
}

struct Case {
  const char* text;
  const char* redacted;
};

void ExpectRedactions(const Scanner& scanner, std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    ScanResult r = scanner.Scan(c.text);
    EXPECT_TRUE(r.error.ok()) << c.text << ": " << r.error;
    EXPECT_EQ(Output(r, c.text), c.redacted) << c.text;
    // Re-scanning the redacted output finds nothing.
    EXPECT_TRUE(scanner.Scan(Output(r, c.text)).findings.empty()) << c.redacted;
  }
}

TEST(DecodedScan, PercentEncodedValueIsRedactedAsAWholeEscapeRun) {
  const std::string text = "GET /api?phone=%2B86%20138%200013%208000&x=1";
  ScanResult r = DefaultScanner()->Scan(text);
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "GET /api?phone=[CN_MOBILE]&x=1");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].detector, "CN_MOBILE");
  EXPECT_EQ(r.findings[0].start, 15u);  // "%2B86…8000", whole escapes
  EXPECT_EQ(r.findings[0].end, 40u);
}

TEST(DecodedScan, AValueNextToAnEncodedRunIsReadAsTheDecodedTextReadsIt) {
  // In the text, the escape's raw bytes make the second mobile the tail of
  // a decimal number; decoded, it stands alone. Redacting only the first
  // would leave "[CN_MOBILE].14101531313" — a mobile to the next reader
  // (found by the text_scan fuzzer: tests/fuzz/corpus/text_scan/
  // decoded-neighbour-mobile).
  ExpectRedactions(*DefaultScanner(), {
      {"13\\u003000513313.14101531313", "[CN_MOBILE].[CN_MOBILE]"},
      // A context word decoded next to a value is its context.
      {"%E7%94%B5%E8%AF%9D 415-555-2671", "%E7%94%B5%E8%AF%9D [PHONE]"},
  });
  // A value the text pass found already is not found twice.
  const ScanResult r = DefaultScanner()->Scan("%41 13800138000");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].start, 4u);
}

TEST(DecodedScan, EveryEncodingIsLookedThrough) {
  ExpectRedactions(*DefaultScanner(), {
      {"tel=%31%33%38%30%30%31%33%38%30%30%30", "tel=[CN_MOBILE]"},
      {"q=%2B86+138+0013+8000", "q=[CN_MOBILE]"},
      {"mail=zhang.san%40example.com", "mail=[EMAIL]"},
      {"电话&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;",
       "电话[CN_MOBILE]"},
      {"电话&#x31;&#x33;&#x38;&#x30;&#x30;&#x31;&#x33;&#x38;&#x30;&#x30;&#x30;。",
       "电话[CN_MOBILE]。"},
      {"zhang.san&commat;example&period;com", "[EMAIL]"},
      {R"(msg=\u0031\u0033\u0038\u0030\u0030\u0031\u0033\u0038\u0030\u0030\u0030)",
       "msg=[CN_MOBILE]"},
      {R"(id: 110105\n19491231\n002X)", "id: [CN_RESIDENT_ID]"},
      {"payload=MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU= end", "payload=[CN_MOBILE] end"},
  });
}

TEST(DecodedScan, Base64FindingReportsTheWholeRunInOriginalOffsets) {
  const std::string text = "payload=MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU= end";
  ScanResult r = DefaultScanner()->Scan(text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].detector, "CN_MOBILE");
  EXPECT_EQ(r.findings[0].start, 8u);
  EXPECT_EQ(r.findings[0].end, 40u);  // the run and its '='
}

TEST(DecodedScan, MixedEncodingsInOneLineAndOneValue) {
  ExpectRedactions(*DefaultScanner(), {
      // Percent, HTML and JSON escapes inside one value; an e-mail beside it.
      {R"(tel=%31%33%38&#48;&#48;\u0031\u0033\u0038\u0030\u0030\u0030 mail=a%40example.com)",
       "tel=[CN_MOBILE] mail=[EMAIL]"},
      // Full-width digits, percent-encoded: decoded view, then detection view.
      {"n=%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%93%EF%BC%98"
       "%EF%BC%90%EF%BC%90%EF%BC%90",
       "n=[CN_MOBILE]"},
  });
}

TEST(DecodedScan, PercentInsideBase64IsANestedView) {
  // base64("tel=%31%33%38%30%30%31%33%38%30%30%30")
  const std::string text = "nested=dGVsPSUzMSUzMyUzOCUzMCUzMCUzMSUzMyUzOCUzMCUzMCUzMA==;";
  auto scanner = DefaultPlus("");
  ScanResult r = scanner->Scan(text);
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "nested=[CN_MOBILE];");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].start, 7u);
  EXPECT_EQ(r.findings[0].end, 59u);
  EXPECT_EQ(scanner->counters().decoded_views, 2u);
  EXPECT_EQ(scanner->counters().nested_decoded_views, 1u);
}

TEST(DecodedScan, PartialAndInvalidEscapesAreLeftUntouched) {
  ExpectRedactions(*DefaultScanner(), {
      {"%3 13800138000 &#xZZ; MTM4MDAxMzgwMDAga", "%3 [CN_MOBILE] &#xZZ; MTM4MDAxMzgwMDAga"},
      {"%3 %31%33%38%30%30%31%33%38%30%30%30", "%3 [CN_MOBILE]"},
      {"&#xZZ;&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;", "&#xZZ;[CN_MOBILE]"},
      {"tel=%31%33%38%30%30%31%33%38%30%30%3", "tel=%31%33%38%30%30%31%33%38%30%30%3"},
      {R"(\u003 \ud800 &#; &# 50% off)", R"(\u003 \ud800 &#; &# 50% off)"},
  });
}

TEST(DecodedScan, EncodedTextWithoutPersonalDataIsUnchanged) {
  for (const char* text : {
           "city=%E5%8C%97%E4%BA%AC&q=%E5%A4%A9%E6%B0%94",
           "&lt;b&gt;hello&lt;/b&gt; &amp; bye \\\"ok\\\"",
           "path=%2Fusr%2Fshare%2Fdoc page=2&size=20",
           R"(log: \"status\":\"ok\"\n\tnext)",
           "token=aGVsbG8gd29ybGQsIGhvdyBhcmUgeW91Pw==",  // "hello world, how are you?"
           "sha=d41d8cd98f00b204e9800998ecf8427e /usr/share/doc/libfoo/README",
       }) {
    ScanResult r = DefaultScanner()->Scan(text);
    EXPECT_EQ(r.verdict, Verdict::kAllow) << text;
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(DecodedScan, NestingDeeperThanMaxDepthBlocksWithoutTheValue) {
  // "%252531" -> "%2531" -> "%31" -> "1": three levels.
  const std::string text =
      "tel=%252531%252533%252538%252530%252530%252531%252533%252538%252530%252530%252530";
  // FAIL_OPEN too: an input can provoke a budget, so it never passes.
  auto scanner = DefaultPlus("failure_mode: FAIL_OPEN");
  ScanResult r = scanner->Scan(text);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kDecodeBudget);
  EXPECT_EQ(BlockReasonName(r.block_reason), "decode_budget");
  EXPECT_EQ(r.error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(r.block_detail, "decode budget: encodings nested deeper than decode.max_depth 2");
  EXPECT_FALSE(r.failed_open);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(scanner->counters().decode_budget_blocks, 1u);
  EXPECT_EQ(scanner->counters().engine_errors, 0u);

  // With three levels allowed it is a finding.
  ScanResult deeper = DefaultPlus("decode { max_depth: 3 }")->Scan(text);
  EXPECT_EQ(deeper.verdict, Verdict::kRedacted);
  EXPECT_EQ(deeper.output, "tel=[CN_MOBILE]");
}

TEST(DecodedScan, OneLevelBudgetBlocksPercentInsideBase64) {
  const std::string text = "nested=dGVsPSUzMSUzMyUzOCUzMCUzMCUzMSUzMyUzOCUzMCUzMCUzMA==;";
  ScanResult r = DefaultPlus("decode { max_depth: 1 }")->Scan(text);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_detail, "decode budget: encodings nested deeper than decode.max_depth 1");
}

TEST(DecodedScan, MoreDecodedBytesThanTheInputBlocks) {
  // base64(base64("13800138000 is my phone")): 32 + 23 decoded bytes > 46.
  const std::string text = "x=TVRNNE1EQXhNemd3TURBZ2FYTWdiWGtnY0dodmJtVT0=";
  ScanResult r = DefaultScanner()->Scan(text);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kDecodeBudget);
  EXPECT_EQ(r.block_detail, "decode budget: 55 decoded bytes exceed the text's 46 bytes");
  EXPECT_FALSE(absl::StrContains(r.block_detail, "138"));
}

TEST(DecodedScan, PolicySwitchTurnsEachEncodingOff) {
  auto scanner = DefaultPlus("decode { percent: false html: false escapes: false base64: false }");
  for (const char* text : {
           "tel=%31%33%38%30%30%31%33%38%30%30%30",
           "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;",
           R"(\u0031\u0033\u0038\u0030\u0030\u0031\u0033\u0038\u0030\u0030\u0030)",
           "payload=MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU= end",
       }) {
    ScanResult r = scanner->Scan(text);
    EXPECT_EQ(r.verdict, Verdict::kAllow) << text;
  }
  EXPECT_EQ(scanner->counters().decoded_views, 0u);
  // One off, the others on.
  ScanResult html_only_off = DefaultPlus("decode { html: false }")->Scan(
      "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48; %31%33%38%30%30%31%33%38%30%30%30");
  EXPECT_EQ(html_only_off.output,
            "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48; [CN_MOBILE]");
}

TEST(DecodedScan, JsonStringValuesAreDecodedToo) {
  const std::string record = R"({"msg":"tel=%31%33%38%30%30%31%33%38%30%30%30 ok","n":1})";
  ScanResult r = DefaultScanner()->Scan(Record{record, RecordFormat::kJson});
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, R"({"msg":"tel=[CN_MOBILE] ok","n":1})");
  ASSERT_EQ(r.findings.size(), 1u);
  ASSERT_TRUE(r.findings[0].json.has_value());
  EXPECT_EQ(r.findings[0].json->pointer, "/msg");
  EXPECT_EQ(r.findings[0].json->value_start, 4u);
  EXPECT_EQ(r.findings[0].json->value_end, 37u);
}

TEST(DecodedScan, JsonValueNestedTooDeepBlocksTheRecord) {
  const std::string record =
      R"({"tel":"%252531%252533%252538%252530%252530%252531%252533%252538%252530%252530%252530"})";
  ScanResult r = DefaultScanner()->Scan(Record{record, RecordFormat::kJson});
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kDecodeBudget);
  EXPECT_EQ(r.block_detail, "decode budget: encodings nested deeper than decode.max_depth 2");
}

TEST(DecodedScan, CleanTextBuildsNoView) {
  auto scanner = DefaultPlus("");
  for (const char* text : {"今天天气不错，晚上一起吃饭吧？", "50% off at R&D, see a\\x", "13800138000"}) {
    scanner->Scan(text);
  }
  EXPECT_EQ(scanner->counters().decoded_views, 0u);
}

}  // namespace
}  // namespace scrub
