// File: service/scan_executor.h
// -----------------------------------------------------------------------------
//
// Where scans run, and the place where scrubd decides it is overloaded.
//
// There are `threads` scan slots: at most that many scans run at once. A
// submitted scan runs
//   * on the submitting (gRPC) thread, right away, when a slot is free, no
//     scan is waiting, and no other gRPC thread is scanning — the common
//     case at moderate load, and the cheapest: no thread hand-off;
//   * else on one of the pool's `threads` threads, after waiting in a queue
//     of at most `max_queued` scans;
//   * else not at all: TrySubmit() refuses and the call fails with
//     RESOURCE_EXHAUSTED instead of queueing without bound.
// At most one gRPC thread scans at a time, so the others keep reading
// requests (and refusing them when the queue is full).
//
// Each pool thread owns one scrub::Scratch, as does each gRPC thread that
// scans (thread_local), reused by every scan it runs.
//
//   ScanExecutor executor(ScanExecutor::Options{/*threads=*/2, /*max_queued=*/1024});
//   if (!executor.TrySubmit([](scrub::Scratch* s) { /* scan, answer */ })) {
//     // overloaded
//   }
#ifndef SCRUB_SERVICE_SCAN_EXECUTOR_H_
#define SCRUB_SERVICE_SCAN_EXECUTOR_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "scrub/scanner.h"

namespace scrub::service {

class ScanExecutor {
 public:
  using Task = std::function<void(scrub::Scratch*)>;

  struct Options {
    int threads = 1;        // scan slots and pool threads; at least 1
    size_t max_queued = 1;  // scans waiting for a slot; at least 1
    // Run a scan on the submitting thread when that needs no waiting (see
    // above). Off: every scan goes through the queue to a pool thread.
    bool run_inline_when_idle = true;
  };

  explicit ScanExecutor(Options options);
  // Runs every scan already queued, then joins the threads.
  ~ScanExecutor();
  ScanExecutor(const ScanExecutor&) = delete;
  ScanExecutor& operator=(const ScanExecutor&) = delete;

  // Runs `task` now on this thread, or queues it for a pool thread. False
  // (and `task` dropped) when `max_queued` scans are waiting or Shutdown()
  // has been called.
  bool TrySubmit(Task task);

  // Refuses new scans, runs the queued ones, joins the threads. Idempotent.
  void Shutdown();

  // Scans waiting for a slot (not counting running ones).
  size_t queued() const;

 private:
  void Run();
  bool PoolMayRun() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  const int slots_;
  mutable absl::Mutex mu_;
  std::deque<Task> queue_ ABSL_GUARDED_BY(mu_);
  int running_ ABSL_GUARDED_BY(mu_) = 0;  // scans in progress, inline or pooled
  bool inline_running_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SCAN_EXECUTOR_H_
