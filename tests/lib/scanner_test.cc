// The scanner end to end on the default policy: verdicts, spans in the
// original bytes, evasions, UTF-8 handling, limits, batches, fail-closed.
#include "scrub/scanner.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "tests/support/engine_fault.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

using testing::DefaultScanner;
using testing::ScannerFailingWith;

Scanner::Options FixedDay() { return testing::TestOptions(); }

std::string Redact(absl::string_view text) {
  ScanResult r = DefaultScanner()->Scan(text);
  EXPECT_TRUE(r.error.ok()) << r.error;
  return r.verdict == Verdict::kRedacted ? r.output : std::string(text);
}

// A text and what the default scanner makes of it (Redact).
struct Redaction {
  const char* text;
  const char* redacted;
};

void ExpectRedactions(std::initializer_list<Redaction> cases) {
  for (const Redaction& c : cases) EXPECT_EQ(Redact(c.text), c.redacted) << c.text;
}

TEST(Scanner, RedactsTheIssueExample) {
  ScanResult r =
      DefaultScanner()->Scan("我的身份证号是11010519491231002X，电话138-1234-5678");
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "我的身份证号是[CN_RESIDENT_ID]，电话[CN_MOBILE]");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].detector, "CN_RESIDENT_ID");
  EXPECT_EQ(r.findings[0].start, 21u);  // 7 Han characters
  EXPECT_EQ(r.findings[0].end, 39u);
  EXPECT_EQ(r.findings[0].action, v1::ACTION_REDACT);
  EXPECT_EQ(r.findings[1].detector, "CN_MOBILE");
  EXPECT_EQ(r.findings[1].start, 48u);
  EXPECT_EQ(r.findings[1].end, 61u);
}

TEST(Scanner, AllowsTextWithoutPersonalData) {
  ScanResult r = DefaultScanner()->Scan("今天天气不错，晚上一起吃饭吧？");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_TRUE(r.output.empty());
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.error.ok());
}

TEST(Scanner, LeavesIdWithWrongCheckDigitUntouched) {
  ScanResult r = DefaultScanner()->Scan("订单号110105194912310021");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Scanner, FindsDigitsTouchingHanCharacters) {
  ExpectRedactions({
      {"身份证11010519491231002X号", "身份证[CN_RESIDENT_ID]号"},
      {"手机13800138000谢谢", "手机[CN_MOBILE]谢谢"},
  });
}

TEST(Scanner, InsideLongerRunsOnlyStrongValidatorsFindValues) {
  // A resident ID (region, birth date, MOD 11-2) is found glued to other
  // digits; a mobile number (a prefix check) is not, without context.
  ExpectRedactions({
      {"编号9911010519491231002X", "编号99[CN_RESIDENT_ID]"},
      {"x 1380013800012 y", "x 1380013800012 y"},
      {"电话1380013800012", "电话[CN_MOBILE]12"},
  });
}

TEST(Scanner, IgnoresGroupsInsideLongerGroupedNumbers) {
  // "0995 5547 2681" would be a landline, "138 0013 8000" a mobile, but each
  // continues a longer grouped number here: a neighbouring group as long as
  // the value's own, joined the same way.
  ExpectRedactions({
      {"卡号 5523 0995 5547 2681", "卡号 5523 0995 5547 2681"},
      {"no. 1234 138 0013 8000", "no. 1234 138 0013 8000"},
      {"no. 138 0013 8000 1234", "no. 138 0013 8000 1234"},
      // A shorter group beside it is visibly apart.
      {"no. 12 138 0013 8000", "no. 12 [CN_MOBILE]"},
      {"tel 138 0013 8000 20 min", "tel [CN_MOBILE] 20 min"},
      // An ungrouped value is bounded by its digit run alone.
      {"共 100 13800138000", "共 100 [CN_MOBILE]"},
      {"电话 138 0013 8000 或", "电话 [CN_MOBILE] 或"},
  });
}

TEST(Scanner, RedactsFullWidthDigitsInTheOriginalBytes) {
  ScanResult r = DefaultScanner()->Scan("身份证１１０１０５１９４９１２３１００２Ｘ。");
  EXPECT_EQ(r.output, "身份证[CN_RESIDENT_ID]。");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].start, 9u);
  EXPECT_EQ(r.findings[0].end, 9u + 18 * 3);
}

TEST(Scanner, RedactsValuesSplitByZeroWidthCharacters) {
  ExpectRedactions({
      {"ID 110105\u200b1949\u200c1231\u2060002X end", "ID [CN_RESIDENT_ID] end"},
      {"tel 138\u200b0013\uFEFF8000", "tel [CN_MOBILE]"},
      // A zero-width character just outside the value stays.
      {"tel \u200b13800138000\u200b!", "tel \u200b[CN_MOBILE]\u200b!"},
  });
}

TEST(Scanner, RedactsMobilesWithCountryCodeAndSeparators) {
  ExpectRedactions({
      {"call +86 138 0013 8000", "call [CN_MOBILE]"},
      {"call 0086-138-0013-8000", "call [CN_MOBILE]"},
      {"电话：１３８－００１３－８０００", "电话：[CN_MOBILE]"},
      {"电话一三八零零一三八零零零", "电话[CN_MOBILE]"},
  });
}

TEST(Scanner, RedactsCardsEmailsAndIpAddresses) {
  ExpectRedactions({
      {"卡号 6222 0212 3456 7890 128", "卡号 [BANK_CARD]"},
      {"mail zhang.san@example.com.", "mail [EMAIL]."},
      {"from 203.0.113.77, ok", "from [IP_ADDRESS], ok"},
      {"loopback 127.0.0.1 is not personal", "loopback 127.0.0.1 is not personal"},
  });
}

TEST(Scanner, KeepsBytesOutsideRedactedSpansIdentical) {
  const std::string text = "a\tb  13800138000\r\n\x01 ok";
  EXPECT_EQ(Redact(text), "a\tb  [CN_MOBILE]\r\n\x01 ok");
}

TEST(Scanner, RedactsTheUnionOfOverlappingFindings) {
  // 622202123456789012 is 18 digits: Luhn-valid card and not a valid ID,
  // but 11010519491231002X overlaps nothing. Build an overlap instead: an
  // e-mail whose local part is a mobile number.
  ScanResult r = DefaultScanner()->Scan("13800138000@example.com");
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.output, "[EMAIL]");
  for (const Finding& f : r.findings) EXPECT_EQ(f.action, v1::ACTION_REDACT);
}

TEST(Scanner, BlocksInvalidUtf8NamingTheOffset) {
  ScanResult r = DefaultScanner()->Scan("ok \xff bad 13800138000");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kInvalidUtf8);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.error.message(), "invalid UTF-8 at byte 3");
  EXPECT_TRUE(r.output.empty());
  EXPECT_TRUE(r.findings.empty());
}

TEST(Scanner, RejectsOverlongAndSurrogateEncodings) {
  for (const char* bad : {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "\xe4\xb8", "\x80"}) {
    EXPECT_EQ(DefaultScanner()->Scan(bad).block_reason, BlockReason::kInvalidUtf8);
  }
}

TEST(Scanner, ReplacesInvalidUtf8WhenThePolicySaysSo) {
  v1::Policy p = DefaultPolicy();
  p.set_invalid_utf8(v1::INVALID_UTF8_REPLACE);
  auto s = Scanner::Create(p, FixedDay());
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("a\xff 13800138000");
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "a\xEF\xBF\xBD [CN_MOBILE]");
  ScanResult clean = (*s)->Scan("a\xff b");
  EXPECT_EQ(clean.verdict, Verdict::kRedacted);
  EXPECT_EQ(clean.output, "a\xEF\xBF\xBD b");
}

TEST(Scanner, BlocksOversizeMessagesUnderFailClosed) {
  v1::Policy p = DefaultPolicy();
  p.mutable_limits()->set_max_message_bytes(16);
  auto s = Scanner::Create(p, FixedDay());
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("0123456789abcdefg");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kMessageTooLarge);
  EXPECT_EQ(r.error.message(), "message has 17 bytes; limit max_message_bytes is 16");
  EXPECT_EQ((*s)->Scan("0123456789abcdef").verdict, Verdict::kAllow);
}

TEST(Scanner, BlocksOversizeMessagesAlsoUnderFailOpen) {
  // The input breaks the limit: FAIL_OPEN must not let a sender pass a
  // value in clear by padding the message.
  v1::Policy p = DefaultPolicy();
  p.mutable_limits()->set_max_message_bytes(16);
  p.set_failure_mode(v1::FAIL_OPEN);
  auto s = Scanner::Create(p, FixedDay());
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("13800138000 abcdefg");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_FALSE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kMessageTooLarge);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ((*s)->counters().fail_open_passes, 0u);
}

TEST(Scanner, RefusesToCompileWithATinyEngineBudget) {
  // RE2::Set checks at Compile() that its DFA can run; with a budget this
  // small there is no scanner at all (so nothing can pass unscanned), and the
  // status says why.
  Scanner::Options o = FixedDay();
  o.engine_max_mem = 1 << 12;
  auto s = Scanner::Create(DefaultPolicy(), o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(s.status().message().find("max_mem = 4096 bytes"), std::string::npos)
      << s.status();
}

TEST(Scanner, FailsClosedOnAnInjectedEngineError) {
  auto s = ScannerFailingWith(DefaultPolicy(), absl::InternalError("injected"));
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("nothing personal here");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kEngineError);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(r.error.message(), "engine error: injected");
  EXPECT_EQ((*s)->counters().engine_errors, 1u);
  EXPECT_EQ((*s)->counters().fail_open_passes, 0u);
}

TEST(Scanner, FailOpenPassesAnEngineErrorAndCountsIt) {
  v1::Policy p = DefaultPolicy();
  p.set_failure_mode(v1::FAIL_OPEN);
  auto s = ScannerFailingWith(p, absl::InternalError("injected"));
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("13800138000");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_TRUE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kEngineError);
  EXPECT_EQ((*s)->counters().fail_open_passes, 1u);
}

TEST(Scanner, FailOpenBlocksAnEngineBudgetTheInputCanExhaust) {
  // An exhausted DFA budget is what a crafted input provokes: BLOCK.
  v1::Policy p = DefaultPolicy();
  p.set_failure_mode(v1::FAIL_OPEN);
  auto s = ScannerFailingWith(p, absl::ResourceExhaustedError("DFA out of memory"));
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("13800138000");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_FALSE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kEngineError);
  EXPECT_EQ((*s)->counters().engine_errors, 1u);
  EXPECT_EQ((*s)->counters().fail_open_passes, 0u);
}

TEST(Scanner, FailOpenBlocksMessagesWithTooManyFindings) {
  // Padding a message past max_findings_per_message must not make it pass
  // in clear under FAIL_OPEN.
  v1::Policy p = DefaultPolicy();
  p.set_failure_mode(v1::FAIL_OPEN);
  p.mutable_limits()->set_max_findings_per_message(2);
  auto s = Scanner::Create(p, FixedDay());
  ASSERT_TRUE(s.ok());
  ScanResult r = (*s)->Scan("a@example.com b@example.com c@example.com 13800138000");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_FALSE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kTooManyFindings);
  EXPECT_EQ(r.error.message(), "message has 4 findings; limit max_findings_per_message is 2");
  EXPECT_EQ((*s)->counters().fail_open_passes, 0u);
}

TEST(Scanner, ErrorsNeverContainTheInput) {
  auto s = ScannerFailingWith(DefaultPolicy(), absl::InternalError("injected"));
  ASSERT_TRUE(s.ok());
  const std::string secret = "11010519491231002X";
  ScanResult r = (*s)->Scan("id " + secret);
  EXPECT_EQ(r.error.message().find(secret), absl::string_view::npos);
  EXPECT_EQ(r.block_detail.find(secret), std::string::npos);
}

TEST(ScanBatch, ReturnsOneResultPerInputInOrder) {
  auto s = DefaultScanner();
  std::vector<std::string> texts = {"13800138000", "hello", "bad\xff", "",
                                    "x@example.com"};
  std::vector<absl::string_view> views(texts.begin(), texts.end());
  auto results = s->ScanBatch(views);
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->size(), 5u);
  EXPECT_EQ((*results)[0].output, "[CN_MOBILE]");
  EXPECT_EQ((*results)[1].verdict, Verdict::kAllow);
  EXPECT_EQ((*results)[2].verdict, Verdict::kBlocked);
  EXPECT_EQ((*results)[3].verdict, Verdict::kAllow);
  EXPECT_EQ((*results)[4].output, "[EMAIL]");
}

TEST(ScanBatch, RefusesBatchesOverTheCountAndByteLimits) {
  v1::Policy p = DefaultPolicy();
  p.mutable_limits()->set_max_messages_per_batch(2);
  p.mutable_limits()->set_max_batch_bytes(10);
  auto s = Scanner::Create(p, FixedDay());
  ASSERT_TRUE(s.ok());
  std::vector<absl::string_view> three = {"a", "b", "c"};
  auto r1 = (*s)->ScanBatch(three);
  EXPECT_EQ(r1.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r1.status().message(),
            "batch has 3 messages; limit max_messages_per_batch is 2");
  std::vector<absl::string_view> big = {"0123456", "7890"};
  auto r2 = (*s)->ScanBatch(big);
  EXPECT_EQ(r2.status().message(), "batch has 11 bytes; limit max_batch_bytes is 10");
  std::vector<absl::string_view> empty;
  auto r3 = (*s)->ScanBatch(empty);
  ASSERT_TRUE(r3.ok());
  EXPECT_TRUE(r3->empty());
}

TEST(ScanBatch, ScansEachRecordInItsFormat) {
  auto s = DefaultScanner();
  const std::vector<Record> records = {
      {"电话13800138000", RecordFormat::kText},
      {R"({"phone":13800138000})", RecordFormat::kJson},
      {R"(  {"phone":13800138000})", RecordFormat::kAuto},
      {"phone 13800138000 {", RecordFormat::kAuto},
  };
  auto results = s->ScanBatch(records, KeepGoing());
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->size(), 4u);
  EXPECT_EQ((*results)[0].output, "电话[CN_MOBILE]");
  EXPECT_EQ((*results)[0].format, RecordFormat::kText);
  EXPECT_EQ((*results)[1].output, R"({"phone":"[CN_MOBILE]"})");
  EXPECT_EQ((*results)[1].format, RecordFormat::kJson);
  EXPECT_EQ((*results)[2].output, R"(  {"phone":"[CN_MOBILE]"})");
  EXPECT_EQ((*results)[2].format, RecordFormat::kJson);
  EXPECT_EQ((*results)[3].output, "phone [CN_MOBILE] {");
  EXPECT_EQ((*results)[3].format, RecordFormat::kText);
}

TEST(ScanBatch, StopsWithTheStatusKeepGoingReturns) {
  auto s = DefaultScanner();
  std::vector<Record> records(40, Record{"13800138000", RecordFormat::kText});
  int asked = 0;
  auto results = s->ScanBatch(records, [&asked]() {
    return ++asked < 2 ? absl::OkStatus() : absl::DeadlineExceededError("too late");
  });
  EXPECT_EQ(results.status(), absl::DeadlineExceededError("too late"));
  EXPECT_EQ(asked, 2) << "asked before the first record and after 16 records";
}

TEST(ScanBatch, AsksKeepGoingBeforeTheFirstAndAfterTheLastRecord) {
  auto s = DefaultScanner();
  std::vector<Record> records(3, Record{"hello", RecordFormat::kText});
  int asked = 0;
  auto results = s->ScanBatch(records, [&asked]() {
    ++asked;
    return absl::OkStatus();
  });
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->size(), 3u);
  EXPECT_EQ(asked, 2);
}

TEST(Scanner, BlankRecordsAreAllowedInEveryFormat) {
  auto s = DefaultScanner();
  for (RecordFormat format : {RecordFormat::kText, RecordFormat::kJson, RecordFormat::kAuto}) {
    for (absl::string_view blank : {"", " ", "\t \r\n"}) {
      ScanResult r = s->Scan({blank, format});
      EXPECT_EQ(r.verdict, Verdict::kAllow) << RecordFormatName(format);
      EXPECT_TRUE(r.error.ok());
      EXPECT_TRUE(r.findings.empty());
    }
  }
}

TEST(Scanner, OversizeResultIsWhatScanDecides) {
  v1::Policy p = DefaultPolicy();
  p.mutable_limits()->set_max_message_bytes(8);
  auto s = testing::ScannerFor(p);
  ASSERT_NE(s, nullptr);
  const ScanResult scanned = s->Scan({"  {\"a\":\"1234\"}", RecordFormat::kAuto});
  const ScanResult oversize = s->OversizeResult({"  {\"a", RecordFormat::kAuto}, 14);
  EXPECT_EQ(oversize.verdict, Verdict::kBlocked);
  EXPECT_EQ(oversize.block_reason, BlockReason::kMessageTooLarge);
  EXPECT_EQ(oversize.format, RecordFormat::kJson);
  EXPECT_EQ(oversize.error, scanned.error);
  EXPECT_EQ(oversize.error.message(), "record has 14 bytes; limit max_message_bytes is 8");
}

TEST(Scanner, RuleDescribesAnEnabledDetector) {
  v1::Policy p = DefaultPolicy();
  for (v1::DetectorRule& rule : *p.mutable_rules()) {
    if (rule.detector() == "PRIVATE_KEY") rule.mutable_redact()->set_template_("<key {detector}>");
    if (rule.detector() == "EMAIL") rule.set_enabled(false);
  }
  auto s = testing::ScannerFor(p);
  ASSERT_NE(s, nullptr);
  const std::optional<DetectorRule> key = s->rule("PRIVATE_KEY");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->id, "PRIVATE_KEY");
  EXPECT_EQ(key->action, v1::ACTION_REDACT);
  EXPECT_EQ(key->redaction, "<key PRIVATE_KEY>");
  EXPECT_FALSE(s->rule("EMAIL").has_value());
  EXPECT_FALSE(s->rule("NO_SUCH_DETECTOR").has_value());
}

TEST(Scanner, ExemptsValuesOnTheAllowListsInTheirNormalForm) {
  v1::Policy p = DefaultPolicy();
  p.mutable_allow()->add_values("4111111111111111");
  for (v1::DetectorRule& rule : *p.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.mutable_allow()->add_values("13800138000");
  }
  auto s = testing::ScannerFor(p);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->Exempts("BANK_CARD", "4111 1111 1111 1111"));
  EXPECT_TRUE(s->Exempts("CN_MOBILE", "138-0013-8000"));
  EXPECT_FALSE(s->Exempts("CN_MOBILE", "13912345678"));
  EXPECT_FALSE(s->Exempts("NO_SUCH_DETECTOR", "13800138000"));
}

TEST(Scanner, ContextWordsAreFoundWhereverAnEarlierFindingsWindowEnds) {
  // QQ_NUMBER needs its context word. An unrelated finding before it (a
  // mobile number) has a context window that ends somewhere near "QQ"; the
  // word must be seen whatever the distance, including when that window
  // ends inside it.
  auto s = DefaultScanner();
  for (int gap = 0; gap < 80; ++gap) {
    const std::string text = "13812345678" + std::string(gap, ' ') + "QQ 2345678901";
    const ScanResult r = s->Scan(text);
    bool qq = false;
    for (const Finding& f : r.findings) qq = qq || f.detector == "QQ_NUMBER";
    EXPECT_TRUE(qq) << "gap " << gap;
  }
}

TEST(Scanner, RescanningRedactedOutputFindsNothing) {
  auto s = DefaultScanner();
  ScanResult r = s->Scan(
      "身份证11010519491231002X 电话+86 138 0013 8000 mail a.b@example.org ip "
      "8.8.8.8 card 4111 1111 1111 1111");
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  ScanResult again = s->Scan(r.output);
  EXPECT_EQ(again.verdict, Verdict::kAllow) << r.output;
}

// Expects `input` redacted to exactly `output`, and a rescan of that output
// to find nothing (the fuzzers' idempotence oracle).
void ExpectRedactedOnce(const Scanner& s, absl::string_view input, absl::string_view output) {
  const ScanResult r = s.Scan(input);
  EXPECT_EQ(r.verdict, Verdict::kRedacted) << input;
  EXPECT_EQ(r.output, output) << input;
  const ScanResult again = s.Scan(r.output);
  EXPECT_EQ(again.verdict, Verdict::kAllow) << r.output << " rescans as " << again.output;
}

// A finding that takes the last group of a digit run ("7145a.b@163.com"
// after "433 7145") ends the run where it is redacted: the groups before it
// are read again without it, in the same scan, instead of on a rescan of the
// output (found by the text_scan fuzzer, with invalid bytes between the
// groups under a replace policy).
TEST(Scanner, DigitsBeforeAFindingThatTakesTheirRunsLastGroupAreReadWithoutIt) {
  auto s = DefaultScanner();
  for (const std::string input : {"电话 (0512) 433 7145 7145a.b-c63@163.com",
                                  "电话 (0512) 433\u200b 7145 7145a.b@163.com"}) {
    ExpectRedactedOnce(*s, input, "电话 [CN_LANDLINE] [EMAIL]");
  }
}

// A password's value that stops at a space inside a longer finding starting
// with it reads on through that finding's label in the output: it is read so
// in the first scan, and the bytes glued after the finding go with it
// (found by json_record_scan and cli_line_reader: a rescan of
// "pwd:[PHONE]@" found a password).
TEST(Scanner, AValueThatRunsOnThroughAFindingsLabelTakesTheGluedBytes) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "pwd:+95 7460958@", "pwd:[PHONE]");
  ExpectRedactedOnce(*s, "pwd:+95 7460958@hunter2 ok", "pwd:[PHONE] ok");
  ExpectRedactedOnce(*s, "PWD:-----BEGIN PRIVATE KEY-----[", "PWD:[PRIVATE_KEY]");
  ExpectRedactedOnce(*s, "PWD:-----BEGIN PRIVATE KEY-----( x", "PWD:[PRIVATE_KEY] x");
  // Nothing glued: the finding alone.
  ExpectRedactedOnce(*s, "pwd:+95 7460958 ok", "pwd:[PHONE] ok");
}

// A candidate refused as a placeholder ("[d-----BEGIN": a bracket and a word)
// reads as a value once the finding it reaches into is its label
// ("[d[PRIVATE_KEY"): it is read so in the first scan (found by
// cli_line_reader). A placeholder that touches no finding stays one.
TEST(Scanner, ARefusedCandidateReachingIntoAFindingIsReadWithItsLabel) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "PWD:[d-----BEGIN PRIVATE KEY-----", "PWD:[PRIVATE_KEY]");
  // The reading joins the password "[" and the key's header into one group,
  // read again with its own label ("[PRIVATE_KEY][" is no placeholder).
  ExpectRedactedOnce(*s, "PWD:[-----BEGIN PRIVATE KEY-----[", "PWD:[PRIVATE_KEY]");
  const ScanResult placeholder = s->Scan("pwd:[abc");
  EXPECT_EQ(placeholder.verdict, Verdict::kAllow);
}

// A control and a mark between a password's last letter and a code after the
// quote are dropped by the view and stay after the label; the rescan judges
// the label by its visible part, a placeholder (found by json_record_scan).
TEST(Scanner, APasswordsDroppedControlAndMarkLeaveAPlaceholderBehind) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "pwd:\"x\x0e\u0367\"0", "pwd:\"[PASSWORD]\x0e\u0367\"0");
}

// The groups before a block do not decide how a numeral inside the block
// reads: they may be a value, and its label must leave the block as it was.
TEST(Scanner, ANumeralInsideANumberReadsTheSameOnceTheGroupsBeforeItAreRedacted) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "13912345757 1327206一613", "[CN_MOBILE] [CN_MOBILE]");
  ExpectRedactedOnce(*s, "13800138000三11010519491231002X",
                     "[CN_MOBILE]三[CN_RESIDENT_ID]");
}

// Values side by side, each continued by the next one's first group, are
// each a value: once its neighbour is redacted nothing continues it (a
// rescan would find it). However long the chain: the collector's masked
// rounds peel two links at most (text_scan fuzzer find).
TEST(Scanner, AChainOfGroupedValuesSideBySideIsReadWhole) {
  auto s = DefaultScanner();
  std::string input, output;
  for (int i = 0; i < 40; ++i) {
    input += i % 2 == 0 ? "0958 1024026 " : "0958 1024219 ";
    output += "[CN_LANDLINE] ";
  }
  input.pop_back();
  output.pop_back();
  ExpectRedactedOnce(*s, input, output);
  // A value inside a longer grouped number is still refused.
  EXPECT_EQ(s->Scan("5523 0958 1024026 77").verdict, Verdict::kAllow);
}

// A field key inside a finding ("x{ ts:" taken by PASSWORD) is no context
// for the value after it: redaction removes the key, so the first scan must
// not refuse what a rescan of its output finds (json_record_scan fuzzer
// find: "ts" is a timestamp key, negative for an IP).
TEST(Scanner, AFieldKeyInsideAFindingIsNoContextForTheValueAfterIt) {
  auto s = DefaultScanner();
  const std::pair<std::string, std::string> cases[] = {
      {R"("password":"x{ ts:"24.0.113.7")", R"("password":"[PASSWORD]"[IP_ADDRESS]")"},
      {R"(password=ab1{ts:"24.0.113.7")", R"(password=[PASSWORD]"[IP_ADDRESS]")"},
  };
  for (const auto& [input, output] : cases) ExpectRedactedOnce(*s, input, output);
  // A key that is no finding's still counts.
  EXPECT_EQ(s->Scan(R"(ts:"24.0.113.7")").verdict, Verdict::kAllow);
}

// A context word inside a finding ("version" inside a password) is no
// context for the value near it: redaction removes the word, so the first
// scan must not refuse what a rescan of its output finds.
TEST(Scanner, AWordInsideAFindingIsNoContextForTheValueNearIt) {
  auto s = DefaultScanner();
  for (const std::string input : {R"("password":"x{ version: "24.0.113.7")",
                                  R"("password":"x{ ver "24.0.113.7")"}) {
    ExpectRedactedOnce(*s, input, R"("password":"[PASSWORD]"[IP_ADDRESS]")");
  }
  // A word that is no finding's still counts.
  EXPECT_EQ(s->Scan(R"(version: "24.0.113.7")").verdict, Verdict::kAllow);
}

// The policy's own redaction text is no value: "[WECHAT_ID]" after the
// WeChat word "vx" (cli_line_reader fuzzer find), or a custom template, is
// what a rescan of a redacted message reads.
TEST(Scanner, ThePolicysRedactionTextIsNoValue) {
  auto s = DefaultScanner();
  EXPECT_EQ(s->Scan("vx wechat_id22").verdict, Verdict::kRedacted);
  EXPECT_EQ(s->Scan("vx [WECHAT_ID]").verdict, Verdict::kAllow);
  // Only the label itself: the same word outside brackets is a WeChat id.
  EXPECT_EQ(s->Scan("vx WECHAT_ID").verdict, Verdict::kRedacted);

  v1::Policy p = DefaultPolicy();
  for (v1::DetectorRule& rule : *p.mutable_rules()) {
    if (rule.detector() == "WECHAT_ID") {
      rule.set_action(v1::ACTION_REDACT);
      rule.mutable_redact()->set_template_("<hidden-{detector}>");
    }
  }
  auto custom = testing::ScannerFor(p);
  ASSERT_NE(custom, nullptr);
  const ScanResult r = custom->Scan("微信 wxid_k2j4h5g6");
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "微信 <hidden-WECHAT_ID>");
  EXPECT_EQ(custom->Scan(r.output).verdict, Verdict::kAllow);
  EXPECT_EQ(custom->Scan("微信 hidden-WECHAT_ID").verdict, Verdict::kRedacted);
}

// Two findings side by side ("5" a password after "pwd:", then a plate) leave
// two labels side by side, which a rescan must not read as one password
// (json_record_scan fuzzer find).
TEST(Scanner, AdjacentRedactionLabelsAreNoValue) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "pwd:5\xe9\x84\x82" "C46Z05", "pwd:[PASSWORD][CN_LICENSE_PLATE]");
  EXPECT_EQ(s->Scan("pwd:[PASSWORD][EMAIL]").verdict, Verdict::kAllow);
  // A password next to a label is still a password.
  EXPECT_EQ(s->Scan("pwd:hunter2[EMAIL]").verdict, Verdict::kRedacted);
}

// A combining mark at the end of a value goes with it: "x\u0367" is one
// character, redacted whole (found by json_record_scan: the mark left after
// "[PASSWORD]" made the label read as a password on a rescan).
TEST(Scanner, AValueIsRedactedWithTheCombiningMarkOnItsLastCharacter) {
  ExpectRedactedOnce(*DefaultScanner(), "pwd:\"x\u0367\"0", "pwd:\"[PASSWORD]\"0");
}

// Redacting a value must not change how an invisible character after it
// reads: in "5@c.a0.\uFFFD1.1.1.1" the U+FFFD after "0." is dropped (a
// number's separator), and it must be dropped after "[EMAIL]." too, or a
// rescan of the output reads "\uFFFD1.1.1.1" as an IP (found by
// json_record_scan and wire_scan).
TEST(Scanner, AnInvisibleAfterASeparatorReadsTheSameOnceTheValueBeforeItIsRedacted) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "5@c.a0.\uFFFD1.1.1.1", "[EMAIL].\uFFFD1.1.1.1");
  // An invisible put after a separator does not hide the value after it.
  EXPECT_EQ(s->Scan("ip:\uFFFD10.20.30.40").output, "ip:\uFFFD[IP_ADDRESS]");
}

// A candidate its validator refused ("西经116.792,西经1.700": a pair of two
// longitudes) may hide a value at the same start (the single "西经116.792"),
// which the pattern's search never tries; once the finding the refused
// candidate overlapped ("西经1.700") is redacted, a rescan reads it. The
// collector's masked round reads it in the first scan (json_record_scan
// find).
TEST(Scanner, AValueARefusedCandidateHidIsFoundOnceItsNeighbourIsMasked) {
  auto s = DefaultScanner();
  ExpectRedactedOnce(*s, "西经116.792,西经1.700", "[GPS_COORDINATE],[GPS_COORDINATE]");
  // A valid pair is still one finding.
  const ScanResult pair = s->Scan("北纬39.9042,东经116.4074");
  ASSERT_EQ(pair.findings.size(), 1u);
  EXPECT_EQ(pair.output, "[GPS_COORDINATE]");
}

// Text glued to a finding reads differently once the finding is redacted:
// "東經8.829" right after the plate's last digit lacks the boundary
// GPS_COORDINATE needs before "東經"; "]" gives it one (text_scan find).
TEST(Scanner, AValueGluedToAFindingIsReadWithTheFindingMasked) {
  ExpectRedactedOnce(*DefaultScanner(), "鲁H83533東經8.829",
                     "[CN_LICENSE_PLATE][GPS_COORDINATE]");
}

// The words of a redaction label ("ip" in "[IP_ADDRESS]", "QQ" in
// "[QQ_NUMBER]") are no context: a rescan of the output finds nothing the
// first scan refused (found by the text_scan fuzzer).
TEST(Scanner, RedactionLabelsAreNoContext) {
  ExpectRedactedOnce(*DefaultScanner(), "2EE9::46:217B 102195)29E9::",
                     "[IP_ADDRESS] 102195)29E9::");
  EXPECT_EQ(DefaultScanner()->Scan("[QQ_NUMBER] 12345678").verdict, Verdict::kAllow);
  EXPECT_EQ(DefaultScanner()->Scan("QQ 12345678").verdict, Verdict::kRedacted);
}

// Values already masked by their writer hold no personal data any more:
// they stay untouched (issue 13).
TEST(Scanner, LeavesMaskedValuesUntouched) {
  for (const char* text : {"手机138****5678", "电话 138-****-5678", "身份证110105********002X",
                           "身份证号 110105 **** **** 002X", "卡号6222 **** **** 0128",
                           "card 4111 XXXX XXXX 1111", "QQ 12****78"}) {
    const ScanResult r = DefaultScanner()->Scan(text);
    EXPECT_EQ(r.verdict, Verdict::kAllow) << text << " -> " << r.output;
  }
}

}  // namespace
}  // namespace scrub
