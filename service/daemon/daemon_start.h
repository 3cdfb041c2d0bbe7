// File: service/daemon/daemon_start.h
// -----------------------------------------------------------------------------
//
// What every Scrub daemon (scrubd, scrub-kafka) does from main() until its
// config is read, and how its log names the policy. Written once, so that the
// daemons cannot drift apart on signals, flags or start-up messages.
//
//   int main(int argc, char** argv) {
//     if (!scrub::service::StartDaemon(argc, argv, {"scrubd", "service/flags.cc",
//                                                   kUsage})) {
//       return 1;
//     }
//     absl::StatusOr<ScrubdConfig> config = ConfigFromFlags();
//     ...
//     std::shared_ptr<const Scanner> scanner = LoadStartupPolicy(config->policy);
//     if (scanner == nullptr) return 1;  // the reason is logged
#ifndef SCRUB_SERVICE_DAEMON_DAEMON_START_H_
#define SCRUB_SERVICE_DAEMON_DAEMON_START_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::service {

struct DaemonCommandLine {
  // The program's name, on every log line and in --version.
  absl::string_view program;
  // The source file that defines the program's flags ("service/flags.cc"):
  // --help lists those only.
  absl::string_view flags_file;
  // --help's text: what the program does, a usage line, the exit codes.
  absl::string_view usage;
};

// Call first in main(), before any thread exists. Blocks the signals
// SignalThread takes (every later thread inherits the mask), turns off
// absl::Mutex's deadlock detector, names the log, sets up --help and
// --version, refuses an empty --policy value and parses the flags. Returns
// false, having logged why, when the command line is not usable (exit code
// 1): an empty --policy, or a positional argument.
bool StartDaemon(int argc, char** argv, const DaemonCommandLine& command_line);

// An empty --policy value ("--policy=$UNSET") must not silently serve the
// built-in default (absl flags cannot tell it from an absent flag, so the
// raw command line is checked): INVALID_ARGUMENT "--policy: needs a FILE ...".
absl::Status CheckPolicyFlagNotEmpty(absl::Span<char* const> argv);

// How the log names a policy: "\"default\" version \"3\"".
std::string PolicyName(const Scanner& scanner);

// How the log names where a policy comes from: its path, or "the built-in
// default policy".
std::string PolicySourceName(const PolicySource& source);

// The policy a daemon starts with. On error, logs "cannot load SOURCE: ..."
// (the error's location, never the policy's content; see
// DescribePolicyError()) and returns nullptr: the daemon exits 1.
std::shared_ptr<const Scanner> LoadStartupPolicy(const PolicySource& source);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_DAEMON_START_H_
