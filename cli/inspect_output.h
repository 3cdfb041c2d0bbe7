// `scrub inspect` output: one JSON object per input line with the verdict
// and the findings — detector ids, byte offsets, confidence and action;
// never matched text.
//
//   {"line":1,"verdict":"REDACTED","findings":[{"detector":"CN_MOBILE",
//    "start":6,"end":19,"confidence":1.0,"action":"ACTION_REDACT"}]}
//
// For a JSON record (--format=jsonl or auto) the object also has
// "format":"json", and each finding its "pointer" (RFC 6901), "value_start"
// and "value_end" (offsets inside the unescaped value), "in_key" when the
// finding is in a key; "start"/"end" are then the raw token's span in the
// line. Lines scanned as text under --format=jsonl/auto say "format":"text";
// a malformed record the policy had scanned as text also says
// "scanned_as_text":true and "malformed":"<why>".
//
// With --explain (text lines only), the object also has "explain": every
// candidate of the line — findings and dropped ones — with its detector,
// span, "outcome" (finding, validator_refused, inside_longer_number,
// no_context_word, below_threshold, other_reading, allow_listed),
// "evidence", "validator", the confidences and threshold, the context word
// and window, the "separators" inside it and a "reason" (scrub/explain.h);
// never the value.
#ifndef SCRUB_CLI_INSPECT_OUTPUT_H_
#define SCRUB_CLI_INSPECT_OUTPUT_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "cli/line_io.h"
#include "scrub/explain.h"
#include "scrub/scan_result.h"

namespace scrub::cli {

// Writes the inspect object of one line and a newline. `file` is omitted
// when empty; "format" is written only when `show_format`.
// `explanation`, when not null, is written as "explain".
void WriteInspectRecord(absl::string_view file, size_t line_number,
                        const ScanResult& line, bool show_format,
                        const Explanation* explanation, OutputWriter* out);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_INSPECT_OUTPUT_H_
