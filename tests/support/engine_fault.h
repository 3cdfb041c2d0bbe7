// A controllable engine for tests: scanners made through Factory() ask this
// object before every match, so a test can make every scan fail with an
// internal engine fault (which FAIL_OPEN may pass) or hold scans at a gate.
// Built on the library's testing seam (scrub/internal/engine_fault_for_testing.h).
#ifndef SCRUB_TESTS_SUPPORT_ENGINE_FAULT_H_
#define SCRUB_TESTS_SUPPORT_ENGINE_FAULT_H_

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/load_scanner.h"
#include "scrub/scanner.h"

namespace scrub::testing {

// Must outlive every scanner it made.
class EngineFault {
 public:
  // Scanners (today = kToday) whose engine goes through this object.
  ScannerFactory Factory();
  absl::StatusOr<std::shared_ptr<const Scanner>> Create(const v1::Policy& policy);

  // While set, every scan fails with an internal engine fault.
  void SetFailing(bool failing);
  // Until called again with OK, every scan fails with `fault` (e.g.
  // absl::ResourceExhaustedError, as RE2::Set's DFA out of memory gives).
  void FailWith(absl::Status fault);
  // While closed, every scan waits at the gate until it opens.
  void CloseGate();
  void OpenGate();
  // Waits until `n` scans are waiting at the closed gate; false on timeout.
  bool AwaitWaiting(int n, absl::Duration timeout);
  // Scans that reached the engine so far.
  int scans() const;

 private:
  absl::Status Hook();

  mutable absl::Mutex mu_;
  absl::Status fault_ ABSL_GUARDED_BY(mu_);
  bool gate_open_ ABSL_GUARDED_BY(mu_) = true;
  int waiting_ ABSL_GUARDED_BY(mu_) = 0;
  int scans_ ABSL_GUARDED_BY(mu_) = 0;
};

// A scanner of `policy` (today = kToday) whose every engine match fails
// with `fault` (e.g. absl::InternalError or absl::ResourceExhaustedError).
absl::StatusOr<std::shared_ptr<const Scanner>> ScannerFailingWith(const v1::Policy& policy,
                                                                   absl::Status fault);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SUPPORT_ENGINE_FAULT_H_
