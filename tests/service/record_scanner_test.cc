// ScanRecord, the single entry point for every scanned text, and the wire
// translation of its results.
#include "service/record_scanner.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "service/wire.h"

namespace scrub::service {
namespace {

using ::testing::ElementsAre;

class RecordScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = scrub::Scanner::Create(scrub::DefaultPolicy());
    ASSERT_TRUE(s.ok()) << s.status();
    scanner_ = *s;
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

TEST_F(RecordScannerTest, UnsupportedFormatsAreBlockedNeverPassed) {
  for (v1::RecordFormat f : {v1::RECORD_FORMAT_JSON, v1::RECORD_FORMAT_AUTO,
                             static_cast<v1::RecordFormat>(42)}) {
    RecordResult r = ScanRecord(*scanner_, R"({"a":"hello"})", f, &scratch_);
    EXPECT_EQ(r.scan.verdict, scrub::Verdict::kBlocked) << f;
    EXPECT_EQ(r.reason, kUnsupportedFormat);
    EXPECT_EQ(r.scan.error.code(), absl::StatusCode::kUnimplemented);
    EXPECT_FALSE(r.scan.failed_open);
  }
  RecordResult r =
      ScanRecord(*scanner_, "x", static_cast<v1::RecordFormat>(42), &scratch_);
  EXPECT_EQ(r.scan.block_detail, "record format 42 is not supported by this scrubd yet");
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
