#include "service/metrics.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "prometheus/text_serializer.h"
#include "scrub/version.h"

namespace scrub::service {
namespace {

constexpr Rpc kRpcs[] = {Rpc::kScanBatch, Rpc::kScanStream};
constexpr scrub::Verdict kVerdicts[] = {scrub::Verdict::kAllow, scrub::Verdict::kRedacted,
                                        scrub::Verdict::kBlocked};

int RpcIndex(Rpc rpc) { return rpc == Rpc::kScanBatch ? 0 : 1; }

std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// Request latencies from 50 µs to 2.5 s.
prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01,
          0.025,   0.05,   0.1,     0.25,   0.5,   1.0,   2.5};
}

}  // namespace

std::unique_ptr<Metrics> Metrics::Create() {
  return std::unique_ptr<Metrics>(new Metrics());
}

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("scrubd_requests_total")
                    .Help("ScanBatch calls and ScanStream requests, by gRPC status code.")
                    .Register(*registry_)),
      messages_(prometheus::BuildCounter()
                    .Name("scrubd_messages_total")
                    .Help("Messages and records decided, by verdict.")
                    .Register(*registry_)),
      bytes_(prometheus::BuildCounter()
                 .Name("scrubd_bytes_scanned_total")
                 .Help("Text bytes of decided requests.")
                 .Register(*registry_)),
      findings_(prometheus::BuildCounter()
                    .Name("scrubd_findings_total")
                    .Help("Findings, by detector id.")
                    .Register(*registry_)),
      errors_(prometheus::BuildCounter()
                  .Name("scrubd_errors_total")
                  .Help("Refused or failed requests and unscannable messages, by reason.")
                  .Register(*registry_)),
      fail_open_(prometheus::BuildCounter()
                     .Name("scrubd_fail_open_total")
                     .Help("Messages passed unscanned because the policy says FAIL_OPEN.")
                     .Register(*registry_)),
      reloads_(prometheus::BuildCounter()
                   .Name("scrubd_policy_reloads_total")
                   .Help("Policy reloads, by result (ok, failed).")
                   .Register(*registry_)),
      audit_write_errors_(prometheus::BuildCounter()
                              .Name("scrubd_audit_write_errors_total")
                              .Help("Decisions whose audit-log lines could not be "
                                    "written (the verdict stands).")
                              .Register(*registry_)),
      policy_info_(prometheus::BuildGauge()
                       .Name("scrubd_policy_info")
                       .Help("1 for the policy serving now (name, version).")
                       .Register(*registry_)),
      build_info_(prometheus::BuildGauge()
                      .Name("scrubd_build_info")
                      .Help("1; the release and the detection engine's generation.")
                      .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("scrubd_request_duration_seconds")
                   .Help("Time from a request's arrival to its answer.")
                   .Register(*registry_)) {
  for (Rpc rpc : kRpcs) {
    const std::string name(RpcName(rpc));
    for (scrub::Verdict v : kVerdicts) {
      messages_by_verdict_[RpcIndex(rpc)][static_cast<int>(v) - 1] = &messages_.Add(
          {{"rpc", name}, {"verdict", std::string(scrub::VerdictName(v))}});
    }
    bytes_by_rpc_[RpcIndex(rpc)] = &bytes_.Add({{"rpc", name}});
    latency_by_rpc_[RpcIndex(rpc)] = &latency_.Add({{"rpc", name}}, LatencyBuckets());
    requests_ok_[RpcIndex(rpc)] = &requests_.Add({{"rpc", name}, {"code", "OK"}});
  }
  build_info_
      .Add({{"version", scrub::kVersion},
            {"engine", std::to_string(scrub::kEngineVersion)}})
      .Set(1);
  fail_open_total_ = &fail_open_.Add({});
  reloads_ok_ = &reloads_.Add({{"result", "ok"}});
  reloads_failed_ = &reloads_.Add({{"result", "failed"}});
  audit_write_errors_total_ = &audit_write_errors_.Add({});
}

Metrics::~Metrics() = default;

absl::Status Metrics::Serve(const std::string& address) {
  absl::StatusOr<std::unique_ptr<MetricsEndpoint>> endpoint =
      MetricsEndpoint::Serve(address, registry_);
  if (!endpoint.ok()) {
    return absl::Status(endpoint.status().code(),
                        absl::StrCat("--metrics_listen: ", endpoint.status().message()));
  }
  endpoint_ = *std::move(endpoint);
  return absl::OkStatus();
}

int Metrics::port() const { return endpoint_ == nullptr ? 0 : endpoint_->port(); }

std::string Metrics::Text() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

void Metrics::SetPolicy(const v1::Policy& policy) {
  absl::MutexLock lock(&policy_mu_);
  if (current_policy_ != nullptr) policy_info_.Remove(current_policy_);
  current_policy_ =
      &policy_info_.Add({{"name", policy.name()}, {"version", policy.version()}});
  current_policy_->Set(1);
}

void Metrics::OnScan(const ScanReport& report) {
  const int rpc = RpcIndex(report.rpc);
  if (report.code == grpc::StatusCode::OK) {
    requests_ok_[rpc]->Increment();  // the common case: no label lookup
  } else {
    requests_
        .Add({{"rpc", std::string(RpcName(report.rpc))}, {"code", CodeName(report.code)}})
        .Increment();
  }
  latency_by_rpc_[rpc]->Observe(absl::ToDoubleSeconds(report.latency));
  if (report.code != grpc::StatusCode::OK) {
    errors_.Add({{"reason", std::string(report.error_reason)}}).Increment();
    return;
  }
  bytes_by_rpc_[rpc]->Increment(static_cast<double>(report.bytes));
  absl::flat_hash_map<absl::string_view, int> findings;
  absl::flat_hash_map<absl::string_view, int> errors;
  for (const RecordResult& r : report.results) {
    messages_by_verdict_[rpc][static_cast<int>(r.scan.verdict) - 1]->Increment();
    if (r.scan.failed_open) fail_open_total_->Increment();
    if (!r.scan.error.ok()) ++errors[r.reason];
    for (const scrub::Finding& f : r.scan.findings) ++findings[f.detector];
  }
  for (const auto& [detector, n] : findings) {
    findings_.Add({{"detector", std::string(detector)}}).Increment(n);
  }
  for (const auto& [reason, n] : errors) {
    errors_.Add({{"reason", std::string(reason)}}).Increment(n);
  }
}

void Metrics::CountAuditWriteError() { audit_write_errors_total_->Increment(); }

void Metrics::OnPolicy(const PolicyEvent& event) {
  (event.ok ? reloads_ok_ : reloads_failed_)->Increment();
  if (event.current != nullptr) SetPolicy(*event.current);
}

}  // namespace scrub::service
