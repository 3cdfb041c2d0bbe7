// `scrub policy print-default` and `scrub policy check FILE`.
#ifndef SCRUB_CLI_POLICY_COMMAND_H_
#define SCRUB_CLI_POLICY_COMMAND_H_

#include <string>
#include <vector>


namespace scrub::cli {

// `scrub policy print-default` | `scrub policy check FILE`. Returns the exit code.
int RunPolicyCommand(const std::vector<std::string>& args);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_POLICY_COMMAND_H_
