// A program outside Scrub's workspace: compiles the default policy and
// redacts a resident ID, exactly as the README's library example promises.
#include <iostream>
#include <memory>
#include <string>

#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "scrub/version.h"

int main() {
  absl::StatusOr<std::shared_ptr<const scrub::Scanner>> scanner =
      scrub::Scanner::Create(scrub::DefaultPolicy());
  if (!scanner.ok()) {
    std::cerr << "Scanner::Create failed: " << scanner.status() << "\n";
    return 1;
  }
  scrub::Scratch scratch;
  const scrub::ScanResult r = (*scanner)->Scan("身份证11010519491231002X号", &scratch);
  const std::string want = "身份证[CN_RESIDENT_ID]号";
  if (r.verdict != scrub::Verdict::kRedacted || r.output != want) {
    std::cerr << "want REDACTED \"" << want << "\", got verdict "
              << static_cast<int>(r.verdict) << " output \"" << r.output << "\"\n";
    return 1;
  }
  std::cout << "scrub " << scrub::kVersion << ": " << r.output << "\n";
  return 0;
}
