// Every action on every kind of span, overlapping findings of different
// actions (the most protective wins), allow lists, block rules, keyword
// dictionaries and custom detectors.
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

std::string KeyFile() {
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/actions.key";
  std::ofstream(path) << "0123456789abcdef0123456789abcdef";
  return path;
}

std::shared_ptr<const Scanner> Make(const std::string& text) {
  auto policy = ParsePolicy(text, PolicyFormat::kTextProto);
  EXPECT_TRUE(policy.ok()) << policy.status();
  if (!policy->tokenize().key_file().empty()) {
    policy->mutable_tokenize()->set_key_file(KeyFile());
  }
  Scanner::Options o;
  o.today = absl::CivilDay(2026, 11, 30);
  auto s = Scanner::Create(*policy, o);
  EXPECT_TRUE(s.ok()) << s.status();
  return *s;
}

std::string Out(const Scanner& s, absl::string_view text) {
  ScanResult r = s.Scan(text);
  EXPECT_TRUE(r.error.ok()) << r.error;
  return r.verdict == Verdict::kRedacted ? r.output : std::string(text);
}

TEST(RedactAction, UsesTheTemplateWithTheDetectorId) {
  auto s = Make(R"(rules { detector: "CN_MOBILE" action: ACTION_REDACT
                           redact { template: "<{detector}:removed>" } })");
  EXPECT_EQ(Out(*s, "电话13800138000"), "电话<CN_MOBILE:removed>");
  EXPECT_EQ(Out(*s, "x@example.com"), "[EMAIL]");  // other detectors: default
}

class MaskTest : public testing::Test {
 protected:
  std::shared_ptr<const Scanner> s_ = Make(R"(
    rules { detector: "CN_MOBILE" action: ACTION_MASK }
    rules { detector: "BANK_CARD" action: ACTION_MASK mask { keep_first: 4 keep_last: 4 } }
    rules { detector: "CN_RESIDENT_ID" action: ACTION_MASK
            mask { keep_first: 6 keep_last: 0 mask_char: "＊" } }
    rules { detector: "EMAIL" action: ACTION_MASK mask { keep_first: 1 keep_last: 0 } })");
};

TEST_F(MaskTest, KeepsFirstAndLastCharacters) {
  EXPECT_EQ(Out(*s_, "tel 13812345678."), "tel 138****5678.");
}

TEST_F(MaskTest, KeepsSeparatorsInPlace) {
  EXPECT_EQ(Out(*s_, "card 6222 0212 3456 7890 128"), "card 6222 **** **** ***0 128");
  EXPECT_EQ(Out(*s_, "tel 138-1234-5678"), "tel 138-****-5678");
}

TEST_F(MaskTest, MasksFullWidthCharactersOneForOne) {
  EXPECT_EQ(Out(*s_, "电话１３８１２３４５６７８"), "电话１３８****５６７８");
}

TEST_F(MaskTest, KeepsZeroWidthCharactersAndUsesAMultiByteMaskChar) {
  EXPECT_EQ(Out(*s_, "身份证110105\u200b19491231002X号"),
            "身份证110105\u200b＊＊＊＊＊＊＊＊＊＊＊＊号");
}

TEST_F(MaskTest, MasksAroundTheAtSign) {
  EXPECT_EQ(Out(*s_, "mail ab@cd.com"), "mail a*@**.***");
}

class TokenizeTest : public testing::Test {
 protected:
  std::shared_ptr<const Scanner> s_ = Make(R"(
    rules { detector: "CN_MOBILE" action: ACTION_TOKENIZE }
    tokenize { key_file: "set-by-test" key_id: "k7" })");
};

TEST_F(TokenizeTest, ReplacesWithAKeyedToken) {
  const std::string out = Out(*s_, "电话13800138000");
  ASSERT_EQ(out.size(), std::string("电话tok_cn_mobile_k7_").size() + 16) << out;
  EXPECT_EQ(out.rfind("电话tok_cn_mobile_k7_", 0), 0u) << out;
}

TEST_F(TokenizeTest, GivesTheSameTokenWhateverTheSeparatorsOrWidth) {
  const std::string plain = Out(*s_, "13800138000");
  EXPECT_EQ(Out(*s_, "138-0013-8000"), plain);
  EXPECT_EQ(Out(*s_, "138 0013 8000"), plain);
  EXPECT_EQ(Out(*s_, "１３８００１３８０００"), plain);
  EXPECT_EQ(Out(*s_, "138\u200b00138000"), plain);
  EXPECT_NE(Out(*s_, "13800138001"), plain);
}

TEST(BlockAction, BlocksTheWholeMessage) {
  auto s = Make(R"(rules { detector: "CN_RESIDENT_ID" action: ACTION_BLOCK })");
  ScanResult r = s->Scan("身份证11010519491231002X 电话13800138000");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kDetectorAction);
  EXPECT_EQ(r.block_detail, "action BLOCK for CN_RESIDENT_ID");
  EXPECT_TRUE(r.output.empty());
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].action, v1::ACTION_BLOCK);
  EXPECT_EQ(r.findings[1].action, v1::ACTION_REDACT);
  EXPECT_TRUE(r.error.ok());
}

TEST(ReportAction, RecordsTheFindingAndLeavesTheText) {
  auto s = Make(R"(rules { detector: "EMAIL" action: ACTION_REPORT })");
  ScanResult r = s->Scan("mail x@example.com");
  EXPECT_EQ(r.verdict, Verdict::kAllow);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].detector, "EMAIL");
  EXPECT_EQ(r.findings[0].start, 5u);
  EXPECT_EQ(r.findings[0].end, 18u);
  EXPECT_EQ(r.findings[0].action, v1::ACTION_REPORT);
}

// "13800138000@example.com": a CN_MOBILE inside an EMAIL.
struct OverlapCase {
  const char* mobile_action;
  const char* email_action;
  Verdict verdict;
  const char* output;
  v1::Action applied;
};

class OverlapTest : public testing::TestWithParam<OverlapCase> {};

TEST_P(OverlapTest, TheMostProtectiveActionWinsOnTheUnion) {
  const OverlapCase& c = GetParam();
  auto s = Make(std::string("rules { detector: \"CN_MOBILE\" action: ") + c.mobile_action +
                " } rules { detector: \"EMAIL\" action: " + c.email_action +
                " } tokenize { key_file: \"set-by-test\" }");
  ScanResult r = s->Scan("13800138000@example.com!");
  EXPECT_EQ(r.verdict, c.verdict);
  if (c.output != nullptr) {
    EXPECT_EQ(r.output, c.output);
  }
  ASSERT_EQ(r.findings.size(), 2u);
  for (const Finding& f : r.findings) EXPECT_EQ(f.action, c.applied) << f.detector;
}

INSTANTIATE_TEST_SUITE_P(
    Actions, OverlapTest,
    testing::Values(
        OverlapCase{"ACTION_BLOCK", "ACTION_REDACT", Verdict::kBlocked, "", v1::ACTION_BLOCK},
        OverlapCase{"ACTION_REDACT", "ACTION_BLOCK", Verdict::kBlocked, "", v1::ACTION_BLOCK},
        OverlapCase{"ACTION_REDACT", "ACTION_TOKENIZE", Verdict::kRedacted, "[CN_MOBILE]!",
                    v1::ACTION_REDACT},
        OverlapCase{"ACTION_TOKENIZE", "ACTION_MASK", Verdict::kRedacted, nullptr,
                    v1::ACTION_TOKENIZE},
        OverlapCase{"ACTION_MASK", "ACTION_REPORT", Verdict::kRedacted,
                    "138********@******e.com!", v1::ACTION_MASK},
        OverlapCase{"ACTION_REPORT", "ACTION_REPORT", Verdict::kAllow, "", v1::ACTION_REPORT}));

TEST(AllowList, GlobalExactValuesMatchAfterNormalisation) {
  auto s = Make(R"(allow { values: "400-810-8888" values: "13800138000" })");
  EXPECT_EQ(Out(*s, "客服 138 0013 8000"), "客服 138 0013 8000");
  EXPECT_EQ(Out(*s, "客服 １３８００１３８０００"), "客服 １３８００１３８０００");
  EXPECT_EQ(Out(*s, "客服 13800138001"), "客服 [CN_MOBILE]");
}

TEST(AllowList, PerDetectorPatternsApplyToThatDetectorOnly) {
  auto s = Make(R"(rules { detector: "EMAIL" allow { patterns: ".*@example\\.com" } })");
  EXPECT_EQ(Out(*s, "a@example.com b@other.org"), "a@example.com [EMAIL]");
}

TEST(BlockRules, BlockAnIdentityBundle) {
  auto s = Make(R"(block_rules { name: "identity bundle" combination {
                     all_of: "CN_RESIDENT_ID" any_of: "CN_MOBILE" any_of: "EMAIL" } })");
  ScanResult r = s->Scan("身份证11010519491231002X 电话13800138000");
  EXPECT_EQ(r.verdict, Verdict::kBlocked);
  EXPECT_EQ(r.block_reason, BlockReason::kBlockRule);
  EXPECT_EQ(r.block_detail, "block rule \"identity bundle\"");
  EXPECT_EQ(s->Scan("身份证11010519491231002X").verdict, Verdict::kRedacted);
  EXPECT_EQ(s->Scan("电话13800138000").verdict, Verdict::kRedacted);
}

TEST(BlockRules, BlockAtNDistinctFindings) {
  auto s = Make(R"(block_rules { name: "bulk" min_distinct_findings: 3 })");
  EXPECT_EQ(s->Scan("13800138000 13800138000 a@b.cn").verdict, Verdict::kRedacted);
  EXPECT_EQ(s->Scan("13800138000 13800138001 a@b.cn").verdict, Verdict::kBlocked);
}

TEST(Dictionaries, FindTermsAsTheirOwnDetector) {
  auto s = Make(R"(dictionaries { id: "PROJECT" terms: "Blue Falcon" terms: "蓝隼"
                                   case_insensitive: true whole_words: true })");
  EXPECT_EQ(Out(*s, "the blue falcon launch, 蓝隼项目"), "the [PROJECT] launch, [PROJECT]项目");
  EXPECT_EQ(Out(*s, "blue falcons"), "blue falcons");  // not a whole word
}

TEST(Dictionaries, CanBeDisabledByTheirRule) {
  auto s = Make(R"(dictionaries { id: "PROJECT" terms: "falcon" }
                   rules { detector: "PROJECT" enabled: false })");
  EXPECT_EQ(Out(*s, "falcon"), "falcon");
}

TEST(CustomDetectors, MatchValidateAndRequireContext) {
  auto s = Make(R"(
    custom_detectors { id: "EMPLOYEE_ID" pattern: "\\b(E\\d{7})\\b" confidence: 0.9 }
    custom_detectors { id: "ACCOUNT" pattern: "\\b(\\d{12})\\b" validator: VALIDATOR_LUHN
                       context_words: "账户" require_context: true })");
  EXPECT_EQ(Out(*s, "工号 E1234567 done"), "工号 [EMPLOYEE_ID] done");
  EXPECT_EQ(Out(*s, "账户 123456789007"), "账户 [ACCOUNT]");
  EXPECT_EQ(Out(*s, "number 123456789007"), "number 123456789007");  // no context
  EXPECT_EQ(Out(*s, "账户 123456789008"), "账户 123456789008");     // Luhn fails
}

// Every validator of the registry is available by name; the custom
// detector's confidence applies to each value the validator accepts.
TEST(CustomDetectors, UseAnyValidatorByName) {
  // Built-in detectors (IBAN, CN_RESIDENT_ID) off: the custom ones alone.
  auto s = Make(R"pb(
    only_listed_detectors: true
    custom_detectors { id: "PAYEE_IBAN" pattern: "payee=([A-Z0-9]+)" validator_name: "iban" }
    custom_detectors { id: "STAFF_ID" pattern: "staff=([0-9X]+)" validator_name: "gb11643"
                       confidence: 0.7 }
    custom_detectors { id: "PAYEE_PHONE" pattern: "tel=([0-9]+)" validator_name: "cn_mobile" })pb");
  EXPECT_EQ(Out(*s, "payee=DE89370400440532013000"), "payee=[PAYEE_IBAN]");
  EXPECT_EQ(Out(*s, "payee=DE89370400440532013001"), "payee=DE89370400440532013001");
  EXPECT_EQ(Out(*s, "staff=11010519491231002X"), "staff=[STAFF_ID]");
  EXPECT_EQ(Out(*s, "staff=110105194912310021"), "staff=110105194912310021");
  EXPECT_EQ(Out(*s, "tel=12812345678"), "tel=12812345678");
}

TEST(CustomDetectors, TheEnumValidatorIsTheSameAsItsName) {
  auto by_enum = Make(R"pb(custom_detectors { id: "ACCOUNT" pattern: "acct=([0-9]+)"
                                            validator: VALIDATOR_LUHN })pb");
  auto by_name = Make(R"pb(custom_detectors { id: "ACCOUNT" pattern: "acct=([0-9]+)"
                                            validator_name: "luhn" })pb");
  for (const char* text : {"acct=123456789007", "acct=123456789008"}) {
    EXPECT_EQ(Out(*by_enum, text), Out(*by_name, text)) << text;
  }
}

TEST(Thresholds, DropFindingsBelowTheRuleMinimum) {
  auto s = Make(R"(rules { detector: "BANK_CARD" min_confidence: 0.95 })");
  EXPECT_EQ(Out(*s, "x 4111 1111 1111 1111"), "x 4111 1111 1111 1111");
}

}  // namespace
}  // namespace scrub
