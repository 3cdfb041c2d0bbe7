// File: service/scan_executor.h
// -----------------------------------------------------------------------------
//
// A fixed pool of scan threads with a bounded queue: the place where scrubd
// decides it is overloaded. gRPC's callback threads hand each scan to the
// pool and return at once, so the server keeps reading requests; when
// `max_queued` scans are already waiting, TrySubmit() refuses and the call
// fails with RESOURCE_EXHAUSTED instead of queueing without bound.
//
// Each thread owns one scrub::Scratch, reused by every scan it runs.
//
//   ScanExecutor executor({.threads = 2, .max_queued = 1024});
//   if (!executor.TrySubmit([](scrub::Scratch* s) { /* scan */ })) {
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
    int threads = 1;        // at least 1
    size_t max_queued = 1;  // tasks waiting for a thread; at least 1
  };

  explicit ScanExecutor(Options options);
  // Runs every task already queued, then joins the threads.
  ~ScanExecutor();
  ScanExecutor(const ScanExecutor&) = delete;
  ScanExecutor& operator=(const ScanExecutor&) = delete;

  // Queues `task` for a scan thread. False (and `task` dropped) when
  // `max_queued` tasks are waiting or Shutdown() has been called.
  bool TrySubmit(Task task);

  // Refuses new tasks, runs the queued ones, joins the threads. Idempotent.
  void Shutdown();

  // Tasks waiting for a thread (not counting running ones).
  size_t queued() const;

 private:
  void Run();
  bool HasWorkOrStopping() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  mutable absl::Mutex mu_;
  std::deque<Task> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SCAN_EXECUTOR_H_
