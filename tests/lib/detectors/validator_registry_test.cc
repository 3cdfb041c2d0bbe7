// The validator registry: names are exactly those the built-in table uses
// plus the plain checks custom detectors ask for, each is documented in the
// README, and each rejects a value with a flipped check character.
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validator_registry.h"
#include "tests/support/test_scanner.h"

namespace scrub::internal {
namespace {

// Checks only custom detectors use (the policy's Validator enum maps to
// them); every other validator serves a built-in detector.
const std::set<std::string> kCustomOnly = {"gb11643", "luhn", "mod11_2", "mod97"};

std::set<std::string> RegistryNames() {
  std::set<std::string> names;
  for (const NamedValidator& v : ValidatorRegistry()) names.emplace(v.name);
  return names;
}

TEST(ValidatorRegistry, IsSortedByNameWithoutDuplicates) {
  const auto& all = ValidatorRegistry();
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].name, all[i].name);
  for (const NamedValidator& v : all) {
    EXPECT_NE(v.fn, nullptr) << v.name;
    EXPECT_FALSE(v.summary.empty()) << v.name;
  }
}

TEST(ValidatorRegistry, NamesAreThoseTheTableUsesPlusTheCustomChecks) {
  std::set<std::string> used = kCustomOnly;
  for (const DetectorSpec& d : BuiltinDetectors()) {
    if (!d.validator.empty()) used.insert(d.validator);
  }
  EXPECT_EQ(RegistryNames(), used);
  EXPECT_EQ(ValidatorRegistry().size(), 27u);
}

// The README's list of validators (between its markers) names exactly the
// registry's validators.
TEST(ValidatorRegistry, NamesAreThoseTheReadmeDocuments) {
  std::ifstream in("README.md");
  ASSERT_TRUE(in) << "README.md is a data dependency";
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const size_t begin = readme.find("<!-- validators:begin -->");
  const size_t end = readme.find("<!-- validators:end -->");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string section = readme.substr(begin, end - begin);
  // Each row starts "| `name` |".
  std::set<std::string> documented;
  for (size_t p = section.find("\n| `"); p != std::string::npos;
       p = section.find("\n| `", p + 1)) {
    const size_t close = section.find('`', p + 4);
    documented.insert(section.substr(p + 4, close - p - 4));
  }
  EXPECT_EQ(documented, RegistryNames());
}

TEST(ValidatorRegistry, FindsByExactName) {
  ASSERT_NE(FindValidator("luhn"), nullptr);
  EXPECT_EQ(FindValidator("luhn")->name, "luhn");
  EXPECT_EQ(FindValidator("Luhn"), nullptr);
  EXPECT_EQ(FindValidator(""), nullptr);
  EXPECT_TRUE(absl::StartsWith(ValidatorNameList(), "bank_card, cn_address, "));
}

// A valid value passes (confidence > 0); the same value with its check
// character flipped is rejected.
struct Case {
  std::string validator;
  std::string valid;
  std::string flipped;
};

TEST(ValidatorRegistry, EachCheckRejectsAFlippedCheckCharacter) {
  const ValidationContext ctx{testing::kToday};
  const Case cases[] = {
      {"luhn", "4111 1111 1111 1111", "4111 1111 1111 1112"},
      {"mod11_2", "11010519491231002X", "110105194912310021"},
      {"mod97", "DE89370400440532013000", "DE89370400440532013001"},
      {"gb11643", "11010519491231002X", "110105194912310020"},
      {"cn_resident_id", "11010519491231002X", "110105194912310020"},
      {"bank_card", "4852356081189612", "4852356081189613"},
      {"cn_mobile", "13800138000", "12800138000"},
      {"cn_uscc", "91350100M000100Y43", "91350100M000100Y44"},
      {"hk_id", "A123456(3)", "A123456(4)"},
      {"tw_id", "A123456789", "A123456788"},
      {"iban", "DE89370400440532013000", "DE89370400440532013001"},
      {"us_ssn", "536-90-4399", "000-90-4399"},
      {"ip_address", "203.0.113.7", "203.0.113.256"},
      {"mac_address", "00:1A:2B:3C:4D:5E", "FF:FF:FF:FF:FF:FF"},
      {"email", "zhang@example.com", std::string(65, 'a') + "@example.com"},  // RFC 5321: 64
      {"secret_value", "s3cr3t!", "***"},
      {"url_credentials", "root:dNki9O13", "root:***"},
  };
  for (const Case& c : cases) {
    const NamedValidator* v = FindValidator(c.validator);
    ASSERT_NE(v, nullptr) << c.validator;
    EXPECT_GT(v->fn(c.valid, ctx), 0) << c.validator << ": " << c.valid;
    EXPECT_EQ(v->fn(c.flipped, ctx), 0) << c.validator << ": " << c.flipped;
  }
}

// A validator gets what a pattern matched, which may hold no letter or digit
// at all: every validator refuses such a value (and none reads past it) —
// except secret_value: a password may be all punctuation ("!@#$").
TEST(ValidatorRegistry, EveryValidatorRefusesAValueWithoutLettersOrDigits) {
  const ValidationContext ctx{testing::kToday};
  for (const NamedValidator& v : ValidatorRegistry()) {
    EXPECT_EQ(v.fn("", ctx), 0) << v.name << ": the empty value";
    if (v.name == "secret_value") continue;
    for (const char* value : {"-", " ", "()", "@", "-_-", "\xE3\x80\x82"}) {
      EXPECT_EQ(v.fn(value, ctx), 0) << v.name << ": \"" << value << "\"";
    }
  }
}

}  // namespace
}  // namespace scrub::internal
