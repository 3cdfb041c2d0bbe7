// PemBlockTracker: private keys written over many lines are redacted from
// the BEGIN line to the END line, whatever the policy says to do with them.
#include "cli/pem_block_tracker.h"

#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/filter_command.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::cli {
namespace {

const std::vector<std::string> kLog = {
    "start",
    "-----BEGIN EC PRIVATE KEY-----",
    "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oRdH+8OTo9MmoAoGCCqGSM49",
    "AwEHoUQDQgAEaX9wJxtzJ2Q8PLwE2mbHq2Xz5xQk1H2dO9eG3pFV0Yg5R1kK2q3T",
    "-----END EC PRIVATE KEY----- mail zhang@example.com",
    "done",
};

std::shared_ptr<const Scanner> MakeScanner(v1::Action action, bool enabled = true) {
  v1::Policy policy = DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "PRIVATE_KEY") {
      rule.set_action(action);
      rule.set_enabled(enabled);
    }
  }
  auto scanner = Scanner::Create(policy);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  return *scanner;
}

// Scans `lines` as the filter does; returns what would be written per line.
std::vector<std::string> Filter(const Scanner& scanner,
                                const std::vector<std::string>& lines,
                                std::vector<ScanResult>* results = nullptr) {
  PemBlockTracker tracker(scanner);
  Scratch scratch;
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    ScanResult r = scanner.Scan(line, &scratch);
    tracker.Apply(line, &scratch, &r);
    switch (r.verdict) {
      case Verdict::kAllow:
        out.push_back(line);
        break;
      case Verdict::kRedacted:
        out.push_back(r.output);
        break;
      case Verdict::kBlocked:
        out.push_back(kBlockedLine);
        break;
    }
    if (results != nullptr) results->push_back(std::move(r));
  }
  return out;
}

TEST(PemBlockTracker, RedactsEveryLineFromBeginToEnd) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  EXPECT_EQ(Filter(*scanner, kLog),
            (std::vector<std::string>{"start", "[PRIVATE_KEY]", "[PRIVATE_KEY]",
                                      "[PRIVATE_KEY]", "[PRIVATE_KEY] mail [EMAIL]",
                                      "done"}));
}

TEST(PemBlockTracker, ReportsTheBlockPartOfEachLineAsAFinding) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  std::vector<ScanResult> results;
  Filter(*scanner, kLog, &results);
  ASSERT_EQ(results[2].findings.size(), 1u);
  EXPECT_EQ(results[2].findings[0].detector, "PRIVATE_KEY");
  EXPECT_EQ(results[2].findings[0].start, 0u);
  EXPECT_EQ(results[2].findings[0].end, kLog[2].size());
  // END line: the block up to the marker, then the e-mail after it.
  ASSERT_EQ(results[4].findings.size(), 2u);
  EXPECT_EQ(results[4].findings[0].end, 28u);  // "-----END EC PRIVATE KEY-----"
  EXPECT_EQ(results[4].findings[1].detector, "EMAIL");
  EXPECT_EQ(results[4].findings[1].start, 34u);
  EXPECT_EQ(results[4].findings[1].end, 51u);
}

TEST(PemBlockTracker, OffsetsReferToTheRepairedLineUnderInvalidUtf8Replace) {
  // The scanner's offsets and output refer to the repaired line (each
  // invalid byte one U+FFFD, three bytes): so do the block's.
  v1::Policy policy = DefaultPolicy();
  policy.set_invalid_utf8(v1::INVALID_UTF8_REPLACE);
  auto scanner = Scanner::Create(policy);
  ASSERT_TRUE(scanner.ok()) << scanner.status();
  const std::vector<std::string> lines = {
      kLog[1], kLog[2], "\xFF\xFE" "AwEH-----END EC PRIVATE KEY----- ok \xFF"};
  std::vector<ScanResult> results;
  const auto out = Filter(**scanner, lines, &results);
  EXPECT_EQ(out[2], "[PRIVATE_KEY] ok \xEF\xBF\xBD");
  ASSERT_EQ(results[2].findings.size(), 1u);
  EXPECT_EQ(results[2].findings[0].start, 0u);
  EXPECT_EQ(results[2].findings[0].end, 6u + 4u + 28u);
}

TEST(PemBlockTracker, UnterminatedBlockStaysRedactedToTheEnd) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  const std::vector<std::string> cut(kLog.begin(), kLog.begin() + 3);
  PemBlockTracker tracker(*scanner);
  Scratch scratch;
  std::vector<std::string> out;
  for (const std::string& line : cut) {
    ScanResult r = scanner->Scan(line, &scratch);
    tracker.Apply(line, &scratch, &r);
    out.push_back(r.verdict == Verdict::kRedacted ? r.output : line);
  }
  EXPECT_EQ(out, (std::vector<std::string>{"start", "[PRIVATE_KEY]", "[PRIVATE_KEY]"}));
  EXPECT_TRUE(tracker.inside_block());
  tracker.Reset();
  EXPECT_FALSE(tracker.inside_block());
}

TEST(PemBlockTracker, KeepsEmptyLinesInsideABlock) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  EXPECT_EQ(Filter(*scanner, {"-----BEGIN RSA PRIVATE KEY-----", "", "MIIEow",
                              "-----END RSA PRIVATE KEY-----"}),
            (std::vector<std::string>{"[PRIVATE_KEY]", "", "[PRIVATE_KEY]",
                                      "[PRIVATE_KEY]"}));
}

TEST(PemBlockTracker, OneLineBlocksOpenNothing) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  EXPECT_EQ(
      Filter(*scanner, {"k=-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----",
                        "next line"}),
      (std::vector<std::string>{"k=[PRIVATE_KEY]", "next line"}));
}

TEST(PemBlockTracker, ABlockEndingAndAnotherStartingOnOneLine) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  EXPECT_EQ(Filter(*scanner, {"-----BEGIN PRIVATE KEY-----", "AAAA",
                              "-----END PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----",
                              "BBBB", "-----END RSA PRIVATE KEY-----", "after"}),
            (std::vector<std::string>{"[PRIVATE_KEY]", "[PRIVATE_KEY]",
                                      "[PRIVATE_KEY] [PRIVATE_KEY]", "[PRIVATE_KEY]",
                                      "[PRIVATE_KEY]", "after"}));
}

TEST(PemBlockTracker, PublicKeysAndCertificatesOpenNoBlock) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  const std::vector<std::string> lines = {"-----BEGIN PUBLIC KEY-----", "MIIBIjAN",
                                          "-----END PUBLIC KEY-----",
                                          "-----BEGIN PRIVATE KEYS-----", "MIIB"};
  EXPECT_EQ(Filter(*scanner, lines), lines);
}

TEST(PemBlockTracker, BlockActionBlocksEveryLineOfTheBlock) {
  auto scanner = MakeScanner(v1::ACTION_BLOCK);
  std::vector<ScanResult> results;
  EXPECT_EQ(Filter(*scanner, kLog, &results),
            (std::vector<std::string>{"start", kBlockedLine, kBlockedLine, kBlockedLine,
                                      kBlockedLine, "done"}));
  EXPECT_EQ(results[2].block_reason, BlockReason::kDetectorAction);
  EXPECT_EQ(results[2].block_detail, "action BLOCK for PRIVATE_KEY");
}

TEST(PemBlockTracker, ReportActionKeepsTextAndReportsFindings) {
  auto scanner = MakeScanner(v1::ACTION_REPORT);
  std::vector<ScanResult> results;
  EXPECT_EQ(Filter(*scanner, kLog, &results),
            (std::vector<std::string>{kLog[0], kLog[1], kLog[2], kLog[3],
                                      "-----END EC PRIVATE KEY----- mail [EMAIL]",
                                      "done"}));
  ASSERT_EQ(results[3].findings.size(), 1u);
  EXPECT_EQ(results[3].findings[0].action, v1::ACTION_REPORT);
  EXPECT_EQ(results[3].verdict, Verdict::kAllow);
}

TEST(PemBlockTracker, MaskActionReplacesBlockLinesWhole) {
  auto scanner = MakeScanner(v1::ACTION_MASK);
  const auto out = Filter(*scanner, kLog);
  EXPECT_EQ(out[2], "[PRIVATE_KEY]");
  EXPECT_EQ(out[3], "[PRIVATE_KEY]");
}

TEST(PemBlockTracker, CustomRedactionTemplateIsUsed) {
  v1::Policy policy = DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "PRIVATE_KEY") {
      rule.mutable_redact()->set_template_("<key removed>");
    }
  }
  auto scanner = Scanner::Create(policy);
  ASSERT_TRUE(scanner.ok()) << scanner.status();
  const auto out = Filter(**scanner, kLog);
  EXPECT_EQ(out[1], "<key removed>");
  EXPECT_EQ(out[2], "<key removed>");
}

TEST(PemBlockTracker, DisabledDetectorTracksNothing) {
  auto scanner = MakeScanner(v1::ACTION_REDACT, /*enabled=*/false);
  const auto out = Filter(*scanner, kLog);
  EXPECT_EQ(out[2], kLog[2]);
  EXPECT_EQ(out[4], "-----END EC PRIVATE KEY----- mail [EMAIL]");
}

TEST(PemBlockTracker, AlreadyBlockedLinesStayBlocked) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  Scratch scratch;
  ScanResult begin = scanner->Scan(kLog[1], &scratch);
  tracker.Apply(kLog[1], &scratch, &begin);
  ScanResult oversize;  // the filter's result for a line it did not read
  oversize.verdict = Verdict::kBlocked;
  oversize.block_reason = BlockReason::kMessageTooLarge;
  tracker.Apply("", &scratch, &oversize);
  EXPECT_EQ(oversize.verdict, Verdict::kBlocked);
  EXPECT_EQ(oversize.block_reason, BlockReason::kMessageTooLarge);
  EXPECT_TRUE(tracker.inside_block());
}

// Through RunFilter: one output line per input line, in order.
TEST(PemBlockTracker, RunFilterKeepsLineCountAndOrder) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  const std::string input = absl::StrJoin(kLog, "\n") + "\n";
  ASSERT_EQ(write(in[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  close(in[1]);
  FilterOptions options;
  options.input_fd = in[0];
  options.output_fd = out[1];
  EXPECT_EQ(RunFilter(*scanner, options), kExitOk);
  close(out[1]);
  close(in[0]);
  std::string output;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) output.append(buf, n);
  close(out[0]);
  EXPECT_EQ(output,
            "start\n[PRIVATE_KEY]\n[PRIVATE_KEY]\n[PRIVATE_KEY]\n"
            "[PRIVATE_KEY] mail [EMAIL]\ndone\n");
}

// An oversize line is never buffered: its bytes reach the tracker in pieces.
TEST(PemBlockTracker, ABeginMarkerSplitAcrossTheBytesOfASkippedLineOpensABlock) {
  const auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  tracker.SkipBytes(std::string(5000, 'a') + " -----BEGIN RSA PRI");
  tracker.SkipBytes("VATE KEY-----");
  tracker.SkipBytes(std::string(5000, 'b'));
  EXPECT_FALSE(tracker.inside_block()) << "the line is not over yet";
  tracker.EndSkippedLine();
  EXPECT_TRUE(tracker.inside_block());

  Scratch scratch;
  ScanResult body = scanner->Scan("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx", &scratch);
  tracker.Apply("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx", &scratch, &body);
  EXPECT_EQ(body.verdict, Verdict::kRedacted);
  EXPECT_EQ(body.output, "[PRIVATE_KEY]");
}

TEST(PemBlockTracker, ASkippedLineThatClosesItsBlockLeavesNoneOpen) {
  const auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  tracker.SkipBytes("-----BEGIN PRIVATE KEY-----" + std::string(5000, 'k'));
  tracker.SkipBytes("-----END PRIV");
  tracker.SkipBytes("ATE KEY----- trailing text");
  tracker.EndSkippedLine();
  EXPECT_FALSE(tracker.inside_block());
}

TEST(PemBlockTracker, MarkersInASkippedJsonRecordDoNotCount) {
  const auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  tracker.SkipBytes("{\"k\":\"-----BEGIN PRIVATE KEY-----\"}");
  tracker.DiscardSkippedLine();
  EXPECT_FALSE(tracker.inside_block());
  // Nor do they leak into the next skipped line.
  tracker.SkipBytes(std::string(10, 'x'));
  tracker.EndSkippedLine();
  EXPECT_FALSE(tracker.inside_block());
}

TEST(PemBlockTracker, ALineThatCannotBeAKeyBodyClosesAnUnterminatedBlock) {
  // One chat line that merely mentions a BEGIN marker must not wipe the
  // rest of the stream.
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  Scratch scratch;
  std::vector<std::string> out;
  for (const std::string& line :
       {std::string("how do I read -----BEGIN RSA PRIVATE KEY----- files?"),
        std::string("my number is 13812345678"), std::string("bye")}) {
    ScanResult r = scanner->Scan(line, &scratch);
    tracker.Apply(line, &scratch, &r);
    out.push_back(r.verdict == Verdict::kRedacted ? r.output : line);
  }
  EXPECT_EQ(out, (std::vector<std::string>{"how do I read [PRIVATE_KEY]?",
                                           "my number is [CN_MOBILE]", "bye"}));
  EXPECT_FALSE(tracker.inside_block());
  EXPECT_EQ(tracker.closed_early(), 1u);
}

TEST(PemBlockTracker, HeadersBlankLinesAndBase64StayInsideABlock) {
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx+/="));
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock("Proc-Type: 4,ENCRYPTED"));
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock("DEK-Info: AES-128-CBC,2A5B2B1D"));
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock("  continued header"));
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock(""));
  EXPECT_TRUE(PemBlockTracker::CanBeInsideBlock("MIIEow\r"));
  EXPECT_FALSE(PemBlockTracker::CanBeInsideBlock("my number is 13812345678"));
  EXPECT_FALSE(PemBlockTracker::CanBeInsideBlock("a-b"));
  EXPECT_FALSE(PemBlockTracker::CanBeInsideBlock("电话"));
}

TEST(PemBlockTracker, ABlockLongerThanAnyKeyIsClosedAtTheBound) {
  auto scanner = MakeScanner(v1::ACTION_REDACT);
  PemBlockTracker tracker(*scanner);
  Scratch scratch;
  const std::string begin = "-----BEGIN PRIVATE KEY-----";
  ScanResult r = scanner->Scan(begin, &scratch);
  tracker.Apply(begin, &scratch, &r);
  const std::string body = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB";
  for (size_t i = 0; i < PemBlockTracker::kMaxBlockLines; ++i) {
    r = scanner->Scan(body, &scratch);
    tracker.Apply(body, &scratch, &r);
    ASSERT_EQ(r.verdict, Verdict::kRedacted) << "line " << i;
  }
  EXPECT_TRUE(tracker.inside_block());
  r = scanner->Scan(body, &scratch);
  tracker.Apply(body, &scratch, &r);
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_FALSE(tracker.inside_block());
  EXPECT_EQ(tracker.closed_early(), 1u);
}

}  // namespace
}  // namespace scrub::cli
