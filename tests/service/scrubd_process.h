// Runs the real scrubd binary (a data dependency, found through runfiles)
// as a subprocess for end-to-end tests: its stderr goes to a file the test
// can wait on and search; signals and exit are observable.
#ifndef SCRUB_TESTS_SERVICE_SCRUBD_PROCESS_H_
#define SCRUB_TESTS_SERVICE_SCRUBD_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"

namespace scrub::testing {

// $TEST_TMPDIR (a per-test writable folder).
std::string TestTempDir();

// A fresh unix socket path under /tmp (Bazel's temp folders are too long
// for sockaddr_un): /tmp/scrubd-<tag>-<pid>-<random>-<n>.sock.
std::string UniqueSocketPath(absl::string_view tag);

// Writes `content` to `path`; fails the test on error.
void WriteFile(const std::string& path, absl::string_view content);
std::string ReadFile(const std::string& path);

class ScrubdProcess {
 public:
  // Starts scrubd with `args`; stdout and stderr go to <TEST_TMPDIR>/<name>.log.
  static std::unique_ptr<ScrubdProcess> Start(const std::vector<std::string>& args,
                                              absl::string_view name = "scrubd");
  // SIGKILLs the process if it is still running.
  ~ScrubdProcess();

  std::string log() const { return ReadFile(log_path_); }

  // Waits until the log contains `text`; false on timeout or early exit.
  bool AwaitLog(absl::string_view text, absl::Duration timeout);
  // The port of the first "listening on <host>:<port>" line (TCP); 0 if none.
  int TcpPort() const;
  // The number right after the first occurrence of `prefix` in the log, e.g.
  // PortAfter("metrics on http://127.0.0.1:"); 0 if none.
  int PortAfter(absl::string_view prefix) const;

  void Signal(int signo);
  // Waits for the process to exit: its exit code, or nullopt on timeout or
  // death by a signal.
  absl::optional<int> AwaitExit(absl::Duration timeout);

 private:
  ScrubdProcess() = default;
  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_code_ = -1;
  std::string log_path_;
};

// Runs scrubd with `args` to completion (e.g. --version); returns its exit
// code and output.
int RunScrubd(const std::vector<std::string>& args, std::string* output);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SERVICE_SCRUBD_PROCESS_H_
