// scrub: a line filter that redacts personal data from chat exports and logs.
// Run `scrub --help` for usage.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "cli/detectors_command.h"
#include "cli/eval_command.h"
#include "cli/filter_command.h"
#include "cli/flag_value.h"
#include "cli/policy_command.h"
#include "scrub/load_scanner.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "scrub/version.h"

namespace {

using scrub::cli::kExitOk;
using scrub::cli::kExitUsage;

constexpr char kUsage[] = R"(scrub - redact personal data from chat messages and logs

Usage:
  scrub redact  [FLAGS] [FILE...]   write each line with personal data redacted
  scrub inspect [FLAGS] [FILE...]   write one JSON object per line: verdict, findings
  scrub policy print-default        print the built-in default policy
  scrub policy check FILE           validate a policy file
  scrub detectors [--json]          print the built-in detector table
  scrub detectors --validators      list the validators detectors can name
  scrub eval [--policy FILE] CORPUS score detection on a labelled JSON-lines corpus
  scrub --help | --version

Flags of redact and inspect:
  --policy FILE         the policy (text format, or JSON if FILE ends in .json);
                        default: the built-in default policy
  --format FORMAT       text (default): every line is a message;
                        jsonl: every line is a JSON record, redacted in place
                        (valid JSON out, keys and untouched values unchanged);
                        auto: a line starting with '{' is a JSON record
  --progress[=BOOL]     bytes, records and records/s on stderr; default: on
                        when stderr is a terminal and the input is files
  --summary FILE        at the end, write counts per verdict and detector,
                        bytes and elapsed time (JSON, never values) to FILE
  --explain             inspect only, text lines: also every candidate of the
                        line, found or dropped, and what decided it (validator,
                        context word and window, threshold, separators), never
                        the value

Input is read from the FILEs in order, or from standard input when none is
given (or for "-"). Exactly one output line is written per input line, in
order. A BLOCKED line is written as [scrub:blocked], a BLOCKED JSON record
(also a malformed one) as {"scrub":"blocked","reason":...,"detail":...}.
Output is flushed whenever the input has no more data ready, so
`tail -f log | scrub redact` stays live.

Exit codes: 0 ok (blocked lines and malformed records are not errors),
1 usage or policy error (also a --summary FILE that cannot be created),
2 an input file cannot be read (or output cannot be written).
)";

int Usage(absl::string_view error) {
  std::cerr << "scrub: " << error << "\nRun 'scrub --help' for usage.\n";
  return kExitUsage;
}

// Parses "true"/"false" (and 1/0, yes/no) for --progress=BOOL.
bool ParseBool(absl::string_view value, bool* out) {
  if (value == "true" || value == "1" || value == "yes") {
    *out = true;
    return true;
  }
  if (value == "false" || value == "0" || value == "no") {
    *out = false;
    return true;
  }
  return false;
}

int RunFilterCommand(scrub::cli::FilterMode mode, const std::vector<std::string>& args) {
  scrub::cli::FilterOptions options;
  options.mode = mode;
  std::string policy_path;
  using scrub::cli::FlagValue;
  using scrub::cli::TakeFlagValue;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string value;
    FlagValue got;
    if ((got = TakeFlagValue(args, &i, "--policy", &value)) != FlagValue::kNotThisFlag) {
      // An empty value ("--policy=$UNSET") must not mean the default policy.
      if (got == FlagValue::kMissing || value.empty()) return Usage("--policy needs a FILE");
      policy_path = value;
    } else if ((got = TakeFlagValue(args, &i, "--format", &value)) !=
               FlagValue::kNotThisFlag) {
      if (got == FlagValue::kMissing) return Usage("--format needs text, jsonl or auto");
      auto format = scrub::cli::ParseFormatFlag(value);
      if (!format.ok()) return Usage(format.status().message());
      options.format = *format;
    } else if ((got = TakeFlagValue(args, &i, "--summary", &value)) !=
               FlagValue::kNotThisFlag) {
      if (got == FlagValue::kMissing || value.empty()) return Usage("--summary needs a FILE");
      options.summary_path = value;
    } else if (a == "--explain") {
      if (mode != scrub::cli::FilterMode::kInspect) return Usage("--explain is a flag of inspect");
      options.explain = true;
    } else if (a == "--progress") {
      options.progress = scrub::cli::ProgressMode::kOn;
    } else if (absl::StartsWith(a, "--progress=")) {
      bool on = false;
      if (!ParseBool(absl::string_view(a).substr(11), &on)) {
        return Usage("--progress must be true or false");
      }
      options.progress = on ? scrub::cli::ProgressMode::kOn : scrub::cli::ProgressMode::kOff;
    } else if (a == "--") {
      options.files.insert(options.files.end(), args.begin() + i + 1, args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown flag " + a);
    } else {
      options.files.push_back(a);
    }
  }
  if (options.explain && options.format != scrub::RecordFormat::kText) {
    return Usage("--explain explains text lines; it cannot be used with --format jsonl or auto");
  }
  auto scanner = scrub::LoadScanner({policy_path, {}});
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
  // --help anywhere among the options, but not after "--", where "-h" is a
  // file name.
  for (const std::string& a : rest) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    }
  }
  if (command == "redact") return RunFilterCommand(scrub::cli::FilterMode::kRedact, rest);
  if (command == "inspect") return RunFilterCommand(scrub::cli::FilterMode::kInspect, rest);
  if (command == "policy") return scrub::cli::RunPolicyCommand(rest);
  if (command == "eval") return scrub::cli::RunEvalCommand(rest);
  if (command == "detectors") return scrub::cli::RunDetectorsCommand(rest);
  return Usage("unknown command " + command);
}
