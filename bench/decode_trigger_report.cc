// How often each decode trigger fires on real text, how often a view is then
// really built (something decoded), and how often the base64 trigger fires
// on a line without any finding. One line is one record (text format).
//
//   bazel build -c opt //bench:decode_trigger_report
//   bazel-bin/bench/decode_trigger_report FILE...
// Prints one markdown row per file; bench/realtext/realtext_report.sh runs
// it over the real-text corpora and the repository's corpora.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/str_format.h"
#include "scrub/internal/decoded_view.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace {

using scrub::internal::DecodedView;
using scrub::internal::DecodeTriggers;
using scrub::internal::kAllEncodings;

constexpr scrub::internal::Encoding kKinds[] = {
    scrub::internal::kPercentEncoding, scrub::internal::kHtmlEncoding,
    scrub::internal::kEscapeEncoding, scrub::internal::kBase64Encoding};

std::string Percent(uint64_t n, uint64_t of) {
  return of == 0 ? "-" : absl::StrFormat("%d (%.2f%%)", n, 100.0 * n / of);
}

}  // namespace

int main(int argc, char** argv) {
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  if (!scanner.ok()) {
    std::cerr << scanner.status() << "\n";
    return 1;
  }
  std::cout << "| file | lines | percent trig/built | html trig/built | escapes trig/built "
               "| base64 trig/built | base64 trig, no finding | decode_budget BLOCKs |\n"
               "|---|---|---|---|---|---|---|---|\n";
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << argv[a] << "\n";
      return 1;
    }
    uint64_t lines = 0, trig[4] = {}, built[4] = {}, b64_no_finding = 0, budget = 0;
    DecodedView view;
    scrub::Scratch scratch;
    std::string line;
    while (std::getline(in, line)) {
      ++lines;
      const uint8_t t = DecodeTriggers(line, kAllEncodings);
      if (t == 0) continue;
      const uint8_t decoded = view.Build(line, t) ? view.decoded() : 0;
      for (int k = 0; k < 4; ++k) {
        if (t & kKinds[k]) ++trig[k];
        if (decoded & kKinds[k]) ++built[k];
      }
      const scrub::ScanResult r = (*scanner)->Scan(line, &scratch);
      if (r.block_reason == scrub::BlockReason::kDecodeBudget) ++budget;
      if ((t & scrub::internal::kBase64Encoding) && r.findings.empty()) ++b64_no_finding;
    }
    std::cout << "| " << argv[a] << " | " << lines;
    for (int k = 0; k < 4; ++k) {
      std::cout << " | " << Percent(trig[k], lines) << " / " << built[k];
    }
    std::cout << " | " << Percent(b64_no_finding, lines) << " | " << budget << " |\n";
  }
  return 0;
}
