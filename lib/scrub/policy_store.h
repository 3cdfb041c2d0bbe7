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
//   absl::Status st = store.ReloadFromFile("/etc/scrub/policy.textproto");
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
#include "scrub/scanner.h"

namespace scrub {

class PolicyStore {
 public:
  // `initial` must not be null. `options` are used for every reload.
  explicit PolicyStore(std::shared_ptr<const Scanner> initial,
                       Scanner::Options options = {});

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

  // Loads, compiles and swaps in the policy file at `path` (errors are
  // prefixed with the path).
  absl::Status ReloadFromFile(const std::string& path);

  // Successful and failed reloads so far.
  uint64_t reloads_ok() const;
  uint64_t reloads_failed() const;

 private:
  Scanner::Options options_;
  // std::mutex rather than absl::Mutex: Debian's abseil is not built for
  // ThreadSanitizer, which could not see its synchronisation (tsan config).
  mutable std::mutex mu_;
  std::shared_ptr<const Scanner> current_;  // guarded by mu_
  uint64_t reloads_ok_ = 0;                 // guarded by mu_
  uint64_t reloads_failed_ = 0;             // guarded by mu_
};

}  // namespace scrub

#endif  // SCRUB_POLICY_STORE_H_
