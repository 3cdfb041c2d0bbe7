// File: service/serving_state.h
// -----------------------------------------------------------------------------
//
// Whether scrubd serves, and what grpc.health.v1 says about it. Health is
// SERVING only while (a) the current policy passed the self-test and (b)
// shutdown has not started; once shutdown starts it is NOT_SERVING for good.
// The status is reported for the whole server ("") and for "scrub.v1.Scrub".
//
// Scan calls are refused with UNAVAILABLE while the self-test has not passed
// (the engine is not trusted); during shutdown, calls that arrive before the
// server stops accepting are still answered.
//
//   ServingState state;
//   state.Attach(server->GetHealthCheckService());  // NOT_SERVING
//   state.SetSelfTestPassed(RunSelfTest(*scanner).ok());
//   ...
//   state.StartShutdown();                          // NOT_SERVING
//
// Thread-safe.
#ifndef SCRUB_SERVICE_SERVING_STATE_H_
#define SCRUB_SERVICE_SERVING_STATE_H_

#include <grpcpp/health_check_service_interface.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace scrub::service {

// The service name health is reported under, besides "".
inline constexpr char kScrubServiceName[] = "scrub.v1.Scrub";

class ServingState {
 public:
  // Reports through `health` (may be null: in-process servers without
  // health), starting with the current state.
  void Attach(grpc::HealthCheckServiceInterface* health);

  void SetSelfTestPassed(bool passed);
  void StartShutdown();

  // True while scan calls are answered: the self-test has passed.
  bool accepting_scans() const;
  bool shutting_down() const;

 private:
  void PublishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  grpc::HealthCheckServiceInterface* health_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool self_test_passed_ ABSL_GUARDED_BY(mu_) = false;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SERVING_STATE_H_
