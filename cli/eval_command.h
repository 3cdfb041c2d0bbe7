// `scrub eval [--policy FILE] CORPUS`: prints the per-detector precision and
// recall table of a labelled corpus, so anyone can score Scrub on their data.
#ifndef SCRUB_CLI_EVAL_COMMAND_H_
#define SCRUB_CLI_EVAL_COMMAND_H_

#include <string>
#include <vector>

namespace scrub::cli {

int RunEvalCommand(const std::vector<std::string>& args);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_EVAL_COMMAND_H_
