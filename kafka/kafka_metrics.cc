#include "kafka/kafka_metrics.h"

#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "prometheus/text_serializer.h"
#include "scrub/version.h"

namespace scrub::kafka {
namespace {

// Per-record scan times from 1 µs to 100 ms.
prometheus::Histogram::BucketBoundaries ScanBuckets() {
  return {0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001,
          0.00025,  0.0005,    0.001,    0.0025,  0.005,    0.01,    0.1};
}

int VerdictIndex(scrub::Verdict v) { return static_cast<int>(v) - 1; }

template <typename T>
prometheus::Family<T>& Family(prometheus::Registry& registry, const char* name,
                              const char* help);

template <>
prometheus::Family<prometheus::Counter>& Family(prometheus::Registry& registry,
                                                const char* name, const char* help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}
template <>
prometheus::Family<prometheus::Gauge>& Family(prometheus::Registry& registry, const char* name,
                                              const char* help) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(registry);
}
template <>
prometheus::Family<prometheus::Histogram>& Family(prometheus::Registry& registry,
                                                  const char* name, const char* help) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry);
}

}  // namespace

KafkaMetrics::KafkaMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      records_in_(Family<prometheus::Counter>(*registry_, "scrub_kafka_records_in_total",
                                              "Records consumed and decided.")),
      records_out_(Family<prometheus::Counter>(
          *registry_, "scrub_kafka_records_out_total",
          "Records acknowledged by the brokers, by verdict (BLOCKED: placeholders).")),
      blocked_(Family<prometheus::Counter>(*registry_, "scrub_kafka_records_blocked_total",
                                           "BLOCKED records, by reason.")),
      findings_(Family<prometheus::Counter>(*registry_, "scrub_kafka_findings_total",
                                            "Findings, by detector id.")),
      fail_open_(Family<prometheus::Counter>(
          *registry_, "scrub_kafka_fail_open_total",
          "Values passed unscanned because the policy says FAIL_OPEN.")),
      scan_time_(Family<prometheus::Histogram>(*registry_, "scrub_kafka_scan_duration_seconds",
                                               "Time to decide one record.")),
      commits_(Family<prometheus::Counter>(
          *registry_, "scrub_kafka_offset_commits_total",
          "Consumer offset commits (for lag monitoring), by result (ok, failed).")),
      lag_(Family<prometheus::Gauge>(*registry_, "scrub_kafka_consumer_lag",
                                     "Input records not yet consumed, by partition.")),
      assigned_(Family<prometheus::Gauge>(*registry_, "scrub_kafka_assigned_partitions",
                                          "Input partitions this instance holds.")),
      reloads_(Family<prometheus::Counter>(*registry_, "scrub_kafka_policy_reloads_total",
                                           "Policy reloads, by result (ok, failed).")),
      policy_info_(Family<prometheus::Gauge>(*registry_, "scrub_kafka_policy_info",
                                             "1 for the policy in use (name, version).")),
      build_info_(Family<prometheus::Gauge>(
          *registry_, "scrub_kafka_build_info",
          "1; the release and the detection engine's generation.")) {
  build_info_
      .Add({{"version", scrub::kVersion}, {"engine", std::to_string(scrub::kEngineVersion)}})
      .Set(1);
  in_total_ = &records_in_.Add({});
  for (scrub::Verdict v :
       {scrub::Verdict::kAllow, scrub::Verdict::kRedacted, scrub::Verdict::kBlocked}) {
    out_by_verdict_[VerdictIndex(v)] =
        &records_out_.Add({{"verdict", std::string(scrub::VerdictName(v))}});
  }
  fail_open_total_ = &fail_open_.Add({});
  scan_seconds_ = &scan_time_.Add({}, ScanBuckets());
  commits_ok_ = &commits_.Add({{"result", "ok"}});
  commits_failed_ = &commits_.Add({{"result", "failed"}});
  assigned_now_ = &assigned_.Add({});
  reloads_ok_ = &reloads_.Add({{"result", "ok"}});
  reloads_failed_ = &reloads_.Add({{"result", "failed"}});
}

KafkaMetrics::~KafkaMetrics() = default;

absl::Status KafkaMetrics::Serve(const std::string& address) {
  absl::StatusOr<std::unique_ptr<service::MetricsEndpoint>> endpoint =
      service::MetricsEndpoint::Serve(address, registry_);
  if (!endpoint.ok()) {
    return absl::Status(endpoint.status().code(),
                        absl::StrCat("--metrics_listen: ", endpoint.status().message()));
  }
  endpoint_ = *std::move(endpoint);
  return absl::OkStatus();
}

int KafkaMetrics::port() const { return endpoint_ == nullptr ? 0 : endpoint_->port(); }

std::string KafkaMetrics::Text() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

void KafkaMetrics::SetPolicy(const v1::Policy& policy) {
  absl::MutexLock lock(&policy_mu_);
  if (current_policy_ != nullptr) policy_info_.Remove(current_policy_);
  current_policy_ = &policy_info_.Add({{"name", policy.name()}, {"version", policy.version()}});
  current_policy_->Set(1);
}

void KafkaMetrics::OnReload(bool ok) { (ok ? reloads_ok_ : reloads_failed_)->Increment(); }

void KafkaMetrics::OnDecided(const Decision& d) {
  in_total_->Increment();
  scan_seconds_->Observe(absl::ToDoubleSeconds(d.scan_time));
  if (d.failed_open) fail_open_total_->Increment();
  for (const std::string& detector : d.detectors) {
    prometheus::Counter*& c = findings_by_detector_[detector];
    if (c == nullptr) c = &findings_.Add({{"detector", detector}});
    c->Increment();
  }
  if (d.verdict == scrub::Verdict::kBlocked) {
    prometheus::Counter*& c = blocked_by_reason_[d.block_reason];
    if (c == nullptr) c = &blocked_.Add({{"reason", d.block_reason}});
    c->Increment();
  }
}

void KafkaMetrics::OnDelivered(scrub::Verdict verdict) {
  const int i = VerdictIndex(verdict);
  if (i >= 0 && i < 3) out_by_verdict_[i]->Increment();
}

void KafkaMetrics::OnOffsetCommit(bool ok) { (ok ? commits_ok_ : commits_failed_)->Increment(); }

void KafkaMetrics::OnAssigned(int partitions) { assigned_now_->Set(partitions); }

void KafkaMetrics::OnLag(int32_t partition, int64_t lag) {
  auto it = lag_by_partition_.find(partition);
  if (lag < 0) {
    if (it != lag_by_partition_.end()) {
      lag_.Remove(it->second);
      lag_by_partition_.erase(it);
    }
    return;
  }
  if (it == lag_by_partition_.end()) {
    it = lag_by_partition_
             .emplace(partition, &lag_.Add({{"partition", absl::StrCat(partition)}}))
             .first;
  }
  it->second->Set(static_cast<double>(lag));
}

}  // namespace scrub::kafka
