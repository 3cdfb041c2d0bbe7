#include "cli/eval_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/match.h"
#include "cli/corpus_eval.h"
#include "cli/filter_command.h"
#include "cli/policy_command.h"

namespace scrub::cli {

int RunEvalCommand(const std::vector<std::string>& args) {
  std::string policy_path;
  std::string corpus;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--policy" && i + 1 < args.size()) {
      policy_path = args[++i];
    } else if (absl::StartsWith(args[i], "--policy=")) {
      policy_path = args[i].substr(9);
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
  auto scanner = LoadScanner(policy_path);
  if (!scanner.ok()) {
    std::cerr << "scrub: " << scanner.status().message() << "\n";
    return kExitUsage;
  }
  std::ifstream in(corpus, std::ios::binary);
  if (!in) {
    std::cerr << "scrub: cannot open " << corpus << "\n";
    return kExitInput;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto report = EvaluateCorpus(**scanner, buffer.str());
  if (!report.ok()) {
    std::cerr << "scrub: " << corpus << ": " << report.status().message() << "\n";
    return kExitUsage;
  }
  std::cout << FormatReport(*report);
  return kExitOk;
}

}  // namespace scrub::cli
