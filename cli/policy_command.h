// `scrub policy ...` and policy loading shared by the CLI's commands.
#ifndef SCRUB_CLI_POLICY_COMMAND_H_
#define SCRUB_CLI_POLICY_COMMAND_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "scrub/scanner.h"

namespace scrub::cli {

// Compiles the policy at `path`, or the built-in default when it is empty.
absl::StatusOr<std::shared_ptr<const Scanner>> LoadScanner(const std::string& path);

// `scrub policy print-default` | `scrub policy check FILE`. Returns the exit code.
int RunPolicyCommand(const std::vector<std::string>& args);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_POLICY_COMMAND_H_
