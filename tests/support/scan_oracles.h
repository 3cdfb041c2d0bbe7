// File: tests/support/scan_oracles.h
// -----------------------------------------------------------------------------
//
// What must hold of any scan result, whatever the input and the policy: the
// checks the property tests (tests/lib/scanner_property_test.cc) and the
// fuzz targets (tests/fuzz/) share, so that both state one rule. Each check
// returns "" when the result is consistent, else what is wrong (offsets and
// detector ids; the caller decides whether to show the input).
//
//   const ScanResult r = scanner->Scan(text, &scratch);
//   std::string wrong = CheckTextResult(text, r);
//   ASSERT_EQ(wrong, "");                       // a test
//   if (!wrong.empty()) Violation("text", wrong); // a fuzz target: aborts
//
// The rules
//   * One verdict; output only when REDACTED; BLOCKED names a reason; an
//     error is BLOCKED or failed open.
//   * Findings inside the text, start < end, on UTF-8 character boundaries,
//     sorted by start, confidence in [0, 1]; an ALLOWed text has only
//     REPORT findings.
//   * Bytes outside redacted spans are unchanged and in order: the output
//     starts with the text before the first redacted group, ends with the text
//     after the last one, and holds every gap between groups in order.
//     (ACTION_REPORT spans are not redacted.)
//   * The output is valid UTF-8 (RFC 3629, checked here independently of the
//     library), and for a JSON record valid JSON: the input with each
//     redacted token replaced by exactly one JSON string token.
//   * Rescanning a REDACTED output finds nothing for REDACT rules — checked
//     only when every finding was REDACTed and neither the input nor the
//     output holds a context word: redaction changes lengths, so a context
//     word can move into or out of a detector's window between the two scans
//     (RescanApplies(), which also lists two known engine issues it avoids).
#ifndef SCRUB_TESTS_SUPPORT_SCAN_ORACLES_H_
#define SCRUB_TESTS_SUPPORT_SCAN_ORACLES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::testing {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF).
bool IsStrictUtf8(absl::string_view text);

// Checks what holds of every result, whatever its format and whatever its
// offsets refer to: the verdict, output, reason and error agree, confidences
// are in [0, 1], a REDACTED output is valid UTF-8.
std::string CheckDecision(const ScanResult& r);

// Checks a result of a scan as text. `text` is what its offsets refer to:
// the input, or after INVALID_UTF8_REPLACE repaired it, the repaired input.
std::string CheckTextResult(absl::string_view text, const ScanResult& r);

// Checks a result of a scan as a JSON record (kJson or kAuto). A result that
// fell back to text (ScanResult::format == kText) is checked as text.
// `exact` says that `record` is what the offsets refer to (the record was not
// repaired): then every byte outside the redacted tokens is compared.
std::string CheckJsonResult(absl::string_view record, const ScanResult& r, bool exact);

// The context words (positive and negative) of every detector `scanner`
// runs: the built-in catalogue's and the policy's custom detectors'.
std::vector<std::string> ContextWords(const Scanner& scanner);

// True when `text` may hold a run that decoded views decode (policy
// decode.*): a '%', '&' or '\\', or 16 base64 characters in a row, not all
// hex digits.
bool MayHoldEncodedRun(absl::string_view text);

// True when the rescan check applies to `r` of `input`: REDACTED, every
// finding REDACTed (no MASK, TOKENIZE or REPORT), no word of `words` in
// `input` (ASCII case-insensitive), and no encoded run in `input`
// (MayHoldEncodedRun).
//
// (The words of a redaction label — "ip" in "[IP_ADDRESS]" — are no context
// to the engine; the text_scan fuzzer found that they were:
// tests/fuzz/corpus/text_scan/redaction-is-context-* are its inputs.)
//
// Encoded runs are left out because of a known engine issue (found by the
// text_scan fuzzer; tests/fuzz/corpus/text_scan/decoded-neighbour-*): a
// finding inside an encoded run redacts the whole run, and the text around
// it then reads differently on a rescan. One case is fixed — a value the
// decoded text reads differently next to a run is now a finding too
// ("13\u003000513313.14101531313" redacts both mobiles) — but others remain:
// in decoded-neighbour-landline, digits split between two percent runs and
// the text after them make a landline only once the runs are redacted.
// Narrow this when the engine is fixed.
bool RescanApplies(absl::string_view input, const ScanResult& r,
                   const std::vector<std::string>& words);

// Rescans `r.output` in `format` and returns "" when it finds nothing of a
// detector whose rule is ACTION_REDACT.
std::string CheckRescanClean(const Scanner& scanner, const ScanResult& r,
                             RecordFormat format, Scratch* scratch);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SUPPORT_SCAN_ORACLES_H_
