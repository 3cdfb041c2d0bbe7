// File: service/daemon/reload_runner.h
// -----------------------------------------------------------------------------
//
// Runs SIGHUP's reload work (read, compile and self-test the policy; reopen
// the audit log) away from the signal thread, so that the signal thread only
// hands a reload over and stays free to take SIGTERM whatever a reload does.
// A reload reads files, and a file read can block: a FIFO, a hung network
// mount. scrubd must still stop when told to.
//
//   ReloadRunner reloads(
//       [&] { server->ReloadPolicyFrom(config.policy); },
//       [](absl::Duration d) { LogError("reload still running after ..."); },
//       ReloadRunner::Options{absl::Seconds(30)});
//   reloads.Request();                        // on SIGHUP: returns at once
//   ...
//   if (!reloads.Stop(absl::Seconds(1))) {    // on SIGTERM
//     // A reload is stuck: exit without waiting for it (std::_Exit).
//   }
//
// One reload runs at a time, each on a thread of its own. Requests made
// while one runs are coalesced into one more reload after it (which reads
// the files again: the latest content wins). A reload still running after
// `timeout` is reported once through on_timeout; it cannot be interrupted,
// and later requests wait for it.
//
// Thread-safe.
#ifndef SCRUB_SERVICE_DAEMON_RELOAD_RUNNER_H_
#define SCRUB_SERVICE_DAEMON_RELOAD_RUNNER_H_

#include <functional>
#include <memory>
#include <thread>

#include "absl/time/time.h"

namespace scrub::service {

class ReloadRunner {
 public:
  struct Options {
    // After this long a running reload is reported (on_timeout).
    absl::Duration timeout = absl::Seconds(30);
  };

  // `reload` runs on a reload thread; `on_timeout` on the runner's own
  // thread, with options.timeout. Both must stay callable until Stop()
  // returns true, or, when it returns false, until the process exits.
  ReloadRunner(std::function<void()> reload,
               std::function<void(absl::Duration)> on_timeout, Options options);
  // Unless Stop() was called: Stop(absl::InfiniteDuration()), which waits
  // for a running reload. Call Stop() with a bound first when a reload may
  // be stuck.
  ~ReloadRunner();
  ReloadRunner(const ReloadRunner&) = delete;
  ReloadRunner& operator=(const ReloadRunner&) = delete;

  // Asks for a reload and returns at once. Ignored after Stop().
  void Request();

  // Takes no more requests (a pending one is dropped) and waits up to
  // `wait` for a running reload to finish. True: no reload is running any
  // more. False: one is still running; its thread is left behind, and what
  // it uses must live until the process exits. Idempotent.
  bool Stop(absl::Duration wait);

 private:
  struct State;
  void Supervise();

  const std::function<void()> reload_;
  const std::function<void(absl::Duration)> on_timeout_;
  const Options options_;
  // Shared with reload threads, which may outlive the runner (see Stop()).
  const std::shared_ptr<State> state_;
  std::thread supervisor_;
  bool stopped_ = false;  // Stop() was called (by the owner's thread)
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_RELOAD_RUNNER_H_
