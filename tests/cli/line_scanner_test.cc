// The CLI's per-line pieces: the --format flag, placeholders for BLOCKED
// lines, oversize lines, the run summary and the progress text.
#include <string>

#include "absl/time/time.h"
#include "cli/inspect_output.h"
#include "cli/line_io.h"
#include "cli/progress_meter.h"
#include "cli/line_scanner.h"
#include "cli/run_summary.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub::cli {
namespace {

using testing::DefaultScanner;

Line TextLine(absl::string_view text) {
  Line line;
  line.text = text;
  line.head = text.substr(0, kLineHeadBytes);
  line.has_newline = true;
  line.bytes = text.size();
  return line;
}

Line OversizeLine(absl::string_view head, size_t bytes) {
  Line line;
  line.head = head;
  line.oversize = true;
  line.has_newline = true;
  line.bytes = bytes;
  return line;
}

TEST(ParseFormatFlag, AcceptsTheThreeNames) {
  EXPECT_EQ(*ParseFormatFlag("text"), RecordFormat::kText);
  EXPECT_EQ(*ParseFormatFlag("jsonl"), RecordFormat::kJson);
  EXPECT_EQ(*ParseFormatFlag("auto"), RecordFormat::kAuto);
  EXPECT_EQ(ParseFormatFlag("json").status(),
            absl::InvalidArgumentError("--format must be text, jsonl or auto, not \"json\""));
}

TEST(LineScanner, TextFormatTreatsJsonAsText) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kText);
  const Line line = TextLine(R"({"phone":13812345678})");
  const ScanResult& r = lines.Scan(line);
  EXPECT_EQ(r.format, RecordFormat::kText);
  EXPECT_EQ(lines.RedactedLine(line), R"({"phone":[CN_MOBILE]})");
}

TEST(LineScanner, JsonLinesRedactsInPlaceAndBlocksMalformed) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kJson);
  Line line = TextLine(R"({"phone":13812345678})");
  EXPECT_EQ(lines.Scan(line).format, RecordFormat::kJson);
  EXPECT_EQ(lines.RedactedLine(line), R"({"phone":"[CN_MOBILE]"})");

  line = TextLine("phone 13812345678");
  EXPECT_EQ(lines.Scan(line).verdict, Verdict::kBlocked);
  EXPECT_EQ(lines.RedactedLine(line),
            R"({"scrub":"blocked","reason":"malformed_json",)"
            R"("detail":"malformed JSON at byte 0: Invalid value."})");
}

TEST(LineScanner, JsonLinesPassesBlankLines) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kJson);
  const Line line = TextLine(" \t");
  EXPECT_EQ(lines.Scan(line).verdict, Verdict::kAllow);
  EXPECT_TRUE(lines.Scan(line).findings.empty());
  EXPECT_EQ(lines.RedactedLine(line), " \t");
}

TEST(LineScanner, AutoDecidesPerLine) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kAuto);
  Line line = TextLine("  {\"tel\":\"13812345678\"}");
  EXPECT_EQ(lines.Scan(line).format, RecordFormat::kJson);
  EXPECT_EQ(lines.RedactedLine(line), "  {\"tel\":\"[CN_MOBILE]\"}");
  line = TextLine("tel 13812345678 {");
  EXPECT_EQ(lines.Scan(line).format, RecordFormat::kText);
  EXPECT_EQ(lines.RedactedLine(line), "tel [CN_MOBILE] {");
  // Indented beyond the 64-byte head: still a record, as for scrubd.
  const std::string indented = std::string(100, ' ') + "{\"tel\":\"13812345678\"}";
  line = TextLine(indented);
  EXPECT_EQ(lines.Scan(line).format, RecordFormat::kJson);
  EXPECT_EQ(lines.RedactedLine(line), std::string(100, ' ') + "{\"tel\":\"[CN_MOBILE]\"}");
}

TEST(LineScanner, OversizeLinesAreBlockedWithTheirFormatsPlaceholder) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kAuto);
  Line line = OversizeLine("{\"a\":\"", 2000000);
  const ScanResult& json = lines.Scan(line);
  EXPECT_EQ(json.format, RecordFormat::kJson);
  EXPECT_EQ(json.block_reason, BlockReason::kMessageTooLarge);
  EXPECT_EQ(lines.RedactedLine(line),
            R"({"scrub":"blocked","reason":"message_too_large",)"
            R"("detail":"record has 2000000 bytes; limit max_message_bytes is 1048576"})");
  line = OversizeLine("aaaa", 2000000);
  EXPECT_EQ(lines.Scan(line).format, RecordFormat::kText);
  EXPECT_EQ(lines.Scan(line).block_detail,
            "message has 2000000 bytes; limit max_message_bytes is 1048576");
  EXPECT_EQ(lines.RedactedLine(line), kBlockedLine);
}

TEST(RunSummary, CountsVerdictsReasonsDetectorsAndFormats) {
  auto scanner = DefaultScanner();
  LineScanner lines(*scanner, RecordFormat::kAuto);
  RunSummary summary;
  for (absl::string_view text :
       {R"({"a":"13812345678","b":"zhang.san@example.com"})", "13912345678", "{bad",
        "nothing here"}) {
    summary.Add(lines.Scan(TextLine(text)));
  }
  EXPECT_EQ(summary.records(), 4u);
  EXPECT_EQ(summary.ToJson(100, 90, absl::Milliseconds(500), 1),
            R"({
  "records": 4,
  "bytes_in": 100,
  "bytes_out": 90,
  "elapsed_seconds": 0.5,
  "records_per_second": 8.0,
  "verdicts": {
    "ALLOW": 1,
    "REDACTED": 2,
    "BLOCKED": 1
  },
  "block_reasons": {
    "malformed_json": 1
  },
  "detectors": {
    "CN_MOBILE": 2,
    "EMAIL": 1
  },
  "formats": {
    "json": 2,
    "text": 2
  },
  "failed_open": 0,
  "pem_blocks_closed_early": 1
}
)");
}

TEST(ProgressMeter, FormatsBytesRecordsAndRate) {
  EXPECT_EQ(ProgressMeter::Format(12600000, 100000000, 45678, absl::Seconds(2)),
            "scrub: 12.6 MB of 100.0 MB (12%), 45678 records, 22839 records/s");
  EXPECT_EQ(ProgressMeter::Format(812, 0, 3, absl::ZeroDuration()),
            "scrub: 812 B, 3 records, 0 records/s");
  EXPECT_EQ(ProgressMeter::Format(40900, 40900, 10, absl::Seconds(1)),
            "scrub: 40.9 kB of 40.9 kB (100%), 10 records, 10 records/s");
  EXPECT_EQ(ProgressMeter::Format(3200000000, 0, 1, absl::Seconds(1)),
            "scrub: 3.2 GB, 1 records, 1 records/s");
}

}  // namespace
}  // namespace scrub::cli
