// JSON records: policy validation of the JSON options, the header's
// examples, failure counting, escaping and key normalisation. Behaviour on
// whole records is in the golden cases (json_record_golden_test.cc).
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "google/protobuf/text_format.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/clean_key_cache.h"
#include "scrub/internal/json_escape.h"
#include "scrub/internal/json_rules.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/engine_fault.h"

namespace scrub {
namespace {

using ::testing::ElementsAre;

v1::Policy PolicyFromText(const std::string& text) {
  v1::Policy p;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &p)) << text;
  return p;
}

std::shared_ptr<const Scanner> MakeScanner(const v1::Policy& policy) {
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 1, 15);
  auto scanner = Scanner::Create(policy, options);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  return scanner.ok() ? *scanner : nullptr;
}

ScanResult ScanJson(const Scanner& scanner, absl::string_view record,
                    Scratch* scratch = nullptr) {
  return scanner.Scan({record, RecordFormat::kJson}, scratch);
}

// The compile error's code and message (its PolicyErrorLocation payload is
// tested in policy_test).
absl::Status CompileError(const std::string& text) {
  const absl::Status status = Scanner::Create(PolicyFromText(text)).status();
  return absl::Status(status.code(), status.message());
}

TEST(JsonRecordPolicy, RejectsFieldRuleWithoutSelectorOrRule) {
  EXPECT_EQ(CompileError("json { field_rules { skip: true } }"),
            absl::InvalidArgumentError("json.field_rules[0].selector: set pointer or key"));
  EXPECT_EQ(CompileError("json { field_rules { key: \"a\" } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].rule: set skip, always_redact or detector"));
}

TEST(JsonRecordPolicy, RejectsBadPointers) {
  EXPECT_EQ(CompileError("json { field_rules { pointer: \"a/b\" skip: true } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].pointer: must be a JSON pointer starting with '/'"));
  EXPECT_EQ(CompileError("json { field_rules { pointer: \"/a~2b\" skip: true } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].pointer: \"~2\" is not a valid escape (use ~0 or ~1)"));
  EXPECT_EQ(CompileError("json { field_rules { pointer: \"/a~\" skip: true } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].pointer: \"~\" is not a valid escape (use ~0 or ~1)"));
}

TEST(JsonRecordPolicy, RejectsDuplicateSelectorsAndFalseFlags) {
  EXPECT_EQ(CompileError("json { field_rules { key: \"a\" skip: true }"
                         "       field_rules { key: \"a\" always_redact: true } }"),
            absl::InvalidArgumentError(
                "json.field_rules[1]: selects the same field as json.field_rules[0]"));
  EXPECT_EQ(CompileError("json { field_rules { key: \"a\" skip: false } }"),
            absl::InvalidArgumentError("json.field_rules[0].skip: must be true"));
}

TEST(JsonRecordPolicy, RejectsUnknownOrDisabledDetectors) {
  EXPECT_EQ(CompileError("json { field_rules { key: \"a\" detector: \"CN_MOBIEL\" } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].detector: unknown detector \"CN_MOBIEL\""));
  EXPECT_EQ(CompileError("rules { detector: \"EMAIL\" enabled: false }"
                         "json { field_rules { key: \"a\" detector: \"EMAIL\" } }"),
            absl::InvalidArgumentError(
                "json.field_rules[0].detector: detector \"EMAIL\" is disabled in this policy"));
  EXPECT_EQ(CompileError("json { key_context { key: \"k\" detectors: \"NOPE\" } }"),
            absl::InvalidArgumentError(
                "json.key_context[0].detectors[0]: unknown detector \"NOPE\""));
  EXPECT_EQ(CompileError("json { key_context { key: \"k\" } }"),
            absl::InvalidArgumentError(
                "json.key_context[0].detectors: needs at least one detector"));
  EXPECT_EQ(CompileError("json { key_context { key: \"_-\" detectors: \"EMAIL\" } }"),
            absl::InvalidArgumentError(
                "json.key_context[0].key: required: valid UTF-8 of at most 128 bytes "
                "besides '_', '-', '.' and spaces"));
}

TEST(JsonRecordPolicy, DisabledDetectorInKeyContextIsAccepted) {
  // A disabled detector finds nothing: raising its context is moot, not wrong.
  EXPECT_TRUE(CompileError("rules { detector: \"EMAIL\" enabled: false }"
                           "json { key_context { key: \"k\" detectors: \"EMAIL\" } }")
                  .ok());
}

TEST(JsonRecordPolicy, MalformedDefaultsToBlock) {
  auto scanner = MakeScanner(v1::Policy());
  EXPECT_EQ(scanner->policy().json().malformed(), v1::MALFORMED_JSON_BLOCK);
}

TEST(JsonRecord, HeaderExample) {
  auto scanner = MakeScanner(DefaultPolicy());
  Scratch scratch;
  ScanResult r = ScanJson(
      *scanner, R"({"user":{"phone":13812345678,"note":"hi"},"n":1.50})", &scratch);
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, R"({"user":{"phone":"[CN_MOBILE]","note":"hi"},"n":1.50})");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0], (Finding{"CN_MOBILE", 17, 28, 1.0, v1::ACTION_REDACT,
                                    JsonLocation{"/user/phone", false, 0, 11}}));
}

TEST(JsonRecord, WorksWithoutScratch) {
  auto scanner = MakeScanner(DefaultPolicy());
  ScanResult r = ScanJson(*scanner, R"({"a":"13812345678"})");
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, R"({"a":"[CN_MOBILE]"})");
}

TEST(JsonRecord, BlankRecordHoldsNoDataAndIsAllowed) {
  // The one blank-record rule (scrub/record_format.h): a JSON-lines blank
  // line is not a malformed record, in the CLI and in scrubd alike.
  auto scanner = MakeScanner(DefaultPolicy());
  ScanResult r = ScanJson(*scanner, "  ");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_EQ(r.block_reason, BlockReason::kNone);
  EXPECT_TRUE(r.malformed_json.empty());
  EXPECT_TRUE(r.error.ok());
}

TEST(JsonRecord, MalformedRecordIsBlockedWithItsOffset) {
  auto scanner = MakeScanner(DefaultPolicy());
  ScanResult r = ScanJson(*scanner, "  x");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kMalformedJson);
  EXPECT_EQ(r.block_detail, "malformed JSON at byte 2: Invalid value.");
  EXPECT_EQ(r.malformed_json, r.block_detail);
  EXPECT_EQ(r.format, RecordFormat::kJson);
  EXPECT_EQ(r.error.code(), absl::StatusCode::kInvalidArgument);
}

TEST(JsonRecord, NulByteNeverHidesTheRest) {
  // RapidJSON reads NUL as the end of input; the record must not pass
  // because of it.
  auto scanner = MakeScanner(DefaultPolicy());
  const std::string record("{\"a\":1}\0{\"phone\":\"13812345678\"}", 31);
  ScanResult r = ScanJson(*scanner, record);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_detail, "malformed JSON at byte 7: NUL byte in JSON text.");
}

TEST(JsonRecord, EscapedNulInsideAStringIsScanned) {
  auto scanner = MakeScanner(DefaultPolicy());
  ScanResult r = ScanJson(*scanner, R"({"a":"x\u0000 13812345678"})");
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, R"({"a":"x\u0000 [CN_MOBILE]"})");
}

TEST(JsonRecord, EngineErrorBlocksAndIsCounted) {
  auto scanner = testing::ScannerFailingWith(
      DefaultPolicy(), absl::ResourceExhaustedError("DFA out of memory"));
  ASSERT_TRUE(scanner.ok());
  ScanResult r = ScanJson(**scanner, R"({"a":"x"})");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kEngineError);
  EXPECT_EQ(r.block_detail, "engine error: DFA out of memory");
  EXPECT_EQ((*scanner)->counters().engine_errors, 1u);
  EXPECT_EQ((*scanner)->counters().fail_open_passes, 0u);
}

TEST(JsonRecord, FailOpenPassesEngineErrorsAndCountsThem) {
  v1::Policy policy = DefaultPolicy();
  policy.set_failure_mode(v1::FAIL_OPEN);
  auto scanner = testing::ScannerFailingWith(policy, absl::InternalError("boom"));
  ASSERT_TRUE(scanner.ok());
  ScanResult r = ScanJson(**scanner, R"({"a":"13812345678"})");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  EXPECT_TRUE(r.failed_open);
  EXPECT_EQ(r.block_reason, BlockReason::kEngineError);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ((*scanner)->counters().fail_open_passes, 1u);
}

TEST(JsonRecord, RedactedOutputRescansClean) {
  auto scanner = MakeScanner(DefaultPolicy());
  const std::string record =
      R"({"msg":"\u0031\u0033\u0038\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038",)"
      R"("phone":13812345678,"mail":"a.b\u0040example.com"})";
  ScanResult r = ScanJson(*scanner, record);
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  ScanResult again = ScanJson(*scanner, r.output);
  EXPECT_EQ(again.verdict, Verdict::kAllow);
  EXPECT_TRUE(again.findings.empty());
}

TEST(JsonRecord, BlockRuleSeesFindingsAcrossValues) {
  v1::Policy policy = PolicyFromText(
      "block_rules { name: \"two kinds\" min_distinct_findings: 2 }");
  auto scanner = MakeScanner(policy);
  ScanResult one = ScanJson(*scanner, R"({"a":"13812345678","b":"13812345678"})");
  EXPECT_EQ(one.verdict, Verdict::kRedacted);  // the same value twice: one distinct
  ScanResult two = ScanJson(*scanner, R"({"a":"13812345678","b":"13912345678"})");
  EXPECT_EQ(two.verdict, Verdict::kBlocked);
  EXPECT_EQ(two.block_reason, BlockReason::kBlockRule);
  EXPECT_EQ(two.block_detail, "block rule \"two kinds\"");
}

TEST(JsonRecord, ScratchSharedAcrossPoliciesNeverReusesCleanKeys) {
  // A key scanned clean under one policy must be scanned again under
  // another (here, one whose dictionary lists it).
  auto plain = MakeScanner(DefaultPolicy());
  auto strict = MakeScanner(PolicyFromText(
      "dictionaries { id: \"PROJECT\" terms: \"nightjar\" }"));
  Scratch scratch;
  const std::string record = R"({"nightjar":1})";
  EXPECT_EQ(ScanJson(*plain, record, &scratch).verdict, Verdict::kAllow);
  EXPECT_EQ(ScanJson(*plain, record, &scratch).verdict, Verdict::kAllow);
  ScanResult r = ScanJson(*strict, record, &scratch);
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kJsonKeyFinding);
  EXPECT_EQ(r.block_detail, "PROJECT in a JSON key at byte 1 (keys are never rewritten)");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0], (Finding{"PROJECT", 1, 11, 0.9, v1::ACTION_BLOCK,
                                    JsonLocation{"/[PROJECT]", true, 0, 8}}));
}

TEST(CleanKeyCache, ForgetsOnPolicyChangeAndWhenFull) {
  internal::CleanKeyCache cache;
  EXPECT_FALSE(cache.Contains(1, "a"));
  cache.Insert(1, "a");
  EXPECT_TRUE(cache.Contains(1, "a"));
  EXPECT_FALSE(cache.Contains(2, "a"));
  cache.Insert(2, "b");  // another policy: starts over
  EXPECT_FALSE(cache.Contains(1, "a"));
  EXPECT_FALSE(cache.Contains(2, "a"));
  EXPECT_TRUE(cache.Contains(2, "b"));
  cache.Insert(2, std::string(internal::CleanKeyCache::kMaxKeyBytes + 1, 'k'));
  EXPECT_FALSE(cache.Contains(2, std::string(internal::CleanKeyCache::kMaxKeyBytes + 1, 'k')));
  for (size_t i = 0; i < internal::CleanKeyCache::kMaxKeys; ++i) {
    cache.Insert(2, absl::StrCat("k", i));
  }
  // Full at the last insert: cleared, then holds only that key.
  EXPECT_FALSE(cache.Contains(2, "b"));
  EXPECT_TRUE(cache.Contains(2, absl::StrCat("k", internal::CleanKeyCache::kMaxKeys - 1)));
}

TEST(AutoFormat, IsJsonWhenTheFirstNonBlankByteIsAnOpeningBrace) {
  auto scanner = MakeScanner(DefaultPolicy());
  auto format_of = [&](absl::string_view record) {
    return scanner->Scan({record, RecordFormat::kAuto}).format;
  };
  EXPECT_EQ(format_of("{}"), RecordFormat::kJson);
  EXPECT_EQ(format_of(" \t\r{\"a\":1}"), RecordFormat::kJson);
  EXPECT_EQ(format_of(std::string(100, ' ') + "{\"a\":1}"), RecordFormat::kJson);
  EXPECT_EQ(format_of("[1]"), RecordFormat::kText);
  EXPECT_EQ(format_of("x {"), RecordFormat::kText);
  EXPECT_EQ(format_of(""), RecordFormat::kText);
  EXPECT_EQ(format_of("   "), RecordFormat::kText);
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControlsOnly) {
  std::string out;
  internal::AppendJsonString("a\"b\\c\n\t\r\b\f\x01\x1f/é😀", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f/é😀\"");
  out.clear();
  internal::AppendJsonString(absl::string_view("\0x", 2), &out);
  EXPECT_EQ(out, "\"\\u0000x\"");
}

TEST(JsonEscape, PointerSegmentsFollowRfc6901) {
  std::string out;
  internal::AppendPointerSegment("a/b~c", &out);
  internal::AppendPointerIndex(12, &out);
  internal::AppendPointerSegment("", &out);
  EXPECT_EQ(out, "/a~1b~0c/12/");
}

TEST(JsonRules, NormalizesKeysForContext) {
  EXPECT_EQ(internal::NormalizeJsonKey("ID_Card"), "idcard");
  EXPECT_EQ(internal::NormalizeJsonKey("Mobile-No. x"), "mobilenox");
  EXPECT_EQ(internal::NormalizeJsonKey("身份证_号"), "身份证号");
}

TEST(JsonRules, BuiltinListsSkipDetectorsNotInTheCatalogue) {
  // PERSON_NAME is listed for "name"; a catalogue without it compiles, and
  // the key still resolves (to no detector).
  auto rules = internal::JsonRules::Compile(
      v1::JsonOptions(), [](absl::string_view id) { return id == "CN_MOBILE"; },
      [](absl::string_view id) { return id == "CN_MOBILE" ? 0 : -1; });
  ASSERT_TRUE(rules.ok()) << rules.status();
  const internal::ContextHints* name = rules->ContextOf("name");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->positive_rules.empty());
  const internal::ContextHints* phone = rules->ContextOf("user.Phone_Number");
  ASSERT_NE(phone, nullptr);
  EXPECT_THAT(phone->positive_rules, ElementsAre(0));
  EXPECT_FALSE(phone->negative);
  const internal::ContextHints* order = rules->ContextOf("Order-ID");
  ASSERT_NE(order, nullptr);
  EXPECT_TRUE(order->negative);
  EXPECT_EQ(rules->ContextOf("phonebook"), nullptr);
  EXPECT_EQ(rules->ContextOf(std::string(300, 'a')), nullptr);
}

}  // namespace
}  // namespace scrub

namespace scrub {
namespace {

std::shared_ptr<const Scanner> ReplaceAndScanMalformedAsText() {
  v1::Policy policy = DefaultPolicy();
  policy.set_invalid_utf8(v1::INVALID_UTF8_REPLACE);
  policy.mutable_json()->set_malformed(v1::MALFORMED_JSON_SCAN_AS_TEXT);
  auto scanner = Scanner::Create(policy);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  return *scanner;
}

TEST(JsonRecord, AMalformedRecordScannedAsTextKeepsItsSurrogateEscapes) {
  // The JSON reader repairs "\ud800" to "\uFFFD" under INVALID_UTF8_REPLACE;
  // once the record proves malformed and is scanned as text, those are six
  // characters of a text, left as they were.
  auto scanner = ReplaceAndScanMalformedAsText();
  const std::string record = R"({"a":"\ud800", oops 13812345678)";
  const ScanResult r = ScanJson(*scanner, record);
  EXPECT_EQ(r.format, RecordFormat::kText);
  EXPECT_FALSE(r.malformed_json.empty());
  EXPECT_EQ(r.output, R"({"a":"\ud800", oops [CN_MOBILE])");
  const ScanResult clean = ScanJson(*scanner, R"({"a":"\ud800", oops)");
  EXPECT_EQ(clean.verdict, Verdict::kAllow);
}

TEST(JsonRecord, AMalformedRecordScannedAsTextKeepsOnlyTheUtf8Repair) {
  auto scanner = ReplaceAndScanMalformedAsText();
  const ScanResult r = ScanJson(*scanner, "{\"a\":\"\\ud800\xFF\", oops");
  EXPECT_EQ(r.format, RecordFormat::kText);
  EXPECT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, "{\"a\":\"\\ud800\xEF\xBF\xBD\", oops");
}

}  // namespace
}  // namespace scrub
