// Helpers for scrubd tests: an in-process ScrubServer with a controllable
// engine (inject errors, hold scans at a gate), an observer that records
// every report, and message builders.
#ifndef SCRUB_TESTS_SERVICE_TEST_SERVER_H_
#define SCRUB_TESTS_SERVICE_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/scrub/v1/policy.pb.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/scanner.h"
#include "service/server.h"
#include "service/service_observer.h"
#include "tests/support/engine_fault.h"

namespace scrub::testing {

// A summary of one ScanReport.
struct Reported {
  service::Rpc rpc;
  grpc::StatusCode code;
  std::string error_reason;
  size_t inputs = 0;
  size_t results = 0;
};

class RecordingObserver : public service::ServiceObserver {
 public:
  void OnScan(const service::ScanReport& report) override;
  void OnPolicy(const service::PolicyEvent& event) override;
  std::vector<Reported> reports() const;
  int policy_events_ok() const;
  int policy_events_failed() const;
  // Waits until at least `n` reports arrived; false on timeout.
  bool AwaitReports(size_t n, absl::Duration timeout) const;

 private:
  mutable absl::Mutex mu_;
  std::vector<Reported> reports_ ABSL_GUARDED_BY(mu_);
  int ok_ ABSL_GUARDED_BY(mu_) = 0;
  int failed_ ABSL_GUARDED_BY(mu_) = 0;
};

// Default test server options: no listeners, 2 scan threads.
service::ServerOptions InProcessOptions();

// Starts a server on `policy` whose scans go through `fault` (may be null).
// Fails the calling test (and returns null) when it cannot start.
std::unique_ptr<service::ScrubServer> StartServer(
    const v1::Policy& policy, const service::ServerOptions& options,
    EngineFault* fault = nullptr, std::vector<service::ServiceObserver*> observers = {});

std::unique_ptr<v1::Scrub::Stub> InProcessStub(service::ScrubServer& server);

v1::ChatMessage Message(absl::string_view id, absl::string_view text);
v1::Record Record(absl::string_view id, absl::string_view text,
                  v1::RecordFormat format = v1::RECORD_FORMAT_UNSPECIFIED);

// A ClientContext with a deadline `timeout` from now.
std::unique_ptr<grpc::ClientContext> ContextWithTimeout(absl::Duration timeout);

// Sends `messages` as one ScanBatch with a 10 s deadline and returns its
// status; the response is dropped (for tests that look at what the server
// reported or wrote elsewhere).
grpc::Status SendBatch(v1::Scrub::Stub& stub, std::vector<v1::ChatMessage> messages);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SERVICE_TEST_SERVER_H_
