// File: service/metrics.h
// -----------------------------------------------------------------------------
//
// scrubd's Prometheus metrics (prometheus-cpp), fed as a ServiceObserver and
// optionally served as text at http://<--metrics_listen>/metrics.
//
//   scrubd_requests_total{rpc,code}             ScanBatch calls and ScanStream
//                                               requests, by gRPC status code
//   scrubd_messages_total{rpc,verdict}          messages/records decided
//   scrubd_bytes_scanned_total{rpc}             text bytes of decided requests
//   scrubd_findings_total{detector}             findings, by detector id
//   scrubd_errors_total{reason}                 refusals and failed requests
//                                               (batch_limit, missing_id,
//                                               malformed_request,
//                                               overloaded, inflight_bytes,
//                                               deadline,
//                                               not_serving, cancelled) and
//                                               messages that could not be
//                                               scanned (engine_error,
//                                               invalid_utf8, message_too_large,
//                                               too_many_findings,
//                                               malformed_json, json_too_deep,
//                                               decode_budget,
//                                               unsupported_format)
//   scrubd_fail_open_total                      messages passed by FAIL_OPEN
//   scrubd_policy_reloads_total{result}         ok | failed
//   scrubd_audit_write_errors_total             decisions whose audit lines
//                                               could not be written (the
//                                               verdict stands)
//   scrubd_policy_info{name,version}            1 for the policy serving
//   scrubd_build_info{version,engine}           1: scrub::kVersion and
//                                               scrub::kEngineVersion
//   scrubd_request_duration_seconds{rpc}        histogram, arrival to answer
//
// No label ever carries content: rpc, code, verdict, reason and result are
// fixed sets; detector ids come from the policy, name and version from the
// operator's policy file.
//
//   auto metrics = Metrics::Create();
//   absl::Status s = metrics->Serve("127.0.0.1:9464");   // optional
//   server = ScrubServer::Start(options, scanner, {}, {metrics.get()});
#ifndef SCRUB_SERVICE_METRICS_H_
#define SCRUB_SERVICE_METRICS_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "service/daemon/metrics_endpoint.h"
#include "service/service_observer.h"

namespace scrub::service {

class Metrics final : public ServiceObserver {
 public:
  static std::unique_ptr<Metrics> Create();
  ~Metrics() override;

  // Serves /metrics on `address` ("host:port"; port 0 picks one) through
  // a MetricsEndpoint (service/daemon/metrics_endpoint.h). Errors name the
  // flag and the address.
  absl::Status Serve(const std::string& address);
  // The port /metrics is served on (0 when not serving).
  int port() const;

  // The whole registry in Prometheus text format (what /metrics returns).
  std::string Text() const;

  // Sets scrubd_policy_info without counting a reload (at start).
  void SetPolicy(const v1::Policy& policy);

  void OnScan(const ScanReport& report) override;
  void OnPolicy(const PolicyEvent& event) override;
  // One decision whose audit lines could not be written (AuditLog's
  // WriteErrorHandler).
  void CountAuditWriteError();

 private:
  Metrics();

  std::shared_ptr<prometheus::Registry> registry_;
  // Declared after the registry: destroyed (and unregistered) first.
  std::unique_ptr<MetricsEndpoint> endpoint_;

  // The one list of metric families: see the table above.
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Counter>& messages_;
  prometheus::Family<prometheus::Counter>& bytes_;
  prometheus::Family<prometheus::Counter>& findings_;
  prometheus::Family<prometheus::Counter>& errors_;
  prometheus::Family<prometheus::Counter>& fail_open_;
  prometheus::Family<prometheus::Counter>& reloads_;
  prometheus::Family<prometheus::Counter>& audit_write_errors_;
  prometheus::Family<prometheus::Gauge>& policy_info_;
  prometheus::Family<prometheus::Gauge>& build_info_;
  prometheus::Family<prometheus::Histogram>& latency_;

  // Hot-path series, resolved once: [rpc][verdict - 1].
  prometheus::Counter* messages_by_verdict_[2][3];
  prometheus::Counter* bytes_by_rpc_[2];
  prometheus::Counter* requests_ok_[2];  // {rpc, code="OK"}
  prometheus::Histogram* latency_by_rpc_[2];
  prometheus::Counter* fail_open_total_;
  prometheus::Counter* reloads_ok_;
  prometheus::Counter* reloads_failed_;
  prometheus::Counter* audit_write_errors_total_;

  absl::Mutex policy_mu_;
  prometheus::Gauge* current_policy_ ABSL_GUARDED_BY(policy_mu_) = nullptr;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_METRICS_H_
