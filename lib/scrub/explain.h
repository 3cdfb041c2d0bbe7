// File: scrub/explain.h
//
// Why a scan found what it found, and why it dropped the candidates it
// dropped: the triage tool behind `scrub inspect --explain`. When a value
// leaks or a harmless number is redacted, the explanation names the stage
// that decided it — the detector's validator, its context words and window,
// its threshold, an allow list, a better reading of the same digits —
// without ever quoting the value itself: a candidate is given by detector
// and byte offsets, with the separators found inside it ("space", "-",
// "U+200B", "full-width digits") but never its letters or digits.
//
//   auto e = scrub::Explain(*scanner, "订单 415-555-2671");
//   // e.candidates[0]: PHONE [7, 19), outcome kBelowThreshold,
//   //   reason "confidence 0.00 is below the threshold 0.50 (validator
//   //   phone gave 0.40, lowered by negative word "订单" 1 bytes away)"
//
// Explaining records every candidate of the scan and costs more than
// Scanner::Scan; it is meant for triage, not for serving traffic.
// Scope: text messages. Candidates are those of the text itself; a finding
// inside an encoded run (percent, HTML, escapes, base64) is listed with
// evidence "decoded view" and no further detail, and digit windows that
// their validator refused are not listed (every run of digits is read in
// many windows; only the readings that passed are).
#ifndef SCRUB_EXPLAIN_H_
#define SCRUB_EXPLAIN_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub {

// What became of a candidate, in the order the engine decides.
enum class CandidateOutcome {
  kValidatorRefused,    // the detector's validator returned 0
  kInsideLongerNumber,  // its digits continue a longer grouped number
  kRedactionLabel,      // it lies inside the policy's own redaction text
                        // ("[WECHAT_ID]"), which is no value
  kNoContextWord,       // the detector needs a context word near; none was
  kBelowThreshold,      // confidence after context below the rule's threshold
  kOtherReading,        // a better reading of the same digits won
  kAllowListed,         // an allow list of the policy exempts the value
  kFinding,             // a finding (it is in the scan's result)
};

// "finding", "validator_refused", "inside_longer_number", "redaction_label",
// "no_context_word", "below_threshold", "other_reading", "allow_listed".
absl::string_view CandidateOutcomeName(CandidateOutcome outcome);

struct CandidateExplanation {
  std::string detector;
  // Byte offsets into the text (into the repaired text when the policy
  // replaces invalid UTF-8), as in Finding.
  size_t start = 0;
  size_t end = 0;
  CandidateOutcome outcome = CandidateOutcome::kFinding;
  // How the candidate was found: "pattern" (the detector's pattern or
  // dictionary), "digit window" (a run of digits read in the writer's
  // groups, strong validator), "weak digit window", or "decoded view".
  std::string evidence;
  // The validator's registry name ("luhn", "phone", "cn_resident_id"; see
  // `scrub detectors --validators`), "" when the detector has none.
  std::string validator;
  // What the validator gave (the detector's confidence before context); 0
  // when it refused the value.
  double validator_confidence = 0;
  // After context: raised by a positive word, lowered by a negative one.
  double confidence = 0;
  // The rule's min_confidence.
  double threshold = 0;
  // The positive context word that counted, as written in the text (a word
  // of the detector's table, never the value), or "(key)" for a JSON key,
  // "key=" field or caller's hint; "" when none. Its distance in bytes of
  // the detection view.
  std::string context_word;
  size_t context_distance = 0;
  // The same for the nearest negative word ("订单", "order_id").
  std::string negative_word;
  size_t negative_distance = 0;
  // The detector's context window: bytes of the detection view searched
  // before the value and after it.
  size_t window_before = 0;
  size_t window_after = 0;
  // The characters between the value's letters and digits, by kind, in the
  // order they first occur: "space", "-", ".", "(", "U+3000", "U+200B"
  // (invisible characters by code point), "full-width digits", "non-ASCII
  // digits", "Chinese numerals". Never a letter or digit of the value. Only
  // for numbers and codes, whose normal form drops these characters; empty
  // for values whose symbols are the value (passwords, tokens, e-mail
  // addresses, names, addresses).
  std::vector<std::string> separators;
  // One sentence saying what decided the outcome.
  std::string reason;
};

struct Explanation {
  // The scan's result, as Scanner::Scan(text) returns it.
  ScanResult result;
  // Every finding and every dropped candidate, by start (ties: longer
  // first, then detector id). Empty when the scan stopped before detection
  // (invalid UTF-8 under INVALID_UTF8_BLOCK, oversize).
  std::vector<CandidateExplanation> candidates;
};

// Scans `text` as one text message with `scanner` and explains every
// candidate. Thread-safe like Scanner::Scan (it uses its own scratch).
Explanation Explain(const Scanner& scanner, absl::string_view text);

}  // namespace scrub

#endif  // SCRUB_EXPLAIN_H_
