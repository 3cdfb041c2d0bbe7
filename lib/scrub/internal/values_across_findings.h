// Values that a redaction label would continue.
//
// A pattern's value can stop inside a longer finding that starts with it:
// in "pwd:+95 7460958@" the password "+95" stops at the space inside the
// phone number, in "PWD:-----BEGIN PRIVATE KEY-----[" at the space inside
// the key's header. Redaction replaces the whole overlapping group with one
// label, which has no space, so the output reads differently: the password
// runs on through the label and the bytes glued after it ("pwd:[PHONE]@"),
// and a rescan of the output finds it. ReadValuesAcrossFindings reads such
// values now, as the output will show them: the value's own pattern is
// searched again over the text with the group replaced by its label, and a
// value that runs past the label adds a finding that takes the bytes after
// the group with it. Then the output rescans clean, and a secret glued to a
// finding ("pwd:+95 7460958@hunter2") is redacted, not let through.
#ifndef SCRUB_INTERNAL_VALUES_ACROSS_FINDINGS_H_
#define SCRUB_INTERNAL_VALUES_ACROSS_FINDINGS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/raw_finding.h"
#include "scrub/internal/scan_interrupt.h"

namespace scrub::internal {

// How far before a group its value's key is looked for, and how far after
// it the glued bytes are read (a value running further is cut there: the
// rescan of such an output may still find its rest).
inline constexpr size_t kKeyReachBytes = 256;
inline constexpr size_t kGluedReachBytes = 1024;
// Readings of the groups, each after the findings the one before added.
inline constexpr int kMaxReadingPasses = 4;

// Buffers reused across calls (part of a collector's scratch).
struct AcrossFindingsScratch {
  struct Group {
    size_t start = 0;  // view span of the overlapping findings
    size_t end = 0;
    size_t first = 0;  // the findings [first, last)
    size_t last = 0;
    int shown_rule = 0;  // whose redaction text the output shows
    bool read = false;   // a reading added a finding here
  };
  std::vector<Group> groups;
  std::string probe;
  std::vector<int> flagged;
};

// Appends to `findings` the findings that values read with a REDACT group's
// label in place make (see above); findings[first, end) are the accepted
// findings of `view`, sorted by start. Read so: a pattern value a group
// starts with and outlasts, and a candidate of `refused` (pattern candidates
// a validator refused, in any pass) that starts at or before a group and
// reaches into it ("PWD:[d-----BEGIN PRIVATE KEY-----": the placeholder
// "[d-----BEGIN" reads "[d[PRIVATE_KEY" in the output, no placeholder). At
// most one reading per group in a pass; read again (at most
// kMaxReadingPasses times) while a pass adds findings, since one may join
// two groups. The caller sorts again when `findings` grew.
// Counts its searches as work for `interrupt`; returns its status when it
// says stop, and any engine error, for the caller to fail closed.
absl::Status ReadValuesAcrossFindings(const CompiledPolicy& policy, absl::string_view view,
                                      absl::Span<const RawFinding> refused,
                                      ScanInterrupt* interrupt,
                                      AcrossFindingsScratch* scratch, size_t first,
                                      std::vector<RawFinding>* findings);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALUES_ACROSS_FINDINGS_H_
