// Fuzz target text_scan: the first byte chooses a policy (fuzz_policies.h),
// the rest is one text message. Oracles: the result's consistency and the
// rescan rule (tests/support/scan_oracles.h); under the default policy, the
// differential reference engine (lib/scrub/internal/reference_engine_for_testing.h)
// must agree on whether the scan completed (but for the decode budget: the
// reference has no decoded views), and a value that is the whole
// input for the reference must be found by the current engine too (unless
// the decode budget BLOCKed the message: nothing of it passes).
//
// Only that much of tests/lib/engine_differential_test's superset rule holds
// for any input: its listed differences (tests/data/engine_differences.txt)
// are all a value glued to its neighbours, which a whole-input value is not.
#include <cstddef>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "scrub/internal/reference_engine_for_testing.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/fuzz/fuzz_policies.h"

namespace scrub::fuzz {
namespace {

constexpr char kTarget[] = "text_scan";

const Scanner& Reference() {
  static const auto* const kReference = [] {
    Scanner::Options options;
    options.today = absl::CivilDay(2026, 11, 30);
    auto reference = internal::CreateReferenceScanner(DefaultPolicy(), options);
    if (!reference.ok()) Violation(kTarget, reference.status().ToString(), "");
    return new std::shared_ptr<const Scanner>(*std::move(reference));
  }();
  return **kReference;
}

void CheckAgainstReference(absl::string_view text, const ScanResult& now, Scratch* scratch) {
  const ScanResult was = Reference().Scan(text, scratch);
  // The reference builds no decoded views (text_scan.cc), so it never runs
  // out of the decode budget.
  if (was.error.ok() != now.error.ok() && now.block_reason != BlockReason::kDecodeBudget) {
    Violation(kTarget,
              absl::StrCat("engines disagree on completing the scan: reference ",
                           was.error.ToString(), ", current ", now.error.ToString()),
              text);
  }
  // A scan stopped by the decode budget BLOCKs the message: its findings are
  // incomplete, and nothing of the message passes.
  if (now.block_reason == BlockReason::kDecodeBudget) return;
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const size_t lead = trimmed.data() - text.data();
  for (const Finding& f : was.findings) {
    if (f.start != lead || f.end != lead + trimmed.size()) continue;
    bool covered = false;
    for (const Finding& g : now.findings) {
      covered = covered || (g.detector == f.detector && g.start <= f.start && g.end >= f.end);
    }
    if (!covered) {
      Violation(kTarget,
                absl::StrCat("the reference finds the whole input as ", f.detector,
                             "; the current engine does not"),
                text);
    }
  }
}

}  // namespace
}  // namespace scrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace scrub::fuzz;
  if (size == 0) return 0;
  static scrub::Scratch scratch;
  const FuzzPolicy& policy = ChoosePolicy(data[0]);
  const absl::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const scrub::ScanResult r = policy.scanner->Scan(text, &scratch);
  CheckScanOrDie(kTarget, policy, {text, scrub::RecordFormat::kText}, r, &scratch);
  if (&policy == &FuzzPolicies()[0]) CheckAgainstReference(text, r, &scratch);
  return 0;
}
