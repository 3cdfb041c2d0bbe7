// scrub: a line filter that redacts personal data from chat exports and logs.
// Run `scrub --help` for usage.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "cli/eval_command.h"
#include "cli/filter_command.h"
#include "cli/policy_command.h"
#include "scrub/detectors.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "scrub/version.h"

namespace {

using scrub::cli::kExitOk;
using scrub::cli::kExitUsage;

constexpr char kUsage[] = R"(scrub - redact personal data from chat messages and logs

Usage:
  scrub redact  [--policy FILE] [FILE...]   write each line with personal data redacted
  scrub inspect [--policy FILE] [FILE...]   write one JSON object per line: verdict, findings
  scrub policy print-default                print the built-in default policy
  scrub policy check FILE                   validate a policy file
  scrub detectors                           list the built-in detectors
  scrub eval [--policy FILE] CORPUS         score detection on a labelled JSON-lines corpus
  scrub --help | --version

Input is read from the FILEs in order, or from standard input when none is
given (or for "-"). Exactly one output line is written per input line, in
order; a BLOCKED line is written as [scrub:blocked]. Output is flushed
whenever the input has no more data ready, so `tail -f log | scrub redact`
stays live. Without --policy the built-in default policy is used.

Exit codes: 0 ok (blocked lines are not errors), 1 usage or policy error,
2 an input file cannot be read (or output cannot be written).
)";

int Usage(absl::string_view error) {
  std::cerr << "scrub: " << error << "\nRun 'scrub --help' for usage.\n";
  return kExitUsage;
}

int RunFilterCommand(scrub::cli::FilterMode mode, const std::vector<std::string>& args) {
  scrub::cli::FilterOptions options;
  options.mode = mode;
  std::string policy_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--policy") {
      if (i + 1 >= args.size()) return Usage("--policy needs a FILE");
      policy_path = args[++i];
    } else if (absl::StartsWith(a, "--policy=")) {
      policy_path = a.substr(9);
    } else if (a == "--") {
      options.files.insert(options.files.end(), args.begin() + i + 1, args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown flag " + a);
    } else {
      options.files.push_back(a);
    }
  }
  auto scanner = scrub::cli::LoadScanner(policy_path);
  if (!scanner.ok()) {
    std::cerr << "scrub: " << scanner.status().message() << "\n";
    return kExitUsage;
  }
  return scrub::cli::RunFilter(**scanner, options);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("missing command");
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "scrub " << scrub::kVersion << "\n";
    return kExitOk;
  }
  for (const std::string& a : rest) {
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    }
  }
  if (command == "redact") return RunFilterCommand(scrub::cli::FilterMode::kRedact, rest);
  if (command == "inspect") return RunFilterCommand(scrub::cli::FilterMode::kInspect, rest);
  if (command == "policy") return scrub::cli::RunPolicyCommand(rest);
  if (command == "eval") return scrub::cli::RunEvalCommand(rest);
  if (command == "detectors") {
    if (!rest.empty()) return Usage("detectors takes no arguments");
    for (const scrub::DetectorInfo& d : scrub::BuiltinDetectorInfo()) {
      std::cout << d.id << "\t" << d.summary
                << (d.requires_context ? " (needs a context word)" : "") << "\n";
    }
    return kExitOk;
  }
  return Usage("unknown command " + command);
}
