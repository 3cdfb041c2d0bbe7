// File: kafka/kafka_metrics.h
// -----------------------------------------------------------------------------
//
// scrub-kafka's Prometheus metrics, fed as a PipelineObserver and served at
// http://<--metrics_listen>/metrics by the daemons' MetricsEndpoint (the same
// text format as scrubd's):
//
//   scrub_kafka_records_in_total                 records consumed and decided
//   scrub_kafka_records_out_total{verdict}       records acknowledged by the
//                                                brokers: ALLOW, REDACTED, and
//                                                BLOCKED (placeholders)
//   scrub_kafka_records_blocked_total{reason}    BLOCKED records, by reason
//                                                (the library's block reasons
//                                                and output_too_large)
//   scrub_kafka_findings_total{detector}         findings, by detector id
//   scrub_kafka_fail_open_total                  values passed by FAIL_OPEN
//   scrub_kafka_scan_duration_seconds            histogram, per record
//   scrub_kafka_offset_commits_total{result}     consumer offset commits (ok,
//                                                failed): for lag monitoring;
//                                                scrub-kafka uses no Kafka
//                                                transactions (README, "Kafka")
//   scrub_kafka_consumer_lag{partition}          input records not yet consumed
//   scrub_kafka_assigned_partitions              input partitions held now
//   scrub_kafka_policy_reloads_total{result}     ok | failed
//   scrub_kafka_policy_info{name,version}        1 for the policy in use
//   scrub_kafka_build_info{version,engine}       1; the release and the
//                                                detection engine's generation
//
// No label carries content: verdicts, reasons and results are fixed sets,
// detector ids come from the policy, partitions are numbers.
#ifndef SCRUB_KAFKA_KAFKA_METRICS_H_
#define SCRUB_KAFKA_KAFKA_METRICS_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "kafka/pipeline.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "proto/scrub/v1/policy.pb.h"
#include "service/daemon/metrics_endpoint.h"

namespace scrub::kafka {

class KafkaMetrics final : public PipelineObserver {
 public:
  KafkaMetrics();
  ~KafkaMetrics() override;

  // Serves /metrics on `address` ("host:port"; 0 picks a port). Errors name
  // the flag and the address.
  absl::Status Serve(const std::string& address);
  int port() const;

  // The registry in Prometheus text format (what /metrics returns).
  std::string Text() const;

  // The policy in use (at start and after every reload), and reloads.
  void SetPolicy(const v1::Policy& policy);
  void OnReload(bool ok);

  void OnDecided(const Decision& decision) override;
  void OnDelivered(scrub::Verdict verdict) override;
  void OnOffsetCommit(bool ok) override;
  void OnAssigned(int partitions) override;
  void OnLag(int32_t partition, int64_t lag) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& records_in_;
  prometheus::Family<prometheus::Counter>& records_out_;
  prometheus::Family<prometheus::Counter>& blocked_;
  prometheus::Family<prometheus::Counter>& findings_;
  prometheus::Family<prometheus::Counter>& fail_open_;
  prometheus::Family<prometheus::Histogram>& scan_time_;
  prometheus::Family<prometheus::Counter>& commits_;
  prometheus::Family<prometheus::Gauge>& lag_;
  prometheus::Family<prometheus::Gauge>& assigned_;
  prometheus::Family<prometheus::Counter>& reloads_;
  prometheus::Family<prometheus::Gauge>& policy_info_;
  prometheus::Family<prometheus::Gauge>& build_info_;

  prometheus::Counter* in_total_;
  prometheus::Counter* out_by_verdict_[3];
  prometheus::Counter* fail_open_total_;
  prometheus::Histogram* scan_seconds_;
  prometheus::Counter* commits_ok_;
  prometheus::Counter* commits_failed_;
  prometheus::Gauge* assigned_now_;
  prometheus::Counter* reloads_ok_;
  prometheus::Counter* reloads_failed_;
  // Pipeline thread only.
  absl::flat_hash_map<std::string, prometheus::Counter*> findings_by_detector_;
  absl::flat_hash_map<std::string, prometheus::Counter*> blocked_by_reason_;
  absl::flat_hash_map<int32_t, prometheus::Gauge*> lag_by_partition_;

  absl::Mutex policy_mu_;
  prometheus::Gauge* current_policy_ ABSL_GUARDED_BY(policy_mu_) = nullptr;

  // Declared last: destroyed (and stops serving) first.
  std::unique_ptr<service::MetricsEndpoint> endpoint_;
};

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_KAFKA_METRICS_H_
