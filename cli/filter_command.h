// `scrub redact` and `scrub inspect`: the line filter over files or stdin.
#ifndef SCRUB_CLI_FILTER_COMMAND_H_
#define SCRUB_CLI_FILTER_COMMAND_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/line_scanner.h"
#include "scrub/record_format.h"
#include "scrub/scanner.h"

namespace scrub::cli {

// Exit codes of the CLI (documented in README.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;  // bad flags, bad policy
inline constexpr int kExitInput = 2;  // an input file cannot be read

enum class FilterMode {
  kRedact,   // one output line per input line: the text to persist
  kInspect,  // one JSON object per input line: verdict and findings
};

// Whether to show progress on stderr.
enum class ProgressMode {
  kAuto,  // when stderr is a terminal and the input is files
  kOn,
  kOff,
};

struct FilterOptions {
  FilterMode mode = FilterMode::kRedact;
  RecordFormat format = RecordFormat::kText;
  std::vector<std::string> files;  // empty or "-": standard input
  ProgressMode progress = ProgressMode::kAuto;
  std::string summary_path;  // --summary FILE; empty: none
  // inspect --explain: each line's candidates and what decided them
  // (scrub/explain.h). Text lines only.
  bool explain = false;
  int output_fd = 1;
  int input_fd = 0;  // standard input
  int error_fd = 2;  // progress
};

// Runs the filter; returns the exit code. Errors go to stderr, prefixed
// with "scrub: ".
int RunFilter(const Scanner& scanner, const FilterOptions& options);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_FILTER_COMMAND_H_
