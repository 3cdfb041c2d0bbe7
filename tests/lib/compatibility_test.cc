// What log pipelines join on must not change between releases: detector
// ids, TOKENIZE tokens and audit digests. The expected values were computed
// independently (openssl dgst -sha256 -hmac over "DETECTOR\x1fvalue") and by
// the 0.1.0 release; a change here breaks every downstream join.
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/detectors.h"
#include "scrub/keyed_digest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

constexpr char kKey[] = "0123456789abcdef0123456789abcdef";

std::string KeyFile() {
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/compat.key";
  std::ofstream(path, std::ios::binary) << kKey;
  return path;
}

TEST(Compatibility, DetectorIdsAreTheReleasedOnesInCatalogueOrder) {
  std::vector<std::string> ids;
  for (const DetectorInfo& d : BuiltinDetectorInfo()) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "CN_RESIDENT_ID", "CN_MOBILE",       "CN_LANDLINE",
                     "CN_PASSPORT",    "CN_HOME_RETURN_PERMIT", "CN_USCC",
                     "HK_ID",          "TW_ID",           "CN_LICENSE_PLATE",
                     "CN_ADDRESS",     "QQ_NUMBER",       "WECHAT_ID",
                     "PERSON_NAME",    "BANK_CARD",       "EMAIL",
                     "IP_ADDRESS",     "AWS_ACCESS_KEY",  "GITHUB_TOKEN",
                     "JWT",            "PRIVATE_KEY",     "URL_CREDENTIALS",
                     "PASSWORD",       "IBAN",            "US_SSN",
                     "MAC_ADDRESS",    "GPS_COORDINATE",  "PHONE"}));
}

TEST(Compatibility, TokensAreKeyedHmacsOfTheNormalisedValue) {
  v1::Policy policy = DefaultPolicy();
  policy.set_default_action(v1::ACTION_TOKENIZE);
  for (v1::DetectorRule& rule : *policy.mutable_rules()) rule.set_action(v1::ACTION_TOKENIZE);
  policy.mutable_tokenize()->set_key_file(KeyFile());
  auto scanner = testing::ScannerFor(policy);
  ASSERT_NE(scanner, nullptr);
  const ScanResult r = scanner->Scan("电话 138-0013-8000 身份证11010519491231002X");
  EXPECT_EQ(r.output,
            "电话 tok_cn_mobile_k1_656dd87283edfde2 "
            "身份证tok_cn_resident_id_k1_62a5e85dfdb1925d");
  // The same number written another way gets the same token.
  EXPECT_EQ(scanner->Scan("１３８００１３８０００").output, "tok_cn_mobile_k1_656dd87283edfde2");
}

TEST(Compatibility, AuditDigestsAreKeyedHmacsOfTheFoundBytes) {
  auto digest = KeyedDigest::FromKeyFile(KeyFile(), "k1");
  ASSERT_TRUE(digest.ok()) << digest.status();
  EXPECT_EQ((*digest)->Of("CN_MOBILE", "13812345678"), "k1:08c16b839b066ac8a44b69a2ba34378c");
  // A JSON finding is digested over its unescaped value: the same digest
  // whether the value was a number, an escaped string or chat text.
  auto scanner = testing::DefaultScanner();
  for (const std::string record :
       {R"({"phone":13812345678})", R"({"phone":"\u0031\u0033812345678"})"}) {
    const ScanResult r = scanner->Scan({record, RecordFormat::kJson});
    ASSERT_EQ(r.findings.size(), 1u) << record;
    EXPECT_EQ((*digest)->OfFinding(record, r.findings[0]), "k1:08c16b839b066ac8a44b69a2ba34378c")
        << record;
  }
  const std::string chat = "电话13812345678";
  const ScanResult text = scanner->Scan(chat);
  ASSERT_EQ(text.findings.size(), 1u);
  EXPECT_EQ((*digest)->OfFinding(chat, text.findings[0]), "k1:08c16b839b066ac8a44b69a2ba34378c");
}

TEST(Compatibility, KeyedDigestErrorsNameTheField) {
  EXPECT_EQ(KeyedDigest::FromKeyFile(KeyFile(), "K1").status().message(),
            "key_id: must be 1 to 16 of [a-z0-9], got \"K1\"");
  EXPECT_EQ(KeyedDigest::FromKeyFile("/nonexistent/key", "k1").status().message(),
            "key_file: cannot read /nonexistent/key: No such file or directory");
  const std::string short_key = std::string(getenv("TEST_TMPDIR")) + "/short.key";
  std::ofstream(short_key) << "short";
  EXPECT_EQ(KeyedDigest::FromKeyFile(short_key, "k1").status().message(),
            "key_file: the key has fewer than 32 bytes");
}

}  // namespace
}  // namespace scrub
