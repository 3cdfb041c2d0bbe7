// The find stage for JSON records: reads one record token by token, scans
// every string value, number and key (keys give their values context;
// field rules skip, always redact or assign a detector), and collects
// findings and rewritten tokens. What the record then becomes is decided by
// Decide(), as for text. The rules are documented in scrub/record_format.h.
#ifndef SCRUB_INTERNAL_JSON_SCAN_H_
#define SCRUB_INTERNAL_JSON_SCAN_H_

#include <string>

#include "absl/strings/string_view.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/decide.h"
#include "scrub/internal/text_scan.h"

namespace scrub::internal {

// Scans the JSON record `record` (valid UTF-8). `repaired` is the record's
// INVALID_UTF8_REPLACE repair when `record` views it (else empty); lone
// surrogate escapes repaired under REPLACE are written into it (same length,
// so offsets hold). A record that is not valid JSON stops with
// kMalformedJson, or under MALFORMED_JSON_SCAN_AS_TEXT is scanned as text
// (outcome format kText).
ScanOutcome ScanJson(const CompiledPolicy& policy, absl::string_view record,
                     std::string* repaired, ScratchState* s);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_JSON_SCAN_H_
