// File: scrub/policy_store.h
// -----------------------------------------------------------------------------
//
// Holds the scanner in use and swaps it atomically when the policy is
// reloaded. A scan takes a snapshot (a shared_ptr) and finishes on the policy
// it started with; a failed reload keeps the previous scanner and returns the
// error, so an invalid policy never half-applies.
//
//   scrub::PolicyStore store(*scrub::Scanner::Create(scrub::DefaultPolicy()));
//   std::shared_ptr<const scrub::Scanner> s = store.Get();   // per request
//   s->Scan(text, &scratch);
//
//   absl::Status st = store.ReloadFrom({"/etc/scrub/policy.textproto", {}});
//   if (!st.ok()) { /* still serving the old policy; st names the problem */ }
//
// Thread safety: every method may be called concurrently.
#ifndef SCRUB_POLICY_STORE_H_
#define SCRUB_POLICY_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/load_scanner.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {

class PolicyStore {
 public:
  // `initial` must not be null. `factory` compiles every reloaded policy
  // (null: Scanner::Create).
  explicit PolicyStore(std::shared_ptr<const Scanner> initial,
                       ScannerFactory factory = nullptr);

  // The current scanner. Cheap (a mutex-protected shared_ptr copy); hold
  // the result for the duration of one request.
  std::shared_ptr<const Scanner> Get() const;

  // A last check of a freshly compiled scanner before it may serve (e.g. a
  // self-test on known samples); a non-OK status rejects the reload.
  using AcceptCheck = std::function<absl::Status(const Scanner&)>;

  // Compiles `policy` and, if valid and `accept` (when given) passes, makes
  // it current. On error the current scanner stays, the failure is counted
  // and the error (naming the field) is returned. The policy is compiled
  // once, outside the lock: scans keep running on the current scanner.
  absl::Status Reload(const v1::Policy& policy, const AcceptCheck& accept = nullptr);

  // LoadScanner(source, factory), `accept`, then the swap: errors are
  // counted and returned as by Reload() (a file's are prefixed with its path
  // and carry their PolicyErrorLocation).
  absl::Status ReloadFrom(const PolicySource& source, const AcceptCheck& accept = nullptr);

  // Successful and failed reloads so far.
  uint64_t reloads_ok() const;
  uint64_t reloads_failed() const;

 private:
  absl::Status Swap(absl::StatusOr<std::shared_ptr<const Scanner>> scanner,
                    const AcceptCheck& accept);

  ScannerFactory factory_;
  // std::mutex rather than absl::Mutex: Debian's abseil is not built for
  // ThreadSanitizer, which could not see its synchronisation (tsan config).
  mutable std::mutex mu_;
  std::shared_ptr<const Scanner> current_;  // guarded by mu_
  uint64_t reloads_ok_ = 0;                 // guarded by mu_
  uint64_t reloads_failed_ = 0;             // guarded by mu_
};

}  // namespace scrub

#endif  // SCRUB_POLICY_STORE_H_
