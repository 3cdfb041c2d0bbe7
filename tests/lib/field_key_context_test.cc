// Keys as context outside JSON: URL query parameters, key=value and
// key: value log fields take the context of the JSON key of that name
// (field_key_context.h), positive and negative, in plain text scans.
#include <string>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/internal/field_key_context.h"
#include "scrub/internal/json_rules.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

using internal::ContextHints;
using internal::FieldKeyContext;
using internal::JsonRules;

JsonRules Rules() {
  auto rules = JsonRules::Compile(
      v1::JsonOptions(), [](absl::string_view id) { return id == "CN_MOBILE"; },
      [](absl::string_view id) { return id == "CN_MOBILE" ? 0 : -1; });
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *std::move(rules);
}

TEST(FieldKeyContext, FindsTheKeyRightBeforeTheValue) {
  const JsonRules rules = Rules();
  auto at = [&](absl::string_view text, absl::string_view value) {
    return FieldKeyContext(rules, text, text.find(value));
  };
  const ContextHints* phone = at("GET /u?id=1&phone=13812345678", "138");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->positive_rules, std::vector<int>{0});
  EXPECT_NE(at("level=info mobile=13812345678 ok", "138"), nullptr);
  EXPECT_NE(at("[INFO] tel: 13812345678", "138"), nullptr);
  EXPECT_NE(at(R"(x "contactPhone" : "13812345678")", "138"), nullptr);
  EXPECT_NE(at("user.phone=13812345678", "138"), nullptr);  // last dotted segment
  EXPECT_NE(at("手机号：13812345678", "138"), nullptr);
  const ContextHints* order = at("order_id=13812345678", "138");
  ASSERT_NE(order, nullptr);
  EXPECT_TRUE(order->negative);
}

TEST(FieldKeyContext, NothingWithoutAKeyDirectlyBefore) {
  const JsonRules rules = Rules();
  auto at = [&](absl::string_view text, absl::string_view value) {
    return FieldKeyContext(rules, text, text.find(value));
  };
  EXPECT_EQ(at("call 13812345678", "138"), nullptr);
  EXPECT_EQ(at("phone 13812345678", "138"), nullptr);      // no sign: a context word
  EXPECT_EQ(at("xphone=13812345678", "138"), nullptr);     // not a listed key
  EXPECT_EQ(at("=13812345678", "138"), nullptr);
  EXPECT_EQ(at("a/phone=13812345678", "138"), nullptr);    // '/' is no boundary
  EXPECT_EQ(at("13812345678", "138"), nullptr);
}

class FieldKeysInText : public ::testing::Test {
 protected:
  std::string Redact(absl::string_view text) {
    ScanResult r = scanner_->Scan(text);
    return r.verdict == Verdict::kRedacted ? r.output : std::string(text);
  }
  std::shared_ptr<const Scanner> scanner_ = [] {
    Scanner::Options options;
    options.today = absl::CivilDay(2026, 1, 15);
    return *Scanner::Create(DefaultPolicy(), options);
  }();
};

TEST_F(FieldKeysInText, NegativeKeysKeepIdentifiersThatLookLikeData) {
  EXPECT_EQ(Redact("GET /api/order?order_id=13812345678&phone=13912345678"),
            "GET /api/order?order_id=13812345678&phone=[CN_MOBILE]");
  EXPECT_EQ(Redact("level=info trace_id=13812345678 status=ok"),
            "level=info trace_id=13812345678 status=ok");
  EXPECT_EQ(Redact("[INFO] 订单号: 13812345678 | paid"), "[INFO] 订单号: 13812345678 | paid");
}

TEST_F(FieldKeysInText, KeysThatNameAQuantityAreNegativeContext) {
  // Whole keys, and keys whose last word is a unit, a count or a position
  // (after '_', '-', '.' or a lower-to-upper case change).
  EXPECT_EQ(Redact("GET /x latency_us=13812345678 rx_bytes=4111111111111111"),
            "GET /x latency_us=13812345678 rx_bytes=4111111111111111");
  EXPECT_EQ(Redact("size=4111111111111111 seq=13812345678 offset=110105194912310028"),
            "size=4111111111111111 seq=13812345678 offset=110105194912310028");
  EXPECT_EQ(Redact("Content-Length: 4111111111111111"), "Content-Length: 4111111111111111");
  EXPECT_EQ(Redact("elapsedMs=13812345678 body-size=13812345678 ticket=13812345678"),
            "elapsedMs=13812345678 body-size=13812345678 ticket=13812345678");
  // Words that only end like a unit are not units ("status", "items").
  EXPECT_EQ(Redact("status=13812345678 items=13812345678"),
            "status=[CN_MOBILE] items=[CN_MOBILE]");
  // A value with its own positive context keeps it.
  EXPECT_EQ(Redact("手机 13812345678 size=3"), "手机 [CN_MOBILE] size=3");
}

TEST_F(FieldKeysInText, JsonKeysThatNameAQuantityAreNegativeContext) {
  ScanResult r = scanner_->Scan(
      Record{R"({"latencyMs":13812345678,"rx_bytes":4111111111111111,"tel":13812345678})",
             RecordFormat::kJson});
  EXPECT_EQ(r.output, R"({"latencyMs":13812345678,"rx_bytes":4111111111111111,"tel":"[CN_MOBILE]"})");
}

TEST_F(FieldKeysInText, PositiveKeysAsJsonKeys) {
  EXPECT_EQ(Redact("level=info mobile=13812345678 msg=ok"),
            "level=info mobile=[CN_MOBILE] msg=ok");
  EXPECT_EQ(Redact("?sfz=11010519491231002X&x=1"), "?sfz=[CN_RESIDENT_ID]&x=1");
  EXPECT_EQ(Redact("[INFO] email: li@example.com"), "[INFO] email: [EMAIL]");
  EXPECT_EQ(Redact("loc lat=39.90|lng=116.40"), "loc lat=[GPS_COORDINATE]|lng=[GPS_COORDINATE]");
}

}  // namespace
}  // namespace scrub
