#include "cli/eval_command.h"

#include <cstddef>
#include <iostream>

#include "cli/corpus_eval.h"
#include "cli/filter_command.h"
#include "cli/flag_value.h"
#include "cli/policy_command.h"
#include "scrub/load_scanner.h"
#include "scrub/file_reader.h"

namespace scrub::cli {
namespace {

// A labelled corpus is read whole; 1 GiB is far beyond any hand-labelled one.
constexpr size_t kMaxCorpusBytes = size_t{1} << 30;

}  // namespace

int RunEvalCommand(const std::vector<std::string>& args) {
  std::string policy_path;
  std::string corpus;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string value;
    if (const FlagValue got = TakeFlagValue(args, &i, "--policy", &value);
        got != FlagValue::kNotThisFlag) {
      if (got == FlagValue::kMissing || value.empty()) {
        std::cerr << "scrub: --policy needs a FILE\n";
        return kExitUsage;
      }
      policy_path = value;
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::cerr << "scrub: unknown flag " << args[i] << "\n";
      return kExitUsage;
    } else if (corpus.empty()) {
      corpus = args[i];
    } else {
      std::cerr << "scrub: eval takes one CORPUS file\n";
      return kExitUsage;
    }
  }
  if (corpus.empty()) {
    std::cerr << "scrub: usage: scrub eval [--policy FILE] CORPUS\n";
    return kExitUsage;
  }
  auto scanner = LoadScanner({policy_path, {}});
  if (!scanner.ok()) {
    std::cerr << "scrub: " << scanner.status().message() << "\n";
    return kExitUsage;
  }
  absl::StatusOr<std::string> content =
      ReadRegularFile(corpus, kMaxCorpusBytes);
  if (!content.ok()) {
    std::cerr << "scrub: cannot read " << corpus << ": " << content.status().message()
              << "\n";
    return kExitInput;
  }
  auto report = EvaluateCorpus(**scanner, *content);
  if (!report.ok()) {
    std::cerr << "scrub: " << corpus << ": " << report.status().message() << "\n";
    return kExitUsage;
  }
  std::cout << FormatReport(*report);
  return kExitOk;
}

}  // namespace scrub::cli
