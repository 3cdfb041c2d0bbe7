// A program built against installed Scrub with nothing but g++ and
// pkg-config (tests/packaging/pkg_config_consumer_test.sh): it edits the
// default policy through the shipped policy.pb.h (masking phone numbers),
// compiles it and scans a message.
#include <iostream>
#include <memory>
#include <string>

#include "proto/scrub/v1/policy.pb.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "scrub/version.h"

int main(int argc, char** argv) {
  scrub::v1::Policy policy = scrub::DefaultPolicy();
  policy.set_name("pkg-config-consumer");
  for (scrub::v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.set_action(scrub::v1::ACTION_MASK);
  }
  absl::StatusOr<std::shared_ptr<const scrub::Scanner>> scanner =
      scrub::Scanner::Create(policy);
  if (!scanner.ok()) {
    std::cerr << "Scanner::Create failed: " << scanner.status() << "\n";
    return 1;
  }
  scrub::Scratch scratch;
  const scrub::ScanResult r =
      (*scanner)->Scan("身份证11010519491231002X，电话13812345678", &scratch);
  const std::string want = "身份证[CN_RESIDENT_ID]，电话138****5678";
  if (r.verdict != scrub::Verdict::kRedacted || r.output != want) {
    std::cerr << "want REDACTED \"" << want << "\", got verdict "
              << static_cast<int>(r.verdict) << " output \"" << r.output << "\"\n";
    return 1;
  }
  // The version compiled in (the header) is the version linked (the library's
  // DefaultPolicy() writes it).
  if (argc > 1 && (std::string(argv[1]) != scrub::kVersion ||
                   scrub::DefaultPolicy().version() != scrub::kVersion)) {
    std::cerr << "version: want " << argv[1] << ", header says " << scrub::kVersion
              << ", library says " << scrub::DefaultPolicy().version() << "\n";
    return 1;
  }
  std::cout << r.output << "\n";
  return 0;
}
