// ScanAll, through which every scanned text of scrubd goes to the library,
// the wire formats it translates, and the wire translation of results.
#include "service/batch_scan.h"

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "service/wire.h"
#include "tests/support/test_scanner.h"

namespace scrub::service {
namespace {

using ::testing::ElementsAre;

// The JSON locations of a result's findings, in order (nullopt for a text
// finding).
std::vector<std::optional<JsonLocation>> Locations(const scrub::ScanResult& r) {
  std::vector<std::optional<JsonLocation>> out;
  for (const scrub::Finding& f : r.findings) out.push_back(f.json);
  return out;
}

class RecordScannerTest : public ::testing::Test {
 protected:
  void SetUp() override { scanner_ = scrub::testing::DefaultScanner(); }

  // One text through ScanAll, as scrubd scans it.
  RecordResult ScanRecord(const scrub::Scanner& scanner, absl::string_view text,
                          v1::RecordFormat format, scrub::Scratch* scratch) {
    const CallDeadline far(absl::Now() + absl::Hours(1), absl::ZeroDuration());
    const absl::string_view texts[] = {text};
    const v1::RecordFormat formats[] = {format};
    absl::StatusOr<std::vector<RecordResult>> r =
        ScanAll(scanner, texts, formats, far, scratch);
    EXPECT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->size(), 1u);
    return std::move((*r)[0]);
  }

  std::shared_ptr<const scrub::Scanner> scanner_;
  scrub::Scratch scratch_;
};

TEST_F(RecordScannerTest, EffectiveFormatIsRecordThenRequestThenText) {
  EXPECT_EQ(EffectiveFormat(v1::RECORD_FORMAT_JSON, v1::RECORD_FORMAT_TEXT),
            v1::RECORD_FORMAT_JSON);
  EXPECT_EQ(EffectiveFormat(v1::RECORD_FORMAT_UNSPECIFIED, v1::RECORD_FORMAT_AUTO),
            v1::RECORD_FORMAT_AUTO);
  EXPECT_EQ(EffectiveFormat(v1::RECORD_FORMAT_UNSPECIFIED, v1::RECORD_FORMAT_UNSPECIFIED),
            v1::RECORD_FORMAT_TEXT);
}

TEST_F(RecordScannerTest, TextIsScannedByTheLibrary) {
  RecordResult r =
      ScanRecord(*scanner_, "电话138-1234-5678", v1::RECORD_FORMAT_TEXT, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(r.scan.output, "电话[CN_MOBILE]");
  EXPECT_EQ(r.reason, "");
  r = ScanRecord(*scanner_, std::string("a\xff"), v1::RECORD_FORMAT_UNSPECIFIED,
                 &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(r.reason, "invalid_utf8");
}

// A phone number stored as a JSON number and a resident ID whose digits hide
// behind \u escapes, beside untouched values.
constexpr char kJsonRecord[] =
    R"({"user":{"phone":13812345678,"note":"hi"},)"
    R"("id_card":"\u0031\u0031\u0030\u0031\u0030\u0035\u0031\u0039\u0034)"
    R"(\u0039\u0031\u0032\u0033\u0031\u0030\u0030\u0032X","n":1.50})";
constexpr char kJsonRecordRedacted[] =
    R"({"user":{"phone":"[CN_MOBILE]","note":"hi"},)"
    R"("id_card":"[CN_RESIDENT_ID]","n":1.50})";

TEST_F(RecordScannerTest, JsonRecordIsRedactedWithItsStructureAndKeysKept) {
  RecordResult r = ScanRecord(*scanner_, kJsonRecord, v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(r.scan.output, kJsonRecordRedacted);
  EXPECT_EQ(r.reason, "");
  EXPECT_TRUE(r.scan.error.ok());
  ASSERT_EQ(r.scan.findings.size(), 2u);
  // start/end: the raw tokens, byte offsets in the record (the ID's string
  // token with its quotes: 1 + 17 * 6 + 1 + 1 bytes).
  EXPECT_EQ(r.scan.findings[0].detector, "CN_MOBILE");
  EXPECT_EQ(r.scan.findings[0].start, 17u);
  EXPECT_EQ(r.scan.findings[0].end, 28u);
  EXPECT_EQ(r.scan.findings[0].action, v1::ACTION_REDACT);
  EXPECT_EQ(r.scan.findings[1].detector, "CN_RESIDENT_ID");
  EXPECT_EQ(r.scan.findings[1].start, 52u);
  EXPECT_EQ(r.scan.findings[1].end, 157u);
  EXPECT_EQ(r.scan.findings[1].action, v1::ACTION_REDACT);
  EXPECT_THAT(Locations(r.scan),
              ElementsAre(JsonLocation{"/user/phone", false, 0, 11},
                          JsonLocation{"/id_card", false, 0, 18}));
}

TEST_F(RecordScannerTest, JsonRecordWithoutFindingsIsAllowed) {
  RecordResult r = ScanRecord(*scanner_, R"({"msg":"ok","n":1.50})",
                              v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kAllow);
  EXPECT_EQ(r.scan.output, "");
  EXPECT_TRUE(r.scan.findings.empty());
}

TEST_F(RecordScannerTest, MalformedJsonRecordIsBlockedNamingTheByteOffset) {
  RecordResult r = ScanRecord(*scanner_, R"({"phone":13812345678,)",
                              v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(r.reason, "malformed_json");
  EXPECT_EQ(r.scan.block_detail,
            "malformed JSON at byte 21: Missing a name for object member.");
  EXPECT_EQ(r.scan.error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(r.scan.failed_open);
  EXPECT_EQ(r.scan.output, "");
}

TEST_F(RecordScannerTest, JsonRecordTooDeepIsBlocked) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_json_depth(2);
  auto shallow = scrub::Scanner::Create(policy);
  ASSERT_TRUE(shallow.ok()) << shallow.status();
  RecordResult r =
      ScanRecord(**shallow, R"({"a":{"b":{"c":1}}})", v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(r.reason, "json_too_deep");
  EXPECT_EQ(r.scan.block_detail,
            "JSON nests deeper than limits.max_json_depth 2 at byte 10");
}

TEST_F(RecordScannerTest, FindingInAJsonKeyBlocksWithARedactedPointer) {
  RecordResult r =
      ScanRecord(*scanner_, R"({"13812345678":1})", v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(r.reason, "json_key_finding");
  ASSERT_EQ(r.scan.findings.size(), 1u);
  EXPECT_EQ(r.scan.findings[0].detector, "CN_MOBILE");
  EXPECT_EQ(r.scan.findings[0].start, 1u);
  EXPECT_EQ(r.scan.findings[0].end, 14u);
  EXPECT_EQ(r.scan.findings[0].action, v1::ACTION_BLOCK);
  EXPECT_THAT(Locations(r.scan), ElementsAre(JsonLocation{"/[CN_MOBILE]", true, 0, 11}));
}

TEST_F(RecordScannerTest, MalformedJsonScannedAsTextByPolicyHasNoJsonLocations) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_json()->set_malformed(v1::MALFORMED_JSON_SCAN_AS_TEXT);
  auto lenient = scrub::Scanner::Create(policy);
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  RecordResult r = ScanRecord(**lenient, R"({"msg":"电话13812345678)",
                              v1::RECORD_FORMAT_JSON, &scratch_);
  EXPECT_EQ(r.scan.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(r.scan.output, R"({"msg":"电话[CN_MOBILE])");
  ASSERT_EQ(r.scan.findings.size(), 1u);
  EXPECT_EQ(r.scan.findings[0].start, 14u);
  EXPECT_EQ(r.scan.findings[0].end, 25u);
  EXPECT_EQ(r.scan.findings[0].json, std::nullopt);
}

TEST_F(RecordScannerTest, AutoDecidesPerRecordByTheFirstNonBlankByte) {
  // Not starting with '{': text (a JSON array would be text as well).
  RecordResult text =
      ScanRecord(*scanner_, "电话138-1234-5678", v1::RECORD_FORMAT_AUTO, &scratch_);
  EXPECT_EQ(text.scan.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(text.scan.output, "电话[CN_MOBILE]");
  EXPECT_EQ(text.scan.findings[0].json, std::nullopt);
  // Starting with '{' after blanks: JSON (a text scan would have written
  // [CN_MOBILE] unquoted, breaking the record).
  RecordResult json = ScanRecord(*scanner_, " \t{\"phone\":13812345678}",
                                 v1::RECORD_FORMAT_AUTO, &scratch_);
  EXPECT_EQ(json.scan.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(json.scan.output, " \t{\"phone\":\"[CN_MOBILE]\"}");
  EXPECT_THAT(Locations(json.scan), ElementsAre(JsonLocation{"/phone", false, 0, 11}));
  // Starting with '{' but not JSON: blocked, never scanned as text.
  RecordResult broken =
      ScanRecord(*scanner_, "{phone 13812345678", v1::RECORD_FORMAT_AUTO, &scratch_);
  EXPECT_EQ(broken.scan.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(broken.reason, "malformed_json");
  EXPECT_EQ(broken.scan.block_detail,
            "malformed JSON at byte 1: Missing a name for object member.");
}

TEST_F(RecordScannerTest, UnknownFormatIsBlockedNeverPassed) {
  for (const char* text : {R"({"a":"hello"})", "x"}) {
    RecordResult r =
        ScanRecord(*scanner_, text, static_cast<v1::RecordFormat>(42), &scratch_);
    EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked) << text;
    EXPECT_EQ(r.reason, kUnsupportedFormat);
    EXPECT_EQ(r.reason, "unsupported_format");
    EXPECT_EQ(r.scan.error.code(), absl::StatusCode::kUnimplemented);
    EXPECT_EQ(r.scan.block_detail, "record format 42 is not known to this scrubd");
    EXPECT_FALSE(r.scan.failed_open);
    EXPECT_EQ(r.scan.output, "");
  }
}

TEST_F(RecordScannerTest, WireResultCarriesJsonLocationsOfFindings) {
  v1::ScanOptions options;
  options.set_include_findings(true);
  v1::MessageResult out;
  ToWireResult("r1",
               ScanRecord(*scanner_, kJsonRecord, v1::RECORD_FORMAT_JSON, &scratch_),
               options, &out);
  EXPECT_EQ(out.verdict(), v1::REDACTED);
  EXPECT_EQ(out.redacted_text(), kJsonRecordRedacted);
  ASSERT_EQ(out.findings_size(), 2);
  const v1::Finding& phone = out.findings(0);
  EXPECT_EQ(phone.detector(), "CN_MOBILE");
  EXPECT_EQ(phone.start(), 17u);
  EXPECT_EQ(phone.end(), 28u);
  EXPECT_EQ(phone.json_pointer(), "/user/phone");
  EXPECT_EQ(phone.value_start(), 0u);
  EXPECT_EQ(phone.value_end(), 11u);
  EXPECT_FALSE(phone.in_key());
  const v1::Finding& id = out.findings(1);
  EXPECT_EQ(id.detector(), "CN_RESIDENT_ID");
  EXPECT_EQ(id.start(), 52u);
  EXPECT_EQ(id.end(), 157u);
  EXPECT_EQ(id.json_pointer(), "/id_card");
  EXPECT_EQ(id.value_start(), 0u);
  EXPECT_EQ(id.value_end(), 18u);

  v1::MessageResult key;
  ToWireResult("r2",
               ScanRecord(*scanner_, R"({"13812345678":1})", v1::RECORD_FORMAT_JSON,
                          &scratch_),
               options, &key);
  EXPECT_EQ(key.verdict(), v1::BLOCKED);
  EXPECT_EQ(key.block_reason(), "json_key_finding");
  ASSERT_EQ(key.findings_size(), 1);
  EXPECT_EQ(key.findings(0).json_pointer(), "/[CN_MOBILE]");
  EXPECT_TRUE(key.findings(0).in_key());
  EXPECT_EQ(key.findings(0).action(), v1::FINDING_ACTION_BLOCK);
}

TEST_F(RecordScannerTest, WireResultCarriesVerdictTextReasonAndFindingsWhenAsked) {
  RecordResult r =
      ScanRecord(*scanner_, "电话138-1234-5678", v1::RECORD_FORMAT_TEXT, &scratch_);
  v1::ScanOptions options;
  options.set_include_findings(true);
  v1::MessageResult out;
  ToWireResult("m1", std::move(r), options, &out);
  EXPECT_EQ(out.id(), "m1");
  EXPECT_EQ(out.verdict(), v1::REDACTED);
  EXPECT_EQ(out.redacted_text(), "电话[CN_MOBILE]");
  EXPECT_EQ(out.block_reason(), "");
  ASSERT_EQ(out.findings_size(), 1);
  EXPECT_EQ(out.findings(0).detector(), "CN_MOBILE");
  EXPECT_EQ(out.findings(0).start(), 6u);
  EXPECT_EQ(out.findings(0).end(), 19u);
  EXPECT_EQ(out.findings(0).action(), v1::FINDING_ACTION_REDACT);
  EXPECT_EQ(out.findings(0).json_pointer(), "");
  EXPECT_EQ(out.findings(0).value_end(), 0u);
  EXPECT_FALSE(out.findings(0).in_key());
}

TEST_F(RecordScannerTest, ABatchPastItsDeadlineReturnsNoResults) {
  const CallDeadline past(absl::Now() - absl::Seconds(1), absl::ZeroDuration());
  const absl::string_view texts[] = {"a", "b"};
  absl::StatusOr<std::vector<RecordResult>> r = ScanAll(*scanner_, texts, {}, past, &scratch_);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST_F(RecordScannerTest, AnUnknownFormatStillCountsTowardTheBatchLimits) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_batch_bytes(4);
  auto small = scrub::testing::ScannerFor(policy);
  const CallDeadline far(absl::Now() + absl::Hours(1), absl::ZeroDuration());
  const absl::string_view texts[] = {"abc", "defg"};
  const v1::RecordFormat formats[] = {v1::RECORD_FORMAT_TEXT,
                                      static_cast<v1::RecordFormat>(42)};
  absl::StatusOr<std::vector<RecordResult>> r = ScanAll(*small, texts, formats, far, &scratch_);
  EXPECT_EQ(r.status(),
            absl::InvalidArgumentError("batch has 7 bytes; limit max_batch_bytes is 4"));
}

TEST_F(RecordScannerTest, WireEnumsMapOneToOne) {
  EXPECT_EQ(ToWireVerdict(scrub::Verdict::kAllow), v1::ALLOW);
  EXPECT_EQ(ToWireVerdict(scrub::Verdict::kRedacted), v1::REDACTED);
  EXPECT_EQ(ToWireVerdict(scrub::Verdict::kBlocked), v1::BLOCKED);
  EXPECT_EQ(ToWireAction(v1::ACTION_REDACT), v1::FINDING_ACTION_REDACT);
  EXPECT_EQ(ToWireAction(v1::ACTION_MASK), v1::FINDING_ACTION_MASK);
  EXPECT_EQ(ToWireAction(v1::ACTION_TOKENIZE), v1::FINDING_ACTION_TOKENIZE);
  EXPECT_EQ(ToWireAction(v1::ACTION_BLOCK), v1::FINDING_ACTION_BLOCK);
  EXPECT_EQ(ToWireAction(v1::ACTION_REPORT), v1::FINDING_ACTION_REPORT);
  EXPECT_EQ(ToWireAction(v1::ACTION_UNSPECIFIED), v1::FINDING_ACTION_UNSPECIFIED);
}

TEST_F(RecordScannerTest, StatusCodesKeepTheirNumbersAndMessages) {
  grpc::Status s = ToGrpcStatus(absl::InvalidArgumentError("batch has 4 messages"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "batch has 4 messages");
  EXPECT_EQ(ToGrpcStatus(absl::DeadlineExceededError("x")).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

}  // namespace
}  // namespace scrub::service
