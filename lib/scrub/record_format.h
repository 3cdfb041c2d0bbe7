// File: scrub/record_format.h
// -----------------------------------------------------------------------------
//
// What an input is: a chat message or log line (text), a JSON record, or
// either, decided per record. The format is an input of every scan; the
// library alone decides what AUTO and blank records mean, so that the CLI,
// scrubd and an embedding program can never disagree.
//
//   scrub::ScanResult r = scanner->Scan({R"({"phone":13812345678})",
//                                        scrub::RecordFormat::kJson});
//   // r.format == scrub::RecordFormat::kJson
//   // r.output == R"({"phone":"[CN_MOBILE]"})"
//
// The rules
//   kText  the record is one message, scanned as plain text.
//   kJson  the record is one JSON text (usually an object), redacted in place
//          so that the output stays valid JSON (see "JSON records" in
//          scrub/scanner.h).
//   kAuto  JSON when the first byte that is not ASCII whitespace (space, TAB,
//          CR, LF) is '{', else text. The whole record decides, however far
//          it is indented.
//   Blank  a record that is empty or only ASCII whitespace holds no data: it
//          is ALLOWed unchanged in every format (a blank JSON-lines line is
//          not a malformed record).
//
// JSON records
//   A record is one JSON text (usually an object; any JSON value is
//   accepted), parsed strictly (RFC 8259).
//
//   What is scanned
//     * Every string value, after JSON unescaping ("\u0031\u0033..." is seen
//       as "13..."), as one message of the policy's detectors.
//     * Every number, by its literal text ("13812345678", "-1.5e3"); a
//       whole number in exponent form by its digits as well
//       ("1.3912345678E10" is 13912345678, as Jackson writes a long held in
//       a double), a finding then covering the whole literal.
//     * Every key (member name), after unescaping. Keys are never rewritten:
//       a finding in a key BLOCKs the record (reason kJsonKeyFinding), unless
//       its detector's action is ACTION_REPORT.
//     * true, false and null hold no text to scan.
//     Each value is scanned on its own: context words in one value do not
//     affect another. Block rules (distinct findings, combinations) and
//     limits.max_findings_per_message apply to the whole record.
//
//   Keys give context
//     A value under a key that names a kind of data is scanned as if one of
//     that detector's context words were next to it: "phone": 13812345678 is
//     a CN_MOBILE finding even where the bare number would be too weak, and
//     detectors that require context (names, addresses) accept it. A value
//     under a negative key ("order_no", "trace_id", "request_id", "txn_id",
//     ...) is scanned as if next to a negative context word. Keys are
//     compared ASCII case-insensitively with '_', '-', '.' and spaces ignored
//     ("ID_Card" == "idcard"); a key that is not listed is also looked up by
//     its last dotted segment ("user.phone" is a "phone"). Array elements take
//     the key of their array. The built-in lists (id_card, sfz, 身份证, phone,
//     mobile, tel, 手机, lat, lng, address, 地址, email, name, 姓名, qq,
//     wechat, bank_card, ip, ...) are extended by the policy's
//     json.key_context and json.negative_keys.
//
//   Coordinates given away by structure (GPS_COORDINATE)
//     Two numbers (or strings holding one; compared by value, so "+39.9087"
//     and 3.9087E1 count) that the record holds as one position are both
//     findings, each value redacted whole:
//       * sibling members lat/latitude/纬度 with lng/lon/long/longitude/经度,
//         paired by the rest of the key ("start_lat" with "start_lng",
//         "userLat" with "userLng"): {"lat": 39.908692, "lng": 116.397477};
//       * a 2- or 3-element array (an altitude may follow) under a key with
//         a location token (loc, location, geo, gps, coord(s), coordinates,
//         position, pos, point, latlng, geometry, 位置, 坐标, 经纬度, ...),
//         or nested in such an array: [lat, lng] or GeoJSON's [lng, lat]
//         ({"type":"Point","coordinates":[116.397477,39.908692]}).
//     Both numbers must be in range (|lat| <= 90, |lng| <= 180), not both
//     within one degree of 0, and have at least json.coordinate_min_decimals
//     decimals (default 3). A latitude or longitude without its partner
//     ("纬度": 39.90; not "long", also a trading position) is a finding from
//     2 decimals, as "lat=39.90" is in text. Values under field rules are
//     left to their rule.
//
//   Field rules (policy json.field_rules)
//     A rule selects a value by RFC 6901 pointer ("/user/password", exact,
//     array indexes included) or by key name (exact, case-sensitive, at any
//     depth), and applies to the value and everything nested in it:
//       skip           never scanned (keys inside are not scanned either).
//       always_redact  every string, number and boolean is replaced by the
//                      string "[REDACTED_FIELD]" (null stays null), reported
//                      as a finding of detector "REDACTED_FIELD" with action
//                      ACTION_REDACT and confidence 1.
//       detector       every non-empty string and every number is a finding
//                      of that detector (confidence 1), with its rule's action.
//     The nearest rule wins: a rule selecting a value overrides one selecting
//     an enclosing object or array; at one value a pointer rule wins over a
//     key rule.
//
//   The output
//     The redacted record is valid JSON with the same keys in the same order.
//     Every byte outside a rewritten value is copied unchanged: whitespace,
//     untouched numbers ("1.50" stays "1.50") and untouched strings with
//     their original escapes. A rewritten value is written as a JSON string
//     (a redacted number becomes a string), re-escaped: the unescaped value
//     with its redacted spans replaced, then '"', '\' and control characters
//     escaped; other characters are written as UTF-8.
//
//   Offsets
//     Finding::start/end are the byte span of the raw token in the record (a
//     string's includes its quotes); Finding::json->value_start/value_end the
//     byte offsets inside the unescaped value (a number: its literal text).
//     Offsets refer to the record as given, except after INVALID_UTF8_REPLACE
//     repaired it (then: the repaired record, which is also the output).
//
//   Failures specific to JSON (each record still gets exactly one result)
//     * Nested deeper than limits.max_json_depth (containers; the root object
//       is depth 1): BLOCKED, reason kJsonTooDeep, detail naming the byte
//       offset of the first bracket too deep.
//     * Not valid JSON: BLOCKED with reason kMalformedJson and a detail naming
//       the byte offset, e.g. "malformed JSON at byte 9: Missing a colon after
//       a name of object member."; or, under json.malformed =
//       MALFORMED_JSON_SCAN_AS_TEXT, the record is scanned as plain text
//       (ScanResult::format is then kText and malformed_json says why). Never
//       passed unscanned, whatever the failure mode. Numbers beyond double
//       range (1e400) count as malformed.
//     * Lone surrogate escapes (\uD800-\uDFFF not part of a pair), per the
//       policy's invalid_utf8: BLOCK (default): BLOCKED, kInvalidUtf8,
//       "lone surrogate escape at byte N". REPLACE: the string is read with
//       U+FFFD in its place and rewritten (keys too: a key that is not valid
//       Unicode cannot be kept); at most 16 lone high surrogates per record
//       are repaired, more BLOCK. A repaired record is REDACTED even without
//       findings: its output differs from the input.
#ifndef SCRUB_RECORD_FORMAT_H_
#define SCRUB_RECORD_FORMAT_H_

#include "absl/strings/string_view.h"

namespace scrub {

enum class RecordFormat {
  kText = 1,
  kJson = 2,
  kAuto = 3,
};

// "text", "json" or "auto".
absl::string_view RecordFormatName(RecordFormat format);

// One input of a scan: its bytes and what they are. `text` must stay valid
// for the duration of the call.
struct Record {
  absl::string_view text;
  RecordFormat format = RecordFormat::kText;
};

}  // namespace scrub

#endif  // SCRUB_RECORD_FORMAT_H_
