// scrub-kafka's per-record pieces, without a broker: the decision for a
// record (value, key, headers), the BLOCKED placeholder, provenance headers
// and --kafka_config files.
#include "kafka/record_transform.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kafka/properties_file.h"
#include "kafka/provenance.h"
#include "scrub/policy_store.h"
#include "tests/support/test_scanner.h"

namespace scrub::kafka {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

struct Headers {
  Headers() : h(rd_kafka_headers_new(4)) {}
  ~Headers() { rd_kafka_headers_destroy(h); }
  void Add(const char* name, absl::string_view value) {
    rd_kafka_header_add(h, name, -1, value.data(), static_cast<ssize_t>(value.size()));
  }
  rd_kafka_headers_t* h;
};

class RecordTransformTest : public ::testing::Test {
 protected:
  scrub::PolicyStore store_{scrub::testing::DefaultScanner()};
};

TEST_F(RecordTransformTest, CleanValueIsAllowedUnchanged) {
  ScanTransform t(&store_, {});
  Decision d = t.Decide({"user-7", "hello there"});
  EXPECT_EQ(d.verdict, scrub::Verdict::kAllow);
  EXPECT_FALSE(d.value.has_value());
  EXPECT_FALSE(d.key.has_value());
  EXPECT_TRUE(d.detectors.empty());
}

TEST_F(RecordTransformTest, ValueWithMobileIsRedacted) {
  ScanTransform t(&store_, {});
  Decision d = t.Decide({"user-7", "电话13812345678"});
  EXPECT_EQ(d.verdict, scrub::Verdict::kRedacted);
  ASSERT_TRUE(d.value.has_value());
  EXPECT_EQ(*d.value, "电话[CN_MOBILE]");
  EXPECT_THAT(d.detectors, ElementsAre("CN_MOBILE"));
}

TEST_F(RecordTransformTest, TombstoneIsAllowed) {
  ScanTransform t(&store_, {});
  Decision d = t.Decide({"user-7", std::nullopt});
  EXPECT_EQ(d.verdict, scrub::Verdict::kAllow);
}

TEST_F(RecordTransformTest, InvalidUtf8IsBlockedWithReasonAndNoContent) {
  ScanTransform t(&store_, {});
  Decision d = t.Decide({std::nullopt, "ab\xff\xfe 13812345678"});
  EXPECT_EQ(d.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(d.block_reason, "invalid_utf8");
  EXPECT_EQ(d.block_detail, "value: invalid UTF-8 at byte 2");
  EXPECT_FALSE(d.value.has_value());
}

TEST_F(RecordTransformTest, JsonFormatRedactsInPlace) {
  ScanTransform t(&store_, {scrub::RecordFormat::kJson, false});
  Decision d = t.Decide({std::nullopt, R"({"phone":13812345678})"});
  EXPECT_EQ(d.verdict, scrub::Verdict::kRedacted);
  EXPECT_EQ(*d.value, R"({"phone":"[CN_MOBILE]"})");
}

TEST_F(RecordTransformTest, MalformedJsonIsBlocked) {
  ScanTransform t(&store_, {scrub::RecordFormat::kJson, false});
  Decision d = t.Decide({std::nullopt, R"({"phone":)"});
  EXPECT_EQ(d.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(d.block_reason, "malformed_json");
}

TEST_F(RecordTransformTest, KeysAndHeadersAreNotScannedByDefault) {
  ScanTransform t(&store_, {});
  Headers h;
  h.Add("caller", "手机13812345678");
  Decision d = t.Decide({"电话13812345678", "hello", h.h});
  EXPECT_EQ(d.verdict, scrub::Verdict::kAllow);
}

TEST_F(RecordTransformTest, KeysAndHeadersAreRedactedWhenAsked) {
  ScanTransform t(&store_, {scrub::RecordFormat::kText, true});
  Headers h;
  h.Add("trace", "abc");
  h.Add("caller", "手机13812345678");
  Decision d = t.Decide({"电话13812345678", "hello", h.h});
  EXPECT_EQ(d.verdict, scrub::Verdict::kRedacted);
  EXPECT_FALSE(d.value.has_value());
  ASSERT_TRUE(d.key.has_value());
  EXPECT_EQ(*d.key, "电话[CN_MOBILE]");
  EXPECT_THAT(d.header_values, ElementsAre(Pair(1, "手机[CN_MOBILE]")));
}

TEST_F(RecordTransformTest, BlockedHeaderBlocksTheRecord) {
  ScanTransform t(&store_, {scrub::RecordFormat::kText, true});
  Headers h;
  h.Add("blob", "\xff\xff");
  Decision d = t.Decide({"k", "电话13812345678", h.h});
  EXPECT_EQ(d.verdict, scrub::Verdict::kBlocked);
  EXPECT_EQ(d.block_reason, "invalid_utf8");
  EXPECT_EQ(d.block_detail, "header 0: invalid UTF-8 at byte 0");
  EXPECT_FALSE(d.value.has_value());  // no redacted content kept either
}

TEST(BlockedPlaceholderTest, NamesReasonAndInputOnly) {
  Decision d;
  d.block_reason = "invalid_utf8";
  d.block_detail = "value: invalid UTF-8 at byte 2";
  EXPECT_EQ(BlockedPlaceholder(d, {"raw", 3, 117}),
            R"({"scrub":"BLOCKED","reason":"invalid_utf8",)"
            R"("detail":"value: invalid UTF-8 at byte 2","input_topic":"raw",)"
            R"("input_partition":3,"input_offset":117})");
}

TEST(BlockedPlaceholderTest, EscapesQuotesAndControls) {
  Decision d;
  d.block_reason = "block_rule";
  d.block_detail = "rule \"x\"\n";
  EXPECT_THAT(BlockedPlaceholder(d, {"raw", 0, 0}),
              HasSubstr(R"("detail":"rule \"x\"\u000a")"));
}

TEST(ProvenanceTest, RoundTripsAndTakesTheLastSet) {
  Headers h;
  AddProvenance({"first", 1, 10}, h.h);
  AddProvenance({"raw", 2, 1234567890123}, h.h);
  EXPECT_EQ(ReadProvenance(h.h), (Provenance{"raw", 2, 1234567890123}));
}

TEST(ProvenanceTest, MissingOrBadHeadersGiveNothing) {
  EXPECT_EQ(ReadProvenance(nullptr), std::nullopt);
  Headers h;
  h.Add(kInputTopicHeader, "raw");
  h.Add(kInputPartitionHeader, "2");
  EXPECT_EQ(ReadProvenance(h.h), std::nullopt);
  h.Add(kInputOffsetHeader, "x1");
  EXPECT_EQ(ReadProvenance(h.h), std::nullopt);
}

TEST(PropertiesFileTest, ParsesNameValueLines) {
  absl::StatusOr<Properties> p = ParseProperties(
      "# comment\n! also\n\n security.protocol = SASL_SSL \nsasl.password=a=b\n", "f");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_THAT(*p, ElementsAre(Pair("security.protocol", "SASL_SSL"),
                              Pair("sasl.password", "a=b")));
}

TEST(PropertiesFileTest, ErrorNamesTheLineNotItsContent) {
  absl::StatusOr<Properties> p = ParseProperties("a=1\nsecret-without-equals\n", "kafka.conf");
  EXPECT_EQ(p.status(), absl::InvalidArgumentError("kafka.conf line 2: expected name=value"));
}

TEST(PropertiesFileTest, MissingFileIsNotFound) {
  absl::StatusOr<Properties> p = ReadPropertiesFile("/nonexistent/kafka.conf");
  EXPECT_EQ(p.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("/nonexistent/kafka.conf"));
}

}  // namespace
}  // namespace scrub::kafka
