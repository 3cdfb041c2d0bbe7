// File: service/service_observer.h
// -----------------------------------------------------------------------------
//
// What the scan service reports after each unit of work — a ScanBatch call or
// one ScanStream request — and after each policy reload. Metrics and the
// audit log implement ServiceObserver; the service knows neither.
//
// A ScanReport refers to the request's own memory: it is valid only during
// the OnScan() call. It holds texts only so that an observer can compute
// keyed digests; observers must never write a text or a part of one.
#ifndef SCRUB_SERVICE_SERVICE_OBSERVER_H_
#define SCRUB_SERVICE_SERVICE_OBSERVER_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "proto/scrub/v1/policy.pb.h"
#include "service/record_result.h"

namespace scrub::service {

enum class Rpc { kScanBatch, kScanStream };

// "ScanBatch" or "ScanStream".
absl::string_view RpcName(Rpc rpc);

// One scanned input.
struct ScannedInput {
  absl::string_view id;
  absl::string_view conversation_id;  // empty for stream records
  absl::string_view text;
};

struct ScanReport {
  Rpc rpc = Rpc::kScanBatch;
  // How the unit of work ended. `results` is empty unless the scan
  // completed: code OK, or CANCELLED when the caller cancelled the call
  // while it was being scanned (decided, but never delivered).
  grpc::StatusCode code = grpc::StatusCode::OK;
  // Why it failed, when code != OK: "batch_limit", "missing_id",
  // "malformed_request", "overloaded", "inflight_bytes", "deadline",
  // "not_serving", "cancelled".
  absl::string_view error_reason;
  absl::Span<const ScannedInput> inputs;
  absl::Span<const RecordResult> results;  // parallel to `inputs` when OK
  const v1::Policy* policy = nullptr;      // the deciding policy, if any
  uint64_t bytes = 0;                      // text bytes in the request
  absl::Duration latency;                  // from arrival to answer
};

struct PolicyEvent {
  bool ok = false;
  // The policy serving after the event (the old one when the reload failed).
  const v1::Policy* current = nullptr;
};

class ServiceObserver {
 public:
  virtual ~ServiceObserver() = default;
  // Called on the thread that scanned (or refused); concurrently.
  virtual void OnScan(const ScanReport& report) = 0;
  virtual void OnPolicy(const PolicyEvent& event) { (void)event; }
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SERVICE_OBSERVER_H_
