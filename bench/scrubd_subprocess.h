// A real scrubd for load tools: started as a child process (found through
// runfiles unless given), optionally pinned to one CPU, its output in a log
// file the tool can wait on and search; signals, exit, CPU time and resident
// memory observable.
//
//   auto scrubd = ScrubdSubprocess::Start(ScrubdBinary(argv[0], ""),
//                                         {"--listen=unix:///tmp/s.sock"},
//                                         "/tmp/s.log", /*cpu=*/1);
//   if (!scrubd.ok() || !(*scrubd)->AwaitLog("self-test passed", absl::Seconds(30))) ...
//   (*scrubd)->Signal(SIGHUP);
//
// Start() forks: call it before the tool starts threads (gRPC's included).
// The child gets SIGKILL when the thread that started it exits.
#ifndef SCRUB_BENCH_SCRUBD_SUBPROCESS_H_
#define SCRUB_BENCH_SCRUBD_SUBPROCESS_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"

namespace scrub::bench {

// `flag` if set, else service/scrubd in the runfiles of `argv0` (or of the
// test running it).
std::string ScrubdBinary(const char* argv0, const std::string& flag);

class ScrubdSubprocess {
 public:
  // Runs `binary` with `args`, stdout and stderr to `log_path`; pinned to
  // `cpu` with taskset unless it is negative.
  static absl::StatusOr<std::unique_ptr<ScrubdSubprocess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::string& log_path, int cpu);
  // SIGKILLs the process if it is still running.
  ~ScrubdSubprocess();

  pid_t pid() const { return pid_; }
  std::string log() const;
  // Waits until the log contains `text`; false on timeout or exit.
  bool AwaitLog(absl::string_view text, absl::Duration timeout);
  // The port of the first "listening on 127.0.0.1:<port>" line; 0 if none.
  int TcpPort() const;
  // Occurrences of `text` in the log.
  int CountInLog(absl::string_view text) const;

  void Signal(int signo) const;
  bool Running();
  // The exit code, or nullopt on timeout or death by a signal.
  absl::optional<int> AwaitExit(absl::Duration timeout);

 private:
  ScrubdSubprocess() = default;
  bool Reap(bool block);

  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_code_ = -1;  // -1: killed by a signal
  std::string log_path_;
};

// CPU time of every thread of process `pid` so far, in seconds.
double ProcessCpuSeconds(pid_t pid);
// VmRSS of process `pid` in bytes; 0 if it cannot be read.
int64_t ResidentBytes(pid_t pid);
// Pins the calling thread (and threads it starts later) to `cpu`; no-op if
// negative.
void PinTo(int cpu);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_SCRUBD_SUBPROCESS_H_
