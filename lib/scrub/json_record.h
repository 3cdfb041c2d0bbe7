// File: scrub/json_record.h
// -----------------------------------------------------------------------------
//
// JSON records (log exports, JSON lines): scan one JSON document and redact
// the personal data in it without breaking it.
//
//   auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
//   scrub::Scratch scratch;  // one per thread, shared with Scanner::Scan
//   scrub::JsonRecordResult r = scrub::ScanJsonRecord(
//       **scanner, R"({"user":{"phone":13812345678,"note":"hi"},"n":1.50})",
//       &scratch);
//   // r.verdict == scrub::Verdict::kRedacted
//   // r.output  == R"({"user":{"phone":"[CN_MOBILE]","note":"hi"},"n":1.50})"
//   // r.findings[0].detector == "CN_MOBILE"
//   // r.findings[0].pointer  == "/user/phone"
//   // r.findings[0].token_start == 17, token_end == 28  (the raw 13812345678)
//
// A record is one JSON text (usually an object; any JSON value is accepted),
// parsed strictly (RFC 8259) by RapidJSON's SAX reader.
//
// What is scanned
//   * Every string value, after JSON unescaping ("\u0031\u0033..." is seen
//     as "13..."), as one message of the policy's detectors.
//   * Every number, by its literal text ("13812345678", "-1.5e3").
//   * Every key (member name), after unescaping. Keys are never rewritten:
//     a finding in a key BLOCKs the record (reason kJsonKeyFinding), unless
//     its detector's action is ACTION_REPORT.
//   * true, false and null hold no text to scan.
//   Each value is scanned on its own: context words in one value do not
//   affect another. Block rules (distinct findings, combinations) and
//   limits.max_findings_per_message apply to the whole record.
//
// Keys give context
//   A value under a key that names a kind of data is scanned as if one of
//   that detector's context words were next to it: "phone": 13812345678 is a
//   CN_MOBILE finding even where the bare number would be too weak, and
//   detectors that require context (names, addresses) accept it. A value
//   under a negative key ("order_no", "trace_id", "request_id", "txn_id",
//   ...) is scanned as if next to a negative context word. Keys are compared
//   ASCII case-insensitively with '_', '-', '.' and spaces ignored
//   ("ID_Card" == "idcard"); a key that is not listed is also looked up by
//   its last dotted segment ("user.phone" is a "phone"). Array elements take
//   the key of their array. The built-in lists (id_card, sfz, 身份证, phone,
//   mobile, tel, 手机, lat, lng, address, 地址, email, name, 姓名, qq, wechat,
//   bank_card, ip, ...; see internal/builtin_json_keys.cc) are extended by the
//   policy's json.key_context and json.negative_keys.
//
// Field rules (policy json.field_rules)
//   A rule selects a value by RFC 6901 pointer ("/user/password", exact,
//   array indexes included) or by key name (exact, case-sensitive, at any
//   depth), and applies to the value and everything nested in it:
//     skip           never scanned (keys inside are not scanned either).
//     always_redact  every string, number and boolean is replaced by the
//                    string "[REDACTED_FIELD]" (null stays null), reported
//                    as a finding of detector "REDACTED_FIELD" with action
//                    ACTION_REDACT and confidence 1.
//     detector       every non-empty string and every number is a finding
//                    of that detector (confidence 1), with its rule's action.
//   The nearest rule wins: a rule selecting a value overrides one selecting
//   an enclosing object or array; at one value a pointer rule wins over a
//   key rule.
//
// The output
//   The redacted record is valid JSON with the same keys in the same order.
//   Every byte outside a rewritten value is copied unchanged: whitespace,
//   untouched numbers ("1.50" stays "1.50") and untouched strings with their
//   original escapes. A rewritten value is written as a JSON string (a
//   redacted number becomes a string), re-escaped: the unescaped value with
//   its redacted spans replaced, then '"', '\' and control characters
//   escaped; other characters are written as UTF-8.
//
// Offsets
//   value_start/value_end are byte offsets inside the unescaped value (a
//   number: its literal text); token_start/token_end the byte span of the
//   raw token in the record (a string's includes its quotes). Offsets always
//   refer to the record as given, except after INVALID_UTF8_REPLACE repaired
//   it (then: the repaired record, which is also the output).
//
// Limits and failures (each record gets exactly one result)
//   * Larger than limits.max_message_bytes (the record limit): failure per
//     the policy's failure_mode (BLOCK, or FAIL_OPEN: passed unchanged),
//     reason kMessageTooLarge.
//   * Nested deeper than limits.max_json_depth (containers; the root object
//     is depth 1): failure per failure_mode, reason kJsonTooDeep, detail
//     naming the byte offset of the first bracket too deep.
//   * An engine error or more than limits.max_findings_per_message findings:
//     failure per failure_mode (kEngineError, kTooManyFindings).
//   * Not valid JSON: BLOCKED with reason kMalformedJson and a detail naming
//     the byte offset, e.g. "malformed JSON at byte 9: Missing a colon after
//     a name of object member."; or, under json.malformed =
//     MALFORMED_JSON_SCAN_AS_TEXT, the record is scanned as plain text
//     (Scanner::Scan) and `scanned_as_text` is set. Never passed unscanned,
//     whatever the failure mode. Numbers beyond double range (1e400) count
//     as malformed.
//   * Invalid UTF-8, per the policy's invalid_utf8:
//       raw bytes       INVALID_UTF8_BLOCK (default): BLOCKED, kInvalidUtf8,
//                       "invalid UTF-8 at byte N". INVALID_UTF8_REPLACE: each
//                       invalid sequence becomes U+FFFD before parsing.
//       lone surrogate  an escape \uD800-\uDFFF not part of a pair. BLOCK:
//       escapes         BLOCKED, kInvalidUtf8, "lone surrogate escape at
//                       byte N". REPLACE: the string is read with U+FFFD in
//                       its place and rewritten (keys too: a key that is not
//                       valid Unicode cannot be kept); at most 16 lone high
//                       surrogates per record are repaired, more BLOCK.
//     A repaired record is REDACTED even without findings: its output
//     differs from the input.
//   Results, details and pointers never hold a detected value: a key with a
//   finding appears redacted in pointers ("/users/[CN_MOBILE]/score").
//
// Thread safety: as Scanner::Scan (the scanner is shared; a Scratch is per
// thread).
#ifndef SCRUB_JSON_RECORD_H_
#define SCRUB_JSON_RECORD_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub {

// The detector id reported for values replaced by an always_redact field
// rule, and the text that replaces them.
inline constexpr char kRedactedFieldDetector[] = "REDACTED_FIELD";
inline constexpr char kRedactedFieldText[] = "[REDACTED_FIELD]";

// One piece of personal data found in a JSON record. Never holds the value.
struct JsonFinding {
  std::string detector;  // e.g. "CN_MOBILE", or "REDACTED_FIELD"
  // RFC 6901 pointer of the value ("" is the root value; for a finding in a
  // key, the pointer of that member). Keys holding findings appear redacted.
  std::string pointer;
  bool in_key = false;  // the finding is in a member name, not in a value
  size_t value_start = 0;  // inside the unescaped value (a number: its text)
  size_t value_end = 0;
  size_t token_start = 0;  // raw token span in the record
  size_t token_end = 0;
  double confidence = 0;  // in [0, 1]
  // The action applied (as in Finding::action). A finding in a key that
  // BLOCKs the record reports ACTION_BLOCK.
  v1::Action action = v1::ACTION_UNSPECIFIED;

  friend bool operator==(const JsonFinding& a, const JsonFinding& b) {
    return a.detector == b.detector && a.pointer == b.pointer && a.in_key == b.in_key &&
           a.value_start == b.value_start && a.value_end == b.value_end &&
           a.token_start == b.token_start && a.token_end == b.token_end &&
           a.confidence == b.confidence && a.action == b.action;
  }
};

// The outcome of scanning one record. Fields mean what they mean in
// ScanResult.
struct JsonRecordResult {
  Verdict verdict = Verdict::kBlocked;  // fail closed until decided
  // When verdict == kRedacted: the record to persist. Empty otherwise.
  std::string output;
  // In record order (token_start, then value_start).
  std::vector<JsonFinding> findings;
  BlockReason block_reason = BlockReason::kNone;
  absl::Status error;  // why the scan could not be completed, if so
  bool failed_open = false;
  // E.g. "malformed JSON at byte 9: ...", "JSON nests deeper than
  // limits.max_json_depth 64 at byte 130". Offsets and detector ids only.
  std::string block_detail;

  // True when the record was not valid JSON and the policy
  // (MALFORMED_JSON_SCAN_AS_TEXT) had it scanned as plain text. The result
  // is then Scanner::Scan's: findings have an empty pointer and value
  // offsets equal to their token span (byte offsets in the record).
  bool scanned_as_text = false;
  // Why the record is not valid JSON (set when scanned_as_text, or BLOCKED
  // with kMalformedJson).
  std::string malformed_detail;
};

// Scans one JSON record with `scanner`'s policy. `scratch` may be null (a
// temporary one is used).
JsonRecordResult ScanJsonRecord(const Scanner& scanner, absl::string_view record,
                                Scratch* scratch = nullptr);

// True when `line` starts with '{' after optional ASCII whitespace: the
// per-line test of `scrub redact --format=auto`.
bool LooksLikeJsonRecord(absl::string_view line);

}  // namespace scrub

#endif  // SCRUB_JSON_RECORD_H_
