// File: tests/fuzz/fuzz_policies.h
// -----------------------------------------------------------------------------
//
// What the fuzz targets share: a few built-in policies, compiled once per
// process (a scanner per input would cost more than the scan), chosen by a
// byte of the input; the oracles of tests/support/scan_oracles.h applied to
// one scan under one of them; and Violation(), which aborts with what broke.
//
//   const FuzzPolicy& policy = ChoosePolicy(data[0]);
//   ScanResult r = policy.scanner->Scan(text, &scratch);
//   CheckScanOrDie("text_scan", policy, {text, RecordFormat::kText}, r, &scratch);
#ifndef SCRUB_TESTS_FUZZ_FUZZ_POLICIES_H_
#define SCRUB_TESTS_FUZZ_FUZZ_POLICIES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "scrub/scanner.h"

namespace scrub::fuzz {

struct FuzzPolicy {
  std::string name;  // "default", "strict", ...
  std::shared_ptr<const Scanner> scanner;
  std::vector<std::string> context_words;  // of the rescan rule
  bool replaces_invalid_utf8 = false;      // INVALID_UTF8_REPLACE
};

// The policies, in a fixed order (index 0 is the built-in default):
//   default  scrub::DefaultPolicy()
//   strict   every finding BLOCKs; block rules (a combination, 3 distinct)
//   decode   every decoding on, three levels, a low threshold
//   replace  invalid UTF-8 and lone surrogates repaired; malformed JSON
//            scanned as text; a skipped JSON key
//   actions  MASK, a REDACT template, REPORT, an allow list, a custom
//            detector, a keyword dictionary, JSON field rules and key context
//   limits   FAIL_OPEN; 64-byte messages, 2 findings, JSON depth 3, batches
//            of 4; only four detectors
// Aborts when one does not compile: the targets would test nothing.
const std::vector<FuzzPolicy>& FuzzPolicies();

// FuzzPolicies()[byte % size].
const FuzzPolicy& ChoosePolicy(uint8_t byte);

// Prints "<target>: ORACLE VIOLATION: <what>" and the input (C-escaped, at
// most 4 KiB of it) to stderr, then aborts.
[[noreturn]] void Violation(absl::string_view target, absl::string_view what,
                            absl::string_view input);

// Aborts through Violation() when `wrong` is not empty.
inline void CheckOrDie(absl::string_view target, const std::string& wrong,
                       absl::string_view input) {
  if (!wrong.empty()) Violation(target, wrong, input);
}

// The oracles of one scan of `input` under `policy`: the result's
// consistency (text or JSON, by the result's format), and the rescan of a
// REDACTED output where the rescan rule applies.
std::string CheckScan(const FuzzPolicy& policy, const Record& input, const ScanResult& r,
                      Scratch* scratch);

inline void CheckScanOrDie(absl::string_view target, const FuzzPolicy& policy,
                           const Record& input, const ScanResult& r, Scratch* scratch) {
  CheckOrDie(target, CheckScan(policy, input, r, scratch), input.text);
}

}  // namespace scrub::fuzz

#endif  // SCRUB_TESTS_FUZZ_FUZZ_POLICIES_H_
