#include "cli/policy_command.h"

#include <iostream>

#include "cli/filter_command.h"
#include "scrub/load_scanner.h"
#include "scrub/policy.h"

namespace scrub::cli {

int RunPolicyCommand(const std::vector<std::string>& args) {
  if (args.size() == 1 && args[0] == "print-default") {
    std::cout << DefaultPolicyText();
    return kExitOk;
  }
  if (args.size() == 2 && args[0] == "check") {
    if (args[1].empty()) {
      std::cerr << "scrub: policy check needs a FILE\n";
      return kExitUsage;
    }
    auto scanner = LoadScanner({args[1], {}});
    if (!scanner.ok()) {
      std::cerr << "scrub: " << scanner.status().message() << "\n";
      return kExitUsage;
    }
    const v1::Policy& p = (*scanner)->policy();
    std::cout << args[1] << ": ok (policy \"" << p.name() << "\" version \""
              << p.version() << "\", " << (*scanner)->detector_ids().size()
              << " detectors)\n";
    return kExitOk;
  }
  std::cerr << "scrub: usage: scrub policy print-default | scrub policy check FILE\n";
  return kExitUsage;
}

}  // namespace scrub::cli
