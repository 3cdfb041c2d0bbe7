#include "cli/policy_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/filter_command.h"
#include "scrub/policy.h"

namespace scrub::cli {

absl::StatusOr<std::shared_ptr<const Scanner>> LoadScanner(const std::string& path) {
  if (path.empty()) return Scanner::Create(DefaultPolicy());
  auto policy = LoadPolicyFile(path);
  if (!policy.ok()) return policy.status();
  auto scanner = Scanner::Create(*policy);
  if (!scanner.ok()) {
    return absl::Status(scanner.status().code(),
                        absl::StrCat(path, ": ", scanner.status().message()));
  }
  return scanner;
}

int RunPolicyCommand(const std::vector<std::string>& args) {
  if (args.size() == 1 && args[0] == "print-default") {
    std::cout << DefaultPolicyText();
    return kExitOk;
  }
  if (args.size() == 2 && args[0] == "check") {
    auto scanner = LoadScanner(args[1]);
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
