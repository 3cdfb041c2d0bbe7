#include "service/daemon/daemon_start.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "scrub/load_scanner.h"
#include "scrub/version.h"
#include "service/daemon/logging.h"
#include "service/daemon/policy_errors.h"
#include "service/daemon/signal_thread.h"

namespace scrub::service {

bool StartDaemon(int argc, char** argv, const DaemonCommandLine& command_line) {
  // Before any thread exists, so that every thread inherits the mask.
  SignalThread::BlockSignals();
  // Debian builds abseil without NDEBUG, which leaves absl::Mutex's deadlock
  // detector on: every lock, ours and gRPC's, updates a global lock graph
  // (~2% of scrubd's CPU under load). Lock ordering is covered by the tests.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  SetLogProgramName(command_line.program);

  absl::FlagsUsageConfig usage;
  usage.version_string = [version = absl::StrCat(command_line.program, " ", kVersion, "\n")] {
    return version;
  };
  usage.contains_help_flags = [flags_file = std::string(command_line.flags_file)](
                                  absl::string_view file) {
    return absl::StrContains(file, flags_file);
  };
  absl::SetFlagsUsageConfig(usage);
  absl::SetProgramUsageMessage(command_line.usage);

  if (absl::Status empty = CheckPolicyFlagNotEmpty(
          absl::MakeConstSpan(argv, static_cast<size_t>(argc)));
      !empty.ok()) {
    LogError(empty.message());
    return false;
  }
  const std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() > 1) {
    LogError(absl::StrCat("unexpected argument \"", args[1], "\" (", command_line.program,
                          " takes flags only; see --help)"));
    return false;
  }
  return true;
}

absl::Status CheckPolicyFlagNotEmpty(absl::Span<char* const> argv) {
  for (size_t i = 1; i < argv.size(); ++i) {
    const absl::string_view a = argv[i];
    if (a == "--") break;
    const bool empty_value = a == "--policy=" || a == "-policy=" ||
                             ((a == "--policy" || a == "-policy") &&
                              i + 1 < argv.size() && absl::string_view(argv[i + 1]).empty());
    if (empty_value) {
      return absl::InvalidArgumentError(
          "--policy: needs a FILE (omit the flag for the built-in default)");
    }
  }
  return absl::OkStatus();
}

std::string PolicyName(const Scanner& scanner) {
  return absl::StrCat("\"", scanner.policy().name(), "\" version \"",
                      scanner.policy().version(), "\"");
}

std::string PolicySourceName(const PolicySource& source) {
  return source.path.empty() ? "the built-in default policy" : source.path;
}

std::shared_ptr<const Scanner> LoadStartupPolicy(const PolicySource& source) {
  absl::StatusOr<std::shared_ptr<const Scanner>> scanner = LoadScanner(source);
  if (!scanner.ok()) {
    LogError(absl::StrCat("cannot load ", PolicySourceName(source), ": ",
                          DescribePolicyError(scanner.status()),
                          " (run `scrub policy check` on it for details)"));
    return nullptr;
  }
  return *std::move(scanner);
}

}  // namespace scrub::service
