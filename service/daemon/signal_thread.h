// File: service/daemon/signal_thread.h
// -----------------------------------------------------------------------------
//
// scrubd's signal handling: SIGTERM, SIGINT and SIGHUP are blocked in every
// thread and taken by one dedicated thread with sigwait(), so handlers are
// ordinary code (they may lock, log and call into the server) instead of
// async-signal-safe fragments.
//
//   int main() {
//     SignalThread::BlockSignals();   // first, before any thread exists
//     ...
//     SignalThread signals({
//         .on_reload = [&] { server->ReloadPolicyFrom(...); },
//         .on_terminate = [&](int signo) { stop.Notify(); },
//     });
//     stop.WaitForNotification();
//   }
//
// SIGHUP calls on_reload, every time. SIGTERM or SIGINT calls on_terminate
// once, and the thread ends; later ones are left pending (blocked).
#ifndef SCRUB_SERVICE_DAEMON_SIGNAL_THREAD_H_
#define SCRUB_SERVICE_DAEMON_SIGNAL_THREAD_H_

#include <functional>
#include <thread>

namespace scrub::service {

class SignalThread {
 public:
  struct Handlers {
    std::function<void()> on_reload;
    std::function<void(int signo)> on_terminate;
  };

  // Blocks SIGTERM, SIGINT and SIGHUP in the calling thread; threads created
  // afterwards inherit the mask. Call first thing in main().
  static void BlockSignals();

  // Starts the thread. BlockSignals() must have been called.
  explicit SignalThread(Handlers handlers);
  // If no terminating signal came, sends SIGTERM to the thread (calling
  // on_terminate) to end it; then joins.
  ~SignalThread();
  SignalThread(const SignalThread&) = delete;
  SignalThread& operator=(const SignalThread&) = delete;

 private:
  void Run();

  Handlers handlers_;
  std::thread thread_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_SIGNAL_THREAD_H_
