// `scrub detectors`: the built-in table as text (one line per detector) and
// as JSON, with exact assertions on two entries.
#include <sstream>
#include <string>

#include "absl/strings/str_split.h"
#include "cli/detectors_command.h"
#include "cli/filter_command.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "scrub/detectors.h"

namespace scrub::cli {
namespace {

std::vector<std::string> TextLines() {
  std::ostringstream out;
  WriteDetectorsText(BuiltinDetectorInfo(), out);
  return absl::StrSplit(out.str(), '\n', absl::SkipEmpty());
}

TEST(DetectorsText, OneLinePerDetectorInTableOrder) {
  const std::vector<std::string> lines = TextLines();
  ASSERT_EQ(lines.size(), 27u);
  EXPECT_THAT(lines[0], ::testing::StartsWith("CN_RESIDENT_ID\t"));
  EXPECT_THAT(lines[26], ::testing::StartsWith("PHONE\t"));
}

TEST(DetectorsText, ExactLinesOfTwoDetectors) {
  const std::vector<std::string> lines = TextLines();
  EXPECT_EQ(lines[1],
            "CN_MOBILE\tMainland China mobile number (1[3-9] + 9 digits, +86 optional)"
            "\tvalidator=cn_mobile\tdigits=11");
  EXPECT_EQ(lines[10],
            "QQ_NUMBER\tQQ number (5-11 digits, after QQ/扣扣/企鹅号) (needs a context word)"
            "\tvalidator=none");
}

rapidjson::Document Json() {
  std::ostringstream out;
  WriteDetectorsJson(BuiltinDetectorInfo(), AvailableValidators(), out);
  rapidjson::Document doc;
  doc.Parse(out.str().c_str());
  return doc;
}

const rapidjson::Value* Detector(const rapidjson::Document& doc, const std::string& id) {
  for (const auto& d : doc["detectors"].GetArray()) {
    if (id == d["id"].GetString()) return &d;
  }
  return nullptr;
}

std::vector<std::string> Strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
  return out;
}

TEST(DetectorsJson, IsOneValidDocumentWithEveryDetectorAndValidator) {
  const rapidjson::Document doc = Json();
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_EQ(doc["detectors"].Size(), 27u);
  EXPECT_EQ(doc["validators"].Size(), 27u);
  EXPECT_STREQ(doc["validators"][0]["name"].GetString(), "bank_card");
}

TEST(DetectorsJson, CnResidentIdEntry) {
  const rapidjson::Document doc = Json();
  const rapidjson::Value* d = Detector(doc, "CN_RESIDENT_ID");
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ((*d)["validator"].GetString(), "cn_resident_id");
  EXPECT_FALSE((*d)["requires_context"].GetBool());
  ASSERT_EQ((*d)["digit_lengths"].Size(), 2u);
  EXPECT_EQ((*d)["digit_lengths"][0].GetInt(), 15);
  EXPECT_EQ((*d)["digit_lengths"][1].GetInt(), 18);
  EXPECT_EQ(Strings((*d)["context_words"]).front(), "身份证");
  EXPECT_EQ(Strings((*d)["negative_context_words"]).front(), "订单");
  EXPECT_EQ(Strings((*d)["json_keys"]).front(), "idcard");
  const auto& example = (*d)["examples"][0];
  EXPECT_STREQ(example["text"].GetString(), "证件号 440106194706124122 谢谢！");
  EXPECT_STREQ(example["value"].GetString(), "440106194706124122");
  EXPECT_DOUBLE_EQ(example["confidence"].GetDouble(), 1.0);
  EXPECT_EQ(Strings((*d)["negative_examples"]).front(), "证件号 110105194912310021 谢谢");
}

TEST(DetectorsJson, AwsAccessKeyEntryHasNoValidatorAndNoDigits) {
  const rapidjson::Document doc = Json();
  const rapidjson::Value* d = Detector(doc, "AWS_ACCESS_KEY");
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ((*d)["summary"].GetString(),
               "AWS access key id (AKIA, ASIA, A3T., ... + 16 upper-case alphanumerics)");
  EXPECT_STREQ((*d)["validator"].GetString(), "");
  EXPECT_EQ((*d)["digit_lengths"].Size(), 0u);
  EXPECT_EQ((*d)["json_keys"].Size(), 0u);
  EXPECT_EQ(Strings((*d)["context_words"]),
            (std::vector<std::string>{"aws", "access key", "access_key", "accesskey", "key id",
                                      "key_id", "密钥"}));
}

TEST(ValidatorsText, OneLinePerValidator) {
  std::ostringstream out;
  WriteValidatorsText(AvailableValidators(), out);
  const std::vector<std::string> lines = absl::StrSplit(out.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 27u);
  EXPECT_EQ(lines[0], "bank_card\t13-19 digits, Luhn; issuer range and length, not a resident "
                      "ID shape");
}

TEST(DetectorsCommand, RejectsUnknownArguments) {
  EXPECT_EQ(RunDetectorsCommand({"--yaml"}), kExitUsage);
  EXPECT_EQ(RunDetectorsCommand({"--json", "--validators"}), kExitUsage);
}

}  // namespace
}  // namespace scrub::cli
