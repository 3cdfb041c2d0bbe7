// File: scrub/scan_result.h
// -----------------------------------------------------------------------------
//
// What a scan says about one message: a verdict, the findings behind it, the
// text to persist, and — when the engine could not decide — why.
//
// One type for every record format: a text message and a JSON record give the
// same ScanResult; a finding in a JSON record also says where in the record it
// is (Finding::json).
//
// Every offset is a byte offset into the ORIGINAL input, half-open [start, end).
// A result never holds a detected value: only detector ids, offsets and
// confidences. The redacted `output` holds no detected value either (unless a
// detector's action is ACTION_REPORT, which by definition leaves the text as is).
//
// Example:
//
//   scrub::ScanResult r = scanner->Scan("电话138-1234-5678");
//   // r.verdict == scrub::Verdict::kRedacted
//   // r.output  == "电话[CN_MOBILE]"
//   // r.findings[0].detector == "CN_MOBILE", start == 6, end == 19
//
//   r = scanner->Scan({R"({"user":{"phone":13812345678}})", scrub::RecordFormat::kJson});
//   // r.output == R"({"user":{"phone":"[CN_MOBILE]"}})"
//   // r.findings[0].start == 17, end == 28 (the raw token 13812345678)
//   // r.findings[0].json->pointer == "/user/phone", value_start 0, value_end 11
#ifndef SCRUB_SCAN_RESULT_H_
#define SCRUB_SCAN_RESULT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/record_format.h"

namespace scrub {

// The decision for one message. Exactly one per input.
enum class Verdict {
  kAllow = 1,     // Nothing to change: persist the input as is.
  kRedacted = 2,  // Persist `output` instead of the input.
  kBlocked = 3,   // Do not persist this message.
};

// "ALLOW", "REDACTED" or "BLOCKED".
absl::string_view VerdictName(Verdict verdict);

// Why a message was BLOCKED (or, under FAIL_OPEN, why it passed unscanned).
// Stable, low-cardinality: safe as a metric label.
enum class BlockReason {
  kNone = 0,
  kDetectorAction = 1,   // A finding's action is ACTION_BLOCK.
  kBlockRule = 2,        // A message-level block rule fired.
  kInvalidUtf8 = 3,      // The input is not valid UTF-8 (policy: BLOCK).
  kMessageTooLarge = 4,  // The input exceeds limits.max_message_bytes.
  kEngineError = 5,      // The matching engine failed (e.g. out of memory).
  kTooManyFindings = 6,  // More findings than limits.max_findings_per_message.
  kMalformedJson = 7,    // A JSON record could not be parsed.
  kJsonTooDeep = 8,      // A JSON record nests deeper than limits.max_json_depth.
  kJsonKeyFinding = 9,   // A JSON key holds personal data (keys are never rewritten).
  kDecodeBudget = 10,    // Decoding exceeded a budget: encodings nested deeper
                         // than decode.max_depth, or more decoded bytes than
                         // the input has.
  kInterrupted = 11,     // The caller's KeepGoing said stop inside the
                         // record (a deadline, a cancelled call); `error`
                         // is its status. Never passed, under any failure
                         // mode.
};

// "detector_action", "block_rule", "invalid_utf8", ... ("" for kNone).
absl::string_view BlockReasonName(BlockReason reason);

// The detector id reported for values replaced by a JSON always_redact field
// rule, and the text that replaces them.
inline constexpr char kRedactedFieldDetector[] = "REDACTED_FIELD";
inline constexpr char kRedactedFieldText[] = "[REDACTED_FIELD]";

// Where in a JSON record a finding is. Never holds a value: a key that holds
// a finding appears redacted in pointers ("/users/[CN_MOBILE]/score").
struct JsonLocation {
  // RFC 6901 pointer of the value ("" is the root value; for a finding in a
  // key, the pointer of that member).
  std::string pointer;
  bool in_key = false;     // the finding is in a member name, not in a value
  size_t value_start = 0;  // byte offsets inside the unescaped value (a
  size_t value_end = 0;    // number: inside its literal text)

  friend bool operator==(const JsonLocation& a, const JsonLocation& b) {
    return a.pointer == b.pointer && a.in_key == b.in_key &&
           a.value_start == b.value_start && a.value_end == b.value_end;
  }
};

// One piece of personal data found in the input. Never holds the value.
struct Finding {
  std::string detector;  // Detector id, e.g. "CN_RESIDENT_ID".
  // Byte offsets in the original input: the first byte, and one past the
  // last. In a record scanned as JSON: the span of the raw token that holds
  // the finding (a string's span includes its quotes); `json` says where
  // inside it.
  size_t start = 0;
  size_t end = 0;
  double confidence = 0;  // In [0, 1].
  // The action the policy applied to this finding. When findings overlap,
  // the most protective action of the group is applied to the union of their
  // spans, and every finding of the group reports that action. A finding in
  // a JSON key that BLOCKs the record reports ACTION_BLOCK.
  v1::Action action = v1::ACTION_UNSPECIFIED;
  // Set exactly when the record was scanned as JSON.
  std::optional<JsonLocation> json;

  friend bool operator==(const Finding& a, const Finding& b) {
    return a.detector == b.detector && a.start == b.start && a.end == b.end &&
           a.confidence == b.confidence && a.action == b.action && a.json == b.json;
  }
};

// The outcome of scanning one message.
struct ScanResult {
  Verdict verdict = Verdict::kBlocked;  // Fail closed until decided.

  // When verdict == kRedacted: the text to persist (the input with every
  // redacted span rewritten; all other bytes identical). Empty otherwise.
  std::string output;

  // What the record was scanned as: kText or kJson, never kAuto. A record
  // given as JSON that is not valid JSON and that the policy had scanned as
  // text (json.malformed = MALFORMED_JSON_SCAN_AS_TEXT) says kText.
  RecordFormat format = RecordFormat::kText;

  // Text: in order of start offset (ties: longer first). JSON: in record
  // order (token start, then value_start).
  std::vector<Finding> findings;

  // Why the message is BLOCKED (kNone otherwise, unless failed_open).
  BlockReason block_reason = BlockReason::kNone;

  // OK, or why the scan could not be completed (limit exceeded, invalid
  // UTF-8, engine error). The message names the problem and its byte offset
  // or limit, never any content of the input.
  absl::Status error;

  // True when the policy's FAIL_OPEN let this message pass unchanged (verdict
  // kAllow) although `error` is not OK. Only an internal engine fault can
  // fail open (see "Failure semantics" in scrub/scanner.h); always false
  // under FAIL_CLOSED.
  bool failed_open = false;

  // A human-readable block reason for logs and API responses, e.g.
  // "invalid UTF-8 at byte 17" or "action BLOCK for CN_RESIDENT_ID". Names
  // detectors and offsets only; never content.
  std::string block_detail;

  // Set when a record given as JSON is not valid JSON (BLOCKED with
  // kMalformedJson, or scanned as text by policy): why, with the byte
  // offset, e.g. "malformed JSON at byte 9: Missing a colon after a name of
  // object member.".
  std::string malformed_json;
};

}  // namespace scrub

#endif  // SCRUB_SCAN_RESULT_H_
