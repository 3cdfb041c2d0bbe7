// Policies: loading from text format and JSON, the default policy, and every
// validation error naming its field.
#include "scrub/policy.h"

#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "scrub/detectors.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

absl::Status Compile(const std::string& text) {
  auto policy = ParsePolicy(text, PolicyFormat::kTextProto);
  if (!policy.ok()) return policy.status();
  return Scanner::Create(*policy).status();
}

TEST(DefaultPolicy, SpellsOutEveryBuiltInDetectorAsARedactRule) {
  v1::Policy p = DefaultPolicy();
  const auto detectors = BuiltinDetectorInfo();
  ASSERT_EQ(p.rules_size(), static_cast<int>(detectors.size()));
  for (int i = 0; i < p.rules_size(); ++i) {
    EXPECT_EQ(p.rules(i).detector(), detectors[i].id);
    EXPECT_EQ(p.rules(i).action(), v1::ACTION_REDACT);
    EXPECT_TRUE(p.rules(i).enabled());
    EXPECT_EQ(p.rules(i).min_confidence(), 0.5);
  }
  EXPECT_EQ(p.block_rules_size(), 0);
  EXPECT_EQ(p.allow().values_size() + p.allow().patterns_size(), 0);
  EXPECT_EQ(p.failure_mode(), v1::FAIL_CLOSED);
  EXPECT_EQ(p.limits().max_message_bytes(), 1048576u);
  EXPECT_EQ(p.limits().max_messages_per_batch(), 10000u);
  EXPECT_EQ(p.limits().max_batch_bytes(), 8388608u);
  EXPECT_EQ(p.limits().max_json_depth(), 64u);
}

TEST(DefaultPolicy, DecodesEveryEncodingTwoLevelsDeep) {
  const v1::Policy p = DefaultPolicy();
  EXPECT_TRUE(p.decode().percent());
  EXPECT_TRUE(p.decode().html());
  EXPECT_TRUE(p.decode().escapes());
  EXPECT_TRUE(p.decode().base64());
  EXPECT_EQ(p.decode().max_depth(), 2u);
}

TEST(DefaultPolicy, ReadsNationalPhoneNumbersOfTheDocumentedRegions) {
  const v1::Policy p = DefaultPolicy();
  EXPECT_EQ(std::vector<std::string>(p.phone().default_regions().begin(),
                                     p.phone().default_regions().end()),
            (std::vector<std::string>{"CN", "HK", "TW", "US", "GB", "JP", "KR", "SG", "DE",
                                      "FR", "IT", "AU", "NL", "IN", "IL"}));
  EXPECT_TRUE(p.email().has_ssh_remotes_are_email());
  EXPECT_FALSE(p.email().ssh_remotes_are_email());
}

TEST(PolicyValidation, FillsInThePhoneRegionsAndEmailDefaults) {
  auto s = Scanner::Create(v1::Policy());
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ((*s)->policy().phone().default_regions_size(), 15);
  EXPECT_EQ((*s)->policy().phone().default_regions(1), "HK");
  EXPECT_FALSE((*s)->policy().email().ssh_remotes_are_email());
}

TEST(DefaultPolicy, PrintedTextParsesBackToTheSamePolicy) {
  auto parsed = ParsePolicy(DefaultPolicyText(), PolicyFormat::kTextProto);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->SerializeAsString(), DefaultPolicy().SerializeAsString());
}

TEST(LoadPolicyFile, ReadsTextFormat) {
  const std::string path = TempFile("p.textproto", R"(
    name: "chat" version: "7"
    rules { detector: "CN_MOBILE" action: ACTION_MASK }
  )");
  auto p = LoadPolicyFile(path);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name(), "chat");
  EXPECT_EQ(p->rules(0).action(), v1::ACTION_MASK);
}

TEST(LoadPolicyFile, ReadsJson) {
  const std::string path = TempFile(
      "p.json", R"({"name": "logs", "rules": [{"detector": "EMAIL", "action": "ACTION_REPORT"}]})");
  auto p = LoadPolicyFile(path);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name(), "logs");
  EXPECT_EQ(p->rules(0).action(), v1::ACTION_REPORT);
}

TEST(LoadPolicyFile, ReportsSyntaxErrorsWithLineAndColumn) {
  const std::string path = TempFile("bad.textproto", "name: \"x\"\nrules { detectr: \"EMAIL\" }\n");
  auto p = LoadPolicyFile(path);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(p.status().message()),
            path + ":2:16: Message type \"scrub.v1.DetectorRule\" has no field named "
                   "\"detectr\".");
}

TEST(LoadPolicyFile, ReportsBadJson) {
  const std::string path = TempFile("bad.json", "{\"name\": ");
  auto p = LoadPolicyFile(path);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(p.status().message().rfind(path + ": invalid JSON policy: ", 0), 0u)
      << p.status();
}

TEST(LoadPolicyFile, NamesAMissingFile) {
  auto p = LoadPolicyFile("/nonexistent/policy.textproto");
  EXPECT_EQ(p.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(p.status().message(),
            "/nonexistent/policy.textproto: cannot read: No such file or directory");
}

TEST(LoadPolicyFile, RefusesADirectoryInsteadOfLoadingAnEmptyPolicy) {
  const std::string dir = getenv("TEST_TMPDIR");
  auto p = LoadPolicyFile(dir);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(p.status().message(), dir + ": cannot read: is a directory");
}

TEST(PolicyErrorLocation, ParseErrorsCarryLineAndColumn) {
  const std::string path = TempFile("syntax.textproto", "name: \"p\"\nrules { detector: }\n");
  absl::Status s = LoadPolicyFile(path).status();
  const std::optional<PolicyErrorLocation> at = GetPolicyErrorLocation(s);
  ASSERT_TRUE(at.has_value()) << s;
  EXPECT_EQ(at->kind, PolicyErrorLocation::Kind::kParse);
  EXPECT_EQ(at->path, path);
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, 19);
  EXPECT_EQ(at->field, "");
}

TEST(PolicyErrorLocation, JsonParseErrorsHaveNoLine) {
  const std::string path = TempFile("bad.json", "{\"name\": 1x}");
  const std::optional<PolicyErrorLocation> at =
      GetPolicyErrorLocation(LoadPolicyFile(path).status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->kind, PolicyErrorLocation::Kind::kParse);
  EXPECT_EQ(at->line, 0);
}

TEST(PolicyErrorLocation, ReadErrorsSayWhyWithoutContent) {
  std::optional<PolicyErrorLocation> at =
      GetPolicyErrorLocation(LoadPolicyFile("/nonexistent/p.textproto").status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->kind, PolicyErrorLocation::Kind::kRead);
  EXPECT_EQ(at->read_error, "No such file or directory");
  at = GetPolicyErrorLocation(LoadPolicyFile(getenv("TEST_TMPDIR")).status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->read_error, "is a directory");
}

TEST(PolicyErrorLocation, OtherStatusesCarryNone) {
  EXPECT_FALSE(GetPolicyErrorLocation(absl::InternalError("x")).has_value());
  EXPECT_FALSE(GetPolicyErrorLocation(absl::OkStatus()).has_value());
}

TEST(LoadPolicyFile, ResolvesARelativeKeyFileAgainstThePolicyDirectory) {
  const std::string path = TempFile("k.textproto", "tokenize { key_file: \"my.key\" }");
  auto p = LoadPolicyFile(path);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->tokenize().key_file(), std::string(getenv("TEST_TMPDIR")) + "/my.key");
}

struct ErrorCase {
  const char* policy;
  const char* message;
};

class PolicyErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(PolicyErrorTest, NamesTheFieldAndTheProblem) {
  absl::Status s = Compile(GetParam().policy);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(s.message()), GetParam().message);
  // The field is also structured data, for callers that must not print the
  // message (it may quote the policy).
  const std::optional<PolicyErrorLocation> at = GetPolicyErrorLocation(s);
  ASSERT_TRUE(at.has_value()) << s;
  EXPECT_EQ(at->kind, PolicyErrorLocation::Kind::kCompile);
  const std::string message(GetParam().message);
  EXPECT_EQ(at->field, message.substr(0, message.find(": ")));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, PolicyErrorTest,
    testing::Values(
        ErrorCase{R"(rules { detector: "EMAIL" } rules { detector: "EMAIL" }
                     rules { detector: "IP_ADDRESS" } rules { detector: "CN_MOBILE" }
                     rules { detector: "BANK_CARD" } rules { detector: "CN_MOBIEL" })",
                  "rules[1].detector: duplicate rule for \"EMAIL\" (also rules[0])"},
        ErrorCase{R"(rules { detector: "EMAIL" } rules { detector: "CN_MOBIEL" })",
                  "rules[1].detector: unknown detector \"CN_MOBIEL\""},
        ErrorCase{"rules { action: ACTION_MASK }", "rules[0].detector: required"},
        ErrorCase{R"(rules { detector: "EMAIL" min_confidence: 1.5 })",
                  "rules[0].min_confidence: must be in [0, 1], got 1.5"},
        ErrorCase{R"(rules { detector: "EMAIL" action: ACTION_REDACT mask {} })",
                  "rules[0].mask: set, but the rule's action is not ACTION_MASK"},
        ErrorCase{R"(rules { detector: "EMAIL" action: ACTION_MASK mask { mask_char: "ab" } })",
                  "rules[0].mask.mask_char: must be exactly one character"},
        ErrorCase{R"(rules { detector: "EMAIL" action: ACTION_MASK mask { keep_first: 65 } })",
                  "rules[0].mask: keep_first and keep_last must be at most 64"},
        ErrorCase{R"(rules { detector: "EMAIL" allow { patterns: "(x" } })",
                  "rules[0].allow.patterns[0]: missing ): (x"},
        ErrorCase{R"(allow { values: "" })", "allow.values[0]: must be non-empty valid UTF-8"},
        ErrorCase{R"(custom_detectors { id: "EMP" pattern: "E(\\d{7}" })",
                  "custom_detectors[0].pattern: missing ): E(\\d{7}"},
        ErrorCase{R"(custom_detectors { id: "EMP" })", "custom_detectors[0].pattern: required"},
        ErrorCase{R"(custom_detectors { id: "emp" pattern: "x" })",
                  "custom_detectors[0].id: \"emp\" is not an id of the form [A-Z][A-Z0-9_]* "
                  "(at most 64)"},
        ErrorCase{R"(custom_detectors { id: "EMAIL" pattern: "x" })",
                  "custom_detectors[0].id: \"EMAIL\" is already a built-in detector"},
        ErrorCase{R"(custom_detectors { id: "A" pattern: "x" }
                     custom_detectors { id: "A" pattern: "y" })",
                  "custom_detectors[1].id: \"A\" is already defined by an earlier entry"},
        ErrorCase{R"(custom_detectors { id: "A" pattern: "x" require_context: true })",
                  "custom_detectors[0].require_context: needs at least one context_words entry"},
        ErrorCase{R"(custom_detectors { id: "A" pattern: "x" validator_name: "lunh" })",
                  "custom_detectors[0].validator_name: unknown validator \"lunh\" (known: "
                  "bank_card, cn_address, cn_landline, cn_license_plate, cn_mobile, "
                  "cn_passport, cn_resident_id, cn_uscc, email, gb11643, github_token, "
                  "gps_coordinate, hk_id, iban, ip_address, jwt, luhn, mac_address, mod11_2, "
                  "mod97, person_name, phone, secret_value, tw_id, url_credentials, us_ssn, "
                  "wechat_id)"},
        ErrorCase{R"(custom_detectors { id: "A" pattern: "x" validator: VALIDATOR_LUHN
                                        validator_name: "luhn" })",
                  "custom_detectors[0].validator_name: set together with validator; use one "
                  "of them"},
        ErrorCase{R"(dictionaries { id: "PROJECTS" })",
                  "dictionaries[0].terms: needs at least one term"},
        ErrorCase{R"(dictionaries { id: "PROJECTS" terms: "ok" terms: "" })",
                  "dictionaries[0].terms[1]: must be non-empty valid UTF-8"},
        ErrorCase{R"(block_rules { name: "x" })",
                  "block_rules[0].condition: set min_distinct_findings or combination"},
        ErrorCase{R"(block_rules { min_distinct_findings: 2 })",
                  "block_rules[0].name: required (valid UTF-8)"},
        ErrorCase{R"(block_rules { name: "b" combination { all_of: "CN_RESIDENT_ID"
                     any_of: "CN_ADDRES" } })",
                  "block_rules[0].combination.any_of[0]: unknown detector \"CN_ADDRES\""},
        ErrorCase{R"(limits { max_message_bytes: 0 })",
                  "limits.max_message_bytes: must be in [1, 1073741824], got 0"},
        ErrorCase{R"(limits { max_json_depth: 5000 })",
                  "limits.max_json_depth: must be in [1, 1024], got 5000"},
        ErrorCase{R"(decode { max_depth: 0 })", "decode.max_depth: must be in [1, 3], got 0"},
        ErrorCase{R"(decode { base64: false max_depth: 4 })",
                  "decode.max_depth: must be in [1, 3], got 4"},
        ErrorCase{R"(rules { detector: "EMAIL" action: ACTION_TOKENIZE })",
                  "tokenize.key_file: required because a rule uses ACTION_TOKENIZE"},
        ErrorCase{R"(rules { detector: "EMAIL" action: ACTION_TOKENIZE }
                     tokenize { key_file: "/nonexistent/scrub.key" })",
                  "tokenize.key_file: cannot read \"/nonexistent/scrub.key\""},
        ErrorCase{R"(tokenize { key_id: "Key-1" })", "tokenize.key_id: must match [a-z0-9]{1,16}"},
        ErrorCase{R"(tokenize { hex_chars: 8 })", "tokenize.hex_chars: must be in [16, 64], got 8"},
        ErrorCase{R"(json { key_context { key: "phone" detectors: "PHONEY" } })",
                  "json.key_context[0].detectors[0]: unknown detector \"PHONEY\""},
        ErrorCase{R"(json { field_rules { pointer: "user" skip: true } })",
                  "json.field_rules[0].pointer: must be a JSON pointer starting with '/'"},
        ErrorCase{R"(json { field_rules { key: "x" } })",
                  "json.field_rules[0].rule: set skip, always_redact or detector"},
        ErrorCase{R"(phone { default_regions: "HK" default_regions: "hk" })",
                  "phone.default_regions[1]: \"hk\" is not a region code libphonenumber "
                  "knows (ISO 3166-1 alpha-2, upper case, e.g. \"HK\")"},
        ErrorCase{R"(phone { default_regions: "XX" })",
                  "phone.default_regions[0]: \"XX\" is not a region code libphonenumber "
                  "knows (ISO 3166-1 alpha-2, upper case, e.g. \"HK\")"},
        ErrorCase{R"(phone { default_regions: "US" default_regions: "GB" default_regions: "US" })",
                  "phone.default_regions[2]: \"US\" is listed twice"},
        ErrorCase{R"(min_confidence: -0.1)", "min_confidence: must be in [0, 1], got -0.1"}));

TEST(PolicyValidation, AcceptsTheEmptyPolicyWithDefaults) {
  auto s = Scanner::Create(v1::Policy());
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ((*s)->policy().name(), "unnamed");
  EXPECT_EQ((*s)->policy().failure_mode(), v1::FAIL_CLOSED);
  EXPECT_EQ((*s)->policy().limits().max_message_bytes(), 1048576u);
  EXPECT_EQ((*s)->detector_ids().size(), BuiltinDetectorInfo().size());
}

TEST(PolicyValidation, OnlyListedDetectorsDisablesTheOthers) {
  auto p = ParsePolicy(R"(only_listed_detectors: true rules { detector: "EMAIL" })",
                       PolicyFormat::kTextProto);
  ASSERT_TRUE(p.ok());
  auto s = Scanner::Create(*p);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->detector_ids(), std::vector<std::string>{"EMAIL"});
  EXPECT_EQ((*s)->Scan("13800138000").verdict, Verdict::kAllow);
}

}  // namespace
}  // namespace scrub
