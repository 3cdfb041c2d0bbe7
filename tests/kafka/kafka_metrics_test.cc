// scrub-kafka's /metrics text: what the pipeline reports, exactly, and no
// label that could carry content.
#include "kafka/kafka_metrics.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/version.h"

namespace scrub::kafka {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(KafkaMetricsTest, CountsRecordsByVerdictReasonAndDetector) {
  KafkaMetrics m;
  Decision redacted;
  redacted.verdict = scrub::Verdict::kRedacted;
  redacted.detectors = {"CN_MOBILE", "CN_MOBILE"};
  Decision blocked;
  blocked.verdict = scrub::Verdict::kBlocked;
  blocked.block_reason = "invalid_utf8";
  m.OnDecided(redacted);
  m.OnDecided(blocked);
  m.OnDelivered(scrub::Verdict::kRedacted);
  m.OnDelivered(scrub::Verdict::kBlocked);
  m.OnDelivered(scrub::Verdict::kAllow);
  m.OnOffsetCommit(true);
  m.OnAssigned(3);
  m.OnLag(2, 17);
  const std::string text = m.Text();
  EXPECT_THAT(text, HasSubstr("scrub_kafka_records_in_total 2\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_records_out_total{verdict=\"REDACTED\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_records_out_total{verdict=\"BLOCKED\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_records_out_total{verdict=\"ALLOW\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("scrub_kafka_records_blocked_total{reason=\"invalid_utf8\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_findings_total{detector=\"CN_MOBILE\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_offset_commits_total{result=\"ok\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_assigned_partitions 3\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_consumer_lag{partition=\"2\"} 17\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_scan_duration_seconds_count 2\n"));
  EXPECT_THAT(text, HasSubstr(std::string("scrub_kafka_build_info{engine=\"") +
                              std::to_string(scrub::kEngineVersion) + "\",version=\"" +
                              scrub::kVersion + "\"} 1\n"));
}

TEST(KafkaMetricsTest, RevokedPartitionLosesItsLagSeries) {
  KafkaMetrics m;
  m.OnLag(4, 9);
  m.OnLag(4, -1);
  EXPECT_THAT(m.Text(), Not(HasSubstr("partition=\"4\"")));
}

TEST(KafkaMetricsTest, PolicyInfoFollowsReloads) {
  KafkaMetrics m;
  v1::Policy p = scrub::DefaultPolicy();
  p.set_name("a");
  p.set_version("1");
  m.SetPolicy(p);
  p.set_name("b");
  m.SetPolicy(p);
  m.OnReload(true);
  m.OnReload(false);
  const std::string text = m.Text();
  EXPECT_THAT(text, Not(HasSubstr("name=\"a\"")));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_policy_info{name=\"b\",version=\"1\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_policy_reloads_total{result=\"ok\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("scrub_kafka_policy_reloads_total{result=\"failed\"} 1\n"));
}

}  // namespace
}  // namespace scrub::kafka
